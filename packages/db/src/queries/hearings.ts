import type { HearingResponseStatus } from "@samraad/domain/hearings";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import { attachments, hearingComments, hearingResponses, hearings } from "../schema/index.ts";
import { attachmentMetaColumns } from "./meetings.ts";

export const hearingColumns = {
  id: hearings.id,
  municipalityId: hearings.municipalityId,
  councilId: hearings.councilId,
  title: hearings.title,
  plainSummary: hearings.plainSummary,
  description: hearings.description,
  requestingBody: hearings.requestingBody,
  receivedOn: hearings.receivedOn,
  responseDeadline: hearings.responseDeadline,
  public: hearings.public,
  createdAt: hearings.createdAt,
  updatedAt: hearings.updatedAt,
};

const responseColumns = {
  responseId: hearingResponses.id,
  responseBody: hearingResponses.body,
  responseStatus: hearingResponses.status,
  responseApprovedAt: hearingResponses.approvedAt,
  responseSubmittedAt: hearingResponses.submittedAt,
};

export function listHearings(db: Db, municipalityId: string, councilId?: string) {
  return db
    .select({ ...hearingColumns, ...responseColumns })
    .from(hearings)
    .leftJoin(hearingResponses, eq(hearingResponses.hearingId, hearings.id))
    .where(
      and(
        eq(hearings.municipalityId, municipalityId),
        councilId ? eq(hearings.councilId, councilId) : undefined,
        isNull(hearings.deletedAt),
      ),
    )
    .orderBy(desc(hearings.responseDeadline));
}

export async function findHearing(db: Db, municipalityId: string, hearingId: string) {
  const [row] = await db
    .select({ ...hearingColumns, ...responseColumns })
    .from(hearings)
    .leftJoin(hearingResponses, eq(hearingResponses.hearingId, hearings.id))
    .where(
      and(
        eq(hearings.id, hearingId),
        eq(hearings.municipalityId, municipalityId),
        isNull(hearings.deletedAt),
      ),
    );
  return row ?? null;
}

export async function findHearingOwner(db: Db, hearingId: string) {
  const [row] = await db
    .select({ municipalityId: hearings.municipalityId, councilId: hearings.councilId })
    .from(hearings)
    .where(and(eq(hearings.id, hearingId), isNull(hearings.deletedAt)));
  return row ?? null;
}

export type HearingValues = {
  councilId: string;
  title: string;
  plainSummary: string | null;
  description: string | null;
  requestingBody: string;
  receivedOn: string;
  responseDeadline: Date;
  public: boolean;
};

export async function insertHearing(db: Db, municipalityId: string, values: HearingValues) {
  const [row] = await db
    .insert(hearings)
    .values({ municipalityId, ...values })
    .returning(hearingColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateHearingRow(
  db: Db,
  municipalityId: string,
  hearingId: string,
  values: Partial<HearingValues>,
) {
  const [row] = await db
    .update(hearings)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(hearings.id, hearingId), eq(hearings.municipalityId, municipalityId)))
    .returning(hearingColumns);
  return row ?? null;
}

/** Creates the draft response or replaces its text. */
export async function saveResponseDraft(db: Db, municipalityId: string, hearingId: string, body: string) {
  const [row] = await db
    .insert(hearingResponses)
    .values({ municipalityId, hearingId, body, status: "draft" })
    .onConflictDoUpdate({ target: hearingResponses.hearingId, set: { body, updatedAt: new Date() } })
    .returning({ id: hearingResponses.id, status: hearingResponses.status });
  if (!row) throw new Error("upsert returned no row");
  return row;
}

export async function setResponseStatus(
  db: Db,
  municipalityId: string,
  hearingId: string,
  values: { status: HearingResponseStatus; approvedAt?: Date | null; submittedAt?: Date | null },
) {
  const [row] = await db
    .update(hearingResponses)
    .set({ ...values, updatedAt: new Date() })
    .where(
      and(eq(hearingResponses.hearingId, hearingId), eq(hearingResponses.municipalityId, municipalityId)),
    )
    .returning({ id: hearingResponses.id, status: hearingResponses.status });
  return row ?? null;
}

export function listHearingComments(db: Db, municipalityId: string, hearingId: string) {
  return db
    .select({
      id: hearingComments.id,
      authorName: hearingComments.authorName,
      body: hearingComments.body,
      createdAt: hearingComments.createdAt,
    })
    .from(hearingComments)
    .where(and(eq(hearingComments.municipalityId, municipalityId), eq(hearingComments.hearingId, hearingId)))
    .orderBy(asc(hearingComments.createdAt));
}

export async function insertHearingComment(
  db: Db,
  municipalityId: string,
  values: { hearingId: string; authorUserId: string; authorName: string; body: string },
) {
  const [row] = await db
    .insert(hearingComments)
    .values({ municipalityId, ...values })
    .returning({ id: hearingComments.id, createdAt: hearingComments.createdAt });
  if (!row) throw new Error("insert returned no row");
  return row;
}

export function listHearingAttachments(db: Db, municipalityId: string, hearingId: string) {
  return db
    .select(attachmentMetaColumns)
    .from(attachments)
    .where(
      and(
        eq(attachments.municipalityId, municipalityId),
        eq(attachments.hearingId, hearingId),
        isNull(attachments.deletedAt),
      ),
    )
    .orderBy(asc(attachments.fileName));
}
