import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreement, amendment, partners, signatoryIds, signature } from "./fixtures.test-helpers.ts";
import { canEditText, effectiveAt, missingSignatories, signAs, textInForce } from "./signing.ts";

const jan = (day: number) => new Date(Date.UTC(2024, 0, day, 10));
const allSigned = (day: number) => signatoryIds.map((id, i) => signature(id, jan(day + i)));

describe("an agreement is in force only when every partner's signatories have signed", () => {
  it("given two of three signatures, then it is a draft and the missing signatory is named", () => {
    const doc = agreement([signature("s-direktor", jan(2)), signature("s-formand", jan(3))]);
    expect(effectiveAt(doc, partners)).toBeNull();
    expect(missingSignatories(doc, partners).map((s) => s.name)).toEqual(["Kaj Kasserer"]);
    expect(textInForce(doc, [], partners, jan(30))).toBeNull();
  });

  it("given every signature, then it takes effect when the last one signed", () => {
    const doc = agreement(allSigned(2));
    expect(effectiveAt(doc, partners)).toEqual(jan(4));
    expect(textInForce(doc, [], partners, jan(3))).toBeNull();
    expect(textInForce(doc, [], partners, jan(4))?.sections.task).toBe("Forældrekursus");
  });

  it("given a fixed end, then nothing is in force after it", () => {
    const doc = agreement(allSigned(2));
    expect(textInForce(doc, [], partners, jan(20), jan(10))).toBeNull();
  });

  it("given a signature by someone no longer named, then it does not count", () => {
    const stranger = { ...signature("s-formand", jan(2)), signatoryId: "s-old" };
    const doc = agreement([signature("s-direktor", jan(2)), stranger, signature("s-kasserer", jan(2))]);
    expect(effectiveAt(doc, partners)).toBeNull();
  });
});

describe("signing", () => {
  it("refuses anyone who is not a named signatory of that partner", () => {
    const doc = agreement();
    const wrongPartner = signAs(doc, partners, "u-frida", "p-kommune", jan(2));
    expect(wrongPartner).toMatchObject({ ok: false, error: { code: "partnership.not_signatory" } });
    expect(signAs(doc, partners, "u-nobody", "p-forening", jan(2)).ok).toBe(false);
  });

  it("records who signed, in what capacity and when — once", () => {
    const result = signAs(agreement(), partners, "u-frida", "p-forening", jan(2));
    expect(result).toEqual({
      ok: true,
      value: {
        signatoryId: "s-formand",
        partnerId: "p-forening",
        name: "Frida Formand",
        capacity: "Formand",
        signedAt: jan(2),
      },
    });
    const again = signAs(
      agreement([signature("s-formand", jan(2))]),
      partners,
      "u-frida",
      "p-forening",
      jan(3),
    );
    expect(again).toMatchObject({ ok: false, error: { code: "partnership.already_signed" } });
  });

  it("locks the text once anyone has signed", () => {
    expect(canEditText(agreement()).ok).toBe(true);
    expect(canEditText(agreement([signature("s-formand", jan(2))]))).toMatchObject({
      ok: false,
      error: { code: "partnership.signed_locked" },
    });
  });
});

describe("the text in force on a date", () => {
  it("applies amendments signed by everyone by then, in the order they took effect", () => {
    const doc = agreement(allSigned(1));
    const first = amendment(1, { content: "Fem undervisningsgange" }, allSigned(10));
    const second = amendment(
      2,
      { content: "Seks undervisningsgange", financing: "Kommunen betaler" },
      allSigned(5),
    );
    expect(textInForce(doc, [first, second], partners, jan(4))?.sections.content).toBe(
      "Fire undervisningsgange",
    );
    const mid = textInForce(doc, [first, second], partners, jan(8));
    expect(mid?.sections.content).toBe("Seks undervisningsgange");
    expect(mid?.amendmentIds).toEqual(["t-2"]);
    const late = textInForce(doc, [first, second], partners, jan(20));
    expect(late?.sections).toMatchObject({
      content: "Fem undervisningsgange",
      financing: "Kommunen betaler",
    });
    expect(late?.amendmentIds).toEqual(["t-2", "t-1"]);
  });

  const day = fc.integer({ min: 1, max: 28 });
  const signatures = fc
    .tuple(day, day, day)
    .map(([a, b, c]) => [
      signature("s-direktor", jan(a)),
      signature("s-formand", jan(b)),
      signature("s-kasserer", jan(c)),
    ]);

  it("property: signing order does not matter", () => {
    fc.assert(
      fc.property(signatures, signatures, day, fc.integer({ min: 1, max: 31 }), (sa, sb, _d, on) => {
        const doc = agreement(sa);
        const amend = amendment(1, { task: "Ny opgave" }, sb);
        const expected = textInForce(doc, [amend], partners, jan(on));
        const shuffled = textInForce(
          agreement([...sa].reverse()),
          [{ ...amend, signatures: [sb[1], sb[2], sb[0]].filter((s) => s !== undefined) }],
          partners,
          jan(on),
        );
        expect(shuffled).toEqual(expected);
      }),
    );
  });

  it("property: an amendment signed by only one partner never changes the text in force", () => {
    const onePartner = fc.constantFrom(
      ["s-direktor"],
      ["s-formand"],
      ["s-kasserer"],
      ["s-formand", "s-kasserer"],
    );
    fc.assert(
      fc.property(signatures, onePartner, day, fc.integer({ min: 1, max: 31 }), (sa, ids, d, on) => {
        const doc = agreement(sa);
        const partial = amendment(
          1,
          { task: "Ændret", content: "Ændret" },
          ids.map((id) => signature(id, jan(d))),
        );
        expect(textInForce(doc, [partial], partners, jan(on))).toEqual(
          textInForce(doc, [], partners, jan(on)),
        );
      }),
    );
  });
});

describe("a signatory named after a document took effect", () => {
  const withNewChair = (namedAt: Date) =>
    partners.map((p) =>
      p.id === "p-forening"
        ? {
            ...p,
            signatories: [
              ...p.signatories,
              {
                id: "s-ny",
                partnerId: p.id,
                name: "Nina Ny",
                capacity: "Formand",
                userId: "u-nina",
                namedAt,
              },
            ],
          }
        : p,
    );

  it("does not undo what was in force; a document still being signed waits for them", () => {
    const doc = agreement(allSigned(2));
    const later = withNewChair(jan(10));
    expect(effectiveAt(doc, later)).toEqual(jan(4));
    expect(missingSignatories(doc, later)).toEqual([]);
    expect(textInForce(doc, [], later, jan(20))?.sections.task).toBe("Forældrekursus");
    // Named before the last signature: the agreement waits for them too.
    const early = withNewChair(jan(3));
    expect(effectiveAt(doc, early)).toBeNull();
    expect(missingSignatories(doc, early).map((s) => s.name)).toEqual(["Nina Ny"]);
  });

  it("property: whenever named after the last signature, the moment of effect is unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (daysAfter) => {
        const doc = agreement(allSigned(2));
        const namedAt = new Date(jan(4).getTime() + daysAfter * 86_400_000 + 1);
        expect(effectiveAt(doc, withNewChair(namedAt))).toEqual(effectiveAt(doc, partners));
      }),
    );
  });
});
