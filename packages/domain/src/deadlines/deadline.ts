import type { CouncilRules } from "../councils/council.ts";
import type { HearingResponseStatus } from "../hearings/response.ts";
import type { MeetingStatus } from "../meetings/status.ts";
import type { ActionStatus } from "../policy/model.ts";
import type { Bilingual } from "../shared/types.ts";

/**
 * The order also breaks ties between deadlines due at the same moment. A new capability (policy actions,
 * partnership milestones, survey closings) adds its kind here, a label, a field in `DeadlineSources` and a
 * contributor in `upcoming.ts`.
 */
export const deadlineKinds = [
  "agenda_cutoff",
  "meeting",
  "minutes_correction",
  "hearing_response",
  "action_due",
  "policy_follow_up",
  "partnership_task",
  "partnership_evaluation",
  "partnership_end",
  "partnership_amendment_unsigned",
  "co_creation_registration",
  "evaluation_closes",
  "evaluation_reminder",
  "evaluation_meeting",
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const deadlineKindLabels: Record<DeadlineKind, Bilingual> = {
  agenda_cutoff: { da: "Dagsordensfrist", en: "Agenda deadline" },
  meeting: { da: "Møde", en: "Meeting" },
  minutes_correction: { da: "Referatfrist", en: "Minutes correction deadline" },
  hearing_response: { da: "Høringsfrist", en: "Hearing response deadline" },
  action_due: { da: "Handling forfalder", en: "Action due" },
  policy_follow_up: { da: "Opfølgning på handicappolitikken", en: "Policy follow-up" },
  partnership_task: { da: "Opgave i partnerskab", en: "Partnership task" },
  partnership_evaluation: { da: "Årlig evaluering af partnerskab", en: "Yearly partnership evaluation" },
  partnership_end: { da: "Partnerskabsaftale udløber", en: "Partnership agreement ends" },
  partnership_amendment_unsigned: { da: "Tillæg mangler underskrift", en: "Amendment awaits signatures" },
  co_creation_registration: { da: "Tilmeldingsfrist (samskabelse)", en: "Sign-up deadline (co-creation)" },
  evaluation_closes: { da: "Svarfrist for evaluering", en: "Evaluation questionnaire closes" },
  evaluation_reminder: { da: "Påmindelse om evaluering", en: "Evaluation reminder" },
  evaluation_meeting: { da: "Evalueringsmøde", en: "Evaluation meeting" },
};

export type DeadlineTargetType =
  | "meeting"
  | "hearing"
  | "policy"
  | "action"
  | "partnership"
  | "co_creation_process";

export type Deadline = {
  /** Stable across calls: `${kind}:${sourceId}`, so reminders and the iCal feed can refer to it. */
  id: string;
  kind: DeadlineKind;
  title: Bilingual;
  dueAt: Date;
  councilId: string;
  municipalityId: string;
  target: { type: DeadlineTargetType; id: string };
  public: boolean;
};

export type DeadlineCouncil = { id: string; municipalityId: string; name: string; rules: CouncilRules };

export type DeadlineMeeting = {
  id: string;
  councilId: string;
  title: string | null;
  startsAt: Date;
  status: MeetingStatus;
};

export type DeadlineHearing = {
  id: string;
  councilId: string;
  title: string;
  responseDeadline: Date;
  responseStatus: HearingResponseStatus | null;
  public: boolean;
};

/** A policy with its next planned follow-up; `public` when adopted. */
export type DeadlinePolicy = {
  id: string;
  councilId: string;
  title: string;
  nextFollowUpOn: string | null;
  public: boolean;
};

/** An action with a due date; `public` when its policy is adopted and the action published. */
export type DeadlineAction = {
  id: string;
  policyId: string;
  councilId: string;
  handling: string;
  dueOn: string;
  status: ActionStatus;
  public: boolean;
};

/** A partnership followed by a council, with what can fall due in it (dates are calendar dates). */
export type DeadlinePartnership = {
  id: string;
  councilId: string;
  title: string;
  evaluationOn: string | null;
  endsOn: string | null;
  /** Set once a partner terminated the agreement at a yearly evaluation: nothing falls due after that. */
  terminatedOn?: string | null;
  tasks: { id: string; title: string; dueOn: string | null; done: boolean }[];
  unsignedAmendments: { id: string; number: number; proposedAt: Date }[];
};

/** A session of a co-creation process followed by a council; `public` when the process is public. */
export type DeadlineCoCreationSession = {
  id: string;
  processId: string;
  councilId: string;
  processTitle: string;
  title: string;
  registrationClosesAt: Date;
  cancelled: boolean;
  public: boolean;
};

/**
 * An evaluation followed by a council, not yet concluded; `target` is its subject (the partnership, policy or
 * process page is where the evaluation is found).
 */
export type DeadlineEvaluation = {
  id: string;
  councilId: string;
  title: string;
  status: "planned" | "collecting" | "concluded";
  closesOn: string | null;
  reminderDates: string[];
  meetingAt: Date | null;
  target: { type: "policy" | "partnership" | "co_creation_process"; id: string };
};

/** Plain data, as the database loads it. Optional sources keep older callers compiling. */
export type DeadlineSources = {
  councils: DeadlineCouncil[];
  meetings: DeadlineMeeting[];
  hearings: DeadlineHearing[];
  policies?: DeadlinePolicy[];
  actions?: DeadlineAction[];
  partnerships?: DeadlinePartnership[];
  coCreationSessions?: DeadlineCoCreationSession[];
  evaluations?: DeadlineEvaluation[];
};

export function deadlineId(kind: DeadlineKind, sourceId: string): string {
  return `${kind}:${sourceId}`;
}
