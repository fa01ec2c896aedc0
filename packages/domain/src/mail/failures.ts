import { z } from "zod";
import { fail, ok, type Result } from "../shared/result.ts";
import { id } from "../shared/schemas.ts";
import type { Bilingual } from "../shared/types.ts";

/*
 * Email the outbox worker gave up on, as the municipality's administrators see it. What a data protection
 * officer would accept: the list is for noticing and retrying, so it shows what the message was (its kind and
 * subject, which name a process or an evaluation, never a person), when, why it failed, and the address masked
 * to its first letter and its domain — enough to spot a mistyped domain ("hotmial.com") or to recognise a
 * message someone asked about, not enough to build a list of who signed up for what. The full address and the
 * text (which may hold a private link or a person's needs) never leave the database; "send again" re-queues the
 * stored message as it was.
 */

/**
 * A message given up on keeps its address and text only so that it can be sent again; this many days after it
 * was due, it is deleted (storage limitation, GDPR art. 5(1)(e)).
 */
export const KEEP_FAILED_MAIL_DAYS = 30;

/** "mor@example.dk" → "m•••@example.dk". The local part's length is not shown either. */
export function maskAddress(address: string | null): string {
  if (!address) return "—";
  const at = address.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}

const kinds: Record<string, Bilingual> = {
  "co_creation.confirmation": { da: "Bekræftelse af tilmelding", en: "Sign-up confirmation" },
  "co_creation.promotion": { da: "Plads fra ventelisten", en: "Place from the waiting list" },
  "evaluation.invitation": { da: "Spørgeskema (invitation)", en: "Questionnaire (invitation)" },
  "evaluation.reminder": { da: "Spørgeskema (påmindelse)", en: "Questionnaire (reminder)" },
};

/** What a message was, in words; an unknown kind is shown as it is stored. */
export function mailKindText(kind: string): Bilingual {
  return kinds[kind] ?? { da: kind, en: kind };
}

/**
 * Why the worker gave up, from what it stored: nodemailer's error code and the SMTP reply code (never the
 * server's text, which may quote the address). 5xx is the receiving side's final no; 4xx a refusal that
 * lasted through every retry; the E-codes are our own connection to the mail server.
 */
export function failureReason(lastError: string | null): Bilingual {
  const [code = "", reply = ""] = (lastError ?? "").split(" ");
  const shown = lastError ? ` (${lastError})` : "";
  if (code === "EAUTH")
    return {
      da: `Kommunens mailserver afviste at logge Samråd ind${shown}. Tjek SMTP_URL.`,
      en: `The municipality's mail server refused Samråd's login${shown}. Check SMTP_URL.`,
    };
  if (["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED"].includes(code))
    return {
      da: `Samråd kunne ikke nå mailserveren${shown}.`,
      en: `Samråd could not reach the mail server${shown}.`,
    };
  if (/^5\d\d$/.test(reply))
    return {
      da: `Modtagerens mailserver afviste beskeden for godt, fx fordi adressen ikke findes${shown}. Sendes den igen til samme adresse, sker det sandsynligvis igen.`,
      en: `The recipient's mail server refused the message for good, e.g. because the address does not exist${shown}. Sent again to the same address, it will likely fail again.`,
    };
  if (/^4\d\d$/.test(reply))
    return {
      da: `Mailserveren afviste midlertidigt beskeden ved hvert forsøg${shown}.`,
      en: `The mail server turned the message away for now at every attempt${shown}.`,
    };
  return {
    da: `Beskeden kunne ikke sendes${shown}.`,
    en: `The message could not be sent${shown}.`,
  };
}

/** Only a message the worker gave up on is sent again; one that is queued, sending or sent is left alone. */
export function canResendMail(mail: { status: string }): Result<true> {
  if (mail.status !== "failed")
    return fail(
      "email.not_failed",
      "Beskeden er ikke opgivet, så den sendes ikke igen",
      "The message has not failed for good, so it is not sent again",
    );
  return ok(true);
}

export const failedMailListSchema = z.object({ municipalityId: id() });
export const resendMailSchema = z.object({ municipalityId: id(), mailId: id() });
