import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  isClockTime,
  isIsoDate,
  isoWeek,
  localDate,
  localTime,
  MUNICIPAL_TIME_ZONE,
  zonedInstant,
} from "./calendar.ts";

const anyDate = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const anyTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

describe("municipal wall clock", () => {
  it("reads 14:00 on 3 December 2019 as 13:00 UTC (winter time)", () => {
    expect(zonedInstant("2019-12-03", "14:00").toISOString()).toBe("2019-12-03T13:00:00.000Z");
  });

  it("reads 12:00 in June as 10:00 UTC (summer time)", () => {
    expect(zonedInstant("2020-06-15", "12:00", MUNICIPAL_TIME_ZONE).toISOString()).toBe(
      "2020-06-15T10:00:00.000Z",
    );
  });

  it("moves a time in the spring-forward gap to after the gap", () => {
    // 29 March 2020 the clocks jumped from 02:00 to 03:00.
    const t = zonedInstant("2020-03-29", "02:30");
    expect(t.toISOString()).toBe("2020-03-29T01:30:00.000Z");
    expect(localTime(t)).toBe("03:30");
  });

  it("takes the first (summer-time) 02:30 on the night the clocks go back", () => {
    // 25 October 2020 the clocks went from 03:00 back to 02:00, so 02:30 happened twice.
    expect(zonedInstant("2020-10-25", "02:30").toISOString()).toBe("2020-10-25T00:30:00.000Z");
  });

  it("gives back the same local date and time it was given, outside the spring gap", () => {
    fc.assert(
      fc.property(anyDate, anyTime, (date, time) => {
        fc.pre(!time.startsWith("02:"));
        const t = zonedInstant(date, time);
        expect(localDate(t)).toBe(date);
        expect(localTime(t)).toBe(time);
      }),
    );
  });

  it("knows the Copenhagen date differs from the UTC date just before midnight", () => {
    expect(localDate(new Date("2019-12-31T23:30:00Z"))).toBe("2020-01-01");
  });

  it("refuses a date that is not on the calendar", () => {
    expect(() => zonedInstant("2023-02-29", "12:00")).toThrow(RangeError);
  });
});

describe("calendar dates", () => {
  it("adds days across month, year and leap day", () => {
    expect(addDays("2019-12-30", 3)).toBe("2020-01-02");
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2020-03-01", -1)).toBe("2020-02-29");
  });

  it("counts days between dates as the inverse of adding them", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -2000, max: 2000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it("tells real dates and times from malformed ones", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("3/12/2019")).toBe(false);
    expect(isClockTime("14:00")).toBe(true);
    expect(isClockTime("24:00")).toBe(false);
    expect(isClockTime("9:00")).toBe(false);
  });
});

describe("ISO week numbers", () => {
  it("puts 30 December 2019 in week 1 of 2020", () => {
    expect(isoWeek("2019-12-30")).toEqual({ year: 2020, week: 1 });
  });

  it("puts 1 January 2021 in week 53 of 2020", () => {
    expect(isoWeek("2021-01-01")).toEqual({ year: 2020, week: 53 });
  });

  it("puts 3 December 2019 in week 49", () => {
    expect(isoWeek("2019-12-03")).toEqual({ year: 2019, week: 49 });
  });

  it("keeps the week number the same from Monday to Sunday", () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
        expect(isoWeek(addDays(monday, 6))).toEqual(isoWeek(monday));
        expect(isoWeek(date).week).toBeGreaterThanOrEqual(1);
        expect(isoWeek(date).week).toBeLessThanOrEqual(53);
      }),
    );
  });
});
