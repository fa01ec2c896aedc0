import { z } from "zod";
import { isClockTime, isIsoDate } from "./calendar.ts";

/*
 * Building blocks for the input schemas. Every error message is a code from `messages`, and a missing value
 * says "required" rather than zod's "expected string, received undefined".
 */

const missingOr =
  (code: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? "required" : code;

export function requiredText(max: number) {
  return z
    .string({ error: missingOr("invalid_type") })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "too_long" });
}

export function optionalText(max: number) {
  return z.string({ error: "invalid_type" }).trim().max(max, { error: "too_long" }).optional();
}

/** Ids are UUIDs; we accept any 8-4-4-4-12 hex form (as PostgreSQL does), not only RFC 9562 versions. */
export function id() {
  return z.guid({ error: missingOr("invalid_uuid") });
}

export function isoDate() {
  return z.string({ error: missingOr("invalid_date") }).refine(isIsoDate, { error: "invalid_date" });
}

export function clockTime() {
  return z.string({ error: missingOr("invalid_time") }).refine(isClockTime, { error: "invalid_time" });
}

export function wholeNumber(min: number, max: number) {
  return z
    .number({ error: missingOr("not_a_number") })
    .int({ error: "not_an_integer" })
    .min(min, { error: "too_small" })
    .max(max, { error: "too_big" });
}

export function flag() {
  return z.boolean({ error: missingOr("invalid_type") });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: missingOr("invalid_option") });
}

/** An optional email; an empty form field counts as no email. */
export function optionalEmail() {
  return z
    .union([z.literal(""), z.email({ error: "invalid_email" })], { error: "invalid_email" })
    .optional()
    .transform((v) => (v === "" ? undefined : v));
}
