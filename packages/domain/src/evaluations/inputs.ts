import { z } from "zod";
import { flag, id, isoDate, oneOf, optionalText, requiredText, wholeNumber } from "../shared/schemas.ts";
import { criterionOutcomes } from "./criteria.ts";
import { evaluationKinds, evaluationSubjectTypes, partnershipDecisions, responseModes } from "./model.ts";
import { questionnaireTemplates } from "./templates.ts";

/** The details an official sets when planning and may correct until the evaluation is concluded. */
const detailFields = {
  title: requiredText(200),
  periodStart: isoDate(),
  periodEnd: isoDate(),
  sendsQuestionnaire: requiredText(200),
  chasesAnswers: requiredText(200),
  writesSummary: requiredText(200),
  closesOn: isoDate().optional(),
  reminderDates: z.array(isoDate(), { error: "invalid_type" }).max(5, { error: "too_many" }).default([]),
  // The admin app sends an instant as JSON text (no transformer), so it is read back into a Date here.
  meetingAt: z.coerce.date({ error: "invalid_date" }).optional(),
};

function detailChecks(
  v: { periodStart: string; periodEnd: string; closesOn?: string | undefined; reminderDates: string[] },
  ctx: z.RefinementCtx,
) {
  if (v.periodEnd < v.periodStart)
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "end_before_start" });
  // A reminder after the closing date would ask for answers that can no longer be given.
  if (v.closesOn && v.reminderDates.some((d) => d > (v.closesOn as string)))
    ctx.addIssue({ code: "custom", path: ["reminderDates"], message: "reminder_after_close" });
}

/** What an official fills in to plan an evaluation: the subject, the kind, the period, a template and who does what. */
export const evaluationPlanSchema = z
  .object({
    municipalityId: id(),
    subjectType: oneOf(evaluationSubjectTypes),
    subjectId: id(),
    kind: oneOf(evaluationKinds),
    template: oneOf(Object.keys(questionnaireTemplates) as [keyof typeof questionnaireTemplates]),
    responseMode: oneOf(responseModes).default("anonymous"),
    ...detailFields,
  })
  .superRefine(detailChecks);
export type EvaluationPlanInput = z.infer<typeof evaluationPlanSchema>;

/** Correcting the details after planning (the subject, kind and anonymity stay as planned: respondents were told). */
export const evaluationDetailsSchema = z
  .object({ evaluationId: id(), ...detailFields })
  .superRefine(detailChecks);

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
export const criterionUpdateSchema = criterionSchema.extend({ criterionId: id() });
export const criterionRef = z.object({ evaluationId: id(), criterionId: id() });

export const measurementSchema = z.object({
  evaluationId: id(),
  criterionId: id(),
  measuredOn: isoDate(),
  value: requiredText(100),
  note: optionalText(1000),
  judgement: oneOf(criterionOutcomes).optional(),
});
/** A correction keeps the measurement's criterion: a value measured for one indicator is not another's. */
export const measurementUpdateSchema = measurementSchema
  .omit({ criterionId: true })
  .extend({ measurementId: id() });
export const measurementRef = z.object({ evaluationId: id(), measurementId: id() });

export const conclusionSchema = z
  .object({
    evaluationId: id(),
    summary: requiredText(8000),
    notes: z.record(z.string(), z.string().trim().max(4000, { error: "too_long" })).default({}),
    decision: oneOf(partnershipDecisions).optional(),
    nextSteps: z
      .array(
        z.object({
          title: requiredText(300),
          dueOn: isoDate().nullable().default(null),
          /** a policy follow-up's step that becomes an action in the policy's action plan */
          asAction: flag().default(false),
        }),
      )
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

/** A question's words: Danish required, English and an easy-read wording optional. */
const questionText = (max: number) =>
  z.object({ da: requiredText(max), en: optionalText(max), easyRead: optionalText(max) });

const questionKey = () =>
  z.string({ error: "invalid_type" }).regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "invalid_option" });

const questionBase = {
  id: questionKey(),
  text: questionText(500),
  required: flag(),
  section: questionText(200).optional(),
};

/** One question as the official edits it: the same few types the questionnaire renders. */
export const questionSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      ...questionBase,
      type: z.enum(["single_choice", "multiple_choice"]),
      choices: z
        .array(z.object({ value: questionKey(), label: questionText(200) }))
        .min(2, { error: "too_few" })
        .max(12, { error: "too_many" }),
    }),
    z.object({
      ...questionBase,
      type: z.literal("scale"),
      lowLabel: questionText(100),
      highLabel: questionText(100),
    }),
    z.object({
      ...questionBase,
      type: z.literal("free_text"),
      maxLength: wholeNumber(1, 4000).default(4000),
    }),
    z.object({ ...questionBase, type: z.literal("yes_no") }),
  ],
  { error: "invalid_option" },
);

/** The questions as a whole, replacing the planned ones; each question's key (and each choice's) is unique. */
export const questionnaireUpdateSchema = z
  .object({
    evaluationId: id(),
    questions: z.array(questionSchema).min(1, { error: "too_few" }).max(60, { error: "too_many" }),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: "duplicate_items" });
      seen.add(q.id);
      if ("choices" in q && new Set(q.choices.map((c) => c.value)).size < q.choices.length)
        ctx.addIssue({ code: "custom", path: ["questions", i, "choices"], message: "duplicate_items" });
    });
  });
