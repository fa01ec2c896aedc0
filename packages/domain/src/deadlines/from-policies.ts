import { zonedInstant } from "../shared/calendar.ts";
import {
  type Deadline,
  type DeadlineAction,
  type DeadlineCouncil,
  type DeadlinePolicy,
  deadlineId,
} from "./deadline.ts";

/**
 * An action is due on a calendar date; it falls due at noon on that date (the same default hour as a
 * hearing's deadline), so "due today" still shows in the morning's reminders. Done or dropped actions are
 * no longer anyone's deadline.
 */
export const ACTION_DUE_TIME = "12:00";

export function actionDeadlines(action: DeadlineAction, council: DeadlineCouncil): Deadline[] {
  if (action.status === "done" || action.status === "dropped") return [];
  return [
    {
      id: deadlineId("action_due", action.id),
      kind: "action_due",
      title: { da: `Handling: ${action.handling}`, en: `Action: ${action.handling}` },
      dueAt: zonedInstant(action.dueOn, ACTION_DUE_TIME),
      councilId: council.id,
      municipalityId: council.municipalityId,
      // The public page shows the whole plan; the action is one row on it.
      target: { type: "policy", id: action.policyId },
      public: action.public,
    },
  ];
}

/** The next planned follow-up on the policy at a council meeting. */
export function policyDeadlines(policy: DeadlinePolicy, council: DeadlineCouncil): Deadline[] {
  if (!policy.nextFollowUpOn) return [];
  return [
    {
      id: deadlineId("policy_follow_up", policy.id),
      kind: "policy_follow_up",
      title: { da: `Opfølgning: ${policy.title}`, en: `Follow-up: ${policy.title}` },
      dueAt: zonedInstant(policy.nextFollowUpOn, ACTION_DUE_TIME),
      councilId: council.id,
      municipalityId: council.municipalityId,
      target: { type: "policy", id: policy.id },
      public: policy.public,
    },
  ];
}
