import { agendaCutoff, minutesCorrectionEnds } from "../meetings/timing.ts";
import type { Bilingual } from "../shared/types.ts";
import { type Deadline, type DeadlineCouncil, type DeadlineMeeting, deadlineId } from "./deadline.ts";

export function meetingLabel(
  meeting: Pick<DeadlineMeeting, "title">,
  council: Pick<DeadlineCouncil, "name">,
): Bilingual {
  return meeting.title
    ? { da: meeting.title, en: meeting.title }
    : { da: `Møde i ${council.name}`, en: `Meeting of ${council.name}` };
}

/**
 * A meeting's deadlines, whenever they fall: the meeting itself until it is held, the agenda cut-off while
 * the agenda is unpublished, and the correction window once it is held. Only the meeting date is public;
 * the cut-off and the correction window are the secretariat's working dates.
 */
export function meetingDeadlines(meeting: DeadlineMeeting, council: DeadlineCouncil): Deadline[] {
  const label = meetingLabel(meeting, council);
  const base = {
    councilId: council.id,
    municipalityId: council.municipalityId,
    target: { type: "meeting" as const, id: meeting.id },
  };
  const out: Deadline[] = [];
  if (meeting.status === "planned" || meeting.status === "agenda_published") {
    out.push({
      ...base,
      id: deadlineId("meeting", meeting.id),
      kind: "meeting",
      title: label,
      dueAt: meeting.startsAt,
      public: true,
    });
  }
  if (meeting.status === "planned") {
    out.push({
      ...base,
      id: deadlineId("agenda_cutoff", meeting.id),
      kind: "agenda_cutoff",
      title: { da: `Dagsordensfrist: ${label.da}`, en: `Agenda deadline: ${label.en}` },
      dueAt: agendaCutoff(meeting.startsAt, council.rules),
      public: false,
    });
  }
  if (meeting.status === "held") {
    out.push({
      ...base,
      id: deadlineId("minutes_correction", meeting.id),
      kind: "minutes_correction",
      title: { da: `Referatfrist: ${label.da}`, en: `Minutes correction deadline: ${label.en}` },
      dueAt: minutesCorrectionEnds(meeting.startsAt, council.rules),
      public: false,
    });
  }
  return out;
}
