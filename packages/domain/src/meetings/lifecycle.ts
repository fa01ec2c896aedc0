import type { CouncilRules } from "../councils/council.ts";
import { formatDateTime } from "../shared/format.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import type { MeetingStatus } from "./status.ts";
import { minutesCorrectionEnds } from "./timing.ts";

export type MeetingState = {
  status: MeetingStatus;
  startsAt: Date;
  items: { closed: boolean; decision: string | null }[];
};

export type MeetingCommand =
  | { type: "publish_agenda" }
  | { type: "mark_held" }
  | { type: "publish_minutes" }
  | { type: "cancel"; reason: string }
  | { type: "reschedule"; startsAt: Date };

/** What happened, for the caller to store (e.g. agendaPublishedAt = event.at). */
export type MeetingEvent =
  | { type: "agenda_published"; at: Date }
  | { type: "held"; at: Date }
  | { type: "minutes_published"; at: Date }
  | { type: "cancelled"; at: Date; reason: string }
  | { type: "rescheduled"; at: Date; from: Date; to: Date };

export type MeetingTransition = { status: MeetingStatus; startsAt: Date; event: MeetingEvent };

/** Which commands each status allows: planned → agenda_published → held → minutes_published, and cancelled. */
const allowed: Record<MeetingStatus, readonly MeetingCommand["type"][]> = {
  planned: ["publish_agenda", "cancel", "reschedule"],
  agenda_published: ["mark_held", "cancel", "reschedule"],
  held: ["publish_minutes"],
  minutes_published: [],
  cancelled: [],
};

const statusSubject: Record<MeetingStatus, { da: string; en: string }> = {
  planned: { da: "Et planlagt møde", en: "A planned meeting" },
  agenda_published: { da: "Et møde med offentliggjort dagsorden", en: "A meeting with a published agenda" },
  held: { da: "Et afholdt møde", en: "A meeting that has been held" },
  minutes_published: { da: "Et møde med offentliggjort referat", en: "A meeting with published minutes" },
  cancelled: { da: "Et aflyst møde", en: "A cancelled meeting" },
};

const commandPredicate: Record<MeetingCommand["type"], { da: string; en: string }> = {
  publish_agenda: { da: "få offentliggjort en dagsorden", en: "have its agenda published" },
  mark_held: { da: "markeres som afholdt", en: "be marked as held" },
  publish_minutes: { da: "få offentliggjort et referat", en: "have its minutes published" },
  cancel: { da: "aflyses", en: "be cancelled" },
  reschedule: { da: "flyttes", en: "be rescheduled" },
};

/** The meeting's state machine. Every refusal is a typed failure with a Danish and English reason. */
export function meetingTransition(
  state: MeetingState,
  command: MeetingCommand,
  now: Date,
  rules: Pick<CouncilRules, "minutesCorrectionDays">,
): Result<MeetingTransition> {
  if (!allowed[state.status].includes(command.type)) {
    const subject = statusSubject[state.status];
    const predicate = commandPredicate[command.type];
    return fail(
      "meeting.illegal_transition",
      `${subject.da} kan ikke ${predicate.da}`,
      `${subject.en} cannot ${predicate.en}`,
    );
  }
  const at = new Date(now.getTime());
  switch (command.type) {
    case "publish_agenda":
      if (state.items.length === 0) {
        return fail(
          "meeting.agenda_empty",
          "Dagsordenen har ingen punkter endnu",
          "The agenda has no items yet",
        );
      }
      return ok({
        status: "agenda_published",
        startsAt: state.startsAt,
        event: { type: "agenda_published", at },
      });

    case "mark_held":
      if (now.getTime() < state.startsAt.getTime()) {
        return fail(
          "meeting.not_started",
          `Mødet begynder først ${formatDateTime(state.startsAt, "da")}`,
          `The meeting does not start until ${formatDateTime(state.startsAt, "en")}`,
        );
      }
      return ok({ status: "held", startsAt: state.startsAt, event: { type: "held", at } });

    case "publish_minutes": {
      const correctionEnds = minutesCorrectionEnds(state.startsAt, rules);
      if (now.getTime() < correctionEnds.getTime()) {
        return fail(
          "meeting.correction_period_open",
          `Referatet er åbent for rettelser og kan tidligst offentliggøres ${formatDateTime(correctionEnds, "da")}`,
          `The minutes are open for corrections and can be published from ${formatDateTime(correctionEnds, "en")}`,
        );
      }
      const missing = state.items.filter(
        (i) => !i.closed && (i.decision === null || i.decision.trim() === ""),
      ).length;
      if (missing > 0) {
        return fail(
          "meeting.decisions_missing",
          missing === 1 ? "1 punkt mangler en beslutning" : `${missing} punkter mangler en beslutning`,
          missing === 1 ? "1 item has no decision" : `${missing} items have no decision`,
        );
      }
      return ok({
        status: "minutes_published",
        startsAt: state.startsAt,
        event: { type: "minutes_published", at },
      });
    }

    case "cancel": {
      const reason = command.reason.trim();
      if (reason === "") {
        return fail(
          "meeting.cancel_reason_required",
          "Skriv hvorfor mødet aflyses",
          "Give the reason the meeting is cancelled",
        );
      }
      return ok({ status: "cancelled", startsAt: state.startsAt, event: { type: "cancelled", at, reason } });
    }

    case "reschedule":
      if (command.startsAt.getTime() <= now.getTime()) {
        return fail(
          "meeting.reschedule_in_past",
          "Et møde kan kun flyttes til et tidspunkt i fremtiden",
          "A meeting can only be moved to a time in the future",
        );
      }
      return ok({
        status: state.status,
        startsAt: new Date(command.startsAt.getTime()),
        event: { type: "rescheduled", at, from: state.startsAt, to: new Date(command.startsAt.getTime()) },
      });
  }
}
