import { type Deadline, type DeadlineCouncil, type DeadlineHearing, deadlineId } from "./deadline.ts";

/** A hearing is due until the council's response is submitted. */
export function hearingDeadlines(hearing: DeadlineHearing, council: DeadlineCouncil): Deadline[] {
  if (hearing.responseStatus === "submitted") return [];
  return [
    {
      id: deadlineId("hearing_response", hearing.id),
      kind: "hearing_response",
      title: { da: `Høringssvar: ${hearing.title}`, en: `Hearing response: ${hearing.title}` },
      dueAt: hearing.responseDeadline,
      councilId: council.id,
      municipalityId: council.municipalityId,
      target: { type: "hearing", id: hearing.id },
      public: hearing.public,
    },
  ];
}
