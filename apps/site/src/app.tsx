/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { createHash } from "node:crypto";
import type { Database } from "@samraad/db";
import {
  ContentCache,
  findSiteAttachment,
  findSiteCouncil,
  findSiteHearing,
  findSiteMeeting,
  findSiteMunicipality,
  listSiteAgenda,
  listSiteCouncils,
  listSiteDirectory,
  listSiteHearings,
  listSiteMeetings,
  listSiteMembers,
  listSitePublications,
  meetingContentVersion,
  searchPublicIdeas,
  searchPublicPolicies,
  searchPublicProcesses,
  searchSite,
  upcomingDeadlinesFor,
} from "@samraad/db/queries";
import { isMeetingPublic } from "@samraad/domain/meetings";
import { formatDate, localDate } from "@samraad/domain/shared";
import { isAttachmentPublic } from "@samraad/domain/site";
import { type Context, Hono } from "hono";
import { etag } from "hono/etag";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import { stylesheet } from "./assets.ts";
import { otherLanguageHref, type PageContext, pageContext } from "./context.ts";
import { renderAtom } from "./feeds/atom.ts";
import { type CalendarMeeting, renderCalendar } from "./feeds/ical.ts";
import { type Crumb, Layout } from "./layout.tsx";
import { AccessibilityPage } from "./pages/accessibility.tsx";
import { IdeaSearchHits } from "./pages/co-creation/idea-search.tsx";
import { mountSignedInVotePages } from "./pages/co-creation/oidc.tsx";
import { loadProcessOutcome, OutcomeSection } from "./pages/co-creation/outcome.tsx";
import { mountCoCreationPages, ProcessSearchHits } from "./pages/co-creation/process.tsx";
import { loadVoteSection, mountCoCreationVotePages, VoteSection } from "./pages/co-creation/vote.tsx";
import { CouncilPage } from "./pages/council.tsx";
import { evaluationLinksFor, mountEvaluationPages } from "./pages/evaluations.tsx";
import { FrontPage } from "./pages/front.tsx";
import { HearingPage } from "./pages/hearing.tsx";
import { MeetingPage, meetingHeading } from "./pages/meeting.tsx";
import { MunicipalityPage } from "./pages/municipality.tsx";
import { NotFoundPage } from "./pages/not-found.tsx";
import {
  mountPartnershipPages,
  PartnershipSearchHits,
  searchPublicPartnerships,
} from "./pages/partnerships.tsx";
import { mountPolicyPages, PolicySearchHits } from "./pages/policy.tsx";
import { SearchPage } from "./pages/search.tsx";

export type SiteDeps = {
  db: Database;
  now: () => Date;
  publicUrl: string;
  /** SMTP_URL is set: a sign-up queues its confirmation email */
  sendsEmail?: boolean;
};

const DAY = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9-]{1,100}$/;
const MAX_QUERY_LENGTH = 200;
// PostgreSQL text cannot hold NUL, and no reader means a control character in a search.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
// Pages change when an official publishes; a minute's staleness is fine and ETags make revalidation cheap.
const PAGE_CACHE = "public, max-age=60, must-revalidate";
const FEED_CACHE = "public, max-age=300";
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type Page = {
  title: string;
  crumbs?: Crumb[];
  alternates?: { type: string; href: string; title: string }[];
  body: Child;
};

