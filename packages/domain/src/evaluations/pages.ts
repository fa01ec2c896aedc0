import { z } from "zod";
import type { Question, Questionnaire, QuestionText, ResponseAnswers } from "./questionnaire.ts";
import { answersFromForm, responseSchema } from "./questionnaire.ts";

/**
 * A long questionnaire is answered a page at a time, so a respondent can stop and come back. The rule, in one
 * sentence: a new page starts at every section of the questionnaire, and no page holds more than
 * QUESTIONS_PER_PAGE questions (a longer section continues on the next page under the same heading). A short
 * questionnaire without sections is one page, as before.
 */
export const QUESTIONS_PER_PAGE = 8;

export type QuestionnairePage = {
  /** the section's heading, repeated on every page of the section */
  section: QuestionText | null;
  questions: Question[];
};

export function questionnairePages(
  questionnaire: Pick<Questionnaire, "questions">,
  perPage: number = QUESTIONS_PER_PAGE,
): QuestionnairePage[] {
  const pages: QuestionnairePage[] = [];
  for (const question of questionnaire.questions) {
    const current = pages.at(-1);
    if (current && !question.section && current.questions.length < perPage) current.questions.push(question);
    else pages.push({ section: question.section ?? current?.section ?? null, questions: [question] });
  }
  return pages.length > 0 ? pages : [{ section: null, questions: [] }];
}

/** A page number from a URL or a form, kept within the questionnaire (anything unreadable is page 1). */
export function pageNumber(raw: string | null | undefined, pageCount: number): number {
  const n = raw && /^\d{1,3}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), Math.max(pageCount, 1));
}

/**
 * One page's answers checked against its questions and merged into the answers given so far. Answers that pass
 * replace the page's earlier ones; an answer that fails is left out (and reported), so a draft only ever holds
 * answers the whole questionnaire would accept.
 */
export function answerPage(
  page: Pick<QuestionnairePage, "questions">,
  saved: ResponseAnswers,
  form: Record<string, string | string[] | undefined>,
): { answers: ResponseAnswers; error: z.ZodError | null } {
  const questionnaire = { title: { da: "" }, questions: page.questions };
  const posted = answersFromForm(questionnaire, form);
  const answers: ResponseAnswers = { ...saved };
  for (const q of page.questions) delete answers[q.id];
  const issues: z.core.$ZodIssue[] = [];
  for (const q of page.questions) {
    const one = responseSchema({ ...questionnaire, questions: [q] }).safeParse({ [q.id]: posted[q.id] });
    if (!one.success) issues.push(...one.error.issues);
    else if (one.data[q.id] !== undefined) answers[q.id] = one.data[q.id];
  }
  return { answers, error: issues.length > 0 ? new z.ZodError(issues) : null };
}

/** The first page (1-based) holding one of these question ids, to show the respondent what is still missing. */
export function pageOfFirst(pages: readonly QuestionnairePage[], questionIds: readonly string[]): number {
  const index = pages.findIndex((p) => p.questions.some((q) => questionIds.includes(q.id)));
  return index === -1 ? 1 : index + 1;
}

/** Saved answers back as the form fields they came from, to fill a page in again. */
export function formFromAnswers(
  questions: readonly Question[],
  answers: ResponseAnswers,
): Record<string, string[]> {
  const form: Record<string, string[]> = {};
  for (const q of questions) {
    const a = answers[q.id];
    if (a === undefined) continue;
    form[q.id] = Array.isArray(a) ? a : typeof a === "boolean" ? [a ? "yes" : "no"] : [String(a)];
  }
  return form;
}
