import { type Accessibility, accessibilityFacts, accessibilityLabels } from "../co-creation/sessions.ts";
import { localDate } from "../shared/calendar.ts";
import { formatDate, formatTime } from "../shared/format.ts";
import type { Locale } from "../shared/types.ts";
import { type Block, composeMail, type Mail } from "./compose.ts";

/** Everything a sign-up email says, loaded in the transaction that signs the person up or moves them up. */
export type SignUpMailFacts = {
  name: string;
  municipalityName: string;
  processTitle: string;
  session: Accessibility & {
    title: string;
    startsAt: Date;
    endsAt: Date | null;
    place: string;
    address: string | null;
    accessibilityNote: string | null;
  };
  /** the private receipt page, from where the person can also cancel */
  receiptUrl: string;
};

/** The receipt page's address: its token is the person's key to see and cancel the sign-up. */
export function signUpReceiptPath(municipalitySlug: string, token: string): string {
  return `/kommuner/${municipalitySlug}/samskabelse/tilmelding/${token}`;
}

/** "3. december 2019 kl. 14:00–16:00" (the end's date is written only when it is another day). */
export function sessionTime(startsAt: Date, endsAt: Date | null, locale: Locale): string {
  const start = `${formatDate(startsAt, locale)} ${formatTime(startsAt, locale)}`;
  if (!endsAt) return start;
  const sameDay = localDate(startsAt) === localDate(endsAt);
  const end = sameDay
    ? formatTime(endsAt, "en")
    : `${formatDate(endsAt, locale)} ${formatTime(endsAt, locale)}`;
  return `${start}–${end}`;
}

const words = {
  da: {
    greeting: (name: string) => `Kære ${name}`,
    when: "Tidspunkt",
    where: "Sted",
    access: "Tilgængelighed",
    link: "Se eller annuller din tilmelding",
    private:
      "Linket er personligt – del det ikke. Kan du ikke komme, så annuller, så en anden kan få pladsen.",
    signature: (m: string) => `Venlig hilsen\n${m}`,
  },
  en: {
    greeting: (name: string) => `Dear ${name}`,
    when: "Time",
    where: "Place",
    access: "Accessibility",
    link: "See or cancel your sign-up",
    private:
      "The link is personal – do not share it. If you cannot come, please cancel so someone else can have the place.",
    signature: (m: string) => `Kind regards\n${m}`,
  },
};

function sessionFacts(f: SignUpMailFacts, locale: Locale): Block {
  const w = words[locale];
  const s = f.session;
  const access = [
    ...accessibilityFacts.map((fact) => accessibilityLabels[fact][s[fact] ? "yes" : "no"][locale]),
    ...(s.accessibilityNote ? [s.accessibilityNote] : []),
  ];
  return {
    facts: [
      { label: w.when, value: sessionTime(s.startsAt, s.endsAt, locale) },
      { label: w.where, value: [s.place, s.address].filter(Boolean).join(", ") },
      { label: w.access, value: access.join(". ") },
    ],
  };
}

function letterBody(f: SignUpMailFacts, locale: Locale, lead: string): Block[] {
  const w = words[locale];
  return [
    { paragraph: w.greeting(f.name) },
    { paragraph: lead },
    sessionFacts(f, locale),
    { link: { href: f.receiptUrl, label: w.link } },
    { paragraph: w.private },
    { paragraph: w.signature(f.municipalityName) },
  ];
}

/** Sent at sign-up: a seat, or a place on the waiting list (with the number in the queue). */
export function signUpConfirmationMail(
  f: SignUpMailFacts,
  placed: { status: "confirmed" } | { status: "waiting"; position: number | null },
): Mail {
  const what = `${f.session.title} (${f.processTitle})`;
  const waiting = placed.status === "waiting";
  const position = waiting ? placed.position : null;
  return composeMail({
    subject: waiting
      ? { da: `Venteliste: ${f.session.title}`, en: `Waiting list: ${f.session.title}` }
      : { da: `Du er tilmeldt: ${f.session.title}`, en: `You are signed up: ${f.session.title}` },
    da: letterBody(
      f,
      "da",
      waiting
        ? `Mødet ${what} er fuldt, så du står på ventelisten${position ? ` som nummer ${position}` : ""}. Vi skriver til dig, hvis du får en plads.`
        : `Tak for din tilmelding. Du er tilmeldt ${what}.`,
    ),
    en: letterBody(
      f,
      "en",
      waiting
        ? `The session ${what} is full, so you are on the waiting list${position ? ` as number ${position}` : ""}. We will write to you if a place becomes free.`
        : `Thank you for signing up. You have a place at ${what}.`,
    ),
  });
}

/** Sent when a cancellation (or a larger room) moves the person up from the waiting list. */
export function waitingListPromotionMail(f: SignUpMailFacts): Mail {
  const what = `${f.session.title} (${f.processTitle})`;
  return composeMail({
    subject: {
      da: `Du har fået en plads: ${f.session.title}`,
      en: `You now have a place: ${f.session.title}`,
    },
    da: letterBody(f, "da", `Der er blevet en plads til dig. Du er nu tilmeldt ${what}.`),
    en: letterBody(f, "en", `A place has become free. You now have a place at ${what}.`),
  });
}
