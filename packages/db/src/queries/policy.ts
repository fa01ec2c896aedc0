import type { ActionStatus, PolicyStatus, Sector } from "@samraad/domain/policy";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, max, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import {
  actionProgress,
  focusAreas,
  goals,
  municipalities,
  policies,
  policyActions,
  successCriteria,
} from "../schema/index.ts";
import { markProcessesModified } from "./co-creation.ts";

export const policyColumns = {
  id: policies.id,
  municipalityId: policies.municipalityId,
  councilId: policies.councilId,
  title: policies.title,
  vision: policies.vision,
  status: policies.status,
  adoptedOn: policies.adoptedOn,
  adoptedBy: policies.adoptedBy,
  periodFrom: policies.periodFrom,
  periodTo: policies.periodTo,
  hearingId: policies.hearingId,
  nextFollowUpOn: policies.nextFollowUpOn,
  lastFollowUpAt: policies.lastFollowUpAt,
  createdAt: policies.createdAt,
  updatedAt: policies.updatedAt,
};

export const actionColumns = {
  id: policyActions.id,
  policyId: policyActions.policyId,
  focusAreaId: policyActions.focusAreaId,
  goalId: policyActions.goalId,
  goalText: policyActions.goalText,
  handling: policyActions.handling,
  ownerName: policyActions.ownerName,
  ownerSector: policyActions.ownerSector,
  place: policyActions.place,
  startsOn: policyActions.startsOn,
  dueOn: policyActions.dueOn,
  status: policyActions.status,
  statusReason: policyActions.statusReason,
  published: policyActions.published,
  position: policyActions.position,
  updatedAt: policyActions.updatedAt,
};

/** Policies of a municipality; `publicOnly` keeps drafts, consultations and expired ones out. */
export function listPolicies(db: Db, municipalityId: string, options: { publicOnly?: boolean } = {}) {
  return db
    .select(policyColumns)
    .from(policies)
    .where(
      and(
        eq(policies.municipalityId, municipalityId),
        isNull(policies.deletedAt),
        options.publicOnly ? eq(policies.status, "adopted") : undefined,
      ),
    )
    .orderBy(desc(policies.periodFrom), asc(policies.title));
}

export async function findPolicy(db: Db, municipalityId: string, policyId: string) {
  const [row] = await db
    .select(policyColumns)
    .from(policies)
    .where(
      and(eq(policies.id, policyId), eq(policies.municipalityId, municipalityId), isNull(policies.deletedAt)),
    );
  return row ?? null;
}

/** Who owns a policy, an area, a goal or an action: the municipality and council the caller is checked against. */
export async function findPolicyOwner(db: Db, policyId: string) {
  const [row] = await db
    .select({ municipalityId: policies.municipalityId, councilId: policies.councilId, policyId: policies.id })
    .from(policies)
    .where(and(eq(policies.id, policyId), isNull(policies.deletedAt)));
  return row ?? null;
}

export async function findFocusAreaOwner(db: Db, focusAreaId: string) {
  const [row] = await db
    .select({ municipalityId: policies.municipalityId, councilId: policies.councilId, policyId: policies.id })
    .from(focusAreas)
    .innerJoin(policies, eq(policies.id, focusAreas.policyId))
    .where(and(eq(focusAreas.id, focusAreaId), isNull(focusAreas.deletedAt), isNull(policies.deletedAt)));
  return row ?? null;
}

export async function findActionOwner(db: Db, actionId: string) {
  const [row] = await db
    .select({
      municipalityId: policies.municipalityId,
      councilId: policies.councilId,
      policyId: policies.id,
      periodFrom: policies.periodFrom,
      status: policyActions.status,
    })
    .from(policyActions)
    .innerJoin(policies, eq(policies.id, policyActions.policyId))
    .where(and(eq(policyActions.id, actionId), isNull(policyActions.deletedAt), isNull(policies.deletedAt)));
  return row ?? null;
}

