import type { SchedulePhase } from "../partnerships/work-schedule.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import type { Bilingual } from "../shared/types.ts";
import type { Evaluation, EvaluationStatus, PartnershipDecision } from "./model.ts";
import { kindsBySubject } from "./model.ts";

/** Planned → collecting → concluded, one way only: a concluded evaluation is a record, not a draft. */
const next: Record<EvaluationStatus, EvaluationStatus | null> = {
  planned: "collecting",
  collecting: "concluded",
  concluded: null,
};

export function canMoveTo(from: EvaluationStatus, to: EvaluationStatus): boolean {
  return next[from] === to;
}

/** Opening for answers needs a questionnaire and a closing date on or after the opening day. */
export function openForAnswers(
  evaluation: Pick<Evaluation, "status" | "closesOn">,
  questionCount: number,
  today: string,
): Result<EvaluationStatus> {
  if (!canMoveTo(evaluation.status, "collecting"))
    return fail(
      "evaluation.not_planned",
      "Evalueringen er allerede åbnet for svar",
      "The evaluation is already open for answers",
    );
  if (questionCount === 0)
    return fail(
      "evaluation.no_questions",
      "Spørgeskemaet har ingen spørgsmål",
      "The questionnaire has no questions",
    );
  if (!evaluation.closesOn || evaluation.closesOn < today)
    return fail(
      "evaluation.closes_in_past",
      "Sæt en svarfrist, der ikke er overskredet",
      "Set a closing date that has not passed",
    );
  return ok("collecting");
}

/** Answers are taken only while collecting, up to and including the closing day (Copenhagen calendar). */
export function acceptsAnswers(evaluation: Pick<Evaluation, "status" | "closesOn">, today: string): boolean {
  return evaluation.status === "collecting" && evaluation.closesOn !== null && today <= evaluation.closesOn;
}

export type Conclusion = {
  /** the evaluation meeting's notes per question id */
  notes: Record<string, string>;
  summary: string;
  decision: PartnershipDecision | null;
  nextSteps: { title: string; dueOn: string | null; asAction?: boolean; followUp?: FollowUp }[];
};

/**
 * What a next step became when the evaluation was concluded: an action in the policy's action plan or a task in
 * the partnership's work schedule. Stored with the step, so a report can send its reader to the follow-up.
 */
export type FollowUp = { type: "policy_action" | "partnership_task"; id: string };

/** How a report names a step's follow-up, before its title: "Blev til en handling i handleplanen: …". */
export const followUpLabels: Record<FollowUp["type"] | "gone", Bilingual> = {
  policy_action: { da: "Blev til en handling i handleplanen", en: "Became an action in the action plan" },
  partnership_task: {
    da: "Blev til en opgave i partnerskabets arbejdsplan",
    en: "Became a task in the partnership's work schedule",
  },
  gone: {
    da: "Blev til en handling eller opgave, som siden er slettet",
    en: "Became an action or task that has since been deleted",
  },
};

/**
 * Concluding: only from collecting; a partnership's yearly evaluation must decide continue / change / terminate,
 * and other evaluations must not. Terminating is checked against the agreement by the partnership capability.
 */
export function conclude(
  evaluation: Pick<Evaluation, "status" | "subject" | "kind">,
  conclusion: Conclusion,
): Result<Conclusion> {
  if (!canMoveTo(evaluation.status, "concluded"))
    return fail(
      "evaluation.not_collecting",
      "Evalueringen kan kun afsluttes, mens den indsamler svar",
      "An evaluation can only be concluded while it is collecting answers",
    );
  const decides = evaluation.kind === "partnership_yearly";
  if (decides && !conclusion.decision)
    return fail(
      "evaluation.decision_required",
      "Vælg, om partnerskabet fortsætter, ændres eller ophører",
      "Choose whether the partnership continues, changes or ends",
    );
  if (!decides && conclusion.decision)
    return fail(
      "evaluation.decision_not_allowed",
      "Kun den årlige evaluering af et partnerskab træffer beslutning om partnerskabet",
      "Only a partnership's yearly evaluation decides on the partnership",
    );
  if (!conclusion.summary.trim())
    return fail("evaluation.summary_required", "Skriv en samlet vurdering", "Write a summary");
  if (!isPolicySubject(evaluation.subject.type) && conclusion.nextSteps.some((s) => s.asAction))
    return fail(
      "evaluation.actions_policy_only",
      "Kun en politiks næste skridt kan blive handlinger i handleplanen",
      "Only a policy's next steps can become actions in its action plan",
    );
  return ok(conclusion);
}

