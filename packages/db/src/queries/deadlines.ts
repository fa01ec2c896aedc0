import type { CouncilRules } from "@samraad/domain/councils";
import {
  allDeadlines,
  type Deadline,
  type DeadlineSources,
  selectUpcoming,
  type UpcomingDeadlineOptions,
} from "@samraad/domain/deadlines";
import { localDate } from "@samraad/domain/shared";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { municipalities } from "../schema/index.ts";
import { ContentCache, contentVersion } from "./content-version.ts";

/** Whose deadlines: one council, some councils, or a whole municipality. Always within one municipality. */
export type DeadlineScope = { municipalityId: string; councilIds?: string[]; publicOnly?: boolean };

// Meetings held up to this many days ago can still have an open minutes-correction window.
const LONGEST_CORRECTION_WINDOW_DAYS = 60;

type UpcomingOptions = UpcomingDeadlineOptions;

type CouncilSource = DeadlineSources["councils"][number];
type MeetingSource = DeadlineSources["meetings"][number];
type HearingSource = DeadlineSources["hearings"][number];
type PolicySource = NonNullable<DeadlineSources["policies"]>[number];
type ActionSource = NonNullable<DeadlineSources["actions"]>[number];
type PartnershipSource = NonNullable<DeadlineSources["partnerships"]>[number];
type CoCreationSessionSource = NonNullable<DeadlineSources["coCreationSessions"]>[number];
type EvaluationSource = NonNullable<DeadlineSources["evaluations"]>[number];
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

// The loader's parameters. The SQL text never varies with them, so the statement is prepared once per
// connection: planning this statement costs more than running it.
const param = {
  municipalityId: sql.placeholder("municipalityId"),
  /** comma-separated council ids, or "" for the whole municipality */
  councilIds: sql.placeholder("councilIds"),
  publicOnly: sql.placeholder("publicOnly"),
  earliestMeeting: sql.placeholder("earliestMeeting"),
  now: sql.placeholder("now"),
  today: sql.placeholder("today"),
  amendmentsSince: sql.placeholder("amendmentsSince"),
};

const inScope = (column: string) =>
  sql`and (${param.councilIds}::text = '' or ${sql.raw(column)} = any(string_to_array(${param.councilIds}::text, ',')::uuid[]))`;
const onlyPublic = (condition: string) =>
  sql`and (not ${param.publicOnly}::boolean or (${sql.raw(condition)}))`;

