import { z } from "zod";
import { fail, ok, type Result } from "../shared/result.ts";
import type { VoteRules } from "./budget-vote.ts";

/** What a voter sends: the ids of the ideas they choose (a form sends one value or several). */
export const ballotChoicesInput = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.guid({ error: "invalid_option" }), { error: "invalid_option" }),
);

/**
 * A ballot is valid when it chooses at least one idea, at most `maxChoices`, each idea on this vote's ballot
 * and none twice. Choosing nothing is refused rather than counted as blank, so a voter who forgot to tick a box
 * does not spend their only code on an empty ballot.
 */
export function validateBallot(
  rules: Pick<VoteRules, "maxChoices">,
  optionIds: readonly string[],
  choices: readonly string[],
): Result<string[]> {
  if (choices.length === 0) {
    return fail("ballot.empty", "Vælg mindst ét forslag", "Choose at least one idea");
  }
  if (new Set(choices).size !== choices.length) {
    return fail(
      "ballot.duplicate",
      "Det samme forslag er valgt flere gange",
      "The same idea is chosen more than once",
    );
  }
  if (choices.length > rules.maxChoices) {
    return fail(
      "ballot.too_many",
      `Du kan højst vælge ${rules.maxChoices} ${rules.maxChoices === 1 ? "forslag" : "forslag"}`,
      `You can choose at most ${rules.maxChoices} ${rules.maxChoices === 1 ? "idea" : "ideas"}`,
    );
  }
  const known = new Set(optionIds);
  if (choices.some((c) => !known.has(c))) {
    return fail(
      "ballot.unknown_option",
      "Et af forslagene står ikke på stemmesedlen",
      "One of the ideas is not on the ballot",
    );
  }
  // Stored in the ballot's own order, never in the order of clicks: the order must not carry information.
  return ok([...choices].sort());
}