/** A kind fits its subject (a yearly partnership evaluation belongs to a partnership). */
export function kindFitsSubject(evaluation: Pick<Evaluation, "subject" | "kind">): boolean {
  return kindsBySubject[evaluation.subject.type].includes(evaluation.kind);
}

/** Results reach the public only from a concluded evaluation: answers still coming in are not results. */
export function canPublish(evaluation: Pick<Evaluation, "status">): Result<true> {
  if (evaluation.status !== "concluded")
    return fail(
      "evaluation.not_concluded",
      "Resultatet kan først offentliggøres, når evalueringen er afsluttet",
      "The results can only be published once the evaluation is concluded",
    );
  return ok(true);
}

/** New links are handed out until the evaluation is concluded; after that it takes no more answers. */
export function canCreateInvitations(evaluation: Pick<Evaluation, "status">): Result<true> {
  if (evaluation.status === "concluded")
    return fail(
      "evaluation.concluded",
      "Evalueringen er afsluttet og tager ikke imod flere svar",
      "The evaluation is concluded and takes no more answers",
    );
  return ok(true);
}

/**
 * A partnership that goes on carries the meeting's next steps into its work schedule, as dated tasks after the
 * course; a terminated one, or another subject, gets none.
 */
export function followUpTasks(
  subjectType: Evaluation["subject"]["type"],
  conclusion: Pick<Conclusion, "decision" | "nextSteps">,
): { phase: SchedulePhase; title: string; dueOn: string | null }[] {
  if (subjectType !== "partnership" || conclusion.decision === "terminate") return [];
  return conclusion.nextSteps.map((step) => ({
    phase: "after_course",
    title: step.title,
    dueOn: step.dueOn,
  }));
}

const isPolicySubject = (type: Evaluation["subject"]["type"]) => type === "policy" || type === "policy_goal";

/**
 * A policy follow-up's next steps that the meeting chose to act on become actions in the policy's action plan:
 * the step is the action, its date the deadline, and a goal's evaluation puts the action under that goal.
 * They start unpublished, so an official adds the owner and place before the public reads them.
 */
export function followUpActions(
  subject: Evaluation["subject"],
  conclusion: Pick<Conclusion, "nextSteps">,
): { handling: string; dueOn: string | null; goalId: string | null; published: false }[] {
  if (!isPolicySubject(subject.type)) return [];
  return conclusion.nextSteps
    .filter((step) => step.asAction)
    .map((step) => ({
      handling: step.title,
      dueOn: step.dueOn,
      goalId: subject.type === "policy_goal" ? subject.id : null,
      published: false,
    }));
}

/** What a next step becomes on concluding (as `followUpActions` and `followUpTasks` decide), or nothing. */
export function followUpType(
  subjectType: Evaluation["subject"]["type"],
  decision: Conclusion["decision"],
  step: Conclusion["nextSteps"][number],
): FollowUp["type"] | null {
  if (isPolicySubject(subjectType)) return step.asAction ? "policy_action" : null;
  if (subjectType === "partnership" && decision !== "terminate") return "partnership_task";
  return null;
}

/**
 * The conclusion with each step that became an action or a task pointing at it; `createdIds` are the new
 * actions' or tasks' ids in the order of the steps that became them.
 */
export function linkFollowUps(
  subjectType: Evaluation["subject"]["type"],
  conclusion: Conclusion,
  createdIds: string[],
): Conclusion {
  const ids = [...createdIds];
  return {
    ...conclusion,
    nextSteps: conclusion.nextSteps.map((step) => {
      const type = followUpType(subjectType, conclusion.decision, step);
      const id = type ? ids.shift() : undefined;
      return type && id ? { ...step, followUp: { type, id } } : step;
    }),
  };
}
