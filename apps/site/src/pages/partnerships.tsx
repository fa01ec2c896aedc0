/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Database } from "@samraad/db";
import {
  findAgreementOrigin,
  findMunicipality,
  findSiteMunicipality,
  listPublishedPartnerships,
  matchPublicTexts,
} from "@samraad/db/queries";
import { isPublicProcess } from "@samraad/domain/co-creation";
import {
  agreementKindLabels,
  type PublicPartnership,
  partnerKindLabels,
  publicSearchText,
} from "@samraad/domain/partnerships";
import { formatDate, type Locale } from "@samraad/domain/shared";
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { PageContext } from "../context.ts";
import type { Crumb } from "../layout.tsx";
import { publicPartnershipById } from "../public-partnership.ts";
import { evaluationLinksFor } from "./evaluations.tsx";
import { calendarDate } from "./policy.tsx";

/*
 * Partnerships between a municipality and user organisations, as citizens see them: only those the partners
 * published AND whose agreement is in force (signed by everyone, not ended or terminated), with the text in
 * force — purpose, what is offered, the partners and how to take part. Never budgets, contact data, drafts or
 * unsigned amendments: the domain's publicPartnership() decides what is shown.
 */

const text = {
  da: {
    listTitle: "Partnerskaber",
    listTitleOf: (m: string) => `Partnerskaber – ${m}`,
    listIntro:
      "Kommunen og brugerorganisationer driver tilbud sammen. Her er de partnerskaber, hvis aftale er i kraft.",
    none: "Der er ingen offentliggjorte partnerskaber endnu.",
    noneOf: (m: string) => `${m} har ingen offentliggjorte partnerskaber endnu.`,
    inForceSince: (date: string) => `Aftalen er i kraft siden ${date}.`,
    purpose: "Formål",
    offer: "Det tilbyder vi",
    partners: "Partnere",
    takePart: "Sådan deltager du",
    nextStart: (date: string) => `Næste forløb begynder ${date}.`,
    contact: (m: string) => `Kontakt ${m} for at høre mere eller tilmelde dig.`,
    website: (m: string) => `${m}s hjemmeside`,
    searchHeading: (n: number) => `I partnerskaberne: ${n} ${n === 1 ? "resultat" : "resultater"}`,
    municipalityLink: "Partnerskaber med brugerorganisationer",
    fromProcess: (title: string) => `resultat af samskabelsesforløbet ${title}`,
  },
  en: {
    listTitle: "Partnerships",
    listTitleOf: (m: string) => `Partnerships – ${m}`,
    listIntro:
      "The municipality and user organisations run services together. These are the partnerships whose agreement is in force.",
    none: "There are no published partnerships yet.",
    noneOf: (m: string) => `${m} has no published partnerships yet.`,
    inForceSince: (date: string) => `The agreement has been in force since ${date}.`,
    purpose: "Purpose",
    offer: "What we offer",
    partners: "Partners",
    takePart: "How to take part",
    nextStart: (date: string) => `The next course starts on ${date}.`,
    contact: (m: string) => `Contact ${m} to learn more or to sign up.`,
    website: (m: string) => `${m}'s website`,
    searchHeading: (n: number) => `In the partnerships: ${n} ${n === 1 ? "result" : "results"}`,
    municipalityLink: "Partnerships with user organisations",
    fromProcess: (title: string) => `the outcome of the co-creation process ${title}`,
  },
} satisfies Record<Locale, unknown>;

/** The municipality page's link to its partnerships. */
export const partnershipsLinkText = (locale: Locale) => text[locale].municipalityLink;

type Owner = { slug: string; name: string; website: string | null };
type Listed = PublicPartnership & {
  municipalityId: string;
  /** Set for a cooperation agreement: the co-creation process it came from. */
  coCreationProcessId: string | null;
  municipalitySlug: string;
  municipalityName: string;
};

