import type { z } from "zod";
import type { Bilingual } from "./types.ts";

/**
 * The schemas in this package use these codes as their error messages; clients look the text up here, so a
 * form and the API say the same thing in Danish and English.
 */
export const messages: Record<string, Bilingual> = {
  required: { da: "Udfyld feltet", en: "Fill in the field" },
  too_long: { da: "Teksten er for lang", en: "The text is too long" },
  too_short: { da: "Teksten er for kort", en: "The text is too short" },
  invalid_date: { da: "Skriv en gyldig dato (ÅÅÅÅ-MM-DD)", en: "Enter a valid date (YYYY-MM-DD)" },
  invalid_time: { da: "Skriv et gyldigt klokkeslæt (TT:MM)", en: "Enter a valid time (HH:MM)" },
  end_before_start: { da: "Slutningen skal ligge efter starten", en: "The end must be after the start" },
  deadline_before_received: {
    da: "Høringsfristen kan ikke ligge før modtagelsesdatoen",
    en: "The response deadline cannot be before the date the hearing was received",
  },
  invalid_email: { da: "Skriv en gyldig e-mailadresse", en: "Enter a valid email address" },
  invalid_uuid: { da: "Ugyldigt id", en: "Invalid id" },
  not_a_number: { da: "Skriv et tal", en: "Enter a number" },
  not_an_integer: { da: "Skriv et helt tal", en: "Enter a whole number" },
  too_small: { da: "Tallet er for lille", en: "The number is too small" },
  too_big: { da: "Tallet er for stort", en: "The number is too large" },
  too_few: { da: "Der er for få valg", en: "Too few items" },
  too_many: { da: "Der er for mange valg", en: "Too many items" },
  invalid_option: { da: "Vælg en af mulighederne", en: "Choose one of the options" },
  invalid_type: { da: "Værdien har en forkert type", en: "The value has the wrong type" },
  invalid_format: { da: "Værdien har et forkert format", en: "The value has the wrong format" },
  unknown_field: { da: "Feltet er ukendt", en: "Unknown field" },
  duplicate_items: { da: "Det samme punkt står der flere gange", en: "The same item appears more than once" },
  seat_side_mismatch: {
    da: "Pladsen passer ikke til siden (organisationer: DH eller lokal organisation; kommunen: politiker eller embedsmand)",
    en: "The seat does not match the side (organisations: DH or local organisation; municipality: politician or official)",
  },
  invalid: { da: "Værdien er ugyldig", en: "The value is invalid" },
  unknown_sector: {
    da: "Vælg en af kommunens sektorer (fx social, sundhed, skole)",
    en: "Choose one of the municipality's sectors (e.g. social services, health, schools)",
  },
  due_before_policy_start: {
    da: "Datoen kan ikke ligge før politikkens periode begynder",
    en: "The date cannot be before the policy's period begins",
  },
  reason_required: {
    da: "Skriv en begrundelse, når en handling udskydes eller opgives",
    en: "Give a reason when an action is postponed or dropped",
  },
  csv_missing_column: {
    da: "Filen mangler kolonnen (Handling, Mål, Tovholder, Hvor/når)",
    en: "The file is missing the column (Handling, Mål, Tovholder, Hvor/når)",
  },
  csv_empty: { da: "Filen indeholder ingen handlinger", en: "The file contains no actions" },
  invalid_slug: {
    da: "Brug kun små bogstaver a–z, tal og bindestreger",
    en: "Use only lower-case letters a–z, digits and hyphens",
  },
  slug_taken: { da: "Adressen er allerede i brug", en: "The address is already in use" },
  deadline_after_session: {
    da: "Tilmeldingsfristen skal ligge senest på mødets dato",
    en: "The sign-up deadline must be on or before the session's date",
  },
  answer_required: { da: "Vælg et svar", en: "Choose an answer" },
  text_required: { da: "Skriv et svar", en: "Write an answer" },
  invalid_scale: { da: "Vælg et tal fra 1 til 5", en: "Choose a number from 1 to 5" },
  reminder_after_close: {
    da: "En påmindelse skal ligge senest på svarfristen",
    en: "A reminder must be on or before the closing date",
  },
  closes_in_past: {
    da: "Sæt en svarfrist, der ikke er overskredet",
    en: "Set a closing date that has not passed",
  },
  termination_reason_required: {
    da: "Skriv, hvorfor partnerskabet ophører",
    en: "Say why the partnership ends",
  },
  eligibility_not_checked: {
    da: "Bekræft, at du har kontrolleret, at vælgeren må stemme",
    en: "Confirm that you have checked that the voter may vote",
  },
  issuer_not_https: {
    da: "Skriv udbyderens adresse med https:// (fx https://mitid-broker.example.dk)",
    en: "Enter the provider's address with https:// (e.g. https://mitid-broker.example.dk)",
  },
  partnership_needs_organisation: {
    da: "Tilføj mindst én brugerorganisation som partner",
    en: "Add at least one user organisation as a partner",
  },
};

