import { describe, expect, it } from "vitest";
import { mayCastBallot } from "./budget-vote.ts";
import { checkSignedInEligibility, eligibilityDeclaration, fullBirthDate } from "./eligibility.ts";
import { isAcceptableIssuer, isLoopbackIssuer, oidcProviderInput } from "./oidc-provider.ts";

const rules = { minAge: 15, residenceRequired: true };
const declared = (d: Record<string, string>) => eligibilityDeclaration.parse(d);
const today = "2026-11-23";

describe("eligibility of a voter signed in with OpenID Connect", () => {
  it("checks the age from the provider's birth date, with no declaration needed", () => {
    expect(
      checkSignedInEligibility(rules, "2011-11-23", declared({ declaresResidence: "on" }), today),
    ).toEqual({
      ok: true,
      value: true,
    });
  });

  it("refuses a voter the provider says is too young, even if they tick the age box", () => {
    const result = checkSignedInEligibility(
      rules,
      "2011-11-24",
      declared({ declaresAge: "on", declaresResidence: "on" }),
      today,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "eligibility.age",
        message: { da: "Du skal være mindst 15 år for at stemme, og ifølge dit log-in er du yngre" },
      },
    });
  });

  it("falls back to the declaration without a whole birth date", () => {
    expect(checkSignedInEligibility(rules, null, declared({ declaresResidence: "on" }), today)).toMatchObject(
      {
        ok: false,
        error: { code: "eligibility.age" },
      },
    );
    expect(
      checkSignedInEligibility(rules, null, declared({ declaresAge: "on", declaresResidence: "on" }), today)
        .ok,
    ).toBe(true);
  });

  it("still asks the voter to declare residence", () => {
    expect(checkSignedInEligibility(rules, "1970-01-01", declared({}), today)).toMatchObject({
      ok: false,
      error: { code: "eligibility.residence" },
    });
  });

  it("reads only whole dates from the birthdate claim", () => {
    expect(fullBirthDate("1980-02-29")).toBe("1980-02-29");
    expect(fullBirthDate("1981-02-29")).toBeNull();
    expect(fullBirthDate("1980")).toBeNull();
    expect(fullBirthDate("0000-05-01")).toBeNull();
    expect(fullBirthDate(19800101)).toBeNull();
    expect(fullBirthDate(undefined)).toBeNull();
  });
});

describe("the municipality's OpenID provider", () => {
  it("must be reached over HTTPS, or over HTTP only on this machine", () => {
    expect(isAcceptableIssuer("https://broker.example.dk/op")).toBe(true);
    expect(isAcceptableIssuer("http://broker.example.dk")).toBe(false);
    expect(isAcceptableIssuer("http://127.0.0.1:4567")).toBe(true);
    expect(isLoopbackIssuer("http://localhost:4567/")).toBe(true);
    expect(isLoopbackIssuer("https://localhost:4567/")).toBe(false);
    expect(isAcceptableIssuer("https://broker.example.dk/?x=1")).toBe(false);
    expect(isAcceptableIssuer("ikke en adresse")).toBe(false);
  });

  it("keeps the stored secret when the field is left empty", () => {
    const parsed = oidcProviderInput.parse({
      issuer: "https://broker.example.dk",
      clientId: "samraad",
      clientSecret: "",
    });
    expect(parsed.clientSecret).toBeUndefined();
    const bad = oidcProviderInput.safeParse({ issuer: "http://broker.example.dk", clientId: "" });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["issuer", "issuer_not_https"],
      ["clientId", "required"],
    ]);
  });
});

describe("casting a ballot again", () => {
  it("lets anyone who has not voted cast a ballot", () => {
    expect(mayCastBallot({ allowRevote: false }, false)).toBe(true);
    expect(mayCastBallot({ allowRevote: true }, false)).toBe(true);
  });

  it("lets a voter replace their ballot only when the vote allows re-voting", () => {
    expect(mayCastBallot({ allowRevote: true }, true)).toBe(true);
    expect(mayCastBallot({ allowRevote: false }, true)).toBe(false);
  });
});
