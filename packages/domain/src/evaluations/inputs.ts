import { z } from "zod";
import { flag, id, isoDate, oneOf, optionalText, requiredText, wholeNumber } from "../shared/schemas.ts";
import { criterionOutcomes } from "./criteria.ts";
import { evaluationKinds, evaluationSubjectTypes, partnershipDecisions, responseModes } from "./model.ts";
import { questionnaireTemplates } from "./templates.ts";

/** What an official fills in to plan an evaluation: the subject, the kind, the period, a template and who does what. */
export const evaluationPlanSchema = z
  .object({
    municipalityId: id(),
    subjectType: oneOf(evaluationSubjectTypes),
    subjectId: id(),
    kind: oneOf(evaluationKinds),
    title: requiredText(200),
    periodStart: isoDate(),
    periodEnd: isoDate(),
    template: oneOf(Object.keys(questionnaireTemplates) as [keyof typeof questionnaireTemplates]),
    responseMode: oneOf(responseModes).default("anonymous"),
    sendsQuestionnaire: requiredText(200),
    chasesAnswers: requiredText(200),
    writesSummary: requiredText(200),
    closesOn: isoDate().optional(),
    reminderDates: z.array(isoDate(), { error: "invalid_type" }).max(5, { error: "too_many" }).default([]),
    meetingAt: z.date({ error: "invalid_date" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.periodEnd < v.periodStart)
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "end_before_start" });
    // A reminder after the closing date would ask for answers that can no longer be given.
    if (v.closesOn && v.reminderDates.some((d) => d > (v.closesOn as string)))
      ctx.addIssue({ code: "custom", path: ["reminderDates"], message: "reminder_after_close" });
  });
export type EvaluationPlanInput = z.infer<typeof evaluationPlanSchema>;

export const evaluationRef = z.object({ evaluationId: id() });

/** At most 200 links at a time: a course or a council, not a mailing list. */
export const invitationsSchema = z.object({
  evaluationId: id(),
  count: wholeNumber(1, 200),
  label: optionalText(200),
});

export const criterionSchema = z.object({
  evaluationId: id(),
  indicator: requiredText(300),
  baseline: optionalText(100),
  target: requiredText(100),
  unit: optionalText(40),
});

export const measurementSchema = z.object({
  evaluationId: id(),
  criterionId: id(),
  measuredOn: isoDate(),
  value: requiredText(100),
  note: optionalText(1000),
  judgement: oneOf(criterionOutcomes).optional(),
});

export const conclusionSchema = z
  .object({
    evaluationId: id(),
    summary: requiredText(8000),
    notes: z.record(z.string(), z.string().trim().max(4000, { error: "too_long" })).default({}),
    decision: oneOf(partnershipDecisions).optional(),
    nextSteps: z
      .array(z.object({ title: requiredText(300), dueOn: isoDate().nullable().default(null) }))
      .max(20, { error: "too_many" })
      .default([]),
    /** for "terminate": the partner on whose behalf, and why (the agreement's § 7) */
    terminatingPartnerId: id().optional(),
    terminationReason: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "terminate" && !v.terminatingPartnerId)
      ctx.addIssue({ code: "custom", path: ["terminatingPartnerId"], message: "required" });
    if (v.decision === "terminate" && !v.terminationReason)
      ctx.addIssue({ code: "custom", path: ["terminationReason"], message: "termination_reason_required" });
  });

export const publishResultsSchema = z.object({ evaluationId: id(), published: flag() });
