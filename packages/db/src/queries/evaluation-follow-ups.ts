import type { Conclusion } from "@samraad/domain/evaluations";
import { isPublicAction } from "@samraad/domain/policy";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import { partnershipTasks, policies, policyActions } from "../schema/index.ts";

/*
 * The actions and tasks an evaluation's next steps became, as they are now: a report shows each step's
 * follow-up by its current title, and the public page links it only where the follow-up itself is public.
 * A follow-up deleted since is simply not found (the step then shows without one).
 */

export type FollowUpView =
  | {
      type: "policy_action";
      id: string;
      title: string;
      policyId: string;
      councilId: string;
      /** the action is published and its policy adopted: the public policy page shows it */
      public: boolean;
    }
  | { type: "partnership_task"; id: string; title: string; partnershipId: string };

/** One query per kind, for all the conclusion's steps at once. */
export async function followUpsOf(
  db: Db,
  municipalityId: string,
  conclusion: Pick<Conclusion, "nextSteps"> | null,
): Promise<FollowUpView[]> {
  const refs = (conclusion?.nextSteps ?? []).flatMap((s) => (s.followUp ? [s.followUp] : []));
  const ids = (type: string) => refs.filter((r) => r.type === type).map((r) => r.id);
  const actionIds = ids("policy_action");
  const taskIds = ids("partnership_task");
  const [actions, tasks] = await Promise.all([
    actionIds.length === 0
      ? []
      : db
          .select({
            id: policyActions.id,
            title: policyActions.handling,
            policyId: policyActions.policyId,
            councilId: policies.councilId,
            published: policyActions.published,
            policyStatus: policies.status,
          })
          .from(policyActions)
          .innerJoin(policies, eq(policies.id, policyActions.policyId))
          .where(
            and(
              eq(policyActions.municipalityId, municipalityId),
              inArray(policyActions.id, actionIds),
              isNull(policyActions.deletedAt),
              isNull(policies.deletedAt),
            ),
          ),
    taskIds.length === 0
      ? []
      : db
          .select({
            id: partnershipTasks.id,
            title: partnershipTasks.title,
            partnershipId: partnershipTasks.partnershipId,
          })
          .from(partnershipTasks)
          .where(
            and(eq(partnershipTasks.municipalityId, municipalityId), inArray(partnershipTasks.id, taskIds)),
          ),
  ]);
  return [
    ...actions.map(({ published, policyStatus, ...a }) => ({
      type: "policy_action" as const,
      ...a,
      public: isPublicAction({ published }, { status: policyStatus }),
    })),
    ...tasks.map((t) => ({ type: "partnership_task" as const, ...t })),
  ];
}
