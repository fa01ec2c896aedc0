import {
  type Deadline,
  type DeadlineCoCreationSession,
  type DeadlineCouncil,
  deadlineId,
} from "./deadline.ts";

/**
 * A co-creation session's sign-up deadline reaches the council that follows the process, so its secretary
 * sees when the list of participants closes (and can order food, interpreters, childcare). Public when the
 * process is; a cancelled session has no deadline.
 */
export function coCreationDeadlines(s: DeadlineCoCreationSession, council: DeadlineCouncil): Deadline[] {
  if (s.cancelled) return [];
  return [
    {
      id: deadlineId("co_creation_registration", s.id),
      kind: "co_creation_registration",
      title: {
        da: `Tilmeldingsfrist: ${s.processTitle} – ${s.title}`,
        en: `Sign-up deadline: ${s.processTitle} – ${s.title}`,
      },
      dueAt: s.registrationClosesAt,
      councilId: council.id,
      municipalityId: council.municipalityId,
      target: { type: "co_creation_process", id: s.processId },
      public: s.public,
    },
  ];
}
