import type { Bilingual } from "../shared/types.ts";
import {
  type Agreement,
  agreementSectionDefinitions,
  type Partner,
  type Step,
  stepLabels,
  stepQuestions,
  steps,
} from "./model.ts";
import { effectiveAt } from "./signing.ts";

export type Answers = Record<string, string>;

export type ChecklistItem = { key: string; text: Bilingual; answered: boolean };
export type StepProgress = {
  step: Step;
  title: Bilingual;
  items: ChecklistItem[];
  unanswered: number;
  complete: boolean;
};

const answered = (text: string | undefined) => (text ?? "").trim().length > 0;

/**
 * The four steps as a checklist: steps 1–3 ask the model's questions, step 4 asks for the nine sections and
 * every signature. A step is never locked — partners go back when they learn something.
 */
export function stepProgress(
  answers: Answers,
  agreement: Pick<Agreement, "sections" | "signatures"> | null,
  partners: Partner[],
): StepProgress[] {
  return steps.map((step) => {
    const items: ChecklistItem[] =
      step === 4
        ? [
            ...agreementSectionDefinitions.map((d) => ({
              key: `section.${d.key}`,
              text: { da: `§ ${d.number} ${d.title.da}`, en: `§ ${d.number} ${d.title.en}` },
              answered: d.key === "signatures" ? true : answered(agreement?.sections[d.key]),
            })),
            {
              key: "signed",
              text: { da: "Alle partnere har underskrevet", en: "Every partner has signed" },
              answered: agreement !== null && effectiveAt(agreement, partners) !== null,
            },
          ]
        : stepQuestions
            .filter((question) => question.step === step)
            .map((question) => ({
              key: question.key,
              text: question.text,
              answered: answered(answers[question.key]),
            }));
    const unanswered = items.filter((i) => !i.answered).length;
    return { step, title: stepLabels[step], items, unanswered, complete: unanswered === 0 };
  });
}

/** Only the model's own question keys are stored as answers. */
export function isQuestionKey(key: string): boolean {
  return stepQuestions.some((question) => question.key === key);
}
