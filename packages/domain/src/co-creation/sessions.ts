import { z } from "zod";
import { isClockTime, localDate, localTime, zonedInstant } from "../shared/calendar.ts";
import { clockTime, flag, id, isoDate, optionalText, requiredText } from "../shared/schemas.ts";
import type { Bilingual } from "../shared/types.ts";

/**
 * Accessibility facts of a session's place, as the organiser states them. They are shown on the public page
 * as facts ("Der er teleslynge"), so a citizen can decide before signing up.
 */
export const accessibilityFacts = ["stepFree", "hearingLoop", "signLanguageOnRequest", "childcare"] as const;
export type AccessibilityFact = (typeof accessibilityFacts)[number];
export type Accessibility = Record<AccessibilityFact, boolean>;

export const accessibilityLabels: Record<AccessibilityFact, { yes: Bilingual; no: Bilingual }> = {
  stepFree: {
    yes: { da: "Niveaufri adgang (ingen trin)", en: "Step-free access" },
    no: { da: "Ikke niveaufri adgang", en: "No step-free access" },
  },
  hearingLoop: {
    yes: { da: "Teleslynge i lokalet", en: "Hearing loop in the room" },
    no: { da: "Ingen teleslynge", en: "No hearing loop" },
  },
  signLanguageOnRequest: {
    yes: { da: "Tegnsprogstolk efter aftale", en: "Sign-language interpreter on request" },
    no: { da: "Ingen tegnsprogstolk", en: "No sign-language interpreter" },
  },
  childcare: {
    yes: { da: "Børnepasning", en: "Childcare" },
    no: { da: "Ingen børnepasning", en: "No childcare" },
  },
};

/** What the form asks the organiser, as a question per fact. */
export const accessibilityQuestions: Record<AccessibilityFact, Bilingual> = {
  stepFree: { da: "Niveaufri adgang", en: "Step-free access" },
  hearingLoop: { da: "Teleslynge", en: "Hearing loop" },
  signLanguageOnRequest: { da: "Tegnsprogstolk efter aftale", en: "Sign-language interpreter on request" },
  childcare: { da: "Børnepasning", en: "Childcare" },
};

/** When nothing else is set, sign-up closes two days before the session starts, at noon. */
export const DEFAULT_REGISTRATION_DAYS_BEFORE = 2;

export type SessionForRegistration = {
  startsAt: Date;
  capacity: number | null;
  registrationDeadline: Date | null;
  waitingList: boolean;
  cancelledAt?: Date | null;
};

/** The registration deadline: the one set, or else the session's start (sign-up is never open after it). */
export function registrationClosesAt(
  session: Pick<SessionForRegistration, "startsAt" | "registrationDeadline">,
): Date {
  const { startsAt, registrationDeadline } = session;
  return registrationDeadline && registrationDeadline < startsAt ? registrationDeadline : startsAt;
}

export type RegistrationRefusal = "process_not_open" | "session_cancelled" | "deadline_passed" | "full";

export type RegistrationOutcome =
  | { ok: true; status: "confirmed" | "waiting" }
  | { ok: false; reason: RegistrationRefusal };

/**
 * Where a new sign-up lands: a seat while there is room; the waiting list when the session is full and keeps
 * one; refused when full without a waiting list, after the deadline, or when the session is cancelled.
 * `processOpen` is false for drafts and archived processes.
 */
export function placeRegistration(
  session: SessionForRegistration,
  confirmedCount: number,
  now: Date,
  processOpen = true,
): RegistrationOutcome {
  if (!processOpen) return { ok: false, reason: "process_not_open" };
  if (session.cancelledAt) return { ok: false, reason: "session_cancelled" };
  if (now >= registrationClosesAt(session)) return { ok: false, reason: "deadline_passed" };
  if (session.capacity === null || confirmedCount < session.capacity)
    return { ok: true, status: "confirmed" };
  return session.waitingList ? { ok: true, status: "waiting" } : { ok: false, reason: "full" };
}

export const registrationRefusalMessages: Record<RegistrationRefusal, Bilingual> = {
  process_not_open: {
    da: "Forløbet tager ikke imod tilmeldinger",
    en: "The process does not take sign-ups",
  },
  session_cancelled: { da: "Mødet er aflyst", en: "The session has been cancelled" },
  deadline_passed: { da: "Tilmeldingsfristen er overskredet", en: "The sign-up deadline has passed" },
  full: { da: "Der er ikke flere pladser", en: "There are no places left" },
};

