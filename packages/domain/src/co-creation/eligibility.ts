import { z } from "zod";
import { isIsoDate } from "../shared/calendar.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import type { VoteRules } from "./budget-vote.ts";

/*
 * Who may vote. At a polling place the staff check age and residence before handing out a code; online the
 * voter declares both (the Bolbro model: "as declared"). The same rule decides both cases.
 */

/** A checkbox in a form arrives as "on" (or "true"); absence means not ticked. */
const ticked = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const eligibilityDeclaration = z.object({
  declaresAge: ticked,
  declaresResidence: ticked,
});
export type EligibilityDeclaration = z.infer<typeof eligibilityDeclaration>;

/** Whole years of age on `onDate` (both ISO dates); a birthday on 29 February counts from 1 March. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

export function checkEligibility(
  rules: Pick<VoteRules, "minAge" | "residenceRequired">,
  declaration: EligibilityDeclaration,
): Result<true> {
  if (rules.minAge !== null && rules.minAge > 0 && !declaration.declaresAge) {
    return fail(
      "eligibility.age",
      `Du skal være mindst ${rules.minAge} år for at stemme`,
      `You must be at least ${rules.minAge} to vote`,
    );
  }
  if (rules.residenceRequired && !declaration.declaresResidence) {
    return fail(
      "eligibility.residence",
      "Du skal bo i området for at stemme",
      "You must live in the area to vote",
    );
  }
  return ok(true);
}

/** For staff checking a person at the polling place from a birth date. */
export function checkAgeFromBirthDate(
  minAge: number | null,
  birthDate: string,
  onDate: string,
): Result<true> {
  if (minAge !== null && ageOn(birthDate, onDate) < minAge) {
    return fail(
      "eligibility.age",
      `Vælgeren skal være mindst ${minAge} år`,
      `The voter must be at least ${minAge}`,
    );
  }
  return ok(true);
}

/** An OpenID `birthdate` claim when it is a whole date; providers may send only a year or "0000-MM-DD". */
export function fullBirthDate(claim: unknown): string | null {
  if (typeof claim !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(claim) || claim.startsWith("0000"))
    return null;
  return isIsoDate(claim) ? claim : null;
}

/**
 * A voter signed in with OpenID Connect. When the provider vouches for a whole birth date and the vote has an age
 * limit, the age is checked from it and need not be declared — and cannot be declared away. Without the claim
 * the voter declares their age, as on paper. Residence is always declared ("as declared" in the domain brief):
 * the providers a municipality plugs in say who a person is, not where they live.
 */
export function checkSignedInEligibility(
  rules: Pick<VoteRules, "minAge" | "residenceRequired">,
  birthDate: string | null,
  declaration: EligibilityDeclaration,
  onDate: string,
): Result<true> {
  if (birthDate === null) return checkEligibility(rules, declaration);
  if (rules.minAge !== null && ageOn(birthDate, onDate) < rules.minAge) {
    return fail(
      "eligibility.age",
      `Du skal være mindst ${rules.minAge} år for at stemme, og ifølge dit log-in er du yngre`,
      `You must be at least ${rules.minAge} to vote, and your sign-in says you are younger`,
    );
  }
  return checkEligibility(rules, { ...declaration, declaresAge: true });
}
