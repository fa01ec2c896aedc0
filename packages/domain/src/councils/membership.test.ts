import { describe, expect, it } from "vitest";
import { checkComposition } from "./composition.ts";
import { lawfulDisabilityCouncil, member } from "./fixtures.test-helpers.ts";
import { endMembership, promoteSubstitute } from "./membership.ts";

describe("a member leaves", () => {
  it("ends the membership the day before the leaving date", () => {
    const m = member({ personName: "Anne Hansen" });
    expect(endMembership(m, "2024-03-01", "resigned")).toEqual({
      ok: true,
      value: { membershipId: m.membershipId, endsOn: "2024-02-29", reason: "resigned" },
    });
  });

  it("refuses to end a membership that has already ended", () => {
    const m = member({ personName: "Anne Hansen", endsOn: "2023-12-31" });
    const result = endMembership(m, "2024-03-01", "resigned");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("membership.already_ended");
  });

  it("refuses to end a membership before it began", () => {
    const m = member({ personName: "Anne Hansen", startsOn: "2024-06-01" });
    const result = endMembership(m, "2024-03-01", "resigned");
    expect(!result.ok && result.error.code).toBe("membership.ends_before_start");
  });
});

describe("the personal substitute takes the seat", () => {
  it("moves the substitute into the leaver's seat, role and vote, and asks for a new substitute", () => {
    const members = lawfulDisabilityCouncil();
    const carla = members.find((m) => m.personName === "Carla Nielsen");
    const substitute = members.find((m) => m.personName === "Stedfortræder for Carla Nielsen");
    if (!carla || !substitute) throw new Error("fixture");
    const result = promoteSubstitute(members, carla.membershipId, "2024-04-01");
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.value.ended).toEqual({ membershipId: carla.membershipId, endsOn: "2024-03-31" });
    expect(result.value.promoted).toEqual({
      fromMembershipId: substitute.membershipId,
      fromMembershipEndsOn: "2024-03-31",
      newMembership: {
        personId: substitute.personId,
        personName: "Stedfortræder for Carla Nielsen",
        side: "organisation",
        seat: "dh",
        role: "medlem",
        votingRight: true,
        startsOn: "2024-04-01",
        endsOn: null,
        substituteForMembershipId: null,
      },
    });
    expect(result.value.findings.map((f) => f.code)).toEqual(["membership.substitute_needed"]);

    // Applied to the council, the only thing left to fix is the new seat holder's missing substitute.
    const after = [
      ...members.map((m) =>
        m.membershipId === carla.membershipId || m.membershipId === substitute.membershipId
          ? { ...m, endsOn: "2024-03-31" }
          : m,
      ),
      { membershipId: "new", ...result.value.promoted.newMembership },
    ];
    expect(checkComposition({ type: "handicapraad", members: after }, "2024-04-01")).toMatchObject([
      { code: "composition.substitute_missing", subject: { type: "membership", id: "new" } },
    ]);
  });

  it("reminds the council to elect a new chair when the chair leaves", () => {
    const members = lawfulDisabilityCouncil();
    const chair = members.find((m) => m.role === "formand");
    if (!chair) throw new Error("fixture");
    const result = promoteSubstitute(members, chair.membershipId, "2024-04-01");
    expect(result.ok && result.value.findings.map((f) => f.code)).toEqual([
      "membership.substitute_needed",
      "membership.chair_election_needed",
    ]);
  });

  it("fails without a substitute, for an ended member and for an unknown one", () => {
    const alone = member({ personName: "Anne Hansen" });
    const ended = member({ personName: "Bo Jensen", endsOn: "2024-01-31" });
    const results = [
      promoteSubstitute([alone], alone.membershipId, "2024-04-01"),
      promoteSubstitute([ended], ended.membershipId, "2024-04-01"),
      promoteSubstitute([alone], "missing", "2024-04-01"),
    ];
    expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual([
      "membership.no_substitute",
      "membership.not_active",
      "membership.not_found",
    ]);
    expect(!results[0]?.ok && results[0]?.error.message.da).toBe(
      "Anne Hansen har ingen aktiv personlig stedfortræder, der kan overtage pladsen",
    );
  });
});
