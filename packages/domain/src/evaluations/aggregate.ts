import type { Answer, Question, Questionnaire, ResponseAnswers } from "./questionnaire.ts";
import { SCALE_MAX, SCALE_MIN } from "./questionnaire.ts";

/**
 * Fewer respondents than this and a question's answers are not broken down: with four parents on a course,
 * "1 of 4 was dissatisfied" points at a person. The count of answers is still shown.
 */
export const SMALL_GROUP_LIMIT = 5;

export type CountRow = { value: string; count: number; percent: number };

export type QuestionResult =
  | { questionId: string; type: Question["type"]; answered: number; suppressed: true }
  | {
      questionId: string;
      type: "single_choice" | "multiple_choice" | "yes_no";
      answered: number;
      suppressed: false;
      /** one row per offered value, in the questionnaire's order; multiple choice counts people per value */
      rows: CountRow[];
    }
  | {
      questionId: string;
      type: "scale";
      answered: number;
      suppressed: false;
      rows: CountRow[];
      mean: number;
      median: number;
    }
  | { questionId: string; type: "free_text"; answered: number; suppressed: false; texts: string[] };

export type EvaluationSummary = { respondents: number; questions: QuestionResult[] };

/**
 * Whole percentages that add up to exactly 100 (largest remainder), so a table's column sums to what it says.
 * Ties in the remainder go to the earlier row, so the result is the same every time.
 */
export function wholePercentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

/** The middle value; for an even count the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const isAnswered = (a: Answer | undefined): a is Answer =>
  a !== undefined && a !== "" && !(Array.isArray(a) && a.length === 0);

function countRows(values: readonly string[], counts: Map<string, number>, base: number): CountRow[] {
  const raw = values.map((v) => counts.get(v) ?? 0);
  // Multiple choice: each value's share of the people who answered (these need not add up to 100).
  const percents =
    raw.reduce((a, b) => a + b, 0) === base
      ? wholePercentages(raw)
      : raw.map((c) => Math.round((c * 100) / base));
  return values.map((value, i) => ({ value, count: raw[i] ?? 0, percent: percents[i] ?? 0 }));
}

function questionResult(q: Question, answers: Answer[]): QuestionResult {
  const answered = answers.length;
  if (answered < SMALL_GROUP_LIMIT) return { questionId: q.id, type: q.type, answered, suppressed: true };
  const tally = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  };
  switch (q.type) {
    case "single_choice":
    case "multiple_choice": {
      const picked = answers.flatMap((a) => (Array.isArray(a) ? a : [String(a)]));
      const rows = countRows(
        q.choices.map((c) => c.value),
        tally(picked),
        answered,
      );
      return { questionId: q.id, type: q.type, answered, suppressed: false, rows };
    }
    case "yes_no": {
      const rows = countRows(["yes", "no"], tally(answers.map((a) => (a === true ? "yes" : "no"))), answered);
      return { questionId: q.id, type: q.type, answered, suppressed: false, rows };
    }
    case "scale": {
      const steps = answers.map(Number);
      const values = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i));
      const rows = countRows(values, tally(steps.map(String)), answered);
      const mean = Math.round((steps.reduce((a, b) => a + b, 0) / answered) * 10) / 10;
      return {
        questionId: q.id,
        type: "scale",
        answered,
        suppressed: false,
        rows,
        mean,
        median: median(steps),
      };
    }
    case "free_text":
      return {
        questionId: q.id,
        type: "free_text",
        answered,
        suppressed: false,
        // sorted, so the order says nothing about who answered first
        texts: answers.map(String).sort((a, b) => a.localeCompare(b, "da")),
      };
  }
}

/** Counts, percentages, mean and median per question, free texts listed; small groups are not broken down. */
export function summarise(
  questionnaire: Questionnaire,
  responses: readonly ResponseAnswers[],
): EvaluationSummary {
  return {
    respondents: responses.length,
    questions: questionnaire.questions.map((q) =>
      questionResult(q, responses.map((r) => r[q.id]).filter(isAnswered)),
    ),
  };
}
