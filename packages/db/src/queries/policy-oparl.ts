import { eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { councils, hearings, policies, policyActions } from "../schema/index.ts";
import { lifecycleOf, type OparlListSpec, type OparlPageQuery, oparlListPage } from "./oparl.ts";

/*
 * The disability policy in OParl (see packages/oparl/README.md): an adopted policy is a Paper, each of its
 * published actions a vendor object. Drafts and policies in consultation are never selected — not even as
 * deleted stubs, so their ids stay unknown. A policy that expires (or is removed) is listed as deleted, and so
 * are its actions; a removed action is listed as deleted. One query per page: what the Paper embeds (focus
 * areas, goals, success criteria, the actions' URLs) is aggregated in SQL.
 */

/** Once adopted, a policy is public; expired is the only way on from there (and shows as deleted). */
const policyPublished = sql`${policies.status} in ('adopted', 'expired')`;
const policyDeleted = sql`(${policies.deletedAt} is not null or ${policies.status} = 'expired' or ${councils.deletedAt} is not null)`;
// The Paper embeds its areas, goals and criteria and lists its actions: it changes when they do.
const policyModified = sql`greatest(${policies.updatedAt}, ${councils.deletedAt},
  (select max(greatest(fa.updated_at, fa.deleted_at)) from focus_areas fa where fa.policy_id = ${policies.id}),
  (select max(greatest(g.updated_at, g.deleted_at)) from goals g where g.policy_id = ${policies.id}),
  (select max(greatest(sc.updated_at, sc.deleted_at)) from success_criteria sc join goals g on g.id = sc.goal_id where g.policy_id = ${policies.id}),
  (select max(greatest(a.updated_at, a.deleted_at)) from policy_actions a where a.policy_id = ${policies.id}))`;
const policyList: OparlListSpec = {
  id: policies.id,
  municipalityId: policies.municipalityId,
  visible: policyPublished,
  created: sql`${policies.createdAt}`,
  modified: policyModified,
  deleted: policyDeleted,
};

export type OparlFocusArea = { id: string; title: string; description: string | null };
export type OparlGoal = {
  focusAreaId: string;
  title: string;
  description: string | null;
  criteria: {
    indicator: string;
    baseline: string | null;
    target: string;
    unit: string | null;
    measuredOn: string | null;
  }[];
};

export function oparlPolicyPapers(db: Db, q: OparlPageQuery) {
  const select = db
    .select({
      id: policies.id,
      municipalityId: policies.municipalityId,
      councilId: policies.councilId,
      title: policies.title,
      vision: policies.vision,
      adoptedOn: policies.adoptedOn,
      adoptedBy: policies.adoptedBy,
      periodFrom: policies.periodFrom,
      periodTo: policies.periodTo,
      // The hearing in which the council was consulted, when it is itself public.
      hearingId: sql<
        string | null
      >`case when ${hearings.public} and ${hearings.deletedAt} is null then ${hearings.id}::text end`,
      focusAreas: sql<OparlFocusArea[]>`(select coalesce(json_agg(json_build_object(
          'id', fa.id, 'title', fa.title, 'description', fa.description) order by fa.position, fa.id), '[]'::json)
        from focus_areas fa where fa.policy_id = ${policies.id} and fa.deleted_at is null)`,
      goals: sql<OparlGoal[]>`(select coalesce(json_agg(json_build_object(
          'focusAreaId', g.focus_area_id, 'title', g.title, 'description', g.description,
          'criteria', (select coalesce(json_agg(json_build_object(
              'indicator', sc.indicator, 'baseline', sc.baseline, 'target', sc.target, 'unit', sc.unit,
              'measuredOn', sc.measured_on) order by sc.position, sc.id), '[]'::json)
            from success_criteria sc where sc.goal_id = g.id and sc.deleted_at is null)
        ) order by g.position, g.id), '[]'::json)
        from goals g where g.policy_id = ${policies.id} and g.deleted_at is null)`,
      actionIds: sql<string[]>`(select coalesce(json_agg(a.id order by a.position, a.id), '[]'::json)
        from policy_actions a where a.policy_id = ${policies.id} and a.deleted_at is null and a.published)`,
      ...lifecycleOf(policyList),
    })
    .from(policies)
    .innerJoin(councils, eq(councils.id, policies.councilId))
    .leftJoin(hearings, eq(hearings.id, policies.hearingId));
  return oparlListPage(select.$dynamic(), q, policyList);
}

export type OparlPolicyPaperRow = Awaited<ReturnType<typeof oparlPolicyPapers>>[number];

const actionList: OparlListSpec = {
  id: policyActions.id,
  municipalityId: policyActions.municipalityId,
  visible: sql`(${policyPublished} and ${policyActions.published})`,
  created: sql`${policyActions.createdAt}`,
  modified: sql`greatest(${policyActions.updatedAt}, ${policyActions.deletedAt}, ${councils.deletedAt},
    case when ${policies.status} = 'expired' or ${policies.deletedAt} is not null then ${policies.updatedAt} end)`,
  deleted: sql`(${policyActions.deletedAt} is not null or ${policyDeleted})`,
};

/**
 * An action a harvester can fetch as a live samraad:PolicyAction — what another object may link to (a
 * co-creation process its follow-ups). Needs policy_actions, policies and councils in scope.
 */
export const policyActionLive = sql`(${actionList.visible} and not ${actionList.deleted})`;

/** Published actions of published policies; the latest progress update is the one the public page shows. */
export function oparlPolicyActions(db: Db, q: OparlPageQuery) {
  const select = db
    .select({
      id: policyActions.id,
      municipalityId: policyActions.municipalityId,
      policyId: policyActions.policyId,
      handling: policyActions.handling,
      focusArea: sql<
        string | null
      >`(select fa.title from focus_areas fa where fa.id = ${policyActions.focusAreaId} and fa.deleted_at is null)`,
      goal: sql<string | null>`coalesce(
        (select g.title from goals g where g.id = ${policyActions.goalId} and g.deleted_at is null),
        ${policyActions.goalText})`,
      ownerName: policyActions.ownerName,
      ownerSector: policyActions.ownerSector,
      place: policyActions.place,
      startsOn: policyActions.startsOn,
      dueOn: policyActions.dueOn,
      status: policyActions.status,
      statusReason: policyActions.statusReason,
      order: sql<number>`(select count(*)::int from policy_actions o where o.policy_id = ${policyActions.policyId}
        and o.deleted_at is null and o.published and (o.position, o.id) < (${policyActions.position}, ${policyActions.id}))`,
      latest: sql<{
        on: string;
        text: string;
        percent: number | null;
        authorName: string;
      } | null>`(select json_build_object('on', p."on", 'text', p.text, 'percent', p.percent, 'authorName', p.author_name)
        from action_progress p where p.action_id = ${policyActions.id} and p.deleted_at is null
        order by p."on" desc, p.created_at desc limit 1)`,
      ...lifecycleOf(actionList),
    })
    .from(policyActions)
    .innerJoin(policies, eq(policies.id, policyActions.policyId))
    .innerJoin(councils, eq(councils.id, policies.councilId));
  return oparlListPage(select.$dynamic(), q, actionList);
}

export type OparlPolicyActionRow = Awaited<ReturnType<typeof oparlPolicyActions>>[number];
