import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BALLOT_CODE_ALPHABET, generateBallotCodes, normaliseBallotCode } from "./ballot-codes.ts";

const secure = (n: number) => new Uint8Array(randomBytes(n));

describe("ballot codes", () => {
  it("generates the asked number of distinct codes in three groups of four", () => {
    const codes = generateBallotCodes(500, secure);
    expect(codes).toHaveLength(500);
    expect(new Set(codes).size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });

  it("never uses characters that are easily confused on paper", () => {
    const used = new Set(generateBallotCodes(300, secure).join("").replaceAll("-", ""));
    for (const confusable of "0O1IL2Z5S8BUV") expect(used.has(confusable)).toBe(false);
    expect([...used].every((c) => BALLOT_CODE_ALPHABET.includes(c))).toBe(true);
  });

  it("does not repeat a code that already exists for the vote", () => {
    let calls = 0;
    // The first draw repeats an existing code; the generator must draw again.
    const rigged = (n: number) => (calls++ === 0 ? new Uint8Array(n) : secure(n));
    const existing = new Set([generateBallotCodes(1, (n) => new Uint8Array(n))[0] as string]);
    const [code] = generateBallotCodes(1, rigged, existing);
    expect(existing.has(code as string)).toBe(false);
  });

  it("throws away bytes that would make some characters likelier (no modulo bias)", () => {
    // 255 is above the largest multiple of the alphabet size below 256, so it must be skipped.
    const bytes = [255, 255, ...Array.from({ length: 40 }, (_, i) => i)];
    const code = generateBallotCodes(1, (n) => new Uint8Array(bytes.splice(0, n)));
    expect(code[0]?.startsWith(BALLOT_CODE_ALPHABET.slice(0, 4))).toBe(true);
  });

  it("accepts a typed code in any case, with spaces or without dashes", () => {
    expect(normaliseBallotCode(" acde fghj kmnp ")).toEqual({ ok: true, value: "ACDE-FGHJ-KMNP" });
    expect(normaliseBallotCode("ACDEFGHJKMNP")).toEqual({ ok: true, value: "ACDE-FGHJ-KMNP" });
  });

  it("refuses an empty code, a code of the wrong length and confusable characters", () => {
    expect(normaliseBallotCode("  ")).toMatchObject({ ok: false, error: { code: "ballot_code.required" } });
    expect(normaliseBallotCode("ACDE-FGHJ")).toMatchObject({
      ok: false,
      error: { code: "ballot_code.invalid" },
    });
    expect(normaliseBallotCode("ACDE-FGHJ-KMN0")).toMatchObject({
      ok: false,
      error: { code: "ballot_code.invalid" },
    });
  });

  it("round-trips every generated code through the normaliser (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        let offset = 0;
        const source = (n: number) => {
          const out = new Uint8Array(n);
          for (let i = 0; i < n; i++) out[i] = bytes[(offset + i) % bytes.length] ?? 0;
          offset += n;
          // Guarantee progress even if every byte is rejected.
          if (out.every((b) => b >= 242)) out[0] = 0;
          return out;
        };
        const [code] = generateBallotCodes(1, source);
        expect(normaliseBallotCode((code ?? "").toLowerCase().replaceAll("-", " "))).toEqual({
          ok: true,
          value: code,
        });
      }),
    );
  });
});