export function PartnershipPage({
  ctx,
  partnership: p,
  owner,
}: {
  ctx: PageContext;
  partnership: PublicPartnership;
  owner: Owner;
}) {
  const { locale } = ctx;
  const t = text[locale];
  return (
    <>
      <h1>{p.title}</h1>
      <p>{t.inForceSince(formatDate(p.inForceSince, locale))}</p>
      {p.task.trim() ? (
        <section aria-labelledby="purpose">
          <h2 id="purpose">{t.purpose}</h2>
          <p class="pre">{p.task}</p>
        </section>
      ) : null}
      {p.content.trim() ? (
        <section aria-labelledby="offer">
          <h2 id="offer">{t.offer}</h2>
          <p class="pre">{p.content}</p>
        </section>
      ) : null}
      <section aria-labelledby="partners">
        <h2 id="partners">{t.partners}</h2>
        <ul>
          {p.partners.map((x) => (
            <li>
              {x.name} <span class="meta">({partnerKindLabels[x.kind][locale]})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="take-part">
        <h2 id="take-part">{t.takePart}</h2>
        {p.nextStartOn ? (
          <p>
            <time datetime={p.nextStartOn}>{t.nextStart(calendarDate(p.nextStartOn, locale))}</time>
          </p>
        ) : null}
        <p>{t.contact(owner.name)}</p>
        {owner.website ? (
          <p>
            <a href={owner.website}>{t.website(owner.name)}</a>
          </p>
        ) : null}
      </section>
    </>
  );
}

function PartnershipList({ ctx, items, owner }: { ctx: PageContext; items: Listed[]; owner: Owner | null }) {
  const t = text[ctx.locale];
  return (
    <>
      <h1>{owner ? t.listTitleOf(owner.name) : t.listTitle}</h1>
      <p>{t.listIntro}</p>
      {items.length === 0 ? (
        <p>{owner ? t.noneOf(owner.name) : t.none}</p>
      ) : (
        <ul class="card-list">
          {items.map((p) => (
            <li class="card">
              <h2>
                <a href={ctx.href(`/partnerskaber/${p.id}`)}>{p.title}</a>
              </h2>
              <p class="meta">{p.partners.map((x) => x.name).join(" · ")}</p>
              {p.task.trim() ? <p>{p.task}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

async function publicList(db: Database, now: Date, municipalityId?: string): Promise<Listed[]> {
  const rows = await listPublishedPartnerships(db, { municipalityId });
  const shown = await Promise.all(
    rows.map(async (r) => {
      const p = await publicPartnershipById(db, r.id, now);
      return p ? { ...p, municipalitySlug: r.municipalitySlug, municipalityName: r.municipalityName } : null;
    }),
  );
  return shown.filter((p): p is Listed => p !== null);
}

/** Published partnerships whose public text matches a search, for the site's search page. */
export async function searchPublicPartnerships(db: Database, q: string, now: Date): Promise<Listed[]> {
  const items = await publicList(db, now);
  const ids = await matchPublicTexts(
    db,
    q,
    items.map((p) => ({ id: p.id, text: publicSearchText(p) })),
  );
  return ids.flatMap((id) => items.filter((p) => p.id === id));
}

export function PartnershipSearchHits({ ctx, hits }: { ctx: PageContext; hits: Listed[] }) {
  if (hits.length === 0) return null;
  const t = text[ctx.locale];
  return (
    <section aria-labelledby="partnership-results">
      <h2 id="partnership-results">{t.searchHeading(hits.length)}</h2>
      <ol class="plain-list">
        {hits.map((hit) => (
          <li>
            <span class="meta">
              {t.listTitle} · {hit.municipalityName}
            </span>
            <br />
            <a href={ctx.href(`/partnerskaber/${hit.id}`)}>{hit.title}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}

type PageSpec = { title: string; crumbs?: Crumb[]; body: Child };

export type PartnershipRouteHelpers = {
  db: Database;
  render: (c: Context, ctx: PageContext, page: PageSpec) => Response | Promise<Response>;
  notFound: (c: Context) => Response | Promise<Response>;
  ctxOf: (c: Context) => PageContext;
  home: (ctx: PageContext) => Crumb;
};

const SLUG = /^[a-z0-9-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/partnerskaber` (all), `/kommuner/:slug/partnerskaber` (one municipality's) and `/partnerskaber/:id` — the
 * address the chat bot's deadline links use. Mounted before the council route, whose `:councilSlug` would match.
 */
export function mountPartnershipPages(
  site: Hono,
  { db, render, notFound, ctxOf, home }: PartnershipRouteHelpers,
): void {
  site.get("/partnerskaber", async (c) => {
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    const items = await publicList(db, ctx.now);
    return render(c, ctx, {
      title: t.listTitle,
      crumbs: [home(ctx), { label: t.listTitle }],
      body: <PartnershipList ctx={ctx} items={items} owner={null} />,
    });
  });

  site.get("/kommuner/:slug/partnerskaber", async (c) => {
    const ctx = ctxOf(c);
    const slug = c.req.param("slug");
    const owner = SLUG.test(slug) ? await findSiteMunicipality(db, slug) : null;
    if (!owner) return notFound(c);
    const t = text[ctx.locale];
    const items = await publicList(db, ctx.now, owner.id);
    return render(c, ctx, {
      title: t.listTitleOf(owner.name),
      crumbs: [
        home(ctx),
        { label: owner.name, href: ctx.href(`/kommuner/${owner.slug}`) },
        { label: t.listTitle },
      ],
      body: <PartnershipList ctx={ctx} items={items} owner={owner} />,
    });
  });

  site.get("/partnerskaber/:id", async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param("id");
    if (!UUID.test(id)) return notFound(c);
    const partnership = await publicPartnershipById(db, id, ctx.now);
    const owner = partnership ? await findMunicipality(db, { id: partnership.municipalityId }) : null;
    if (!partnership || !owner) return notFound(c);
    const t = text[ctx.locale];
    // A cooperation agreement links back to the process it came from, while that process is public.
    const origin = await findAgreementOrigin(db, partnership.coCreationProcessId);
    const fromProcess = origin && isPublicProcess(origin.status) ? origin : null;
    return render(c, ctx, {
      title: `${partnership.title} – ${owner.name}`,
      crumbs: [
        home(ctx),
        { label: owner.name, href: ctx.href(`/kommuner/${owner.slug}`) },
        { label: t.listTitle, href: ctx.href(`/kommuner/${owner.slug}/partnerskaber`) },
        { label: partnership.title },
      ],
      body: (
        <>
          {fromProcess ? (
            <p>
              {agreementKindLabels.cooperation[ctx.locale]} –{" "}
              <a href={ctx.href(`/kommuner/${owner.slug}/samskabelse/${fromProcess.slug}`)}>
                {t.fromProcess(fromProcess.title)}
              </a>
            </p>
          ) : null}
          <PartnershipPage
            ctx={ctx}
            partnership={partnership}
            owner={{ slug: owner.slug, name: owner.name, website: owner.website ?? null }}
          />
          {await evaluationLinksFor(db, ctx, partnership.municipalityId, [partnership.id])}
        </>
      ),
    });
  });
}
