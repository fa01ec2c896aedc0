import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { chatChannelLinks, councils, reminderDeliveries } from "../schema/index.ts";
import { openWithInstanceKey, sealWithInstanceKey } from "./instance.ts";

export type ChatPlatform = "slack" | "teams";

// ---------------------------------------------------------------------------------------------------------
// Webhook URLs at rest: AES-256-GCM with the instance's "webhooks" key. A Teams incoming-webhook URL is a
// bearer credential (whoever has it can post into the channel), so it is never stored or returned in clear.

export function encryptWebhookUrl(db: Db, url: string): Promise<string> {
  return sealWithInstanceKey(db, "webhooks", url);
}

export function decryptWebhookUrl(db: Db, sealed: string): Promise<string> {
  return openWithInstanceKey(db, "webhooks", sealed);
}

// ---------------------------------------------------------------------------------------------------------
// Channel links

const linkColumns = {
  id: chatChannelLinks.id,
  municipalityId: chatChannelLinks.municipalityId,
  councilId: chatChannelLinks.councilId,
  councilName: councils.name,
  platform: chatChannelLinks.platform,
  teamId: chatChannelLinks.teamId,
  channelId: chatChannelLinks.channelId,
  webhookUrlEncrypted: chatChannelLinks.webhookUrlEncrypted,
  reminderOffsetsDays: councils.reminderOffsetsDays,
  createdAt: chatChannelLinks.createdAt,
};

/** The council a chat channel belongs to, as an official linked it; null when nobody has. */
export async function findChannelLink(db: Db, platform: ChatPlatform, teamId: string, channelId: string) {
  const [row] = await db
    .select(linkColumns)
    .from(chatChannelLinks)
    .innerJoin(councils, eq(councils.id, chatChannelLinks.councilId))
    .where(
      and(
        eq(chatChannelLinks.platform, platform),
        eq(chatChannelLinks.teamId, teamId),
        eq(chatChannelLinks.channelId, channelId),
        isNull(councils.deletedAt),
      ),
    );
  return row ?? null;
}

export function listChannelLinks(db: Db, municipalityId: string, councilId?: string) {
  return db
    .select(linkColumns)
    .from(chatChannelLinks)
    .innerJoin(councils, eq(councils.id, chatChannelLinks.councilId))
    .where(
      and(
        eq(chatChannelLinks.municipalityId, municipalityId),
        councilId ? eq(chatChannelLinks.councilId, councilId) : undefined,
        isNull(councils.deletedAt),
      ),
    )
    .orderBy(asc(chatChannelLinks.platform), asc(chatChannelLinks.channelId));
}

/** Every linked channel of every municipality: what the reminder worker walks. */
export function listAllChannelLinks(db: Db) {
  return db
    .select(linkColumns)
    .from(chatChannelLinks)
    .innerJoin(councils, eq(councils.id, chatChannelLinks.councilId))
    .where(isNull(councils.deletedAt));
}

export async function insertChannelLink(
  db: Db,
  municipalityId: string,
  input: {
    councilId: string;
    platform: ChatPlatform;
    teamId: string;
    channelId: string;
    webhookUrl?: string;
  },
) {
  const webhookUrlEncrypted = input.webhookUrl ? await encryptWebhookUrl(db, input.webhookUrl) : null;
  const rows = await db
    .insert(chatChannelLinks)
    .values({
      municipalityId,
      councilId: input.councilId,
      platform: input.platform,
      teamId: input.teamId,
      channelId: input.channelId,
      webhookUrlEncrypted,
    })
    .onConflictDoNothing()
    .returning({ id: chatChannelLinks.id });
  return rows[0] ?? null;
}

/** Unlinking stops reminders: the link's ledger rows go with it (the foreign key allows nothing else). */
export async function deleteChannelLink(db: Db, municipalityId: string, linkId: string) {
  const [link] = await db
    .select({ id: chatChannelLinks.id })
    .from(chatChannelLinks)
    .where(and(eq(chatChannelLinks.municipalityId, municipalityId), eq(chatChannelLinks.id, linkId)));
  if (!link) return null;
  await db.delete(reminderDeliveries).where(eq(reminderDeliveries.channelLinkId, linkId));
  const rows = await db
    .delete(chatChannelLinks)
    .where(and(eq(chatChannelLinks.municipalityId, municipalityId), eq(chatChannelLinks.id, linkId)))
    .returning({ id: chatChannelLinks.id, councilId: chatChannelLinks.councilId });
  return rows[0] ?? null;
}

