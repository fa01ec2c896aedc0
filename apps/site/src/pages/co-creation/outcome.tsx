/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Database } from "@samraad/db";
import { findProcessAgreement, listFollowUpActions } from "@samraad/db/queries";
import { publicFollowUps } from "@samraad/domain/co-creation";
import { partnerKindLabels } from "@samraad/domain/partnerships";
import { formatDate, type Locale } from "@samraad/domain/shared";
import type { PageContext } from "../../context.ts";
import { publicPartnershipById } from "../../public-partnership.ts";
import { calendarDate } from "../policy.tsx";

/*
 * What a process led to, on its public page: the cooperation agreement once every partner has signed it and the
 * partners published it (the partnership's own public rule, publicPartnership — a draft never shows), and the
 * published follow-up actions of the adopted disability policy.
 */

const text = {
  da: {
    heading: "Resultat af forløbet",
    agreement: "Samarbejdsaftale",
    inForceSince: (date: string) => `Aftalen er underskrevet af alle parter og i kraft siden ${date}.`,
    partners: "Parter",
    read: (title: string) => `Læs samarbejdsaftalen: ${title}`,
    followUps: "Opfølgning i handicappolitikkens handlingsplan",
    due: (date: string) => `frist ${date}`,
    policy: (title: string) => `Se handlingsplanen i ${title}`,
  },
  en: {
    heading: "What the process led to",
    agreement: "Cooperation agreement",
    inForceSince: (date: string) => `Signed by every party and in force since ${date}.`,
    partners: "Parties",
    read: (title: string) => `Read the cooperation agreement: ${title}`,
    followUps: "Follow-up in the disability policy's action plan",
    due: (date: string) => `due ${date}`,
    policy: (title: string) => `See the action plan in ${title}`,
  },
} satisfies Record<Locale, unknown>;

export type ProcessOutcome = Awaited<ReturnType<typeof loadProcessOutcome>>;

export async function loadProcessOutcome(db: Database, municipalityId: string, processId: string, now: Date) {
  const [found, actions] = await Promise.all([
    findProcessAgreement(db, municipalityId, processId),
    listFollowUpActions(db, municipalityId, processId),
  ]);
  return {
    agreement: found ? await publicPartnershipById(db, found.id, now) : null,
    followUps: publicFollowUps(actions),
  };
}

export function OutcomeSection({ ctx, outcome }: { ctx: PageContext; outcome: ProcessOutcome }) {
  const { agreement, followUps } = outcome;
  if (!agreement && followUps.length === 0) return null;
  const t = text[ctx.locale];
  const policies = [...new Map(followUps.map((a) => [a.policyId, a.policyTitle])).entries()];
  return (
    <section aria-labelledby="outcome">
      <h2 id="outcome">{t.heading}</h2>
      {agreement ? (
        <section aria-labelledby="outcome-agreement">
          <h3 id="outcome-agreement">{t.agreement}</h3>
          <p>{t.inForceSince(formatDate(agreement.inForceSince, ctx.locale))}</p>
          <p>
            {t.partners}:{" "}
            {agreement.partners
              .map((p) => `${p.name} (${partnerKindLabels[p.kind][ctx.locale].toLowerCase()})`)
              .join(", ")}
          </p>
          <p>
            <a href={ctx.href(`/partnerskaber/${agreement.id}`)}>{t.read(agreement.title)}</a>
          </p>
        </section>
      ) : null}
      {followUps.length > 0 ? (
        <section aria-labelledby="outcome-follow-ups">
          <h3 id="outcome-follow-ups">{t.followUps}</h3>
          <ul>
            {followUps.map((a) => (
              <li>
                {a.handling}
                {a.dueOn ? <span class="meta"> – {t.due(calendarDate(a.dueOn, ctx.locale))}</span> : null}
              </li>
            ))}
          </ul>
          {policies.map(([id, title]) => (
            <p>
              <a href={ctx.href(`/handicappolitik/${id}`)}>{t.policy(title)}</a>
            </p>
          ))}
        </section>
      ) : null}
    </section>
  );
}
