import { fail, ok, type Result } from "../shared/result.ts";

/*
 * Ballot codes (stemmekoder): single-use codes the municipality generates and prints on a sheet to hand out at
 * the polling place. Whoever holds a code may cast one ballot; the code says nothing about the person.
 *
 * The alphabet leaves out letters and digits that are easily confused when read aloud or typed from paper:
 * 0/O, 1/I/L, 2/Z, 5/S, 8/B, and U/V. Three groups of four characters from 22 symbols give 22^12 ≈ 1.3 · 10^16
 * possible codes, so guessing a valid code among a few thousand issued ones is hopeless.
 */
export const BALLOT_CODE_ALPHABET = "ACDEFGHJKMNPQRTWXY3467";
export const BALLOT_CODE_GROUPS = 3;
export const BALLOT_CODE_GROUP_LENGTH = 4;
const LENGTH = BALLOT_CODE_GROUPS * BALLOT_CODE_GROUP_LENGTH;

/** Most codes one batch may hold (one printed sheet run). */
export const MAX_CODES_PER_BATCH = 5000;

/** Source of random bytes (crypto.getRandomValues in production); a parameter so the domain stays pure. */
export type RandomBytes = (length: number) => Uint8Array;

function format(raw: string): string {
  const groups: string[] = [];
  for (let i = 0; i < LENGTH; i += BALLOT_CODE_GROUP_LENGTH)
    groups.push(raw.slice(i, i + BALLOT_CODE_GROUP_LENGTH));
  return groups.join("-");
}

/**
 * `count` distinct codes. Bytes at or above the largest multiple of the alphabet size are thrown away
 * (rejection sampling), so every symbol is equally likely.
 */
export function generateBallotCodes(
  count: number,
  random: RandomBytes,
  existing: ReadonlySet<string> = new Set(),
): string[] {
  const n = BALLOT_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  const codes = new Set<string>();
  while (codes.size < count) {
    let raw = "";
    while (raw.length < LENGTH) {
      for (const byte of random(LENGTH * 2)) {
        if (byte < limit && raw.length < LENGTH) raw += BALLOT_CODE_ALPHABET[byte % n];
      }
    }
    const code = format(raw);
    if (!existing.has(code)) codes.add(code);
  }
  return [...codes];
}

/**
 * A typed code in its canonical form "XXXX-XXXX-XXXX". Case, spaces and dashes do not matter, so
 * "acde fghj kmnp" is accepted.
 */
export function normaliseBallotCode(input: string): Result<string> {
  const raw = input.toUpperCase().replace(/[\s\-–]/g, "");
  if (raw === "") return fail("ballot_code.required", "Skriv din stemmekode", "Enter your ballot code");
  if (raw.length !== LENGTH || [...raw].some((c) => !BALLOT_CODE_ALPHABET.includes(c))) {
    return fail(
      "ballot_code.invalid",
      "Stemmekoden har ikke den rigtige form. Den består af 12 tegn, fx ACDE-FGHJ-KMNP",
      "The ballot code does not have the right form. It has 12 characters, e.g. ACDE-FGHJ-KMNP",
    );
  }
  return ok(format(raw));
}