export const registrationStatuses = ["confirmed", "waiting", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const registrationStatusLabels: Record<RegistrationStatus, Bilingual> = {
  confirmed: { da: "Tilmeldt", en: "Registered" },
  waiting: { da: "På venteliste", en: "On the waiting list" },
  cancelled: { da: "Afmeldt", en: "Cancelled" },
};

export type QueuedRegistration = { id: string; status: RegistrationStatus; createdAt: Date };

/**
 * Who moves up from the waiting list: while there are free places, the earliest waiting registrations, in
 * the order they signed up (ties by id). Called after a cancellation or a larger capacity.
 */
export function promotions(registrations: readonly QueuedRegistration[], capacity: number | null): string[] {
  const confirmed = registrations.filter((r) => r.status === "confirmed").length;
  const waiting = registrations
    .filter((r) => r.status === "waiting")
    .sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const free = capacity === null ? waiting.length : Math.max(0, capacity - confirmed);
  return waiting.slice(0, free).map((r) => r.id);
}

/** A waiting registration's place in the queue (1 = next to move up); null when not waiting. */
export function waitingPosition(
  registrations: readonly QueuedRegistration[],
  registrationId: string,
): number | null {
  const queue = promotions(registrations, Number.POSITIVE_INFINITY);
  const index = queue.indexOf(registrationId);
  return index === -1 ? null : index + 1;
}

export type SessionCounts = { confirmed: number; waiting: number; free: number | null };

export function sessionCounts(
  registrations: readonly { status: RegistrationStatus }[],
  capacity: number | null,
): SessionCounts {
  const confirmed = registrations.filter((r) => r.status === "confirmed").length;
  const waiting = registrations.filter((r) => r.status === "waiting").length;
  return { confirmed, waiting, free: capacity === null ? null : Math.max(0, capacity - confirmed) };
}

const optionalClock = () =>
  z
    .string({ error: "invalid_time" })
    .refine((v) => v === "" || isClockTime(v), { error: "invalid_time" })
    .optional()
    .transform((v) => (v ? v : undefined));

const optionalCapacity = () =>
  z
    .number({ error: "not_a_number" })
    .int({ error: "not_an_integer" })
    .min(1, { error: "too_small" })
    .max(10000, { error: "too_big" })
    .optional();

/**
 * A session as the organiser types it: a date, a start and end time in Danish time, and optionally a
 * registration deadline date (sign-up closes at noon that day).
 */
export const sessionFields = z.object({
  title: requiredText(200),
  description: optionalText(5000),
  date: isoDate(),
  startTime: clockTime(),
  endTime: optionalClock(),
  place: requiredText(200),
  address: optionalText(300),
  stepFree: flag().default(false),
  hearingLoop: flag().default(false),
  signLanguageOnRequest: flag().default(false),
  childcare: flag().default(false),
  accessibilityNote: optionalText(1000),
  capacity: optionalCapacity(),
  registrationDeadlineOn: isoDate().optional(),
  waitingList: flag().default(true),
});

type SessionTimes = {
  date: string;
  startTime: string;
  endTime?: string | undefined;
  registrationDeadlineOn?: string | undefined;
};

function sessionChecks(s: SessionTimes, ctx: z.RefinementCtx) {
  if (s.endTime && s.endTime <= s.startTime) {
    ctx.addIssue({ code: "custom", message: "end_before_start", path: ["endTime"] });
  }
  if (s.registrationDeadlineOn && s.registrationDeadlineOn > s.date) {
    ctx.addIssue({ code: "custom", message: "deadline_after_session", path: ["registrationDeadlineOn"] });
  }
}

export const sessionInput = sessionFields.extend({ processId: id() }).superRefine(sessionChecks);
export type SessionInput = z.infer<typeof sessionInput>;

export const sessionUpdateInput = sessionFields.extend({ sessionId: id() }).superRefine(sessionChecks);
export type SessionUpdateInput = z.infer<typeof sessionUpdateInput>;

/** Registration deadlines given as a date close at noon that day. */
export const REGISTRATION_DEADLINE_TIME = "12:00";

/** The instants a session's typed date and times stand for (Europe/Copenhagen). */
export function sessionInstants(s: SessionTimes): {
  startsAt: Date;
  endsAt: Date | null;
  registrationDeadline: Date | null;
} {
  return {
    startsAt: zonedInstant(s.date, s.startTime),
    endsAt: s.endTime ? zonedInstant(s.date, s.endTime) : null,
    registrationDeadline: s.registrationDeadlineOn
      ? zonedInstant(s.registrationDeadlineOn, REGISTRATION_DEADLINE_TIME)
      : null,
  };
}

/**
 * The other way round, for an edit form: a stored session as the organiser typed it, so saving it unchanged
 * stores the same instants (a round trip through `sessionInstants`).
 */
export function sessionTimesOf(s: {
  startsAt: Date;
  endsAt: Date | null;
  registrationDeadline: Date | null;
}): Required<SessionTimes> {
  return {
    date: localDate(s.startsAt),
    startTime: localTime(s.startsAt),
    endTime: s.endsAt ? localTime(s.endsAt) : "",
    registrationDeadlineOn: s.registrationDeadline ? localDate(s.registrationDeadline) : "",
  };
}

/**
 * A citizen's sign-up. Needs (diet, access, interpreter) are free text seen only by the organisers; the email
 * is used for the confirmation and for moving up from the waiting list.
 */
export const registrationInput = z.object({
  sessionId: id(),
  name: requiredText(200),
  email: z
    .string({ error: (i) => (i.input === undefined || i.input === null ? "required" : "invalid_email") })
    .trim()
    .min(1, { error: "required" })
    .max(254, { error: "too_long" })
    .pipe(z.email({ error: "invalid_email" })),
  needs: optionalText(2000),
});
export type RegistrationInput = z.infer<typeof registrationInput>;
