import type { Bilingual, Result } from "@samraad/domain/shared";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

type ErrorCode = TRPCError["code"];

/** A domain rule said no: carries the rule's stable code and its Danish and English text to the client. */
export class RuleViolation extends Error {
  constructor(
    readonly rule: string,
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

// Domain error codes map to HTTP/tRPC codes here, once. Anything unlisted is a 400.
const codeByRulePrefix: [prefix: string, code: ErrorCode][] = [
  ["meeting.illegal_transition", "CONFLICT"],
  ["hearing_response.illegal_transition", "CONFLICT"],
  ["hearing_response.locked", "CONFLICT"],
  ["agenda.locked", "CONFLICT"],
  ["agenda.decisions_closed", "CONFLICT"],
  ["policy.illegal_transition", "CONFLICT"],
  ["action.illegal_transition", "CONFLICT"],
  ["policy.removal", "CONFLICT"],
  ["co_creation.illegal_transition", "CONFLICT"],
  ["co_creation.registration_refused", "CONFLICT"],
  ["co_creation.agreement_exists", "CONFLICT"],
  ["evaluation.not_", "CONFLICT"],
  ["evaluation.already", "CONFLICT"],
  ["evaluation.concluded", "CONFLICT"],
  ["email.not_failed", "CONFLICT"],
  ["not_found", "NOT_FOUND"],
  ["forbidden", "FORBIDDEN"],
  ["unauthorized", "UNAUTHORIZED"],
];

export function violation(rule: string, da: string, en: string): TRPCError {
  const code = codeByRulePrefix.find(([prefix]) => rule.startsWith(prefix))?.[1] ?? "BAD_REQUEST";
  return new TRPCError({ code, message: da, cause: new RuleViolation(rule, { da, en }) });
}

/** The value of a successful domain result; a refusal becomes a 4xx with the rule's own message. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw violation(result.error.code, result.error.message.da, result.error.message.en);
}

export const notFound = () =>
  violation(
    "not_found",
    "Det findes ikke, eller du har ikke adgang til det",
    "It does not exist, or you cannot see it",
  );
export const forbidden = () =>
  violation("forbidden", "Du har ikke adgang til at gøre dette", "You are not allowed to do this");
export const unauthorized = () =>
  violation("unauthorized", "Log ind for at fortsætte", "Sign in to continue");

/**
 * A field error found after parsing (it needs stored data), as the same 400 with field errors as .input().
 * The ZodError comes from a parse: one built with `new` is not an Error to tRPC, which then drops it as cause.
 */
export function fieldFailure(field: string | (string | number)[], code: string): TRPCError {
  const path = typeof field === "string" ? [field] : field;
  const parsed = z
    .unknown()
    .superRefine((_, ctx) => ctx.addIssue({ code: "custom", message: code, path }))
    .safeParse(null);
  return new TRPCError({ code: "BAD_REQUEST", message: "invalid input", cause: parsed.error });
}
