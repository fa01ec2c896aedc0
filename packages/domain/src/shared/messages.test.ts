import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, messages } from "./messages.ts";
import { clockTime, id, isoDate, optionalEmail, requiredText, wholeNumber } from "./schemas.ts";

function errorsOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return fieldErrors(parsed.error);
}

describe("field errors", () => {
  const form = z.object({
    title: requiredText(10),
    date: isoDate(),
    time: clockTime(),
    id: id(),
    email: optionalEmail(),
    count: wholeNumber(1, 5),
    items: z.array(z.object({ title: requiredText(10) })),
  });

  it("names each field by its dotted path with a Danish and English message", () => {
    const errors = errorsOf(form, {
      title: "  ",
      date: "2023-02-29",
      time: "25:00",
      id: "nope",
      email: "not-an-email",
      count: 9,
      items: [{ title: "x".repeat(11) }],
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ["title", "required"],
      ["date", "invalid_date"],
      ["time", "invalid_time"],
      ["id", "invalid_uuid"],
      ["email", "invalid_email"],
      ["count", "too_big"],
      ["items.0.title", "too_long"],
    ]);
    expect(errors[0]?.message).toEqual({ da: "Udfyld feltet", en: "Fill in the field" });
    expect(errors[5]?.message.da).toBe("Tallet må højst være 5");
    expect(errors[6]?.message).toEqual({ da: "Skriv højst 10 tegn", en: "Use at most 10 characters" });
  });

  it('says "Udfyld feltet" for a missing value', () => {
    const errors = errorsOf(form.pick({ title: true, date: true }), {});
    expect(errors.map((e) => e.code)).toEqual(["required", "required"]);
  });

  it("accepts an empty optional email as no email", () => {
    expect(z.object({ email: optionalEmail() }).parse({ email: "" })).toEqual({ email: undefined });
  });

  it("gives zod's own issues a Danish and English text", () => {
    const errors = errorsOf(
      z.object({ n: z.number(), s: z.string().min(3), e: z.email(), k: z.enum(["a"]) }),
      {
        n: "x",
        s: "ab",
        e: "x",
        k: "b",
      },
    );
    expect(errors.map((e) => e.code)).toEqual([
      "invalid_type",
      "too_short",
      "invalid_email",
      "invalid_option",
    ]);
    expect(errors[1]?.message.da).toBe("Skriv mindst 3 tegn");
    expect(errorsOf(z.object({ s: z.string() }), {})[0]?.code).toBe("required");
  });

  it("falls back to a generic text for a code it does not know", () => {
    const errors = errorsOf(
      z.string().refine(() => false, { error: "some.unknown_code" }),
      "x",
    );
    expect(errors[0]).toEqual({
      field: "",
      code: "some.unknown_code",
      message: { da: "Værdien er ugyldig", en: "The value is invalid" },
    });
  });

  it("has Danish and English text for every code", () => {
    for (const message of Object.values(messages)) {
      expect(message.da.length).toBeGreaterThan(0);
      expect(message.en.length).toBeGreaterThan(0);
    }
  });
});
