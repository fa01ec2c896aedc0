import { fail, ok, type Result } from "../shared/result.ts";
import {
  type ActionStatus,
  actionStatusLabels,
  type PolicyStatus,
  policyStatusLabels,
  statusesNeedingReason,
} from "./model.ts";

const policyMoves: Record<PolicyStatus, readonly PolicyStatus[]> = {
  draft: ["in_consultation", "adopted"],
  // The council's consultation can send the draft back for rework.
  in_consultation: ["draft", "adopted"],
  adopted: ["expired"],
  expired: [],
};

export type PolicyForTransition = {
  status: PolicyStatus;
  adoptedOn: string | null;
  adoptedBy: string | null;
};

/** The one place a policy changes status. Adopting needs the date and the body that adopted it. */
export function policyTransition(policy: PolicyForTransition, to: PolicyStatus): Result<PolicyStatus> {
  if (!policyMoves[policy.status].includes(to)) {
    return fail(
      "policy.illegal_transition",
      `En politik kan ikke gå fra "${policyStatusLabels[policy.status].da}" til "${policyStatusLabels[to].da}"`,
      `A policy cannot go from "${policyStatusLabels[policy.status].en}" to "${policyStatusLabels[to].en}"`,
    );
  }
  if (to === "adopted" && (!policy.adoptedOn || !policy.adoptedBy)) {
    return fail(
      "policy.adoption_incomplete",
      "Angiv hvornår og af hvem politikken er vedtaget, før den markeres som vedtaget",
      "Enter when and by whom the policy was adopted before marking it adopted",
    );
  }
  return ok(to);
}

const actionMoves: Record<ActionStatus, readonly ActionStatus[]> = {
  not_started: ["in_progress", "done", "postponed", "dropped"],
  in_progress: ["done", "postponed", "dropped", "not_started"],
  // Reopening happens: a "done" action that turns out not to be.
  done: ["in_progress"],
  postponed: ["not_started", "in_progress", "dropped", "done"],
  dropped: ["not_started"],
};

/** An action's status change; postponing or dropping needs a reason the public can read. */
export function actionTransition(
  from: ActionStatus,
  to: ActionStatus,
  reason: string | null | undefined,
): Result<{ status: ActionStatus; reason: string | null }> {
  if (from !== to && !actionMoves[from].includes(to)) {
    return fail(
      "action.illegal_transition",
      `En handling kan ikke gå fra "${actionStatusLabels[from].da}" til "${actionStatusLabels[to].da}"`,
      `An action cannot go from "${actionStatusLabels[from].en}" to "${actionStatusLabels[to].en}"`,
    );
  }
  const trimmed = reason?.trim() ?? "";
  if (statusesNeedingReason.includes(to)) {
    if (!trimmed) {
      return fail(
        "action.reason_required",
        "Skriv en begrundelse, når en handling udskydes eller opgives",
        "Give a reason when an action is postponed or dropped",
      );
    }
    return ok({ status: to, reason: trimmed });
  }
  return ok({ status: to, reason: null });
}

/**
 * Citizens see an action when the officials published it and its policy is adopted: a draft or expired policy's
 * actions are the council's working material. (The database lists apply the same rule in SQL.)
 */
export function isPublicAction(action: { published: boolean }, policy: { status: PolicyStatus }): boolean {
  return action.published && policy.status === "adopted";
}
