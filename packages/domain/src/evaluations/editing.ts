import { fail, ok, type Result } from "../shared/result.ts";
import type { Evaluation, EvaluationStatus } from "./model.ts";

/**
 * What of an evaluation can change after planning, by status. In one sentence each:
 * - the details (title, period, who does what, dates) and the criteria and measurements change until the
 *   evaluation is concluded — a concluded evaluation is a record of what the meeting saw;
 * - the questions change only while it is planned and nobody has answered, so every answer was given to the
 *   same questions;
 * - a policy's criteria are the policy's own and change in the policy.
 */
export const editableParts = ["details", "criteria", "measurements", "questions"] as const;
export type EditablePart = (typeof editableParts)[number];

const openStatuses: Record<EditablePart, readonly EvaluationStatus[]> = {
  details: ["planned", "collecting"],
  criteria: ["planned", "collecting"],
  measurements: ["planned", "collecting"],
  questions: ["planned"],
};

export function canEdit(
  part: EditablePart,
  evaluation: Pick<Evaluation, "status" | "subject">,
  responses: number,
): Result<true> {
  if (evaluation.status === "concluded")
    return fail(
      "evaluation.concluded_locked",
      "En afsluttet evaluering kan ikke ændres",
      "A concluded evaluation cannot be changed",
    );
  if (!openStatuses[part].includes(evaluation.status) || (part === "questions" && responses > 0))
    return fail(
      "evaluation.not_editable",
      "Spørgsmålene kan kun ændres, mens evalueringen er planlagt, og før nogen har svaret",
      "The questions can only change while the evaluation is planned, before anyone has answered",
    );
  if (
    part === "criteria" &&
    (evaluation.subject.type === "policy" || evaluation.subject.type === "policy_goal")
  )
    return fail(
      "evaluation.policy_criteria",
      "En politiks succeskriterier ændres i politikken",
      "A policy's success criteria are changed in the policy",
    );
  return ok(true);
}

/** While answers are being collected, a new closing date must not already have passed: that would close it. */
export function closingDateStillOpen(
  evaluation: Pick<Evaluation, "status">,
  closesOn: string | null,
  today: string,
): Result<true> {
  if (evaluation.status === "collecting" && (!closesOn || closesOn < today))
    return fail(
      "evaluation.closes_in_past",
      "Sæt en svarfrist, der ikke er overskredet",
      "Set a closing date that has not passed",
    );
  return ok(true);
}
