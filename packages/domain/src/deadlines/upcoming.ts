import {
  type Deadline,
  type DeadlineCouncil,
  type DeadlineKind,
  type DeadlineSources,
  deadlineKinds,
} from "./deadline.ts";
import { coCreationDeadlines } from "./from-co-creation.ts";
import { evaluationDeadlines } from "./from-evaluations.ts";
import { hearingDeadlines } from "./from-hearings.ts";
import { meetingDeadlines } from "./from-meetings.ts";
import { partnershipDeadlines } from "./from-partnerships.ts";
import { actionDeadlines, policyDeadlines } from "./from-policies.ts";

/** Each capability turns its own sources into deadlines; this list is the only place they meet. */
type Contributor = (
  sources: DeadlineSources,
  council: (id: string) => DeadlineCouncil | undefined,
) => Deadline[];

const contributors: Contributor[] = [
  (sources, council) =>
    sources.meetings.flatMap((m) => withCouncil(council(m.councilId), (c) => meetingDeadlines(m, c))),
  (sources, council) =>
    sources.hearings.flatMap((h) => withCouncil(council(h.councilId), (c) => hearingDeadlines(h, c))),
  (sources, council) =>
    (sources.policies ?? []).flatMap((p) => withCouncil(council(p.councilId), (c) => policyDeadlines(p, c))),
  (sources, council) =>
    (sources.actions ?? []).flatMap((a) => withCouncil(council(a.councilId), (c) => actionDeadlines(a, c))),
  (sources, council) =>
    (sources.partnerships ?? []).flatMap((p) =>
      withCouncil(council(p.councilId), (c) => partnershipDeadlines(p, c)),
    ),
  (sources, council) =>
    (sources.coCreationSessions ?? []).flatMap((s) =>
      withCouncil(council(s.councilId), (c) => coCreationDeadlines(s, c)),
    ),
  (sources, council) =>
    (sources.evaluations ?? []).flatMap((e) =>
      withCouncil(council(e.councilId), (c) => evaluationDeadlines(e, c)),
    ),
];

// A source whose council was not loaded (another municipality, a deleted council) contributes nothing.
function withCouncil(
  council: DeadlineCouncil | undefined,
  f: (c: DeadlineCouncil) => Deadline[],
): Deadline[] {
  return council ? f(council) : [];
}

export type UpcomingDeadlineOptions = {
  /** Keep only deadlines due within this many days (24-hour periods) from now. */
  horizonDays?: number;
  limit?: number;
  kinds?: DeadlineKind[];
  publicOnly?: boolean;
};

const kindOrder = new Map<DeadlineKind, number>(deadlineKinds.map((k, i) => [k, i]));
const DAY_MS = 86_400_000;

/** Soonest first; ties by kind order, then id, so every client shows the same list. */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  return (
    a.dueAt.getTime() - b.dueAt.getTime() ||
    (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Every deadline the sources imply, soonest first, whatever the time. It does not depend on the clock, so a
 * caller may keep it and answer later questions with selectUpcoming() alone.
 */
export function allDeadlines(sources: DeadlineSources): Deadline[] {
  const councils = new Map(sources.councils.map((c) => [c.id, c]));
  return contributors
    .flatMap((contribute) => contribute(sources, (id) => councils.get(id)))
    .sort(compareDeadlines);
}

/** The upcoming part of a sorted list from allDeadlines(): due at or after `now`, within the options. */
export function selectUpcoming(
  sorted: readonly Deadline[],
  now: Date,
  options: UpcomingDeadlineOptions = {},
): Deadline[] {
  const from = now.getTime();
  const until =
    options.horizonDays === undefined ? Number.POSITIVE_INFINITY : from + options.horizonDays * DAY_MS;
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const limit = options.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, options.limit);
  const result: Deadline[] = [];
  for (const d of sorted) {
    if (result.length >= limit) break;
    const due = d.dueAt.getTime();
    if (due > until) break;
    if (due >= from && (kinds === undefined || kinds.has(d.kind)) && (!options.publicOnly || d.public))
      result.push(d);
  }
  return result;
}

/**
 * "What is due for my council, soonest first?" — the one answer the admin dashboard, the public site, the
 * iCal feed and the chat bot all use.
 */
export function upcomingDeadlines(
  sources: DeadlineSources,
  now: Date,
  options: UpcomingDeadlineOptions = {},
): Deadline[] {
  return selectUpcoming(allDeadlines(sources), now, options);
}
