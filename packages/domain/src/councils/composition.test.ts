import { describe, expect, it } from "vitest";
import { checkComposition } from "./composition.ts";
import { lawfulDisabilityCouncil, member, withSubstitute } from "./fixtures.test-helpers.ts";

const today = "2024-03-01";
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe("composition of a Handicapråd", () => {
  it("finds nothing wrong with a lawful council, and the secretary does not count as a member", () => {
    expect(checkComposition({ type: "handicapraad", members: lawfulDisabilityCouncil() }, today)).toEqual([]);
  });

  it("says the sides are unequal with the exact counts in Danish and English", () => {
    const members = [
      ...lawfulDisabilityCouncil(),
      ...withSubstitute(member({ personName: "Jonas Dam", seat: "dh" })),
      ...withSubstitute(member({ personName: "Karen Vest", seat: "local_organisation" })),
      ...withSubstitute(member({ personName: "Lars Øst", side: "municipal", seat: "politician" })),
    ];
    const findings = checkComposition({ type: "handicapraad", members }, today);
    expect(findings).toEqual([
      {
        code: "composition.sides_unequal",
        severity: "error",
        message: {
          da: "6 organisationspladser, men 5 kommunale pladser: de to sider skal være lige store",
          en: "6 organisation seats but 5 municipal seats: the two sides must be equal",
        },
      },
    ]);
  });

  it("requires 3 to 7 members on each side", () => {
    const small = [
      ...withSubstitute(member({ personName: "A", seat: "dh", role: "formand" })),
      ...withSubstitute(member({ personName: "B", seat: "dh" })),
      ...withSubstitute(member({ personName: "C", side: "municipal", seat: "politician" })),
      ...withSubstitute(member({ personName: "D", side: "municipal", seat: "official" })),
    ];
    const findings = checkComposition({ type: "handicapraad", members: small }, today);
    expect(codes(findings)).toEqual(["composition.organisation_too_few", "composition.municipal_too_few"]);
    expect(findings[0]?.message.da).toBe(
      "Organisationssiden har 2 organisationspladser, men skal have mindst 3",
    );

    const big = [
      ...withSubstitute(member({ personName: "Chair", seat: "dh", role: "formand" })),
      ...Array.from({ length: 7 }, (_, i) =>
        withSubstitute(member({ personName: `O${i}`, seat: "dh" })),
      ).flat(),
      ...Array.from({ length: 8 }, (_, i) =>
        withSubstitute(member({ personName: `M${i}`, side: "municipal", seat: "politician" })),
      ).flat(),
    ];
    expect(codes(checkComposition({ type: "handicapraad", members: big }, today))).toEqual([
      "composition.organisation_too_many",
      "composition.municipal_too_many",
    ]);
  });

  it("never lets local organisations hold more seats than DH", () => {
    const members = lawfulDisabilityCouncil().map((m) =>
      m.personName.endsWith("Bo Jensen") || m.personName.endsWith("Carla Nielsen")
        ? { ...m, seat: "local_organisation" as const }
        : m,
    );
    const findings = checkComposition({ type: "handicapraad", members }, today);
    expect(codes(findings)).toEqual(["composition.local_exceeds_dh"]);
    expect(findings[0]?.message.da).toContain("3 lokale pladser mod 1 DH-plads");
  });

  it("names each member who has no personal substitute", () => {
    const members = lawfulDisabilityCouncil().filter(
      (m) => m.personName !== "Stedfortræder for Bo Jensen" && m.personName !== "Stedfortræder for Hans Lund",
    );
    const bo = members.find((m) => m.personName === "Bo Jensen");
    const findings = checkComposition({ type: "handicapraad", members }, today);
    expect(findings.map((f) => f.message.da)).toEqual([
      "Bo Jensen har ingen personlig stedfortræder",
      "Hans Lund har ingen personlig stedfortræder",
    ]);
    expect(findings[0]).toMatchObject({
      code: "composition.substitute_missing",
      severity: "error",
      subject: { type: "membership", id: bo?.membershipId },
    });
  });

  it("does not count a substitute whose membership has ended", () => {
    const members = lawfulDisabilityCouncil().map((m) =>
      m.personName === "Stedfortræder for Anne Hansen" ? { ...m, endsOn: "2024-02-29" } : m,
    );
    expect(checkComposition({ type: "handicapraad", members }, today)[0]?.message.en).toBe(
      "Anne Hansen has no personal substitute",
    );
  });

  it("ignores members whose membership has not started or has ended", () => {
    const members = [
      ...lawfulDisabilityCouncil(),
      ...withSubstitute(member({ personName: "Future", seat: "dh", startsOn: "2024-06-01" })),
      ...withSubstitute(member({ personName: "Past", seat: "dh", endsOn: "2023-12-31" })),
    ];
    expect(checkComposition({ type: "handicapraad", members }, today)).toEqual([]);
  });

  it("requires exactly one chair and at most one vice-chair", () => {
    const noChair = lawfulDisabilityCouncil().map((m) =>
      m.role === "formand" ? { ...m, role: "medlem" as const } : m,
    );
    expect(codes(checkComposition({ type: "handicapraad", members: noChair }, today))).toEqual([
      "composition.chair_missing",
    ]);

    const twoChairs = lawfulDisabilityCouncil().map((m) =>
      m.personName === "Bo Jensen" ? { ...m, role: "formand" as const } : m,
    );
    const findings = checkComposition({ type: "handicapraad", members: twoChairs }, today);
    expect(findings).toMatchObject([
      {
        code: "composition.chair_multiple",
        severity: "error",
        message: { da: "Rådet har 2 formænd (Anne Hansen, Bo Jensen), men kan kun have én" },
      },
    ]);

    const twoVices = lawfulDisabilityCouncil().map((m) =>
      m.personName === "Bo Jensen" ? { ...m, role: "naestformand" as const } : m,
    );
    expect(codes(checkComposition({ type: "handicapraad", members: twoVices }, today))).toEqual([
      "composition.vice_chair_multiple",
    ]);
  });

  it("warns when chair and vice-chair come from the same side", () => {
    const members = lawfulDisabilityCouncil().map((m) =>
      m.role === "naestformand"
        ? { ...m, role: "medlem" as const }
        : m.personName === "Bo Jensen"
          ? { ...m, role: "naestformand" as const }
          : m,
    );
    expect(checkComposition({ type: "handicapraad", members }, today)).toMatchObject([
      { code: "composition.chair_vice_same_side", severity: "warning" },
    ]);
  });

  it("requires the council to elect its own chair", () => {
    expect(
      codes(
        checkComposition(
          { type: "handicapraad", members: lawfulDisabilityCouncil(), chairElectedByCouncil: false },
          today,
        ),
      ),
    ).toEqual(["composition.chair_not_elected"]);
  });

  it("says a DH member who moved away must give the seat to the substitute", () => {
    const members = lawfulDisabilityCouncil().map((m) =>
      m.personName === "Carla Nielsen" ? { ...m, livesInMunicipality: false } : m,
    );
    const findings = checkComposition({ type: "handicapraad", members }, today);
    expect(findings).toMatchObject([{ code: "composition.dh_member_not_resident", severity: "error" }]);
    expect(findings[0]?.message.da).toContain(
      "stedfortræderen Stedfortræder for Carla Nielsen overtager pladsen",
    );
  });
});

describe("composition of other councils", () => {
  it("only warns about the chair and missing substitutes", () => {
    const members = [
      member({ personName: "Ulla Ung", side: "organisation", seat: "local_organisation" }),
      member({ personName: "Viggo Voksen", side: "municipal", seat: "politician" }),
    ];
    const findings = checkComposition({ type: "ungeraad", members }, today);
    expect(codes(findings)).toEqual([
      "composition.substitute_missing",
      "composition.substitute_missing",
      "composition.chair_missing",
    ]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
  });

  it("never throws, even with no members", () => {
    expect(() => checkComposition({ type: "handicapraad", members: [] }, today)).not.toThrow();
    expect(codes(checkComposition({ type: "opgaveudvalg", members: [] }, today))).toEqual([
      "composition.chair_missing",
    ]);
  });
});
