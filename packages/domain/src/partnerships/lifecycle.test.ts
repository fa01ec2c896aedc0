import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreement, amendment, forening, kommune, partners, signature } from "./fixtures.test-helpers.ts";
import {
  canBecomeSignatory,
  canStopBeingSignatory,
  type Lifecycle,
  mayActFor,
  mayManagePeopleOf,
  partnershipStatus,
  publicPartnership,
  publicSearchText,
  terminateAtEvaluation,
} from "./lifecycle.ts";
import type { Agreement } from "./model.ts";

const signedOn = new Date("2024-01-10T10:00:00Z");
const allSigned = () => [
  signature("s-direktor", signedOn),
  signature("s-formand", signedOn),
  signature("s-kasserer", signedOn),
];
// The fixture's agreement is ongoing with the yearly evaluation on 1 March 2025.
const inForce = (over: Partial<Agreement> = {}): Lifecycle => ({
  agreement: { ...agreement(allSigned()), ...over },
  partners,
  termination: null,
});
const noAdmin = () => false;
const beforeEvaluation = new Date("2025-02-20T10:00:00Z");
const atEvaluation = new Date("2025-03-01T09:00:00Z");

describe("the partnership's status", () => {
  it("is in preparation until every signatory signed, then in force; a fixed term ends after its end date", () => {
    const unsigned: Lifecycle = {
      agreement: agreement([signature("s-direktor", signedOn)]),
      partners,
      termination: null,
    };
    expect(partnershipStatus(unsigned, beforeEvaluation)).toBe("preparing");
    expect(partnershipStatus(inForce(), beforeEvaluation)).toBe("in_force");
    const fixed = inForce({ duration: { kind: "fixed", endsOn: "2025-02-28" } });
    expect(partnershipStatus(fixed, new Date("2025-02-28T20:00:00Z"))).toBe("in_force");
    expect(partnershipStatus(fixed, atEvaluation)).toBe("ended");
    const terminated = {
      ...inForce(),
      termination: { on: "2025-03-01", partnerId: forening.id, reason: "x" },
    };
    expect(partnershipStatus(terminated, atEvaluation)).toBe("terminated");
  });
});

describe("terminating at the yearly evaluation", () => {
  const asFrida = {
    partnerId: forening.id,
    reason: "Foreningen har ikke længere frivillige",
    userId: "u-frida",
    administers: noAdmin,
  };

  it("given an ongoing agreement in force on its evaluation date, a partner's own person may terminate it", () => {
    const result = terminateAtEvaluation(inForce(), asFrida, atEvaluation);
    expect(result).toEqual({
      ok: true,
      value: { on: "2025-03-01", partnerId: forening.id, reason: "Foreningen har ikke længere frivillige" },
    });
    // After the date too, until the next evaluation date is set.
    expect(terminateAtEvaluation(inForce(), asFrida, new Date("2025-03-20T10:00:00Z")).ok).toBe(true);
  });

  it("before the evaluation it is refused, naming the date in Danish and English", () => {
    const result = terminateAtEvaluation(inForce(), asFrida, beforeEvaluation);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "partnership.before_evaluation",
        message: {
          da: "Aftalen kan først opsiges ved den årlige evaluering 1. marts 2025",
          en: "The agreement can only be terminated at the yearly evaluation on 1 March 2025",
        },
      },
    });
  });

  it("a fixed-term agreement, an unsigned one or one already terminated cannot be terminated", () => {
    const fixed = inForce({ duration: { kind: "fixed", endsOn: "2026-12-31" } });
    const code = (l: Lifecycle) => {
      const r = terminateAtEvaluation(l, asFrida, atEvaluation);
      return r.ok ? "ok" : r.error.code;
    };
    expect(code(fixed)).toBe("partnership.fixed_term");
    expect(code({ ...inForce(), agreement: agreement([signature("s-formand", signedOn)]) })).toBe(
      "partnership.not_in_force",
    );
    expect(code({ ...inForce(), termination: { on: "2025-03-01", partnerId: kommune.id, reason: "" } })).toBe(
      "partnership.already_terminated",
    );
  });

  it("nobody terminates for a partner they do not belong to; a municipality's administrator acts for it", () => {
    const forOther = terminateAtEvaluation(inForce(), { ...asFrida, partnerId: kommune.id }, atEvaluation);
    expect(forOther.ok ? null : forOther.error.code).toBe("partnership.not_for_partner");
    const admin = {
      partnerId: kommune.id,
      reason: "",
      userId: "u-admin",
      administers: (m: string) => m === "m-randers",
    };
    expect(terminateAtEvaluation(inForce(), admin, atEvaluation).ok).toBe(true);
    expect(mayActFor(forening, "u-admin", () => true)).toBe(false);
    expect(mayActFor(kommune, "u-dorthe", noAdmin)).toBe(true);
  });
});

