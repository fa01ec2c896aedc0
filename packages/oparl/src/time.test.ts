import { describe, expect, it } from "vitest";
import { dateTime } from "./time.ts";

describe("OParl date-time in Danish time", () => {
  it("writes a winter meeting at kl. 14:00 with +01:00", () => {
    expect(dateTime(Date.parse("2019-12-03T13:00:00Z"))).toBe("2019-12-03T14:00:00+01:00");
  });
  it("writes a summer instant with +02:00 and drops fractions of a second", () => {
    expect(dateTime(Date.parse("2026-06-15T08:30:15.987Z"))).toBe("2026-06-15T10:30:15+02:00");
  });
  it("gets the night the clocks go back right", () => {
    expect(dateTime(Date.parse("2026-10-25T00:30:00Z"))).toBe("2026-10-25T02:30:00+02:00");
    expect(dateTime(Date.parse("2026-10-25T01:30:00Z"))).toBe("2026-10-25T02:30:00+01:00");
  });
});
