import { fail, ok, type Result } from "../shared/result.ts";

/*
 * Removing parts of a plan. Nothing is removed from under something else: a focus area goes only when it has no
 * goals and no actions, a goal only when no action serves it. An action whose progress has been reported is part
 * of the public record of "fra ord til handling": it is dropped (opgivet, with a reason), not removed.
 */

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function focusAreaRemoval(children: { goals: number; actions: number }): Result<true> {
  if (children.goals === 0 && children.actions === 0) return ok(true);
  const da = [
    children.goals > 0 ? count(children.goals, "mål", "mål") : null,
    children.actions > 0 ? count(children.actions, "handling", "handlinger") : null,
  ]
    .filter(Boolean)
    .join(" og ");
  const en = [
    children.goals > 0 ? count(children.goals, "goal", "goals") : null,
    children.actions > 0 ? count(children.actions, "action", "actions") : null,
  ]
    .filter(Boolean)
    .join(" and ");
  return fail(
    "policy.removal.focus_area_not_empty",
    `Fokusområdet har ${da}. Fjern eller flyt dem først, før fokusområdet kan fjernes`,
    `The focus area has ${en}. Remove or move them before removing the focus area`,
  );
}

export function goalRemoval(children: { actions: number }): Result<true> {
  if (children.actions === 0) return ok(true);
  return fail(
    "policy.removal.goal_has_actions",
    `Målet har ${count(children.actions, "handling", "handlinger")}. Knyt dem til et andet mål eller fjern dem først, før målet kan fjernes`,
    `The goal has ${count(children.actions, "action", "actions")}. Link them to another goal or remove them before removing the goal`,
  );
}

export function actionRemoval(action: { progressUpdates: number }): Result<true> {
  if (action.progressUpdates === 0) return ok(true);
  return fail(
    "policy.removal.action_has_progress",
    "Handlingen har statusopdateringer og kan ikke fjernes. Markér den i stedet som opgivet med en begrundelse, så borgerne kan se hvorfor",
    "The action has progress updates and cannot be removed. Mark it as dropped with a reason instead, so citizens can see why",
  );
}
