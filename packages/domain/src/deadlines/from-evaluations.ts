import { zonedInstant } from "../shared/calendar.ts";
import { type Deadline, type DeadlineCouncil, type DeadlineEvaluation, deadlineId } from "./deadline.ts";

/** The questionnaire takes answers all of its closing day: it closes at the end of that day, Copenhagen time. */
export const EVALUATION_CLOSES_TIME = "23:59";
/** Reminders go out in the morning, when people read their mail. */
export const EVALUATION_REMINDER_TIME = "09:00";

/**
 * An evaluation's dates reach the council that follows its subject: the questionnaire's closing date, the
 * reminder dates up to and including it, and the evaluation meeting. A concluded evaluation has nothing left to
 * wait for. All internal: a public page shows the results once published, not the working dates.
 */
export function evaluationDeadlines(e: DeadlineEvaluation, council: DeadlineCouncil): Deadline[] {
  if (e.status === "concluded") return [];
  const base = {
    councilId: council.id,
    municipalityId: council.municipalityId,
    public: false,
    target: e.target,
  };
  const result: Deadline[] = [];
  if (e.closesOn) {
    result.push({
      ...base,
      id: deadlineId("evaluation_closes", e.id),
      kind: "evaluation_closes",
      title: { da: `Svarfrist: ${e.title}`, en: `Questionnaire closes: ${e.title}` },
      dueAt: zonedInstant(e.closesOn, EVALUATION_CLOSES_TIME),
    });
    // A reminder after the closing date would ask for answers that can no longer be given.
    for (const on of [...new Set(e.reminderDates)].sort()) {
      if (on > e.closesOn) continue;
      result.push({
        ...base,
        id: deadlineId("evaluation_reminder", `${e.id}:${on}`),
        kind: "evaluation_reminder",
        title: { da: `Påmind om svar: ${e.title}`, en: `Remind to answer: ${e.title}` },
        dueAt: zonedInstant(on, EVALUATION_REMINDER_TIME),
      });
    }
  }
  if (e.meetingAt) {
    result.push({
      ...base,
      id: deadlineId("evaluation_meeting", e.id),
      kind: "evaluation_meeting",
      title: { da: `Evalueringsmøde: ${e.title}`, en: `Evaluation meeting: ${e.title}` },
      dueAt: e.meetingAt,
    });
  }
  return result;
}