/** Texts with the limit filled in, used when the issue carries one (e.g. "Skriv højst 200 tegn"). */
const limitMessages: Record<string, Bilingual> = {
  too_long: { da: "Skriv højst {limit} tegn", en: "Use at most {limit} characters" },
  too_short: { da: "Skriv mindst {limit} tegn", en: "Use at least {limit} characters" },
  too_small: { da: "Tallet skal være mindst {limit}", en: "The number must be at least {limit}" },
  too_big: { da: "Tallet må højst være {limit}", en: "The number must be at most {limit}" },
  too_few: { da: "Vælg mindst {limit}", en: "Choose at least {limit}" },
  too_many: { da: "Vælg højst {limit}", en: "Choose at most {limit}" },
};

const generic: Bilingual = { da: "Værdien er ugyldig", en: "The value is invalid" };

export type FieldError = { field: string; code: string; message: Bilingual };

/** The text for a message code; unknown codes get a generic text rather than leaking the code to people. */
export function messageFor(code: string): Bilingual {
  return messages[code] ?? generic;
}

type Issue = z.core.$ZodIssue;

function codeOf(issue: Issue): string {
  if (Object.hasOwn(messages, issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      // zod's own text is the only trace of a missing value when a schema gave no error function.
      return /received undefined$/.test(issue.message) ? "required" : "invalid_type";
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) === 1 ? "required" : "too_short";
      if (issue.origin === "array" || issue.origin === "set") return "too_few";
      return "too_small";
    case "too_big":
      if (issue.origin === "string") return "too_long";
      if (issue.origin === "array" || issue.origin === "set") return "too_many";
      return "too_big";
    case "invalid_format":
      if (issue.format === "email") return "invalid_email";
      if (issue.format === "uuid" || issue.format === "guid") return "invalid_uuid";
      if (issue.format === "date") return "invalid_date";
      if (issue.format === "time") return "invalid_time";
      return "invalid_format";
    case "invalid_value":
      return "invalid_option";
    case "unrecognized_keys":
      return "unknown_field";
    default:
      return issue.message;
  }
}

function limitOf(issue: Issue): number | undefined {
  if (issue.code === "too_big" || issue.code === "too_small") {
    const limit = Number(issue.code === "too_big" ? issue.maximum : issue.minimum);
    return Number.isFinite(limit) ? limit : undefined;
  }
  return undefined;
}

/** zod issues as form field errors: dotted path, stable code, Danish and English text. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const code = codeOf(issue);
    const limit = limitOf(issue);
    const template = limit === undefined ? undefined : limitMessages[code];
    const message = template
      ? {
          da: template.da.replace("{limit}", String(limit)),
          en: template.en.replace("{limit}", String(limit)),
        }
      : messageFor(code);
    return { field: issue.path.map(String).join("."), code, message };
  });
}