function deadlineSourcesQuery(db: Db) {
  return db
    .select({
      // read in the same snapshot as the sources, so what is kept is labelled with the version it came from
      version: municipalities.contentVersion,
      councils: sql<Json<CouncilSource & CouncilRules>[]>`(
        select coalesce(json_agg(json_build_object(
          'id', c.id, 'municipalityId', c.municipality_id, 'name', c.name,
          'agendaCutoffWorkingDays', c.agenda_cutoff_working_days, 'minutesCorrectionDays', c.minutes_correction_days,
          'meetingsPerYear', c.meetings_per_year, 'reminderOffsetsDays', c.reminder_offsets_days)), '[]'::json)
        from councils c
        where c.municipality_id = ${param.municipalityId}::uuid and c.deleted_at is null ${inScope("c.id")})`,
      meetings: sql<Json<MeetingSource>[]>`(
        select coalesce(json_agg(json_build_object(
          'id', m.id, 'councilId', m.council_id, 'title', m.title, 'startsAt', m.starts_at, 'status', m.status)), '[]'::json)
        from meetings m
        where m.municipality_id = ${param.municipalityId}::uuid and m.deleted_at is null ${inScope("m.council_id")}
          and m.starts_at >= ${param.earliestMeeting}::timestamptz and m.status in ('planned', 'agenda_published', 'held'))`,
      hearings: sql<Json<HearingSource>[]>`(
        select coalesce(json_agg(json_build_object(
          'id', h.id, 'councilId', h.council_id, 'title', h.title, 'responseDeadline', h.response_deadline,
          'responseStatus', r.status, 'public', h.public)), '[]'::json)
        from hearings h left join hearing_responses r on r.hearing_id = h.id
        where h.municipality_id = ${param.municipalityId}::uuid and h.deleted_at is null ${inScope("h.council_id")}
          and h.response_deadline >= ${param.now}::timestamptz and (r.status is null or r.status <> 'submitted')
          ${onlyPublic("h.public")})`,
      // Dates are plain calendar dates ('YYYY-MM-DD' in JSON); the domain puts them on the municipal clock.
      policies: sql<PolicySource[]>`(
        select coalesce(json_agg(json_build_object(
          'id', p.id, 'councilId', p.council_id, 'title', p.title, 'nextFollowUpOn', p.next_follow_up_on,
          'public', p.status = 'adopted')), '[]'::json)
        from policies p
        where p.municipality_id = ${param.municipalityId}::uuid and p.deleted_at is null ${inScope("p.council_id")}
          and p.status <> 'expired' and p.next_follow_up_on >= ${param.today}::date
          ${onlyPublic("p.status = 'adopted'")})`,
      actions: sql<ActionSource[]>`(
        select coalesce(json_agg(json_build_object(
          'id', a.id, 'policyId', a.policy_id, 'councilId', p.council_id, 'handling', a.handling,
          'dueOn', a.due_on, 'status', a.status, 'public', p.status = 'adopted' and a.published)), '[]'::json)
        from policy_actions a join policies p on p.id = a.policy_id and p.deleted_at is null
        where a.municipality_id = ${param.municipalityId}::uuid and a.deleted_at is null ${inScope("p.council_id")}
          and p.status <> 'expired' and a.due_on >= ${param.today}::date and a.status not in ('done', 'dropped')
          ${onlyPublic("p.status = 'adopted' and a.published")})`,
      // Partnerships followed by a council, with their open dated tasks and amendments some signatory has
      // not signed yet. All internal: nothing here reaches a public listing.
      partnerships: sql<Json<PartnershipSource>[]>`(
        select coalesce(json_agg(json_build_object(
          'id', ps.id, 'councilId', ps.council_id, 'title', ps.title,
          'evaluationOn', ps.evaluation_on, 'endsOn', ps.ends_on, 'terminatedOn', ps.terminated_on,
          'tasks', (select coalesce(json_agg(json_build_object(
              'id', t.id, 'title', t.title, 'dueOn', t.due_on, 'done', false)), '[]'::json)
            from partnership_tasks t
            where t.partnership_id = ps.id and t.deleted_at is null and t.done_on is null and t.due_on >= ${param.today}::date),
          'unsignedAmendments', (select coalesce(json_agg(json_build_object(
              'id', a.id, 'number', a.number, 'proposedAt', a.proposed_at)), '[]'::json)
            from partnership_amendments a
            where a.partnership_id = ps.id and a.deleted_at is null
              and a.proposed_at >= ${param.amendmentsSince}::timestamptz
              and exists (select 1 from partnership_people pp
                where pp.partnership_id = ps.id and pp.signatory and pp.deleted_at is null
                  and not exists (select 1 from partnership_signatures sg
                    where sg.amendment_id = a.id and sg.signatory_id = pp.id))))), '[]'::json)
        from partnerships ps
        where ps.municipality_id = ${param.municipalityId}::uuid and ps.deleted_at is null
          and ps.council_id is not null ${inScope("ps.council_id")}
          ${onlyPublic("false")})`,
      // Sign-up deadlines of sessions in published processes a council follows (only those take sign-ups).
      coCreationSessions: sql<Json<CoCreationSessionSource>[]>`(
        select coalesce(json_agg(json_build_object(
          'id', s.id, 'processId', pr.id, 'councilId', pr.council_id, 'processTitle', pr.title, 'title', s.title,
          'registrationClosesAt', least(coalesce(s.registration_deadline, s.starts_at), s.starts_at),
          'cancelled', s.cancelled_at is not null, 'public', pr.status = 'published')), '[]'::json)
        from co_creation_sessions s join co_creation_processes pr on pr.id = s.process_id and pr.deleted_at is null
        where s.municipality_id = ${param.municipalityId}::uuid and s.deleted_at is null
          and pr.council_id is not null ${inScope("pr.council_id")} and pr.status = 'published'
          and s.cancelled_at is null and s.starts_at >= ${param.now}::timestamptz)`,
      // Evaluations not yet concluded, with a closing date, reminder or meeting still to come (lower bounds
      // only); a goal's evaluation is found on its policy's page. Internal: nothing here is public.
      evaluations: sql<Json<EvaluationSource>[]>`(
        select coalesce(json_agg(json_build_object(
          'id', e.id, 'councilId', e.council_id, 'title', e.title, 'status', e.status, 'closesOn', e.closes_on,
          'reminderDates', e.reminder_dates, 'meetingAt', e.meeting_at,
          'target', json_build_object(
            'type', case when e.subject_type = 'policy_goal' then 'policy' else e.subject_type end,
            'id', case when e.subject_type = 'policy_goal'
              then (select g.policy_id from goals g where g.id = e.subject_id) else e.subject_id end))), '[]'::json)
        from evaluations e
        where e.municipality_id = ${param.municipalityId}::uuid and e.deleted_at is null
          and e.council_id is not null ${inScope("e.council_id")} and e.status <> 'concluded'
          and (e.closes_on >= ${param.today}::date or e.meeting_at >= ${param.now}::timestamptz)
          ${onlyPublic("false")})`,
    })
    .from(municipalities)
    .where(eq(municipalities.id, param.municipalityId))
    .prepare("deadline_sources");
}

const emptySources: DeadlineSources = {
  councils: [],
  meetings: [],
  hearings: [],
  policies: [],
  actions: [],
  partnerships: [],
  coCreationSessions: [],
  evaluations: [],
};

