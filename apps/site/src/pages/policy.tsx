/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Database } from "@samraad/db";
import {
  findMunicipality,
  findPolicyOwner,
  findSiteMunicipality,
  listPolicies,
  loadPlan,
  type PolicySearchHit,
  publishedEvaluationsOf,
} from "@samraad/db/queries";
import {
  actionStatusLabels,
  danishDate,
  exportActionPlan,
  isOverdue,
  type Progress,
  planProgress,
  sectorLabels,
} from "@samraad/domain/policy";
import { type Locale, localDate } from "@samraad/domain/shared";
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { PageContext } from "../context.ts";
import type { Crumb } from "../layout.tsx";
import { evaluationLinksFor } from "./evaluations.tsx";

/*
 * "Fra ord til handling": a municipality's adopted disability policy as citizens read it — vision, focus
 * areas, goals and the actions in the Region Midt conference's form, how far each area has come (an SVG chart
 * with the same numbers in a table), overdue and postponed actions stated in words with their reason, and the
 * action plan as CSV with the import's columns. Only adopted policies and published actions are loaded.
 */

const text = {
  da: {
    pageTitle: (m: string) => `Handicappolitik – ${m}`,
    crumb: "Handicappolitik",
    none: (m: string) => `${m} har endnu ikke en vedtaget handicappolitik i Samråd.`,
    adopted: "Vedtaget",
    adoptedBy: (date: string, by: string | null) => (by ? `${date} af ${by}` : date),
    period: "Periode",
    nextFollowUp: "Næste opfølgning i Handicaprådet",
    vision: "Vision",
    progressHeading: "Fra ord til handling: så langt er vi",
    chartTitle: "Gennemført pr. fokusområde",
    chartSummary: (rows: string) =>
      `Søjlediagram over hvor stor en del af handlingerne der er gennemført. ${rows}`,
    chartRow: (title: string, p: Progress) =>
      `${title}: ${p.percent} % gennemført (${p.counts.done} af ${p.total} handlinger).`,
    tableCaption: "Gennemført pr. fokusområde (samme tal som diagrammet)",
    colArea: "Fokusområde",
    colPercent: "Gennemført",
    colDone: "Gennemførte handlinger",
    colTotal: "Handlinger i alt",
    colOverdue: "Forsinkede",
    whole: "Hele politikken",
    otherActions: "Øvrige handlinger",
    goal: "Mål",
    criteria: "Succeskriterier",
    criterion: (c: { indicator: string; baseline: string | null; target: string; unit: string | null }) =>
      `${c.indicator}: fra ${c.baseline ?? "–"} til ${c.target}${c.unit ? ` ${c.unit}` : ""}`,
    noActions: "Der er endnu ingen offentliggjorte handlinger til dette mål.",
    goalEvaluations: "Evaluering af målet",
    owner: "Tovholder",
    where: "Hvor",
    due: "Hvornår",
    status: "Status",
    reason: "Begrundelse",
    overdue: (date: string) => `Forsinket: fristen var ${date}`,
    latest: "Seneste status",
    latestOn: (date: string, by: string) => `${date}, ${by}`,
    csv: "Hent handlingsplanen som regneark (CSV)",
    csvHint: "Kolonnerne er Handling, Mål, Tovholder, Hvor/når og Status.",
  },
  en: {
    pageTitle: (m: string) => `Disability policy – ${m}`,
    crumb: "Disability policy",
    none: (m: string) => `${m} has no adopted disability policy in Samråd yet.`,
    adopted: "Adopted",
    adoptedBy: (date: string, by: string | null) => (by ? `${date} by ${by}` : date),
    period: "Period",
    nextFollowUp: "Next follow-up in the disability council",
    vision: "Vision",
    progressHeading: "From words to action: how far we have come",
    chartTitle: "Completed per focus area",
    chartSummary: (rows: string) => `Bar chart of the share of actions completed. ${rows}`,
    chartRow: (title: string, p: Progress) =>
      `${title}: ${p.percent} % completed (${p.counts.done} of ${p.total} actions).`,
    tableCaption: "Completed per focus area (the same numbers as the chart)",
    colArea: "Focus area",
    colPercent: "Completed",
    colDone: "Completed actions",
    colTotal: "Actions in total",
    colOverdue: "Overdue",
    whole: "The whole policy",
    otherActions: "Other actions",
    goal: "Goal",
    criteria: "Success criteria",
    criterion: (c: { indicator: string; baseline: string | null; target: string; unit: string | null }) =>
      `${c.indicator}: from ${c.baseline ?? "–"} to ${c.target}${c.unit ? ` ${c.unit}` : ""}`,
    noActions: "No published actions for this goal yet.",
    goalEvaluations: "Evaluation of this goal",
    owner: "Owner",
    where: "Where",
    due: "When",
    status: "Status",
    reason: "Reason",
    overdue: (date: string) => `Overdue: the deadline was ${date}`,
    latest: "Latest update",
    latestOn: (date: string, by: string) => `${date}, ${by}`,
    csv: "Download the action plan as a spreadsheet (CSV)",
    csvHint:
      "The columns are Handling (action), Mål (goal), Tovholder (owner), Hvor/når (where/when) and Status.",
  },
} satisfies Record<Locale, unknown>;