/** The public site: server-rendered pages, feeds and attachment downloads. Runs alone or mounted under "/". */
export function createSite({ db, now, publicUrl, sendsEmail = false }: SiteDeps): Hono {
  const site = new Hono();
  const base = publicUrl.replace(/\/$/, "");
  const host = new URL(publicUrl).hostname;

  const pageHtml = (c: Context, ctx: PageContext, page: Page) =>
    html`<!doctype html>${(
      <Layout
        ctx={ctx}
        title={page.title}
        crumbs={page.crumbs}
        alternates={page.alternates}
        otherLanguageHref={otherLanguageHref(new URL(c.req.url), ctx.locale)}
      >
        {page.body}
      </Layout>
    )}`;

  const pageHeaders = (c: Context, status: 200 | 404) => {
    c.header("Cache-Control", status === 200 ? PAGE_CACHE : "no-store");
    // The pages carry no script at all; the policy makes an injected one inert too.
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Content-Type-Options", "nosniff");
  };

  const render = (c: Context, ctx: PageContext, page: Page, status: 200 | 404 = 200) => {
    pageHeaders(c, status);
    return c.html(pageHtml(c, ctx, page), status);
  };

  // Meeting pages do not depend on the clock, only on the municipality's content: a page is kept, with its ETag,
  // until the content version moves, and a repeated request costs one indexed read.
  const keptMeetingPages = new ContentCache<{ body: string; etag: string }>(1000);
  const sendKept = (c: Context, kept: { body: string; etag: string }) => {
    pageHeaders(c, 200);
    c.header("ETag", kept.etag);
    return c.html(kept.body);
  };

  const notFound = (c: Context) => {
    const ctx = pageContext(new URL(c.req.url), now());
    return render(c, ctx, { title: ctx.t.notFoundTitle, body: <NotFoundPage ctx={ctx} /> }, 404);
  };

  const ctxOf = (c: Context) => pageContext(new URL(c.req.url), now());
  const home = (ctx: PageContext): Crumb => ({ label: ctx.t.navHome, href: ctx.href("/") });

  for (const path of [
    "/",
    "/kommuner/*",
    "/moeder/*",
    "/hoeringer/*",
    "/soeg",
    "/tilgaengelighed",
    "/bilag/*",
    "/partnerskaber",
    "/partnerskaber/*",
  ]) {
    site.use(path, etag());
  }

  site.get(stylesheet.path, (c) => {
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    c.header("Content-Type", "text/css; charset=utf-8");
    return c.body(stylesheet.body);
  });

  site.get("/", async (c) => {
    const ctx = ctxOf(c);
    const directory = await listSiteDirectory(db);
    return render(c, ctx, { title: ctx.t.frontTitle, body: <FrontPage ctx={ctx} directory={directory} /> });
  });

  site.get("/tilgaengelighed", (c) => {
    const ctx = ctxOf(c);
    return render(c, ctx, {
      title: ctx.t.accessibilityTitle,
      crumbs: [home(ctx), { label: ctx.t.accessibilityTitle }],
      body: <AccessibilityPage ctx={ctx} />,
    });
  });

  site.get("/soeg", async (c) => {
    const ctx = ctxOf(c);
    const q = (c.req.query("q") ?? "").replace(CONTROL_CHARACTERS, " ").trim().slice(0, MAX_QUERY_LENGTH);
    const hits = q === "" ? null : await searchSite(db, q);
    const policyHits = q === "" ? [] : await searchPublicPolicies(db, q);
    const partnershipHits = q === "" ? [] : await searchPublicPartnerships(db, q, ctx.now);
    const processHits = q === "" ? [] : await searchPublicProcesses(db, q);
    const ideaHits = q === "" ? [] : await searchPublicIdeas(db, q);
    return render(c, ctx, {
      title: q === "" ? ctx.t.searchTitle : `${ctx.t.searchTitle}: ${q}`,
      crumbs: [home(ctx), { label: ctx.t.searchTitle }],
      body: (
        <>
          <SearchPage ctx={ctx} q={q} hits={hits} />
          <PolicySearchHits ctx={ctx} hits={policyHits} />
          <PartnershipSearchHits ctx={ctx} hits={partnershipHits} />
          <ProcessSearchHits ctx={ctx} hits={processHits} />
          <IdeaSearchHits ctx={ctx} hits={ideaHits} />
        </>
      ),
    });
  });

  // Feeds of a whole municipality come before the council route, whose slug would otherwise match them.
  const findMunicipality = (slug: string) => (SLUG.test(slug) ? findSiteMunicipality(db, slug) : null);

  site.get("/kommuner/:slug/kalender.ics", async (c) => {
    const municipality = await findMunicipality(c.req.param("slug"));
    if (!municipality) return notFound(c);
    return calendar(c, municipality, municipality.name, null);
  });

  site.get("/kommuner/:slug/feed.atom", async (c) => {
    const municipality = await findMunicipality(c.req.param("slug"));
    if (!municipality) return notFound(c);
    return atom(c, municipality.id, municipality.name, `/kommuner/${municipality.slug}`, null);
  });

  site.get("/kommuner/:slug", async (c) => {
    const ctx = ctxOf(c);
    const municipality = await findMunicipality(c.req.param("slug"));
    if (!municipality) return notFound(c);
    const [councils, upcoming] = await Promise.all([
      listSiteCouncils(db, municipality.id),
      listSiteMeetings(db, municipality.id, {
        from: new Date(ctx.now.getTime() - 12 * 3_600_000),
        order: "asc",
        limit: 8,
      }),
    ]);
    const path = `/kommuner/${municipality.slug}`;
    return render(c, ctx, {
      title: municipality.name,
      crumbs: [home(ctx), { label: municipality.name }],
      alternates: [
        { type: "text/calendar", href: `${base}${path}/kalender.ics`, title: ctx.t.calendarFeedMunicipality },
        { type: "application/atom+xml", href: `${base}${path}/feed.atom`, title: ctx.t.atomFeed },
      ],
      body: (
        <MunicipalityPage ctx={ctx} municipality={municipality} councils={councils} upcoming={upcoming} />
      ),
    });
  });

  const findCouncilBySlugs = async (slug: string, councilSlug: string) => {
    if (!SLUG.test(councilSlug)) return null;
    const municipality = await findMunicipality(slug);
    if (!municipality) return null;
    const council = await findSiteCouncil(db, municipality.id, councilSlug);
    return council ? { municipality, council } : null;
  };

  site.get("/kommuner/:slug/:councilSlug/kalender.ics", async (c) => {
    const found = await findCouncilBySlugs(c.req.param("slug"), c.req.param("councilSlug"));
    if (!found) return notFound(c);
    return calendar(
      c,
      found.municipality,
      `${found.council.name} – ${found.municipality.name}`,
      found.council.id,
    );
  });

  site.get("/kommuner/:slug/:councilSlug/feed.atom", async (c) => {
    const found = await findCouncilBySlugs(c.req.param("slug"), c.req.param("councilSlug"));
    if (!found) return notFound(c);
    const path = `/kommuner/${found.municipality.slug}/${found.council.slug}`;
    return atom(
      c,
      found.municipality.id,
      `${found.council.name} – ${found.municipality.name}`,
      path,
      found.council.id,
    );
  });

  // Before the council route: "handicappolitik" would otherwise be read as a council's slug.
  mountPolicyPages(site, { db, render, notFound, ctxOf, home });
  mountPartnershipPages(site, { db, render, notFound, ctxOf, home });
  mountCoCreationPages(site, {
    db,
    render,
    notFound,
    ctxOf,
    home,
    host,
    mailing: sendsEmail ? { publicUrl } : null,
    // What other capabilities add to a process page: its ideas, vote and result, then its published evaluations.
    processExtras: async (ctx, process, municipality) => {
      const [votes, outcome, evaluations] = await Promise.all([
        loadVoteSection(db, municipality.id, process.id, ctx.now),
        loadProcessOutcome(db, municipality.id, process.id, ctx.now),
        evaluationLinksFor(db, ctx, municipality.id, [process.id]),
      ]);
      return (
        <>
          <VoteSection
            ctx={ctx}
            path={`/kommuner/${municipality.slug}/samskabelse/${process.slug}`}
            section={votes}
          />
          <OutcomeSection ctx={ctx} outcome={outcome} />
          {evaluations}
        </>
      );
    },
  });
  mountCoCreationVotePages(site, { db, render, notFound, ctxOf, home });
  mountSignedInVotePages(site, { db, render, notFound, ctxOf, home, publicUrl });
  mountEvaluationPages(site, { db, render, notFound, ctxOf, home });

  site.get("/kommuner/:slug/:councilSlug", async (c) => {
    const ctx = ctxOf(c);
    const found = await findCouncilBySlugs(c.req.param("slug"), c.req.param("councilSlug"));
    if (!found) return notFound(c);
    const { municipality, council } = found;
    const at = ctx.now;
    // A meeting counts as upcoming for the rest of its day, so today's meeting is still listed first.
    const startOfWindow = new Date(at.getTime() - 12 * 3_600_000);
    const [members, upcoming, past, hearings, earlierHearings, deadlines] = await Promise.all([
      listSiteMembers(db, municipality.id, council.id, localDate(at)),
      listSiteMeetings(db, municipality.id, {
        councilIds: [council.id],
        from: startOfWindow,
        order: "asc",
        limit: 6,
      }),
      listSiteMeetings(db, municipality.id, {
        councilIds: [council.id],
        to: startOfWindow,
        order: "desc",
        limit: 12,
        publicOnly: true,
      }),
      listSiteHearings(db, municipality.id, { councilId: council.id, from: at }),
      listSiteHearings(db, municipality.id, { councilId: council.id, to: at, order: "desc", limit: 10 }),
      upcomingDeadlinesFor(
        db,
        { municipalityId: municipality.id, councilIds: [council.id], publicOnly: true },
        at,
        {
          horizonDays: 365,
          limit: 10,
        },
      ),
    ]);
    const path = `/kommuner/${municipality.slug}/${council.slug}`;
    return render(c, ctx, {
      title: `${council.name} – ${municipality.name}`,
      crumbs: [
        home(ctx),
        { label: municipality.name, href: ctx.href(`/kommuner/${municipality.slug}`) },
        { label: council.name },
      ],
      alternates: [
        { type: "text/calendar", href: `${base}${path}/kalender.ics`, title: ctx.t.calendarFeed },
        { type: "application/atom+xml", href: `${base}${path}/feed.atom`, title: ctx.t.atomFeed },
      ],
      body: (
        <CouncilPage
          ctx={ctx}
          municipality={municipality}
          council={council}
          members={members}
          upcoming={upcoming}
          past={past}
          hearings={hearings}
          earlierHearings={earlierHearings}
          deadlines={deadlines}
        />
      ),
    });
  });

  site.get("/moeder/:id", async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param("id");
    if (!UUID.test(id)) return notFound(c);
    const content = await meetingContentVersion(db, id);
    if (!content) return notFound(c);
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const kept = keptMeetingPages.get(key, content.version);
    if (kept) return sendKept(c, kept);
    const meeting = await findSiteMeeting(db, id);
    if (!meeting || !isMeetingPublic(meeting)) return notFound(c);
    const agenda = await listSiteAgenda(db, meeting.municipalityId, meeting.id);
    const title = meetingHeading(ctx, meeting);
    const body = await pageHtml(c, ctx, {
      // Many meetings share a heading; the date tells browser tabs and screen-reader page lists apart.
      title: `${title}, ${formatDate(meeting.startsAt, ctx.locale)}`,
      crumbs: [
        home(ctx),
        { label: meeting.municipalityName, href: ctx.href(`/kommuner/${meeting.municipalitySlug}`) },
        {
          label: meeting.councilName,
          href: ctx.href(`/kommuner/${meeting.municipalitySlug}/${meeting.councilSlug}`),
        },
        { label: title },
      ],
      body: <MeetingPage ctx={ctx} meeting={meeting} items={agenda.items} attachments={agenda.attachments} />,
    });
    const page = {
      body: body.toString(),
      etag: `"${createHash("sha1").update(body.toString()).digest("hex")}"`,
    };
    // Labelled with the version read before the page's own queries: a change in between only costs a re-render.
    keptMeetingPages.set(key, content.version, page);
    return sendKept(c, page);
  });

  site.get("/hoeringer/:id", async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param("id");
    if (!UUID.test(id)) return notFound(c);
    const hearing = await findSiteHearing(db, id);
    if (!hearing) return notFound(c);
    return render(c, ctx, {
      title: hearing.title,
      crumbs: [
        home(ctx),
        { label: hearing.municipalityName, href: ctx.href(`/kommuner/${hearing.municipalitySlug}`) },
        {
          label: hearing.councilName,
          href: ctx.href(`/kommuner/${hearing.municipalitySlug}/${hearing.councilSlug}`),
        },
        { label: ctx.t.hearing },
      ],
      body: <HearingPage ctx={ctx} hearing={hearing} />,
    });
  });

  site.get("/bilag/:id", async (c) => {
    const id = c.req.param("id");
    if (!UUID.test(id)) return notFound(c);
    const file = await findSiteAttachment(db, id);
    if (!file) return notFound(c);
    const allowed = isAttachmentPublic({
      item:
        file.itemClosed === null ? null : { closed: file.itemClosed, deleted: file.itemDeletedAt !== null },
      meeting:
        file.meetingStatus === null
          ? null
          : {
              status: file.meetingStatus,
              agendaPublishedAt: file.meetingAgendaPublishedAt,
              deleted: file.meetingDeletedAt !== null,
            },
      hearing:
        file.hearingPublic === null
          ? null
          : { public: file.hearingPublic, deleted: file.hearingDeletedAt !== null },
    });
    if (!allowed) return notFound(c);
    c.header("Content-Type", file.mimeType);
    c.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Cache-Control", "public, max-age=3600");
    c.header("ETag", `"${file.sha512.slice(0, 32)}"`);
    return c.body(new Uint8Array(file.content));
  });

  for (const prefix of ["/kommuner/*", "/moeder/*", "/hoeringer/*", "/bilag/*"]) site.get(prefix, notFound);
  site.notFound(notFound);

  async function calendar(
    c: Context,
    municipality: { id: string; slug: string },
    name: string,
    councilId: string | null,
  ) {
    const municipalityId = municipality.id;
    const at = now();
    const councilIds = councilId ? [councilId] : undefined;
    const [meetings, deadlines] = await Promise.all([
      listSiteMeetings(db, municipalityId, {
        councilIds,
        from: new Date(at.getTime() - 365 * DAY),
        order: "asc",
      }),
      upcomingDeadlinesFor(db, { municipalityId, councilIds, publicOnly: true }, at, { horizonDays: 366 }),
    ]);
    const events: CalendarMeeting[] = meetings.map((m) => ({
      ...m,
      url: isMeetingPublic(m)
        ? `${base}/moeder/${m.id}`
        : `${base}/kommuner/${municipality.slug}/${m.councilSlug}`,
    }));
    const body = renderCalendar({
      name,
      host,
      meetings: events,
      // Meetings are events of their own above; the deadline of kind "meeting" would repeat them.
      deadlines: deadlines
        .filter((d) => d.kind !== "meeting")
        .map((d) => ({
          ...d,
          label: d.title.da,
          url:
            d.target.type === "hearing"
              ? `${base}/hoeringer/${d.target.id}`
              : d.target.type === "policy"
                ? `${base}/handicappolitik/${d.target.id}`
                : `${base}/moeder/${d.target.id}`,
        })),
    });
    c.header("Content-Type", "text/calendar; charset=utf-8");
    c.header("Cache-Control", FEED_CACHE);
    return c.body(body);
  }

  async function atom(
    c: Context,
    municipalityId: string,
    name: string,
    path: string,
    councilId: string | null,
  ) {
    const ctx = ctxOf(c);
    const rows = await listSitePublications(db, municipalityId, {
      councilIds: councilId ? [councilId] : undefined,
    });
    const entries = rows.flatMap((m) => {
      const title = meetingHeading(ctx, m);
      const url = `${base}/moeder/${m.id}`;
      const out = [];
      if (m.minutesPublishedAt) {
        out.push({
          id: `urn:samraad:meeting:${m.id}:minutes`,
          title: ctx.t.feedMinutesPublished(title),
          url,
          updated: m.minutesPublishedAt,
          summary: `${m.councilName}: ${title}`,
        });
      }
      if (m.agendaPublishedAt) {
        out.push({
          id: `urn:samraad:meeting:${m.id}:agenda`,
          title: ctx.t.feedAgendaPublished(title),
          url,
          updated: m.agendaPublishedAt,
          summary: `${m.councilName}: ${title}`,
        });
      }
      return out;
    });
    entries.sort((a, b) => b.updated.getTime() - a.updated.getTime());
    const body = renderAtom({
      id: `${base}${path}/feed.atom`,
      title: ctx.t.feedTitle(name),
      selfUrl: `${base}${path}/feed.atom`,
      pageUrl: `${base}${path}`,
      entries,
    });
    c.header("Content-Type", "application/atom+xml; charset=utf-8");
    c.header("Cache-Control", FEED_CACHE);
    return c.body(body);
  }

  return site;
}
