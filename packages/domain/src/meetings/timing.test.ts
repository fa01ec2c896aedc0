import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCouncilRules } from "../councils/council.ts";
import { localDate, localTime, zonedInstant } from "../shared/calendar.ts";
import { isWorkingDay } from "../shared/danish-holidays.ts";
import { formatDateTime } from "../shared/format.ts";
import { agendaCutoff, isSupplementaryItem, minutesCorrectionEnds } from "./timing.ts";

describe("agenda cut-off", () => {
  it("sends the agenda for the Brønderslev meeting on 3 December 2019 by 26 November at 12:00", () => {
    const cutoff = agendaCutoff(zonedInstant("2019-12-03", "14:00"), defaultCouncilRules);
    expect(formatDateTime(cutoff)).toBe("26. november 2019, kl. 12:00");
    expect(cutoff.toISOString()).toBe("2019-11-26T11:00:00.000Z");
  });

  it("moves the agenda cut-off before Easter", () => {
    // Tuesday after Easter 2020: 2. påskedag, langfredag and skærtorsdag are not working days.
    const cutoff = agendaCutoff(zonedInstant("2020-04-14", "14:00"), defaultCouncilRules);
    expect(localDate(cutoff)).toBe("2020-04-02");
  });

  it("counts store bededag as a closed day in 2023 but not in 2024", () => {
    // Store bededag was 5 May 2023; the same Friday slot in 2024 was 26 April.
    expect(localDate(agendaCutoff(zonedInstant("2023-05-08", "10:00"), { agendaCutoffWorkingDays: 1 }))).toBe(
      "2023-05-04",
    );
    expect(localDate(agendaCutoff(zonedInstant("2024-04-29", "10:00"), { agendaCutoffWorkingDays: 1 }))).toBe(
      "2024-04-26",
    );
  });

  it("keeps the cut-off at 12:00 local time across the October clock change", () => {
    // Clocks went back on 25 October 2020: the meeting is in winter time, the cut-off in summer time.
    const meeting = zonedInstant("2020-10-27", "14:00");
    const cutoff = agendaCutoff(meeting, defaultCouncilRules);
    expect(meeting.toISOString()).toBe("2020-10-27T13:00:00.000Z");
    expect(cutoff.toISOString()).toBe("2020-10-20T10:00:00.000Z");
    expect(localTime(cutoff)).toBe("12:00");
  });

  it("lets a council with 0 working days send the agenda until the meeting starts", () => {
    const morning = zonedInstant("2019-12-03", "09:00");
    expect(agendaCutoff(morning, { agendaCutoffWorkingDays: 0 })).toEqual(morning);
    expect(localTime(agendaCutoff(zonedInstant("2019-12-03", "14:00"), { agendaCutoffWorkingDays: 0 }))).toBe(
      "12:00",
    );
  });

  it("is never on a weekend or holiday, always at noon and always strictly before the meeting", () => {
    const meetings = fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2060-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(meetings, fc.integer({ min: 1, max: 30 }), (startsAt, days) => {
        const cutoff = agendaCutoff(startsAt, { agendaCutoffWorkingDays: days });
        expect(isWorkingDay(localDate(cutoff))).toBe(true);
        expect(localTime(cutoff)).toBe("12:00");
        expect(cutoff.getTime()).toBeLessThan(startsAt.getTime());
      }),
    );
  });
});

describe("minutes correction period", () => {
  it("ends at 12:00 eight days after the meeting day", () => {
    const ends = minutesCorrectionEnds(zonedInstant("2019-12-03", "14:00"), defaultCouncilRules);
    expect(formatDateTime(ends)).toBe("11. december 2019, kl. 12:00");
  });

  it("ends at local noon even when the clocks change in between", () => {
    const ends = minutesCorrectionEnds(zonedInstant("2020-03-24", "14:00"), defaultCouncilRules);
    expect(ends.toISOString()).toBe("2020-04-01T10:00:00.000Z");
  });
});

describe("supplementary agenda", () => {
  const published = new Date("2019-11-26T10:00:00Z");

  it("puts an item added after the agenda went out on the supplementary agenda", () => {
    expect(isSupplementaryItem({ createdAt: new Date("2019-11-27T08:00:00Z") }, published)).toBe(true);
  });

  it("keeps items added before publication, or while unpublished, on the ordinary agenda", () => {
    expect(isSupplementaryItem({ createdAt: new Date("2019-11-20T08:00:00Z") }, published)).toBe(false);
    expect(isSupplementaryItem({ createdAt: new Date("2019-11-27T08:00:00Z") }, null)).toBe(false);
  });
});