const englishMonths = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A calendar date as words ("3. december 2026" / "3 December 2026"), without going through an instant. */
export function calendarDate(iso: string, locale: Locale): string {
  if (locale === "da") return danishDate(iso);
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${englishMonths[(m ?? 1) - 1]} ${y}`;
}

type Plan = Awaited<ReturnType<typeof loadPlan>>;
type PlanAction = Plan["actions"][number];
type Policy = Awaited<ReturnType<typeof listPolicies>>[number];
type AreaRow = { title: string; progress: Progress };

const BAR_WIDTH = 300;
const LABEL_WIDTH = 330;
const ROW_HEIGHT = 44;

/** Horizontal bars with their numbers written next to them: the length is never the only carrier of the value. */
function ProgressChart({ rows, locale }: { rows: AreaRow[]; locale: Locale }) {
  const t = text[locale];
  const height = rows.length * ROW_HEIGHT + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + 70;
  const summary = t.chartSummary(rows.map((r) => t.chartRow(r.title, r.progress)).join(" "));
  return (
    <svg
      role="img"
      aria-labelledby="progress-chart-title progress-chart-desc"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      class="policy-chart"
      data-testid="progress-chart"
    >
      <title id="progress-chart-title">{t.chartTitle}</title>
      <desc id="progress-chart-desc">{summary}</desc>
      {rows.map((r, i) => {
        const y = i * ROW_HEIGHT + 4;
        const label = r.title.length > 48 ? `${r.title.slice(0, 46)}…` : r.title;
        return (
          <g data-percent={String(r.progress.percent)} data-area={r.title}>
            <text x="0" y={y + 24} font-size="14" fill="#1a1a1a">
              {label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 8} width={BAR_WIDTH} height="24" fill="#ffffff" stroke="#454545" />
            <rect
              x={LABEL_WIDTH}
              y={y + 8}
              width={Math.round((BAR_WIDTH * r.progress.percent) / 100)}
              height="24"
              fill="#0059b3"
            />
            <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 25} font-size="14" fill="#1a1a1a">
              {`${r.progress.percent} %`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ProgressTable({ rows, overall, locale }: { rows: AreaRow[]; overall: Progress; locale: Locale }) {
  const t = text[locale];
  const row = (title: string, p: Progress, total = false) => (
    <tr data-area={title} class={total ? "total" : undefined}>
      <th scope="row">{title}</th>
      <td data-percent={String(p.percent)}>{`${p.percent} %`}</td>
      <td>{p.counts.done}</td>
      <td>{p.total}</td>
      <td>{p.overdue}</td>
    </tr>
  );
  return (
    <div class="table-scroll">
      <table class="table" data-testid="progress-table">
        <caption>{t.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colArea}</th>
            <th scope="col">{t.colPercent}</th>
            <th scope="col">{t.colDone}</th>
            <th scope="col">{t.colTotal}</th>
            <th scope="col">{t.colOverdue}</th>
          </tr>
        </thead>
        <tbody>{rows.map((r) => row(r.title, r.progress))}</tbody>
        <tfoot>{row(t.whole, overall, true)}</tfoot>
      </table>
    </div>
  );
}

function ActionItem({
  action,
  today,
  locale,
  headingLevel,
}: {
  action: PlanAction;
  today: string;
  locale: Locale;
  headingLevel: 3 | 4;
}) {
  const t = text[locale];
  const latest = action.progress[0];
  const overdue = isOverdue(action, today);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const when = action.dueOn
    ? action.startsOn
      ? `${calendarDate(action.startsOn, locale)} – ${calendarDate(action.dueOn, locale)}`
      : calendarDate(action.dueOn, locale)
    : "–";
  return (
    <li
      id={`handling-${action.id}`}
      class={`policy-action status-${action.status}${overdue ? " overdue" : ""}`}
    >
      <Heading>{action.handling}</Heading>
      <dl class="facts">
        {action.goalText ? (
          <>
            <dt>{t.goal}</dt>
            <dd>{action.goalText}</dd>
          </>
        ) : null}
        <dt>{t.owner}</dt>
        <dd>
          {[action.ownerName, action.ownerSector ? sectorLabels[action.ownerSector][locale] : null]
            .filter(Boolean)
            .join(", ") || "–"}
        </dd>
        {action.place ? (
          <>
            <dt>{t.where}</dt>
            <dd>{action.place}</dd>
          </>
        ) : null}
        <dt>{t.due}</dt>
        <dd>{action.dueOn ? <time datetime={action.dueOn}>{when}</time> : when}</dd>
        <dt>{t.status}</dt>
        <dd>
          <strong>{actionStatusLabels[action.status][locale]}</strong>
          {overdue && action.dueOn ? (
            <span class="overdue-note">. {t.overdue(calendarDate(action.dueOn, locale))}</span>
          ) : null}
        </dd>
        {action.statusReason ? (
          <>
            <dt>{t.reason}</dt>
            <dd>{action.statusReason}</dd>
          </>
        ) : null}
        {latest ? (
          <>
            <dt>{t.latest}</dt>
            <dd>
              {latest.text}{" "}
              <span class="meta">({t.latestOn(calendarDate(latest.on, locale), latest.authorName)})</span>
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

function GoalEvaluationLinks(props: {
  ctx: PageContext;
  label: string;
  items: { id: string; title: string }[];
}) {
  if (props.items.length === 0) return null;
  return (
    <p data-testid="goal-evaluation-links">
      {props.label}:{" "}
      {props.items.map((e, i) => (
        <>
          {i > 0 ? ", " : null}
          <a href={props.ctx.href(`/evalueringer/${e.id}`)}>{e.title}</a>
        </>
      ))}
    </p>
  );
}

export function PolicyPage({
  ctx,
  municipality,
  policy,
  plan,
  goalEvaluations = [],
}: {
  /** published results of evaluations whose subject is one goal, shown at that goal */
  goalEvaluations?: { id: string; title: string; subjectId: string }[];
  ctx: PageContext;
  municipality: { slug: string; name: string };
  policy: Policy | null;
  plan: Plan | null;
}) {
  const { locale } = ctx;
  const t = text[locale];
  if (!policy || !plan) {
    return (
      <>
        <h1>{t.pageTitle(municipality.name)}</h1>
        <p>{t.none(municipality.name)}</p>
      </>
    );
  }
  const today = localDate(ctx.now);
  const ruleActions = plan.actions.map((a) => ({ ...a, percent: a.progress[0]?.percent ?? null }));
  const progress = planProgress({ ...plan, actions: ruleActions }, today);
  const rows: AreaRow[] = progress.byFocusArea.map((a) => ({
    title: a.focusAreaId === null ? t.otherActions : a.title,
    progress: a.progress,
  }));
  const goalIds = new Set(plan.goals.map((g) => g.id));
  const loose = plan.actions.filter((a) => !a.goalId || !goalIds.has(a.goalId));
  return (
    <>
      <h1>{policy.title}</h1>
      <dl class="facts">
        {policy.adoptedOn ? (
          <>
            <dt>{t.adopted}</dt>
            <dd>{t.adoptedBy(calendarDate(policy.adoptedOn, locale), policy.adoptedBy)}</dd>
          </>
        ) : null}
        {policy.periodFrom && policy.periodTo ? (
          <>
            <dt>{t.period}</dt>
            <dd>
              {calendarDate(policy.periodFrom, locale)} – {calendarDate(policy.periodTo, locale)}
            </dd>
          </>
        ) : null}
        {policy.nextFollowUpOn ? (
          <>
            <dt>{t.nextFollowUp}</dt>
            <dd>{calendarDate(policy.nextFollowUpOn, locale)}</dd>
          </>
        ) : null}
      </dl>
      {policy.vision ? (
        <section aria-labelledby="vision">
          <h2 id="vision">{t.vision}</h2>
          <p class="pre">{policy.vision}</p>
        </section>
      ) : null}
      <section aria-labelledby="progress">
        <h2 id="progress">{t.progressHeading}</h2>
        <ProgressChart rows={rows} locale={locale} />
        <ProgressTable rows={rows} overall={progress.overall} locale={locale} />
        <p>
          <a href={ctx.href(`/kommuner/${municipality.slug}/handicappolitik/handlingsplan.csv`)} download>
            {t.csv}
          </a>{" "}
          <span class="meta">{t.csvHint}</span>
        </p>
      </section>
      {plan.focusAreas.map((area) => {
        const areaGoals = plan.goals.filter((g) => g.focusAreaId === area.id);
        return (
          <section aria-labelledby={`area-${area.id}`}>
            <h2 id={`area-${area.id}`}>{area.title}</h2>
            {area.description ? <p>{area.description}</p> : null}
            {areaGoals.map((goal) => {
              const actions = plan.actions.filter((a) => a.goalId === goal.id);
              return (
                <>
                  <h3 id={`maal-${goal.id}`}>
                    {t.goal}: {goal.title}
                  </h3>
                  {goal.criteria.length > 0 ? (
                    <>
                      <p>{t.criteria}:</p>
                      <ul>
                        {goal.criteria.map((c) => (
                          <li>{t.criterion(c)}</li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  <GoalEvaluationLinks
                    ctx={ctx}
                    label={t.goalEvaluations}
                    items={goalEvaluations.filter((e) => e.subjectId === goal.id)}
                  />
                  {actions.length === 0 ? (
                    <p>{t.noActions}</p>
                  ) : (
                    <ul class="plain-list policy-actions">
                      {actions.map((a) => (
                        <ActionItem action={a} today={today} locale={locale} headingLevel={4} />
                      ))}
                    </ul>
                  )}
                </>
              );
            })}
          </section>
        );
      })}
      {loose.length > 0 ? (
        <section aria-labelledby="other-actions">
          <h2 id="other-actions">{t.otherActions}</h2>
          <ul class="plain-list policy-actions">
            {loose.map((a) => (
              <ActionItem action={a} today={today} locale={locale} headingLevel={3} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

type PolicyHit = PolicySearchHit;

const searchText = {
  da: {
    heading: (n: number) => `I handicappolitikkerne: ${n} ${n === 1 ? "resultat" : "resultater"}`,
    action: "Handling",
    goal: "Mål",
  },
  en: {
    heading: (n: number) => `In the disability policies: ${n} ${n === 1 ? "result" : "results"}`,
    action: "Action",
    goal: "Goal",
  },
};

/** Actions and goals of adopted policies that match a search, below the site's own results. */
export function PolicySearchHits({ ctx, hits }: { ctx: PageContext; hits: PolicyHit[] }) {
  if (hits.length === 0) return null;
  const t = searchText[ctx.locale];
  return (
    <section aria-labelledby="policy-results">
      <h2 id="policy-results">{t.heading(hits.length)}</h2>
      <ol class="plain-list">
        {hits.map((hit) => (
          <li>
            <span class="meta">
              {hit.kind === "action" ? t.action : t.goal} · {hit.municipalityName} · {hit.policyTitle}
            </span>
            <br />
            <a
              href={`${ctx.href(`/kommuner/${hit.municipalitySlug}/handicappolitik`)}#${hit.kind === "action" ? "handling" : "maal"}-${hit.id}`}
            >
              {hit.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

type PageSpec = { title: string; crumbs?: Crumb[]; body: Child };

export type PolicyRouteHelpers = {
  db: Database;
  render: (c: Context, ctx: PageContext, page: PageSpec) => Response | Promise<Response>;
  notFound: (c: Context) => Response | Promise<Response>;
  ctxOf: (c: Context) => PageContext;
  home: (ctx: PageContext) => Crumb;
};

const SLUG = /^[a-z0-9-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The routes of the policy page; mounted before the council route, whose `:councilSlug` would match them. */
export function mountPolicyPages(
  site: Hono,
  { db, render, notFound, ctxOf, home }: PolicyRouteHelpers,
): void {
  const adoptedPolicy = async (slug: string) => {
    const municipality = SLUG.test(slug) ? await findSiteMunicipality(db, slug) : null;
    if (!municipality) return null;
    // The newest adopted policy; drafts, consultations and expired policies are never loaded here.
    const [policy] = await listPolicies(db, municipality.id, { publicOnly: true });
    const plan = policy ? await loadPlan(db, municipality.id, policy.id, { publicOnly: true }) : null;
    return { municipality, policy: policy ?? null, plan };
  };

  site.get("/kommuner/:slug/handicappolitik", async (c) => {
    const ctx = ctxOf(c);
    const found = await adoptedPolicy(c.req.param("slug"));
    if (!found) return notFound(c);
    const t = text[ctx.locale];
    return render(c, ctx, {
      title: found.policy
        ? `${found.policy.title} – ${found.municipality.name}`
        : t.pageTitle(found.municipality.name),
      crumbs: [
        home(ctx),
        { label: found.municipality.name, href: ctx.href(`/kommuner/${found.municipality.slug}`) },
        { label: t.crumb },
      ],
      body: (
        <>
          <PolicyPage
            ctx={ctx}
            municipality={found.municipality}
            policy={found.policy}
            plan={found.plan}
            goalEvaluations={
              found.plan
                ? await publishedEvaluationsOf(
                    db,
                    found.municipality.id,
                    found.plan.goals.map((g) => g.id),
                  )
                : []
            }
          />
          {found.policy ? await evaluationLinksFor(db, ctx, found.municipality.id, [found.policy.id]) : null}
        </>
      ),
    });
  });

  site.get("/kommuner/:slug/handicappolitik/handlingsplan.csv", async (c) => {
    const found = await adoptedPolicy(c.req.param("slug"));
    if (!found?.policy || !found.plan) return notFound(c);
    const goalTitle = new Map(found.plan.goals.map((g) => [g.id, g.title]));
    const csv = exportActionPlan(
      found.plan.actions.map((a) => ({
        ...a,
        goalTitle: a.goalId ? (goalTitle.get(a.goalId) ?? null) : null,
      })),
    );
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="handlingsplan-${found.municipality.slug}.csv"`);
    c.header("Cache-Control", "public, max-age=60, must-revalidate");
    c.header("X-Content-Type-Options", "nosniff");
    return c.body(csv);
  });

  // Deadlines (chat bot, iCal) point at a policy by id; its page is the municipality's policy page.
  site.get("/handicappolitik/:id", async (c) => {
    const id = c.req.param("id");
    const owner = UUID.test(id) ? await findPolicyOwner(db, id) : null;
    const municipality = owner ? await findMunicipality(db, { id: owner.municipalityId }) : null;
    const [current] = municipality ? await listPolicies(db, municipality.id, { publicOnly: true }) : [];
    if (!municipality || current?.id !== id) return notFound(c);
    const lang = c.req.query("lang") === "en" ? "?lang=en" : "";
    return c.redirect(`/kommuner/${municipality.slug}/handicappolitik${lang}`, 302);
  });
}
