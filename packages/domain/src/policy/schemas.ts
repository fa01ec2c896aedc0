import { z } from "zod";
import { flag, id, isoDate, optionalText, requiredText, wholeNumber } from "../shared/schemas.ts";
import { actionStatuses, policyStatuses, sectors, statusesNeedingReason } from "./model.ts";

const optionalDate = () => isoDate().optional();

export const policyFields = z.object({
  councilId: id(),
  title: requiredText(300),
  vision: optionalText(20000),
  periodFrom: optionalDate(),
  periodTo: optionalDate(),
  adoptedOn: optionalDate(),
  /** The body that adopted it, e.g. "Byrådet". */
  adoptedBy: optionalText(200),
  /** The hearing in which the council was consulted. */
  hearingId: id().optional(),
  nextFollowUpOn: optionalDate(),
});

export const policyInput = policyFields.refine(
  (p) => !p.periodFrom || !p.periodTo || p.periodTo >= p.periodFrom,
  {
    error: "end_before_start",
    path: ["periodTo"],
  },
);
export type PolicyInput = z.infer<typeof policyInput>;

export const policyStatus = z.enum(policyStatuses, { error: "invalid_option" });

export const focusAreaInput = z.object({
  policyId: id(),
  title: requiredText(300),
  description: optionalText(5000),
});
export type FocusAreaInput = z.infer<typeof focusAreaInput>;

export const successCriterionInput = z.object({
  indicator: requiredText(300),
  baseline: optionalText(100),
  target: requiredText(100),
  unit: optionalText(50),
  measuredOn: optionalDate(),
});
export type SuccessCriterionInput = z.infer<typeof successCriterionInput>;

export const goalInput = z.object({
  focusAreaId: id(),
  title: requiredText(500),
  description: optionalText(5000),
  criteria: z.array(successCriterionInput).max(20, { error: "too_many" }).default([]),
});
export type GoalInput = z.infer<typeof goalInput>;

export const sector = z.enum(sectors, {
  error: (issue) => (issue.input === undefined || issue.input === null ? "required" : "unknown_sector"),
});

/** The conference's form as fields: Handling · Mål · Tovholder · Hvor/når, plus status. */
export const actionFields = z.object({
  handling: requiredText(1000),
  goalId: id().optional(),
  goalText: optionalText(500),
  ownerName: optionalText(200),
  ownerSector: sector.optional(),
  place: optionalText(300),
  startsOn: optionalDate(),
  dueOn: optionalDate(),
  status: z.enum(actionStatuses, { error: "invalid_option" }).default("not_started"),
  statusReason: optionalText(2000),
  published: flag().default(true),
});
export type ActionFields = z.infer<typeof actionFields>;

type DatedAction = { startsOn?: string; dueOn?: string; status?: string; statusReason?: string };

/**
 * Checks that need the policy: a due date before the policy's period starts is a typing error. A plain
 * function as well as a refinement, so the CSV import reports them even on rows with other errors.
 */
export function actionIssues(a: DatedAction, policyStart: string | null): { field: string; code: string }[] {
  const issues: { field: string; code: string }[] = [];
  if (a.startsOn && a.dueOn && a.dueOn < a.startsOn)
    issues.push({ field: "dueOn", code: "end_before_start" });
  if (policyStart && a.dueOn && a.dueOn < policyStart) {
    issues.push({ field: "dueOn", code: "due_before_policy_start" });
  }
  if ((statusesNeedingReason as readonly string[]).includes(a.status ?? "") && !a.statusReason?.trim()) {
    issues.push({ field: "statusReason", code: "reason_required" });
  }
  return issues;
}

export function actionChecks(policyStart: string | null) {
  return (a: DatedAction, ctx: z.RefinementCtx) => {
    for (const issue of actionIssues(a, policyStart)) {
      ctx.addIssue({ code: "custom", message: issue.code, path: [issue.field] });
    }
  };
}

/** A new action on a policy whose period starts on `policyStart`. */
export function actionInput(policyStart: string | null) {
  return actionFields.extend({ policyId: id() }).superRefine(actionChecks(policyStart));
}
export type ActionInput = z.infer<ReturnType<typeof actionInput>>;

export function actionUpdateInput(policyStart: string | null) {
  return actionFields.extend({ actionId: id() }).superRefine(actionChecks(policyStart));
}

export const progressInput = z
  .object({
    actionId: id(),
    on: isoDate(),
    text: requiredText(5000),
    status: z.enum(actionStatuses, { error: "invalid_option" }),
    percent: wholeNumber(0, 100).optional(),
    reason: optionalText(2000),
  })
  .superRefine((p, ctx) => {
    if (statusesNeedingReason.includes(p.status) && !p.reason) {
      ctx.addIssue({ code: "custom", message: "reason_required", path: ["reason"] });
    }
  });
export type ProgressInput = z.infer<typeof progressInput>;