const preparedFor = new WeakMap<Db, ReturnType<typeof deadlineSourcesQuery>>();

/**
 * The plain data the domain's upcomingDeadlines() needs, in ONE round trip: indexed subqueries
 * aggregated to JSON on the municipality's row. The domain decides what is a deadline; this only
 * narrows the rows (upcoming or recently held meetings, unanswered hearings with a future deadline).
 */
export async function loadDeadlineSources(db: Db, scope: DeadlineScope, now: Date): Promise<DeadlineSources> {
  return (await loadVersionedSources(db, scope, now)).sources;
}

async function loadVersionedSources(
  db: Db,
  scope: DeadlineScope,
  now: Date,
): Promise<{ version: number | null; sources: DeadlineSources }> {
  // No councils in scope means no deadlines — never "" (the whole municipality).
  if (scope.councilIds?.length === 0) return { version: null, sources: emptySources };
  let prepared = preparedFor.get(db);
  if (!prepared) {
    prepared = deadlineSourcesQuery(db);
    preparedFor.set(db, prepared);
  }
  const [row] = await prepared.execute({
    municipalityId: scope.municipalityId,
    councilIds: (scope.councilIds ?? []).join(","),
    publicOnly: scope.publicOnly ?? false,
    earliestMeeting: new Date(now.getTime() - LONGEST_CORRECTION_WINDOW_DAYS * 86_400_000).toISOString(),
    now: now.toISOString(),
    today: localDate(now),
    // An unsigned amendment falls due 14 days after it was put forward; older ones are past due.
    amendmentsSince: new Date(now.getTime() - 16 * 86_400_000).toISOString(),
  });
  if (!row) return { version: null, sources: emptySources };
  const sources: DeadlineSources = {
    councils: parseJson(row.councils).map(
      ({
        agendaCutoffWorkingDays,
        minutesCorrectionDays,
        meetingsPerYear,
        reminderOffsetsDays,
        ...council
      }) => ({
        ...council,
        rules: { agendaCutoffWorkingDays, minutesCorrectionDays, meetingsPerYear, reminderOffsetsDays },
      }),
    ),
    meetings: parseJson(row.meetings).map((m) => ({ ...m, startsAt: new Date(m.startsAt) })),
    hearings: parseJson(row.hearings).map((h) => ({ ...h, responseDeadline: new Date(h.responseDeadline) })),
    policies: parseJson(row.policies),
    actions: parseJson(row.actions),
    partnerships: parseJson(row.partnerships).map((p) => ({
      ...p,
      unsignedAmendments: p.unsignedAmendments.map((a) => ({ ...a, proposedAt: new Date(a.proposedAt) })),
    })),
    coCreationSessions: parseJson(row.coCreationSessions ?? []).map((s) => ({
      ...s,
      registrationClosesAt: new Date(s.registrationClosesAt),
    })),
    evaluations: parseJson(row.evaluations ?? []).map((e) => ({
      ...e,
      meetingAt: e.meetingAt ? new Date(e.meetingAt) : null,
    })),
  };
  return { version: row.version, sources };
}

/** postgres.js and PGlite both parse json columns, but a driver that does not would hand us text. */
function parseJson<T>(value: T[] | string): T[] {
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}

/**
 * Every deadline of a scope as loaded at `loadedAt`. The loader's filters only ever drop rows that are past at
 * that time, so for any later `now` the kept list holds exactly what a fresh load would give.
 */
type KeptDeadlines = { loadedAt: number; all: readonly Deadline[] };
const keptFor = new WeakMap<Db, ContentCache<KeptDeadlines>>();

/**
 * The one way every client gets deadlines: load the sources in scope, let the domain decide.
 * Admin dashboard, public site, iCal feed, OParl and the chat bot all call this. What the domain made of the
 * sources is kept per scope until the municipality's content version moves, so a repeated question costs one
 * indexed read.
 */
export async function upcomingDeadlinesFor(
  db: Db,
  scope: DeadlineScope,
  now: Date,
  options: Omit<UpcomingOptions, "publicOnly"> = {},
): Promise<Deadline[]> {
  const select = { ...options, publicOnly: scope.publicOnly ?? false };
  let kept = keptFor.get(db);
  if (!kept) {
    kept = new ContentCache();
    keptFor.set(db, kept);
  }
  const key = `${scope.municipalityId}|${scope.councilIds?.join(",") ?? "*"}|${select.publicOnly}`;
  if (kept.has(key)) {
    const version = await contentVersion(db, scope.municipalityId);
    const hit = version === null ? undefined : kept.get(key, version);
    if (hit && now.getTime() >= hit.loadedAt) return selectUpcoming(hit.all, now, select);
  }
  const { version, sources } = await loadVersionedSources(db, scope, now);
  const all = allDeadlines(sources).map((d) => Object.freeze(d));
  if (version !== null) kept.set(key, version, { loadedAt: now.getTime(), all });
  return selectUpcoming(all, now, select);
}
