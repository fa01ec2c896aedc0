import type { Bilingual } from "../shared/types.ts";

/**
 * An evaluation asks "did it work?" of exactly one subject: a policy (or one of its goals), a partnership, or a
 * co-creation process. One capability serves all three, so a partnership's yearly evaluation and a process's
 * evaluation share questionnaires, aggregation and reports.
 */
export const evaluationSubjectTypes = [
  "policy",
  "policy_goal",
  "partnership",
  "co_creation_process",
] as const;
export type EvaluationSubjectType = (typeof evaluationSubjectTypes)[number];
export type EvaluationSubject = { type: EvaluationSubjectType; id: string };

export const evaluationKinds = [
  "partnership_yearly",
  "end_of_course",
  "policy_follow_up",
  "process_evaluation",
] as const;
export type EvaluationKind = (typeof evaluationKinds)[number];

export const evaluationKindLabels: Record<EvaluationKind, Bilingual> = {
  partnership_yearly: { da: "Årlig evaluering af partnerskabet", en: "Yearly partnership evaluation" },
  end_of_course: { da: "Evaluering ved forløbets afslutning", en: "End-of-course evaluation" },
  policy_follow_up: { da: "Opfølgning på politikken", en: "Policy follow-up" },
  process_evaluation: { da: "Evaluering af samskabelsesforløbet", en: "Process evaluation" },
};

/** Which kinds fit which subject: a yearly partnership evaluation of a policy makes no sense. */
export const kindsBySubject: Record<EvaluationSubjectType, readonly EvaluationKind[]> = {
  policy: ["policy_follow_up"],
  policy_goal: ["policy_follow_up"],
  partnership: ["partnership_yearly", "end_of_course"],
  co_creation_process: ["process_evaluation", "end_of_course"],
};

export const evaluationStatuses = ["planned", "collecting", "concluded"] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

export const evaluationStatusLabels: Record<EvaluationStatus, Bilingual> = {
  planned: { da: "Planlagt", en: "Planned" },
  collecting: { da: "Indsamler svar", en: "Collecting answers" },
  concluded: { da: "Afsluttet", en: "Concluded" },
};

/** The model's questions about who does what: sends the questionnaire, chases answers, writes the summary. */
export type EvaluationResponsibles = {
  sendsQuestionnaire: string;
  chasesAnswers: string;
  writesSummary: string;
};

/** Answers are anonymous unless the evaluation says otherwise and the respondent is told before answering. */
export const responseModes = ["anonymous", "named"] as const;
export type ResponseMode = (typeof responseModes)[number];

export type Evaluation = {
  id: string;
  municipalityId: string;
  /** the council that follows the subject; its deadlines show there */
  councilId: string | null;
  subject: EvaluationSubject;
  kind: EvaluationKind;
  title: string;
  /** the period evaluated, as calendar dates 'YYYY-MM-DD' */
  periodStart: string;
  periodEnd: string;
  status: EvaluationStatus;
  responseMode: ResponseMode;
  responsibles: EvaluationResponsibles;
  /** the questionnaire's last day (inclusive), 'YYYY-MM-DD' */
  closesOn: string | null;
  /** reminders to those who have not answered, 'YYYY-MM-DD' */
  reminderDates: string[];
  /** the evaluation meeting, an instant */
  meetingAt: Date | null;
  published: boolean;
};

/** For a partnership: what the evaluation meeting decided. */
export const partnershipDecisions = ["continue", "change", "terminate"] as const;
export type PartnershipDecision = (typeof partnershipDecisions)[number];

export const partnershipDecisionLabels: Record<PartnershipDecision, Bilingual> = {
  continue: { da: "Partnerskabet fortsætter", en: "The partnership continues" },
  change: { da: "Partnerskabet fortsætter med ændringer", en: "The partnership continues with changes" },
  terminate: { da: "Partnerskabet ophører", en: "The partnership ends" },
};