describe("making an existing person a signatory", () => {
  it("is allowed before anyone signed, refused after (a new person is added instead)", () => {
    expect(canBecomeSignatory([agreement(), amendment(1, { task: "x" })]).ok).toBe(true);
    const refused = canBecomeSignatory([agreement([signature("s-direktor", signedOn)])]);
    expect(refused.ok ? null : refused.error.code).toBe("partnership.signing_started");
  });
});

describe("removing a signatory", () => {
  it("is refused once they signed the agreement or an amendment, allowed before", () => {
    const signedAmendment = amendment(1, { task: "Ny" }, [signature("s-kasserer", signedOn)]);
    expect(canStopBeingSignatory("s-kasserer", [agreement(), signedAmendment]).ok).toBe(false);
    expect(canStopBeingSignatory("s-formand", [agreement(), signedAmendment]).ok).toBe(true);
    const refused = canStopBeingSignatory("s-direktor", [agreement(allSigned())]);
    expect(refused.ok ? null : refused.error.message.da).toBe(
      "Personen har underskrevet og kan ikke fjernes som underskriver",
    );
  });
});

describe("the public page of a partnership", () => {
  const input = (over: Partial<Parameters<typeof publicPartnership>[0]> = {}) => ({
    id: "ps-1",
    title: "Forældrekursus",
    published: true,
    firstSessionOn: "2025-03-10",
    lifecycle: inForce(),
    amendments: [],
    ...over,
  });

  it("shows the published partnership in force: purpose, content, partners and the next start", () => {
    expect(publicPartnership(input(), beforeEvaluation)).toEqual({
      id: "ps-1",
      title: "Forældrekursus",
      partners: [
        { name: "Randers Kommune", kind: "municipality" },
        { name: "Forældreforeningen Randers", kind: "organisation" },
      ],
      task: "Forældrekursus",
      content: "Fire undervisningsgange",
      inForceSince: signedOn,
      nextStartOn: "2025-03-10",
    });
    // A first session in the past is not offered as the next start.
    expect(publicPartnership(input(), new Date("2025-03-11T10:00:00Z"))?.nextStartOn).toBeNull();
  });

  it("shows nothing unpublished, in preparation, ended or terminated", () => {
    expect(publicPartnership(input({ published: false }), beforeEvaluation)).toBeNull();
    const draft = { agreement: agreement([signature("s-direktor", signedOn)]), partners, termination: null };
    expect(publicPartnership(input({ lifecycle: draft }), beforeEvaluation)).toBeNull();
    const ended = inForce({ duration: { kind: "fixed", endsOn: "2025-01-31" } });
    expect(publicPartnership(input({ lifecycle: ended }), beforeEvaluation)).toBeNull();
    const terminated = { ...inForce(), termination: { on: "2025-03-01", partnerId: kommune.id, reason: "" } };
    expect(publicPartnership(input({ lifecycle: terminated }), atEvaluation)).toBeNull();
  });

  it("property: an amendment not signed by every signatory never reaches the public text", () => {
    fc.assert(
      fc.property(
        fc.subarray(["s-direktor", "s-formand", "s-kasserer"], { maxLength: 2 }),
        fc.string({ minLength: 1 }),
        (signers, text) => {
          const pending = amendment(
            1,
            { content: `ÆNDRET ${text}` },
            signers.map((s) => signature(s, signedOn)),
          );
          const page = publicPartnership(input({ amendments: [pending] }), beforeEvaluation);
          expect(page?.content).toBe("Fire undervisningsgange");
          expect(publicSearchText(page ?? (null as never))).not.toContain("ÆNDRET");
        },
      ),
    );
    const signed = amendment(1, { content: "Fem undervisningsgange" }, allSigned());
    expect(publicPartnership(input({ amendments: [signed] }), beforeEvaluation)?.content).toBe(
      "Fem undervisningsgange",
    );
  });
});

describe("changing a partner's people", () => {
  const owner = { municipalityId: "m-randers" };
  const randersAdmin = (m: string) => m === "m-randers";
  it("the owner's administrators change anyone; an organisation's person only its own partner's people", () => {
    expect(mayManagePeopleOf(forening, owner, "u-admin", randersAdmin).ok).toBe(true);
    expect(mayManagePeopleOf(forening, owner, "u-frida", noAdmin).ok).toBe(true);
    const refused = mayManagePeopleOf(kommune, owner, "u-frida", noAdmin);
    expect(refused.ok ? null : refused.error.message).toEqual({
      da: "Du kan kun ændre personer hos en partner, du selv hører til",
      en: "You can only change the people of a partner you belong to",
    });
    // Another partner municipality's administrator reaches its own people, not the organisation's.
    const other = { ...kommune, id: "p-favrskov", municipalityId: "m-favrskov" };
    const favrskovAdmin = (m: string) => m === "m-favrskov";
    expect(mayManagePeopleOf(other, owner, "u-f", favrskovAdmin).ok).toBe(true);
    expect(mayManagePeopleOf(forening, owner, "u-f", favrskovAdmin).ok).toBe(false);
  });
});
