import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoWeekday } from "./calendar.ts";
import {
  addWorkingDays,
  danishHolidays,
  easterSunday,
  isWorkingDay,
  subtractWorkingDays,
} from "./danish-holidays.ts";

const anyDate = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("Danish holidays", () => {
  it("finds Easter Sunday for known years", () => {
    expect(easterSunday(2019)).toBe("2019-04-21");
    expect(easterSunday(2020)).toBe("2020-04-12");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });

  it("lists the days municipal offices are closed in 2020", () => {
    expect(danishHolidays(2020)).toEqual([
      { date: "2020-01-01", name: "Nytårsdag" },
      { date: "2020-04-09", name: "Skærtorsdag" },
      { date: "2020-04-10", name: "Langfredag" },
      { date: "2020-04-12", name: "Påskedag" },
      { date: "2020-04-13", name: "2. påskedag" },
      { date: "2020-05-08", name: "Store bededag" },
      { date: "2020-05-21", name: "Kristi himmelfartsdag" },
      { date: "2020-05-31", name: "Pinsedag" },
      { date: "2020-06-01", name: "2. pinsedag" },
      { date: "2020-06-05", name: "Grundlovsdag" },
      { date: "2020-12-24", name: "Juleaftensdag" },
      { date: "2020-12-25", name: "1. juledag" },
      { date: "2020-12-26", name: "2. juledag" },
      { date: "2020-12-31", name: "Nytårsaftensdag" },
    ]);
  });

  it("keeps store bededag in 2023 but not from 2024, when it was abolished", () => {
    expect(danishHolidays(2023).map((h) => h.name)).toContain("Store bededag");
    expect(isWorkingDay("2023-05-05")).toBe(false);
    expect(danishHolidays(2024).map((h) => h.name)).not.toContain("Store bededag");
    expect(isWorkingDay("2024-04-26")).toBe(true);
  });

  it("does not let a caller change the holiday list for others", () => {
    const list = danishHolidays(2021);
    list.pop();
    expect(danishHolidays(2021)).toHaveLength(14);
  });
});

describe("working days", () => {
  it("treats weekends, holidays and Christmas Eve as closed days", () => {
    expect(isWorkingDay("2019-12-02")).toBe(true);
    expect(isWorkingDay("2019-11-30")).toBe(false);
    expect(isWorkingDay("2019-12-24")).toBe(false);
    expect(isWorkingDay("2020-06-05")).toBe(false);
  });

  it("counts five working days back from Tuesday 3 December 2019 to Tuesday 26 November", () => {
    expect(subtractWorkingDays("2019-12-03", 5)).toBe("2019-11-26");
  });

  it("skips Easter when counting back from the Tuesday after Easter 2020", () => {
    expect(subtractWorkingDays("2020-04-14", 5)).toBe("2020-04-02");
  });

  it("skips Christmas and New Year when counting forward", () => {
    expect(addWorkingDays("2019-12-23", 1)).toBe("2019-12-27");
    expect(addWorkingDays("2019-12-30", 1)).toBe("2020-01-02");
  });

  it("always lands on a working day strictly before the date, and counts exactly n", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), (date, n) => {
        const result = subtractWorkingDays(date, n);
        expect(isWorkingDay(result)).toBe(true);
        expect(result < date).toBe(true);
        let count = 0;
        for (let d = result; d < date; d = addDays(d, 1)) if (isWorkingDay(d)) count += 1;
        expect(count).toBe(n);
        expect(isoWeekday(result)).toBeLessThanOrEqual(5);
      }),
    );
  });

  it("undoes a step forward with a step back from a working day", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), (date, n) => {
        const start = addWorkingDays(date, 0);
        expect(subtractWorkingDays(addWorkingDays(start, n), n)).toBe(start);
      }),
    );
  });
});
