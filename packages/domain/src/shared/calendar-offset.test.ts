import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDate, localTime } from "./calendar.ts";

// The wall clock is computed from a remembered UTC offset; Intl itself is the reference it must agree with.
const reference = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

describe("the Copenhagen wall clock", () => {
  it("agrees with Intl at every instant, including the minutes around daylight-saving changes", () => {
    const aroundChanges = [Date.UTC(2026, 2, 29, 1, 0), Date.UTC(2026, 9, 25, 1, 0)].flatMap((t) =>
      Array.from({ length: 240 }, (_, i) => t + (i - 120) * 60_000),
    );
    const random = fc.sample(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), 2000);
    for (const t of [...aroundChanges, ...random]) {
      const instant = new Date(t);
      expect(`${localDate(instant)} ${localTime(instant)}`).toBe(reference.format(instant));
    }
  });
});
