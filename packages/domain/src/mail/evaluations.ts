import { z } from "zod";
import { formatDate } from "../shared/format.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import { id, optionalText } from "../shared/schemas.ts";
import { composeMail, type Mail } from "./compose.ts";

/** The public questionnaire's address for a link's token. */
export function questionnairePath(token: string): string {
  return `/evaluering/svar/${token}`;
}

/**
 * The addresses an official pasted (one per line, or separated by commas, semicolons or spaces), in the order
 * given, without blanks. Each is then checked on its own, so an error can name the line it is on.
 */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

const address = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: "too_long" })
  .pipe(z.email({ error: "invalid_email" }));

/** Invite by email: each address gets its own single-use link. Repeated addresses are invited once. */
export const emailInvitationsSchema = z.object({
  evaluationId: id(),
  emails: z
    .array(address)
    .min(1, { error: "required" })
    .max(200, { error: "too_many" })
    .transform((list) => [...new Set(list)]),
  label: optionalText(200),
});

export const evaluationReminderSchema = z.object({ evaluationId: id() });

/**
 * A questionnaire is emailed (or a reminder sent) only while it takes answers: open for answers and its
 * closing date (the last day) not passed. `today` is the Copenhagen calendar date, "YYYY-MM-DD".
 */
export function canSendQuestionnaire(
  evaluation: { status: string; closesOn: string | null },
  today: string,
): Result<true> {
  if (evaluation.status !== "collecting")
    return fail(
      "evaluation.not_collecting",
      "Åbn evalueringen for svar, før du sender spørgeskemaet",
      "Open the evaluation for answers before you send the questionnaire",
    );
  if (evaluation.closesOn && evaluation.closesOn < today)
    return fail(
      "evaluation.not_before_closing",
      "Svarfristen er overskredet, så spørgeskemaet sendes ikke. Ret svarfristen først.",
      "The closing date has passed, so the questionnaire is not sent. Change the closing date first.",
    );
  return ok(true);
}

export type QuestionnaireMailFacts = {
  evaluationTitle: string;
  municipalityName: string;
  /** "YYYY-MM-DD", the last day answers are taken */
  closesOn: string | null;
  anonymous: boolean;
  link: string;
};

const closing = (closesOn: string | null, locale: "da" | "en") => {
  if (!closesOn) return "";
  const date = formatDate(new Date(`${closesOn}T12:00:00Z`), locale);
  return locale === "da" ? ` Svar senest ${date}.` : ` Please answer by ${date}.`;
};

function questionnaireMail(f: QuestionnaireMailFacts, reminder: boolean): Mail {
  const anonymity = {
    da: f.anonymous
      ? "Dine svar er anonyme: de gemmes uden dit navn og uden forbindelse til denne mail eller linket."
      : "Evalueringen er med navn: du bliver bedt om dit navn, før du svarer.",
    en: f.anonymous
      ? "Your answers are anonymous: they are stored without your name and with no connection to this email or the link."
      : "This evaluation is named: you will be asked for your name before you answer.",
  };
  return composeMail({
    subject: reminder
      ? { da: `Påmindelse: ${f.evaluationTitle}`, en: `Reminder: ${f.evaluationTitle}` }
      : { da: `Spørgeskema: ${f.evaluationTitle}`, en: `Questionnaire: ${f.evaluationTitle}` },
    da: [
      {
        paragraph: reminder
          ? `Vi mangler stadig dit svar på spørgeskemaet "${f.evaluationTitle}".${closing(f.closesOn, "da")} Brug linket i denne mail: det erstatter linket fra den første mail.`
          : `${f.municipalityName} beder dig svare på spørgeskemaet "${f.evaluationTitle}".${closing(f.closesOn, "da")}`,
      },
      { paragraph: anonymity.da },
      { link: { href: f.link, label: "Besvar spørgeskemaet" } },
      { paragraph: "Linket er personligt og kan bruges én gang – del det ikke." },
      { paragraph: `Venlig hilsen\n${f.municipalityName}` },
    ],
    en: [
      {
        paragraph: reminder
          ? `We are still missing your answer to the questionnaire "${f.evaluationTitle}".${closing(f.closesOn, "en")} Use the link in this email: it replaces the link from the first email.`
          : `${f.municipalityName} asks you to answer the questionnaire "${f.evaluationTitle}".${closing(f.closesOn, "en")}`,
      },
      { paragraph: anonymity.en },
      { link: { href: f.link, label: "Answer the questionnaire" } },
      { paragraph: "The link is personal and works once – do not share it." },
      { paragraph: `Kind regards\n${f.municipalityName}` },
    ],
  });
}

export const questionnaireInvitationMail = (f: QuestionnaireMailFacts) => questionnaireMail(f, false);
export const questionnaireReminderMail = (f: QuestionnaireMailFacts) => questionnaireMail(f, true);
