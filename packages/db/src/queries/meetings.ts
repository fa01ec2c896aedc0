import type { MeetingStatus } from "@samraad/domain/meetings";
import { and, asc, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { agendaItems, attachments, councils, meetings } from "../schema/index.ts";

export const meetingColumns = {
  id: meetings.id,
  municipalityId: meetings.municipalityId,
  councilId: meetings.councilId,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  location: meetings.location,
  status: meetings.status,
  agendaPublishedAt: meetings.agendaPublishedAt,
  heldAt: meetings.heldAt,
  minutesPublishedAt: meetings.minutesPublishedAt,
  cancelledAt: meetings.cancelledAt,
  cancellationReason: meetings.cancellationReason,
  responsibleEditor: meetings.responsibleEditor,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
};

export function listMeetings(
  db: Db,
  municipalityId: string,
  councilId: string,
  options: { statuses?: MeetingStatus[]; order?: "asc" | "desc" } = {},
) {
  return db
    .select(meetingColumns)
    .from(meetings)
    .where(
      and(
        eq(meetings.municipalityId, municipalityId),
        eq(meetings.councilId, councilId),
        isNull(meetings.deletedAt),
        options.statuses ? inArray(meetings.status, options.statuses) : undefined,
      ),
    )
    .orderBy(options.order === "desc" ? desc(meetings.startsAt) : asc(meetings.startsAt));
}

/** A meeting with its council's rules (the transitions need them). */
export async function findMeeting(db: Db, municipalityId: string, meetingId: string) {
  const [row] = await db
    .select({
      ...meetingColumns,
      councilName: councils.name,
      councilSlug: councils.slug,
      agendaCutoffWorkingDays: councils.agendaCutoffWorkingDays,
      minutesCorrectionDays: councils.minutesCorrectionDays,
      meetingsPerYear: councils.meetingsPerYear,
      reminderOffsetsDays: councils.reminderOffsetsDays,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(meetings.id, meetingId),
        eq(meetings.municipalityId, municipalityId),
        isNull(meetings.deletedAt),
      ),
    );
  return row ?? null;
}

/** Looks a meeting up by id alone (to learn its municipality and council before authorising). */
export async function findMeetingOwner(db: Db, meetingId: string) {
  const [row] = await db
    .select({ municipalityId: meetings.municipalityId, councilId: meetings.councilId })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), isNull(meetings.deletedAt)));
  return row ?? null;
}

export type MeetingValues = {
  councilId: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date | null;
  location: string;
};

export async function insertMeeting(db: Db, municipalityId: string, values: MeetingValues) {
  const [row] = await db
    .insert(meetings)
    .values({ municipalityId, ...values })
    .returning(meetingColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateMeetingRow(
  db: Db,
  municipalityId: string,
  meetingId: string,
  values: Partial<Omit<typeof meetings.$inferInsert, "id" | "municipalityId" | "councilId">>,
) {
  const [row] = await db
    .update(meetings)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(meetings.id, meetingId), eq(meetings.municipalityId, municipalityId)))
    .returning(meetingColumns);
  return row ?? null;
}

export const agendaItemColumns = {
  id: agendaItems.id,
  meetingId: agendaItems.meetingId,
  position: agendaItems.position,
  title: agendaItems.title,
  plainSummary: agendaItems.plainSummary,
  summary: agendaItems.summary,
  caseHistory: agendaItems.caseHistory,
  casePresentation: agendaItems.casePresentation,
  recommendation: agendaItems.recommendation,
  guests: agendaItems.guests,
  decision: agendaItems.decision,
  closed: agendaItems.closed,
  hearingId: agendaItems.hearingId,
  createdAt: agendaItems.createdAt,
  updatedAt: agendaItems.updatedAt,
};

export function listAgendaItems(db: Db, municipalityId: string, meetingId: string) {
  return db
    .select(agendaItemColumns)
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.municipalityId, municipalityId),
        eq(agendaItems.meetingId, meetingId),
        isNull(agendaItems.deletedAt),
      ),
    )
    .orderBy(asc(agendaItems.position));
}

export async function findAgendaItem(db: Db, municipalityId: string, itemId: string) {
  const [row] = await db
    .select(agendaItemColumns)
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.id, itemId),
        eq(agendaItems.municipalityId, municipalityId),
        isNull(agendaItems.deletedAt),
      ),
    );
  return row ?? null;
}

export async function findAgendaItemOwner(db: Db, itemId: string) {
  const [row] = await db
    .select({
      municipalityId: meetings.municipalityId,
      councilId: meetings.councilId,
      meetingId: meetings.id,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.id, itemId), isNull(agendaItems.deletedAt)));
  return row ?? null;
}

export type AgendaItemValues = {
  title: string;
  plainSummary: string | null;
  summary: string | null;
  caseHistory: string | null;
  casePresentation: string | null;
  recommendation: string | null;
  guests: string | null;
  closed: boolean;
};

/**
 * Appends an item at the end of the agenda. `createdAt` comes from the caller's clock: whether the item
 * is on the supplementary agenda is decided by comparing it with the time the agenda was published.
 */
export async function insertAgendaItem(
  db: Db,
  municipalityId: string,
  meetingId: string,
  values: AgendaItemValues & { createdAt: Date },
) {
  const [last] = await db
    .select({ position: max(agendaItems.position) })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.deletedAt)));
  const [row] = await db
    .insert(agendaItems)
    .values({
      municipalityId,
      meetingId,
      position: (last?.position ?? 0) + 1,
      ...values,
      updatedAt: values.createdAt,
    })
    .returning(agendaItemColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateAgendaItemRow(
  db: Db,
  municipalityId: string,
  itemId: string,
  values: Partial<AgendaItemValues & { decision: string | null; position: number; deletedAt: Date }>,
) {
  const [row] = await db
    .update(agendaItems)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.municipalityId, municipalityId)))
    .returning(agendaItemColumns);
  return row ?? null;
}

/** Sets the agenda's order in one statement; the caller has checked that itemIds are exactly the agenda. */
export async function reorderAgendaItems(
  db: Db,
  municipalityId: string,
  meetingId: string,
  itemIds: string[],
) {
  if (itemIds.length === 0) return;
  const cases = sql.join(
    itemIds.map((id, index) => sql`when ${agendaItems.id} = ${id} then ${index + 1}::integer`),
    sql` `,
  );
  await db
    .update(agendaItems)
    .set({ position: sql`case ${cases} end`, updatedAt: new Date() })
    .where(
      and(
        eq(agendaItems.municipalityId, municipalityId),
        eq(agendaItems.meetingId, meetingId),
        inArray(agendaItems.id, itemIds),
      ),
    );
}

export const attachmentMetaColumns = {
  id: attachments.id,
  agendaItemId: attachments.agendaItemId,
  hearingId: attachments.hearingId,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  size: attachments.size,
  sha512: attachments.sha512,
  createdAt: attachments.createdAt,
};

/** Attachment metadata (never the content) of the given items. */
export function listItemAttachments(db: Db, municipalityId: string, itemIds: string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .select(attachmentMetaColumns)
    .from(attachments)
    .where(
      and(
        eq(attachments.municipalityId, municipalityId),
        inArray(attachments.agendaItemId, itemIds),
        isNull(attachments.deletedAt),
      ),
    )
    .orderBy(asc(attachments.fileName));
}