export async function findChannelLinkById(db: Db, linkId: string) {
  const [row] = await db
    .select(linkColumns)
    .from(chatChannelLinks)
    .innerJoin(councils, eq(councils.id, chatChannelLinks.councilId))
    .where(eq(chatChannelLinks.id, linkId));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// The reminder ledger: one row per (channel link, deadline, offset, dueAt). The unique constraint is what
// makes planning idempotent; the claim below is what makes sending single-handed.

export type PlannedReminder = {
  municipalityId: string;
  channelLinkId: string;
  deadlineId: string;
  offsetDays: number;
  dueAt: Date;
  sendAt: Date;
};

export async function planReminderDeliveries(db: Db, rows: PlannedReminder[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(reminderDeliveries)
    .values(rows.map((r) => ({ ...r, status: "pending" })))
    .onConflictDoNothing()
    .returning({ id: reminderDeliveries.id });
  return inserted.length;
}

/**
 * Cancels the link's undelivered reminders whose (deadline, dueAt) is no longer among the current deadlines:
 * the deadline moved (a new row is planned for the new dueAt), vanished (a cancelled meeting) or passed.
 */
export async function cancelStaleReminders(
  db: Db,
  channelLinkId: string,
  current: { deadlineId: string; dueAt: Date }[],
): Promise<number> {
  const keep = current.map((d) => `${d.deadlineId}|${d.dueAt.toISOString()}`);
  const rows = await db
    .select({
      id: reminderDeliveries.id,
      deadlineId: reminderDeliveries.deadlineId,
      dueAt: reminderDeliveries.dueAt,
    })
    .from(reminderDeliveries)
    .where(
      and(
        eq(reminderDeliveries.channelLinkId, channelLinkId),
        inArray(reminderDeliveries.status, ["pending", "retry"]),
      ),
    );
  const keepSet = new Set(keep);
  const stale = rows.filter((r) => !keepSet.has(`${r.deadlineId}|${r.dueAt.toISOString()}`)).map((r) => r.id);
  if (stale.length === 0) return 0;
  await cancelReminderDeliveries(db, stale);
  return stale.length;
}

export async function cancelReminderDeliveries(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .update(reminderDeliveries)
    .set({ status: "cancelled", lockedUntil: null })
    .where(
      and(
        inArray(reminderDeliveries.id, ids),
        inArray(reminderDeliveries.status, ["pending", "retry", "sending"]),
      ),
    );
}

export type ClaimedReminder = {
  id: string;
  municipalityId: string;
  channelLinkId: string;
  deadlineId: string;
  offsetDays: number;
  dueAt: Date;
  attempts: number;
};

/**
 * Claims up to `limit` due reminders for this worker until `lockMs` from now. `FOR UPDATE SKIP LOCKED` makes
 * concurrent workers take disjoint rows; a row stuck in 'sending' past its lock (the worker crashed) is claimable
 * again. The attempt is counted at claim time, so a crash mid-send still uses up an attempt.
 */
export async function claimDueReminders(db: Db, now: Date, lockMs: number, limit: number) {
  const lockedUntil = new Date(now.getTime() + lockMs);
  const result = await db.execute(sql`
    update ${reminderDeliveries}
    set status = 'sending', locked_until = ${lockedUntil.toISOString()}::timestamptz, attempts = attempts + 1
    where id in (
      select id from ${reminderDeliveries}
      where status in ('pending', 'retry', 'sending')
        and send_at <= ${now.toISOString()}::timestamptz
        and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
      order by send_at
      limit ${limit}
      for update skip locked
    )
    -- re-checked on the row's newest version, so a row another worker claimed meanwhile is never claimed twice
    and status in ('pending', 'retry', 'sending')
    and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
    returning id, municipality_id, channel_link_id, deadline_id, offset_days, due_at, attempts`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
  return rows.map(
    (r): ClaimedReminder => ({
      id: String(r.id),
      municipalityId: String(r.municipality_id),
      channelLinkId: String(r.channel_link_id),
      deadlineId: String(r.deadline_id),
      offsetDays: Number(r.offset_days),
      dueAt: new Date(r.due_at as string | Date),
      attempts: Number(r.attempts),
    }),
  );
}

/** Only the worker holding the claim may finish it: a worker whose lock expired cannot overwrite a newer claim. */
function heldBy(id: string, attempts: number) {
  return and(
    eq(reminderDeliveries.id, id),
    eq(reminderDeliveries.status, "sending"),
    eq(reminderDeliveries.attempts, attempts),
  );
}

export async function markReminderSent(db: Db, claim: ClaimedReminder, now: Date) {
  await db
    .update(reminderDeliveries)
    .set({ status: "sent", sentAt: now, lockedUntil: null, lastError: null })
    .where(heldBy(claim.id, claim.attempts));
}

export async function markReminderFailed(
  db: Db,
  claim: ClaimedReminder,
  error: string,
  retryAt: Date | null,
) {
  await db
    .update(reminderDeliveries)
    .set(
      retryAt
        ? { status: "retry", lockedUntil: retryAt, lastError: error }
        : { status: "failed", lockedUntil: null, lastError: error },
    )
    .where(heldBy(claim.id, claim.attempts));
}

export async function cancelClaimedReminder(db: Db, claim: ClaimedReminder) {
  await db
    .update(reminderDeliveries)
    .set({ status: "cancelled", lockedUntil: null })
    .where(heldBy(claim.id, claim.attempts));
}

/** What officials see in the admin app: reminders that could not be delivered, newest first. */
export function listFailedReminders(db: Db, municipalityId: string, councilId?: string) {
  return db
    .select({
      id: reminderDeliveries.id,
      councilId: chatChannelLinks.councilId,
      platform: chatChannelLinks.platform,
      channelId: chatChannelLinks.channelId,
      deadlineId: reminderDeliveries.deadlineId,
      offsetDays: reminderDeliveries.offsetDays,
      dueAt: reminderDeliveries.dueAt,
      sendAt: reminderDeliveries.sendAt,
      attempts: reminderDeliveries.attempts,
      lastError: reminderDeliveries.lastError,
    })
    .from(reminderDeliveries)
    .innerJoin(chatChannelLinks, eq(chatChannelLinks.id, reminderDeliveries.channelLinkId))
    .where(
      and(
        eq(reminderDeliveries.municipalityId, municipalityId),
        eq(reminderDeliveries.status, "failed"),
        councilId ? eq(chatChannelLinks.councilId, councilId) : undefined,
      ),
    )
    .orderBy(desc(reminderDeliveries.sendAt));
}

export function listReminderDeliveries(db: Db, channelLinkId: string) {
  return db
    .select()
    .from(reminderDeliveries)
    .where(eq(reminderDeliveries.channelLinkId, channelLinkId))
    .orderBy(asc(reminderDeliveries.sendAt));
}
