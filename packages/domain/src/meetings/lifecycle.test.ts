import { describe, expect, it } from "vitest";
import { defaultCouncilRules } from "../councils/council.ts";
import { zonedInstant } from "../shared/calendar.ts";
import { type MeetingCommand, type MeetingState, meetingTransition } from "./lifecycle.ts";
import { type MeetingStatus, meetingStatuses } from "./status.ts";

const startsAt = zonedInstant("2019-12-03", "14:00");
const before = zonedInstant("2019-11-20", "09:00");
const afterMeeting = zonedInstant("2019-12-03", "16:00");
const afterCorrections = zonedInstant("2019-12-11", "12:00");

const items = [
  { closed: false, decision: "Godkendt." },
  { closed: true, decision: null },
];
const state = (status: MeetingStatus, overrides: Partial<MeetingState> = {}): MeetingState => ({
  status,
  startsAt,
  items,
  ...overrides,
});

const commands: MeetingCommand[] = [
  { type: "publish_agenda" },
  { type: "mark_held" },
  { type: "publish_minutes" },
  { type: "cancel", reason: "For få tilmeldte" },
  { type: "reschedule", startsAt: zonedInstant("2019-12-10", "14:00") },
];

const legal: Record<MeetingStatus, MeetingCommand["type"][]> = {
  planned: ["publish_agenda", "cancel", "reschedule"],
  agenda_published: ["mark_held", "cancel", "reschedule"],
  held: ["publish_minutes"],
  minutes_published: [],
  cancelled: [],
};

describe("a meeting's life", () => {
  it("goes from planned through agenda, meeting and minutes", () => {
    const published = meetingTransition(
      state("planned"),
      { type: "publish_agenda" },
      before,
      defaultCouncilRules,
    );
    expect(published).toEqual({
      ok: true,
      value: { status: "agenda_published", startsAt, event: { type: "agenda_published", at: before } },
    });
    const held = meetingTransition(
      state("agenda_published"),
      { type: "mark_held" },
      afterMeeting,
      defaultCouncilRules,
    );
    expect(held.ok && held.value.status).toBe("held");
    const minutes = meetingTransition(
      state("held"),
      { type: "publish_minutes" },
      afterCorrections,
      defaultCouncilRules,
    );
    expect(minutes.ok && minutes.value.status).toBe("minutes_published");
  });

  it("returns a typed failure naming the state for every illegal transition", () => {
    for (const status of meetingStatuses) {
      for (const command of commands) {
        if (legal[status].includes(command.type)) continue;
        const result = meetingTransition(state(status), command, afterCorrections, defaultCouncilRules);
        expect(result.ok, `${status} / ${command.type}`).toBe(false);
        if (!result.ok) expect(result.error.code).toBe("meeting.illegal_transition");
      }
    }
    const cancelled = meetingTransition(
      state("cancelled"),
      { type: "cancel", reason: "x" },
      before,
      defaultCouncilRules,
    );
    expect(cancelled).toEqual({
      ok: false,
      error: {
        code: "meeting.illegal_transition",
        message: { da: "Et aflyst møde kan ikke aflyses", en: "A cancelled meeting cannot be cancelled" },
      },
    });
  });

  it("will not publish an empty agenda", () => {
    const result = meetingTransition(
      state("planned", { items: [] }),
      { type: "publish_agenda" },
      before,
      defaultCouncilRules,
    );
    expect(!result.ok && result.error.code).toBe("meeting.agenda_empty");
  });

  it("will not mark a meeting held before it starts", () => {
    const result = meetingTransition(
      state("agenda_published"),
      { type: "mark_held" },
      before,
      defaultCouncilRules,
    );
    expect(!result.ok && result.error.message.da).toBe("Mødet begynder først 3. december 2019, kl. 14:00");
  });

  it("keeps the minutes unpublished while they are open for corrections", () => {
    const result = meetingTransition(
      state("held"),
      { type: "publish_minutes" },
      zonedInstant("2019-12-11", "11:59"),
      defaultCouncilRules,
    );
    expect(!result.ok && result.error).toEqual({
      code: "meeting.correction_period_open",
      message: {
        da: "Referatet er åbent for rettelser og kan tidligst offentliggøres 11. december 2019, kl. 12:00",
        en: "The minutes are open for corrections and can be published from 11 December 2019, 12:00",
      },
    });
  });

  it("says how many open items still lack a decision, not counting closed items", () => {
    const undecided = [
      { closed: false, decision: null },
      { closed: false, decision: "  " },
      { closed: false, decision: "Taget til efterretning." },
      { closed: true, decision: null },
    ];
    const result = meetingTransition(
      state("held", { items: undecided }),
      { type: "publish_minutes" },
      afterCorrections,
      defaultCouncilRules,
    );
    expect(!result.ok && result.error).toEqual({
      code: "meeting.decisions_missing",
      message: { da: "2 punkter mangler en beslutning", en: "2 items have no decision" },
    });
  });

  it("cancels only with a reason", () => {
    const without = meetingTransition(
      state("planned"),
      { type: "cancel", reason: "  " },
      before,
      defaultCouncilRules,
    );
    expect(!without.ok && without.error.code).toBe("meeting.cancel_reason_required");
    const withReason = meetingTransition(
      state("agenda_published"),
      { type: "cancel", reason: " Formanden er syg " },
      before,
      defaultCouncilRules,
    );
    expect(withReason.ok && withReason.value.event).toEqual({
      type: "cancelled",
      at: before,
      reason: "Formanden er syg",
    });
  });

  it("reschedules only to a future time and keeps the status", () => {
    const to = zonedInstant("2019-12-10", "14:00");
    const moved = meetingTransition(
      state("agenda_published"),
      { type: "reschedule", startsAt: to },
      before,
      defaultCouncilRules,
    );
    expect(moved.ok && moved.value).toEqual({
      status: "agenda_published",
      startsAt: to,
      event: { type: "rescheduled", at: before, from: startsAt, to },
    });
    const past = meetingTransition(
      state("planned"),
      { type: "reschedule", startsAt: zonedInstant("2019-11-01", "14:00") },
      before,
      defaultCouncilRules,
    );
    expect(!past.ok && past.error.code).toBe("meeting.reschedule_in_past");
  });
});