export type PolicyValues = {
  councilId: string;
  title: string;
  vision: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  adoptedOn: string | null;
  adoptedBy: string | null;
  hearingId: string | null;
  nextFollowUpOn: string | null;
};

export async function insertPolicy(db: Db, municipalityId: string, values: PolicyValues & { now: Date }) {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(policies)
    .values({ municipalityId, ...rest, createdAt: now, updatedAt: now })
    .returning(policyColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updatePolicyRow(
  db: Db,
  municipalityId: string,
  policyId: string,
  values: Partial<PolicyValues & { status: PolicyStatus; lastFollowUpAt: Date }> & { now: Date },
) {
  const { now, ...rest } = values;
  const [row] = await db
    .update(policies)
    .set({ ...rest, updatedAt: now })
    .where(and(eq(policies.id, policyId), eq(policies.municipalityId, municipalityId)))
    .returning(policyColumns);
  return row ?? null;
}

export async function insertFocusArea(
  db: Db,
  municipalityId: string,
  values: { policyId: string; title: string; description: string | null },
) {
  const [last] = await db
    .select({ position: max(focusAreas.position) })
    .from(focusAreas)
    .where(and(eq(focusAreas.policyId, values.policyId), isNull(focusAreas.deletedAt)));
  const [row] = await db
    .insert(focusAreas)
    .values({ municipalityId, ...values, position: (last?.position ?? 0) + 1 })
    .returning({ id: focusAreas.id, title: focusAreas.title, position: focusAreas.position });
  if (!row) throw new Error("insert returned no row");
  return row;
}

export type CriterionValues = {
  indicator: string;
  baseline: string | null;
  target: string;
  unit: string | null;
  measuredOn: string | null;
};

export async function insertGoal(
  db: Db,
  municipalityId: string,
  values: { policyId: string; focusAreaId: string; title: string; description: string | null },
  criteria: CriterionValues[],
) {
  const [last] = await db
    .select({ position: max(goals.position) })
    .from(goals)
    .where(and(eq(goals.focusAreaId, values.focusAreaId), isNull(goals.deletedAt)));
  const [row] = await db
    .insert(goals)
    .values({ municipalityId, ...values, position: (last?.position ?? 0) + 1 })
    .returning({ id: goals.id, title: goals.title, focusAreaId: goals.focusAreaId });
  if (!row) throw new Error("insert returned no row");
  if (criteria.length > 0) {
    await db
      .insert(successCriteria)
      .values(criteria.map((c, i) => ({ municipalityId, goalId: row.id, position: i + 1, ...c })));
  }
  return row;
}

export type ActionValues = {
  focusAreaId: string | null;
  goalId: string | null;
  goalText: string | null;
  handling: string;
  ownerName: string | null;
  ownerSector: Sector | null;
  place: string | null;
  startsOn: string | null;
  dueOn: string | null;
  status: ActionStatus;
  statusReason: string | null;
  published: boolean;
  /** The co-creation process the action follows up on, if any. */
  coCreationProcessId?: string | null;
};

/** Appends actions at the end of the plan, in the given order, in one statement. */
export async function insertActions(
  db: Db,
  municipalityId: string,
  policyId: string,
  rows: ActionValues[],
  now: Date,
) {
  if (rows.length === 0) return [];
  const [last] = await db
    .select({ position: max(policyActions.position) })
    .from(policyActions)
    .where(and(eq(policyActions.policyId, policyId), isNull(policyActions.deletedAt)));
  const start = last?.position ?? 0;
  const inserted = await db
    .insert(policyActions)
    .values(
      rows.map((r, i) => ({
        municipalityId,
        policyId,
        ...r,
        position: start + i + 1,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning(actionColumns);
  // A follow-up action is part of what its process shows.
  const followedUp = rows.flatMap((r) => (r.coCreationProcessId ? [r.coCreationProcessId] : []));
  await markProcessesModified(db, municipalityId, followedUp, now);
  return inserted;
}

export async function updateActionRow(
  db: Db,
  municipalityId: string,
  actionId: string,
  // Moving an action between processes is setActionProcess's job: it marks both processes changed.
  values: Partial<Omit<ActionValues, "coCreationProcessId">> & { now: Date },
) {
  const { now, ...rest } = values;
  const [row] = await db
    .update(policyActions)
    .set({ ...rest, updatedAt: now })
    .where(and(eq(policyActions.id, actionId), eq(policyActions.municipalityId, municipalityId)))
    .returning(actionColumns);
  return row ?? null;
}

/** Sets the plan's order in one statement; the caller has checked that actionIds are exactly the plan. */
export async function reorderActions(db: Db, municipalityId: string, policyId: string, actionIds: string[]) {
  if (actionIds.length === 0) return;
  const cases = sql.join(
    actionIds.map((id, index) => sql`when ${policyActions.id} = ${id} then ${index + 1}::integer`),
    sql` `,
  );
  await db
    .update(policyActions)
    .set({ position: sql`case ${cases} end` })
    .where(
      and(
        eq(policyActions.municipalityId, municipalityId),
        eq(policyActions.policyId, policyId),
        inArray(policyActions.id, actionIds),
      ),
    );
}

export async function insertProgress(
  db: Db,
  municipalityId: string,
  values: {
    actionId: string;
    on: string;
    text: string;
    status: ActionStatus;
    percent: number | null;
    authorName: string;
    now: Date;
  },
) {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(actionProgress)
    .values({ municipalityId, ...rest, createdAt: now, updatedAt: now })
    .returning({ id: actionProgress.id });
  if (!row) throw new Error("insert returned no row");
  return row;
}

/**
 * The whole plan of one policy: areas, goals with success criteria, actions with their progress history
 * (newest first). `publicOnly` drops unpublished actions; the caller decides whether the policy is visible.
 */
export async function loadPlan(
  db: Db,
  municipalityId: string,
  policyId: string,
  options: { publicOnly?: boolean } = {},
) {
  const areas = await db
    .select({
      id: focusAreas.id,
      title: focusAreas.title,
      description: focusAreas.description,
      position: focusAreas.position,
    })
    .from(focusAreas)
    .where(
      and(
        eq(focusAreas.policyId, policyId),
        eq(focusAreas.municipalityId, municipalityId),
        isNull(focusAreas.deletedAt),
      ),
    )
    .orderBy(asc(focusAreas.position));
  const goalRows = await db
    .select({
      id: goals.id,
      focusAreaId: goals.focusAreaId,
      title: goals.title,
      description: goals.description,
      position: goals.position,
    })
    .from(goals)
    .where(
      and(eq(goals.policyId, policyId), eq(goals.municipalityId, municipalityId), isNull(goals.deletedAt)),
    )
    .orderBy(asc(goals.position));
  const criteria =
    goalRows.length === 0
      ? []
      : await db
          .select({
            goalId: successCriteria.goalId,
            indicator: successCriteria.indicator,
            baseline: successCriteria.baseline,
            target: successCriteria.target,
            unit: successCriteria.unit,
            measuredOn: successCriteria.measuredOn,
          })
          .from(successCriteria)
          .where(
            and(
              inArray(
                successCriteria.goalId,
                goalRows.map((g) => g.id),
              ),
              isNull(successCriteria.deletedAt),
            ),
          )
          .orderBy(asc(successCriteria.position));
  const actions = await db
    .select(actionColumns)
    .from(policyActions)
    .where(
      and(
        eq(policyActions.policyId, policyId),
        eq(policyActions.municipalityId, municipalityId),
        isNull(policyActions.deletedAt),
        options.publicOnly ? eq(policyActions.published, true) : undefined,
      ),
    )
    .orderBy(asc(policyActions.position));
  const progress =
    actions.length === 0
      ? []
      : await db
          .select({
            actionId: actionProgress.actionId,
            on: actionProgress.on,
            text: actionProgress.text,
            status: actionProgress.status,
            percent: actionProgress.percent,
            authorName: actionProgress.authorName,
          })
          .from(actionProgress)
          .where(
            and(
              inArray(
                actionProgress.actionId,
                actions.map((a) => a.id),
              ),
              isNull(actionProgress.deletedAt),
            ),
          )
          .orderBy(desc(actionProgress.on), desc(actionProgress.createdAt));
  return {
    focusAreas: areas,
    goals: goalRows.map((g) => ({ ...g, criteria: criteria.filter((c) => c.goalId === g.id) })),
    actions: actions.map((a) => ({ ...a, progress: progress.filter((p) => p.actionId === a.id) })),
  };
}

/** Actions changed after `since` (all of them when there was no follow-up yet), in plan order. */
export function actionsChangedSince(db: Db, municipalityId: string, policyId: string, since: Date | null) {
  return db
    .select(actionColumns)
    .from(policyActions)
    .where(
      and(
        eq(policyActions.policyId, policyId),
        eq(policyActions.municipalityId, municipalityId),
        isNull(policyActions.deletedAt),
        since ? gt(policyActions.updatedAt, since) : undefined,
      ),
    )
    .orderBy(asc(policyActions.position));
}

/** Actions removed after `since` (all removed ones when there was no follow-up yet), in plan order. */
export function actionsRemovedSince(db: Db, municipalityId: string, policyId: string, since: Date | null) {
  return db
    .select({ id: policyActions.id, handling: policyActions.handling })
    .from(policyActions)
    .where(
      and(
        eq(policyActions.policyId, policyId),
        eq(policyActions.municipalityId, municipalityId),
        since ? gt(policyActions.deletedAt, since) : isNotNull(policyActions.deletedAt),
      ),
    )
    .orderBy(asc(policyActions.position));
}

/**
 * The search over actions and goals, for the public site: only adopted policies, only published actions.
 * Hits point to the municipality's policy page.
 */
export async function searchPublicPolicies(db: Db, text: string, options: { limit?: number } = {}) {
  const limit = options.limit ?? 30;
  const query = sql`websearch_to_tsquery('danish', ${text})`;
  const [actionRows, goalRows] = await Promise.all([
    db
      .select({
        id: policyActions.id,
        kind: sql<"action">`'action'`,
        title: policyActions.handling,
        policyTitle: policies.title,
        municipalitySlug: municipalities.slug,
        municipalityName: municipalities.name,
        rank: sql<number>`ts_rank(${policyActions.search}, ${query})`,
      })
      .from(policyActions)
      .innerJoin(policies, eq(policies.id, policyActions.policyId))
      .innerJoin(municipalities, eq(municipalities.id, policies.municipalityId))
      .where(
        and(
          sql`${policyActions.search} @@ ${query}`,
          eq(policies.status, "adopted"),
          eq(policyActions.published, true),
          isNull(policyActions.deletedAt),
          isNull(policies.deletedAt),
        ),
      )
      .orderBy(desc(sql`ts_rank(${policyActions.search}, ${query})`))
      .limit(limit),
    db
      .select({
        id: goals.id,
        kind: sql<"goal">`'goal'`,
        title: goals.title,
        policyTitle: policies.title,
        municipalitySlug: municipalities.slug,
        municipalityName: municipalities.name,
        rank: sql<number>`ts_rank(${goals.search}, ${query})`,
      })
      .from(goals)
      .innerJoin(policies, eq(policies.id, goals.policyId))
      .innerJoin(municipalities, eq(municipalities.id, policies.municipalityId))
      .where(
        and(
          sql`${goals.search} @@ ${query}`,
          eq(policies.status, "adopted"),
          isNull(goals.deletedAt),
          isNull(policies.deletedAt),
        ),
      )
      .orderBy(desc(sql`ts_rank(${goals.search}, ${query})`))
      .limit(limit),
  ]);
  return [...actionRows, ...goalRows].sort((a, b) => b.rank - a.rank).slice(0, limit);
}

export type PolicySearchHit = Awaited<ReturnType<typeof searchPublicPolicies>>[number];

/** A goal's owner, for authorising changes to it. */
export async function findGoalOwner(db: Db, goalId: string) {
  const [row] = await db
    .select({ municipalityId: policies.municipalityId, councilId: policies.councilId, policyId: policies.id })
    .from(goals)
    .innerJoin(policies, eq(policies.id, goals.policyId))
    .where(and(eq(goals.id, goalId), isNull(goals.deletedAt), isNull(policies.deletedAt)));
  return row ?? null;
}

/** What hangs below a focus area, a goal or an action: what the removal rules decide on. */
export async function countPlanChildren(
  db: Db,
  municipalityId: string,
  of: { focusAreaId?: string; goalId?: string; actionId?: string },
) {
  const goalsOfArea = of.focusAreaId
    ? await db
        .select({ n: sql<number>`count(*)::int` })
        .from(goals)
        .where(
          and(
            eq(goals.focusAreaId, of.focusAreaId),
            eq(goals.municipalityId, municipalityId),
            isNull(goals.deletedAt),
          ),
        )
    : [{ n: 0 }];
  const actions =
    of.focusAreaId || of.goalId
      ? await db
          .select({ n: sql<number>`count(*)::int` })
          .from(policyActions)
          .where(
            and(
              eq(policyActions.municipalityId, municipalityId),
              isNull(policyActions.deletedAt),
              of.focusAreaId ? eq(policyActions.focusAreaId, of.focusAreaId) : undefined,
              of.goalId ? eq(policyActions.goalId, of.goalId) : undefined,
            ),
          )
      : [{ n: 0 }];
  const progress = of.actionId
    ? await db
        .select({ n: sql<number>`count(*)::int` })
        .from(actionProgress)
        .where(
          and(
            eq(actionProgress.actionId, of.actionId),
            eq(actionProgress.municipalityId, municipalityId),
            isNull(actionProgress.deletedAt),
          ),
        )
    : [{ n: 0 }];
  return {
    goals: Number(goalsOfArea[0]?.n ?? 0),
    actions: Number(actions[0]?.n ?? 0),
    progressUpdates: Number(progress[0]?.n ?? 0),
  };
}

/** Soft removal (deleted_at): the row stays for the audit trail and for OParl's deleted objects. */
export async function removeActionRow(db: Db, municipalityId: string, actionId: string, now: Date) {
  const [row] = await db
    .update(policyActions)
    .set({ deletedAt: now, updatedAt: now })
    .where(
      and(
        eq(policyActions.id, actionId),
        eq(policyActions.municipalityId, municipalityId),
        isNull(policyActions.deletedAt),
      ),
    )
    .returning(actionColumns);
  return row ?? null;
}

export async function removeGoalRow(db: Db, municipalityId: string, goalId: string, now: Date) {
  await db
    .update(successCriteria)
    .set({ deletedAt: now, updatedAt: now })
    .where(
      and(
        eq(successCriteria.goalId, goalId),
        eq(successCriteria.municipalityId, municipalityId),
        isNull(successCriteria.deletedAt),
      ),
    );
  const [row] = await db
    .update(goals)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(goals.id, goalId), eq(goals.municipalityId, municipalityId), isNull(goals.deletedAt)))
    .returning({ id: goals.id, title: goals.title, focusAreaId: goals.focusAreaId });
  return row ?? null;
}

export async function removeFocusAreaRow(db: Db, municipalityId: string, focusAreaId: string, now: Date) {
  const [row] = await db
    .update(focusAreas)
    .set({ deletedAt: now, updatedAt: now })
    .where(
      and(
        eq(focusAreas.id, focusAreaId),
        eq(focusAreas.municipalityId, municipalityId),
        isNull(focusAreas.deletedAt),
      ),
    )
    .returning({ id: focusAreas.id, title: focusAreas.title });
  return row ?? null;
}
