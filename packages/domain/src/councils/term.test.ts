import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../shared/calendar.ts";
import { municipalElectionPeriod } from "./term.ts";

describe("municipal election periods", () => {
  it("starts the period on 1 January after the November election", () => {
    expect(municipalElectionPeriod("2019-12-03")).toEqual({ startsOn: "2018-01-01", endsOn: "2021-12-31" });
    expect(municipalElectionPeriod("2022-01-01")).toEqual({ startsOn: "2022-01-01", endsOn: "2025-12-31" });
    expect(municipalElectionPeriod("2025-11-18")).toEqual({ startsOn: "2022-01-01", endsOn: "2025-12-31" });
    expect(municipalElectionPeriod("2026-01-01")).toEqual({ startsOn: "2026-01-01", endsOn: "2029-12-31" });
    expect(municipalElectionPeriod("2014-06-01")).toEqual({ startsOn: "2014-01-01", endsOn: "2017-12-31" });
  });

  it("puts every date in exactly one period of exactly 4 years", () => {
    const anyDate = fc
      .date({
        min: new Date("1990-01-01T00:00:00Z"),
        max: new Date("2100-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(anyDate, (date) => {
        const p = municipalElectionPeriod(date);
        expect(p.startsOn <= date && date <= p.endsOn).toBe(true);
        expect(Number(p.endsOn.slice(0, 4)) - Number(p.startsOn.slice(0, 4))).toBe(3);
        expect([4 * 365, 4 * 365 + 1]).toContain(daysBetween(p.startsOn, p.endsOn) + 1);
        // The neighbouring periods touch this one without overlapping.
        expect(municipalElectionPeriod(addDays(p.startsOn, -1)).endsOn).toBe(addDays(p.startsOn, -1));
        expect(municipalElectionPeriod(addDays(p.endsOn, 1)).startsOn).toBe(addDays(p.endsOn, 1));
        expect(municipalElectionPeriod(p.endsOn)).toEqual(p);
      }),
    );
  });
});
