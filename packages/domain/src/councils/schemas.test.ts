import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import { councilRules, defaultCouncilRules } from "./council.ts";
import { councilInput, membershipInput, personInput, termInput } from "./schemas.ts";

const councilId = "6f1c2f0e-8a4b-4c1d-9e2f-3a4b5c6d7e8f";
const personId = "0b7e4c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c";

function codesOf(result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) {
  return result.error ? fieldErrors(result.error).map((e) => `${e.field}:${e.code}`) : [];
}

describe("council forms", () => {
  it("accepts a council and bounds its local rules", () => {
    expect(councilInput.parse({ name: " Handicaprådet ", type: "handicapraad" })).toEqual({
      name: "Handicaprådet",
      type: "handicapraad",
    });
    expect(
      codesOf(
        councilInput.safeParse({
          name: "",
          type: "raad",
          rules: { agendaCutoffWorkingDays: 31, minutesCorrectionDays: -1 },
        }),
      ),
    ).toEqual([
      "name:required",
      "type:invalid_option",
      "rules.agendaCutoffWorkingDays:too_big",
      "rules.minutesCorrectionDays:too_small",
    ]);
  });

  it("fills in the default rules a council did not change", () => {
    expect(councilRules({ agendaCutoffWorkingDays: 8 })).toEqual({
      ...defaultCouncilRules,
      agendaCutoffWorkingDays: 8,
    });
    expect(councilRules(null)).toEqual(defaultCouncilRules);
  });

  it("refuses a term that ends before it starts, on the end date", () => {
    expect(codesOf(termInput.safeParse({ councilId, startsOn: "2026-01-01", endsOn: "2025-12-31" }))).toEqual(
      ["endsOn:end_before_start"],
    );
    expect(termInput.safeParse({ councilId, startsOn: "2026-01-01", endsOn: "2029-12-31" }).success).toBe(
      true,
    );
  });

  it("shows a person's name publicly unless told otherwise", () => {
    expect(personInput.parse({ name: "Anne Hansen" })).toEqual({ name: "Anne Hansen", publicName: true });
    expect(codesOf(personInput.safeParse({ name: "Anne", email: "anne@" }))).toEqual(["email:invalid_email"]);
  });

  it("refuses a seat on the wrong side", () => {
    const base = { councilId, personId, role: "medlem", votingRight: true, startsOn: "2022-01-01" };
    expect(membershipInput.safeParse({ ...base, side: "organisation", seat: "dh" }).success).toBe(true);
    expect(
      membershipInput.safeParse({ ...base, side: "municipal", seat: "official", endsOn: null }).success,
    ).toBe(true);
    expect(codesOf(membershipInput.safeParse({ ...base, side: "municipal", seat: "dh" }))).toEqual([
      "seat:seat_side_mismatch",
    ]);
    expect(codesOf(membershipInput.safeParse({ ...base, side: "organisation", seat: "politician" }))).toEqual(
      ["seat:seat_side_mismatch"],
    );
  });
});
