import { z } from "zod";

/** A few well-defined question types, so every questionnaire renders as plain, accessible form controls. */
export const questionTypes = ["single_choice", "multiple_choice", "scale", "free_text", "yes_no"] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Danish is required; English and an easy-read wording are optional. */
export type QuestionText = { da: string; en?: string; easyRead?: string };

type QuestionBase = {
  id: string;
  text: QuestionText;
  required: boolean;
  help?: QuestionText;
  /** set on a section's first question: its heading, and a new page for a questionnaire answered in pages */
  section?: QuestionText;
};

export type Choice = { value: string; label: QuestionText };

export type Question =
  | (QuestionBase & { type: "single_choice" | "multiple_choice"; choices: Choice[] })
  | (QuestionBase & { type: "scale"; lowLabel: QuestionText; highLabel: QuestionText })
  | (QuestionBase & { type: "free_text"; maxLength: number })
  | (QuestionBase & { type: "yes_no" });

/** A scale always runs 1–5 with labelled ends: one well-known form, never a slider. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

export type Questionnaire = { title: QuestionText; intro?: QuestionText; questions: Question[] };

/** One answer as stored: a choice value, several, a scale step, a text, or yes/no. */
export type Answer = string | string[] | number | boolean;
export type ResponseAnswers = Record<string, Answer | undefined>;

function answerSchema(q: Question): z.ZodType<Answer | undefined> {
  const required = q.type === "free_text" ? "text_required" : "answer_required";
  const missing = (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null || issue.input === "" ? required : "invalid_option";
  let schema: z.ZodType<Answer>;
  switch (q.type) {
    case "single_choice":
      schema = z.enum(q.choices.map((c) => c.value) as [string, ...string[]], { error: missing });
      break;
    case "multiple_choice": {
      const values = new Set(q.choices.map((c) => c.value));
      schema = z
        .array(z.string({ error: "invalid_option" }), { error: missing })
        .refine((a) => a.every((v) => values.has(v)), { error: "invalid_option" })
        .refine((a) => !q.required || a.length > 0, { error: required })
        .transform((a) => [...new Set(a)]);
      break;
    }
    case "scale":
      schema = z
        .number({ error: (i) => (i.input === undefined ? required : "invalid_scale") })
        .int({ error: "invalid_scale" })
        .min(SCALE_MIN, { error: "invalid_scale" })
        .max(SCALE_MAX, { error: "invalid_scale" });
      break;
    case "free_text":
      schema = z
        .string({ error: missing })
        .trim()
        .max(q.maxLength, { error: "too_long" })
        .refine((s) => !q.required || s.length > 0, { error: required });
      break;
    case "yes_no":
      schema = z.boolean({ error: missing });
      break;
  }
  return q.required ? schema : schema.optional();
}

/**
 * The schema a response to this questionnaire must meet (error codes answer_required, text_required, invalid_option,
 * invalid_scale and too_long, worded in shared/messages.ts): one key per question, required ones answered, choices
 * among the offered ones, scales 1–5. Unknown keys are dropped, so a stale form cannot store stray answers.
 */
export function responseSchema(questionnaire: Questionnaire) {
  return z.object(Object.fromEntries(questionnaire.questions.map((q) => [q.id, answerSchema(q)])));
}

/**
 * What a browser form posts (every value a string, checkboxes repeated) as the answers responseSchema checks.
 * An empty field is no answer.
 */
export function answersFromForm(
  questionnaire: Questionnaire,
  form: Record<string, string | string[] | undefined>,
): ResponseAnswers {
  const answers: ResponseAnswers = {};
  for (const q of questionnaire.questions) {
    const raw = form[q.id];
    const one = Array.isArray(raw) ? raw[0] : raw;
    switch (q.type) {
      case "multiple_choice":
        answers[q.id] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
        break;
      case "scale":
        answers[q.id] =
          one === undefined || one === "" ? undefined : /^\d+$/.test(one) ? Number(one) : Number.NaN;
        break;
      case "yes_no":
        answers[q.id] =
          one === "yes" ? true : one === "no" ? false : one === undefined || one === "" ? undefined : one;
        break;
      default:
        answers[q.id] = one === "" ? undefined : one;
    }
  }
  return answers;
}
