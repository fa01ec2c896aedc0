import type { Mail } from "@samraad/domain/mail";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { emailOutbox } from "../schema/index.ts";

export type OutboxMessage = { municipalityId: string; kind: string; to: string; mail: Mail };

/** Queues messages; call it inside the transaction that makes them true, so both commit or neither does. */
export async function enqueueMail(tx: Db, messages: OutboxMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await tx.insert(emailOutbox).values(
    messages.map((m) => ({
      municipalityId: m.municipalityId,
      kind: m.kind,
      recipient: m.to,
      subject: m.mail.subject,
      textBody: m.mail.text,
      htmlBody: m.mail.html,
      sendAt: now,
      createdAt: now,
    })),
  );
}

export type ClaimedMail = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
};

/**
 * Claims due messages for this worker: an atomic `UPDATE … FOR UPDATE SKIP LOCKED`, as the reminder ledger
 * does, so any number of server processes can run the worker and each message is claimed by one at a time. A
 * claim whose worker died is taken over once its lock has expired.
 */
export async function claimDueMail(db: Db, now: Date, lockMs: number, limit: number): Promise<ClaimedMail[]> {
  const at = now.toISOString();
  const lockedUntil = new Date(now.getTime() + lockMs).toISOString();
  const result = await db.execute(sql`
    update ${emailOutbox}
    set status = 'sending', locked_until = ${lockedUntil}::timestamptz, attempts = attempts + 1
    where id in (
      select id from ${emailOutbox}
      where status in ('pending', 'retry', 'sending')
        and send_at <= ${at}::timestamptz
        and (locked_until is null or locked_until < ${at}::timestamptz)
      order by send_at
      limit ${limit}
      for update skip locked
    )
    -- re-checked on the row's newest version, so a row another worker claimed meanwhile is never claimed twice
    and status in ('pending', 'retry', 'sending')
    and (locked_until is null or locked_until < ${at}::timestamptz)
    returning id, kind, recipient, subject, text_body, html_body, attempts`);
  // postgres.js returns an array, PGlite an object with `rows`
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind),
    to: String(r.recipient),
    subject: String(r.subject),
    text: String(r.text_body),
    html: String(r.html_body),
    attempts: Number(r.attempts),
  }));
}

/** Only the worker holding the claim may finish it: one whose lock expired cannot overwrite a newer claim. */
const heldBy = (claim: ClaimedMail) =>
  and(
    eq(emailOutbox.id, claim.id),
    eq(emailOutbox.status, "sending"),
    eq(emailOutbox.attempts, claim.attempts),
  );

/** Sent: the address and the text (which may hold a private link) are forgotten; kind and times remain. */
export async function markMailSent(db: Db, claim: ClaimedMail, now: Date): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: "sent",
      sentAt: now,
      lockedUntil: null,
      lastError: null,
      recipient: null,
      textBody: null,
      htmlBody: null,
    })
    .where(heldBy(claim));
}

/** A failed attempt: tried again at `retryAt`, or given up (null) and left for the officials to see. */
export async function markMailFailed(
  db: Db,
  claim: ClaimedMail,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .update(emailOutbox)
    .set(
      retryAt
        ? { status: "retry", lockedUntil: retryAt, lastError: error }
        : { status: "failed", lockedUntil: null, lastError: error },
    )
    .where(heldBy(claim));
}

/** Sent messages keep only kind, status and times; after a while not even that is needed. */
export async function purgeSentMail(db: Db, sentBefore: Date): Promise<number> {
  const gone = await db
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.status, "sent"), lt(emailOutbox.sentAt, sentBefore)))
    .returning({ id: emailOutbox.id });
  return gone.length;
}

/** Given-up messages due before `dueBefore` are deleted, address and text with them. */
export async function purgeFailedMail(db: Db, dueBefore: Date): Promise<number> {
  const gone = await db
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.status, "failed"), lt(emailOutbox.sendAt, dueBefore)))
    .returning({ id: emailOutbox.id });
  return gone.length;
}

/**
 * The municipality's messages the worker gave up on, newest first. The stored address goes out only for the
 * caller to mask; the text never leaves (see `maskAddress` in the domain).
 */
export async function listFailedMail(db: Db, municipalityId: string, limit = 200) {
  return db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      recipient: emailOutbox.recipient,
      subject: emailOutbox.subject,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.municipalityId, municipalityId), eq(emailOutbox.status, "failed")))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

/** One of the municipality's messages, by id, with what decides whether it may be sent again. */
export async function findOutboxMail(db: Db, municipalityId: string, mailId: string) {
  const [row] = await db
    .select({ id: emailOutbox.id, kind: emailOutbox.kind, status: emailOutbox.status })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, mailId), eq(emailOutbox.municipalityId, municipalityId)));
  return row ?? null;
}

/**
 * Queues a failed message again as if new: due now, with a fresh set of attempts. Guarded by its status, so
 * two officials pressing "send again" at once queue it once. Returns whether it was queued.
 */
export async function requeueFailedMail(db: Db, municipalityId: string, mailId: string, now: Date) {
  const queued = await db
    .update(emailOutbox)
    .set({ status: "pending", attempts: 0, lastError: null, lockedUntil: null, sendAt: now })
    .where(
      and(
        eq(emailOutbox.id, mailId),
        eq(emailOutbox.municipalityId, municipalityId),
        eq(emailOutbox.status, "failed"),
      ),
    )
    .returning({ id: emailOutbox.id });
  return queued.length > 0;
}
