import { randomBytes } from "node:crypto";
import {
  type PhaseInput,
  type ProcessStatus,
  placeRegistration,
  promotions,
  type RegistrationInput,
  type RegistrationOutcome,
  type RegistrationStatus,
} from "@samraad/domain/co-creation";
import { and, asc, count, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db, Transaction } from "../database.ts";
import {
  coCreationIdeas,
  coCreationPhases,
  coCreationProcesses,
  coCreationRegistrations,
  coCreationSessions,
  councils,
  municipalities,
} from "../schema/index.ts";

const publicStatuses: ProcessStatus[] = ["published", "archived"];

export const processColumns = {
  id: coCreationProcesses.id,
  municipalityId: coCreationProcesses.municipalityId,
  councilId: coCreationProcesses.councilId,
  slug: coCreationProcesses.slug,
  title: coCreationProcesses.title,
  purpose: coCreationProcesses.purpose,
  audience: coCreationProcesses.audience,
  area: coCreationProcesses.area,
  status: coCreationProcesses.status,
  publishedAt: coCreationProcesses.publishedAt,
  createdAt: coCreationProcesses.createdAt,
  updatedAt: coCreationProcesses.updatedAt,
};

/** Processes of a municipality, newest first; `publicOnly` keeps drafts out. */
export function listProcesses(db: Db, municipalityId: string, options: { publicOnly?: boolean } = {}) {
  return db
    .select(processColumns)
    .from(coCreationProcesses)
    .where(
      and(
        eq(coCreationProcesses.municipalityId, municipalityId),
        isNull(coCreationProcesses.deletedAt),
        options.publicOnly ? inArray(coCreationProcesses.status, publicStatuses) : undefined,
      ),
    )
    .orderBy(desc(coCreationProcesses.createdAt), asc(coCreationProcesses.title));
}

export async function findProcess(db: Db, municipalityId: string, processId: string) {
  const [row] = await db
    .select(processColumns)
    .from(coCreationProcesses)
    .where(
      and(
        eq(coCreationProcesses.id, processId),
        eq(coCreationProcesses.municipalityId, municipalityId),
        isNull(coCreationProcesses.deletedAt),
      ),
    );
  return row ?? null;
}

/** The published (or archived) process at a public address; drafts are never found here. */
export async function findPublicProcessBySlug(db: Db, municipalityId: string, slug: string) {
  const [row] = await db
    .select(processColumns)
    .from(coCreationProcesses)
    .where(
      and(
        eq(coCreationProcesses.municipalityId, municipalityId),
        eq(coCreationProcesses.slug, slug),
        inArray(coCreationProcesses.status, publicStatuses),
        isNull(coCreationProcesses.deletedAt),
      ),
    );
  return row ?? null;
}

/**
 * Marks processes as changed because something they show changed (a follow-up action joined or left): their
 * updated_at is what OParl's modified_since and the feeds go by.
 */
export async function markProcessesModified(db: Db, municipalityId: string, processIds: string[], now: Date) {
  const ids = [...new Set(processIds)];
  if (ids.length === 0) return;
  await db
    .update(coCreationProcesses)
    .set({ updatedAt: now })
    .where(and(eq(coCreationProcesses.municipalityId, municipalityId), inArray(coCreationProcesses.id, ids)));
}

/** Who owns a process: what a caller is authorised against. */
export async function findProcessOwner(db: Db, processId: string) {
  const [row] = await db
    .select({
      municipalityId: coCreationProcesses.municipalityId,
      councilId: coCreationProcesses.councilId,
      processId: coCreationProcesses.id,
      status: coCreationProcesses.status,
    })
    .from(coCreationProcesses)
    .where(and(eq(coCreationProcesses.id, processId), isNull(coCreationProcesses.deletedAt)));
  return row ?? null;
}

/** Whether a slug is in use by another process of the municipality (deleted ones keep theirs too). */
export async function processSlugTaken(db: Db, municipalityId: string, slug: string, exceptId?: string) {
  const [row] = await db
    .select({ id: coCreationProcesses.id })
    .from(coCreationProcesses)
    .where(
      and(
        eq(coCreationProcesses.municipalityId, municipalityId),
        eq(coCreationProcesses.slug, slug),
        exceptId ? ne(coCreationProcesses.id, exceptId) : undefined,
      ),
    );
  return row !== undefined;
}

export type NewProcess = {
  councilId: string | null;
  slug: string;
  title: string;
  purpose: string;
  audience: string | null;
  area: string | null;
};

export async function insertProcess(
  tx: Db,
  municipalityId: string,
  values: NewProcess,
  phases: PhaseInput[] = [],
) {
  const [row] = await tx
    .insert(coCreationProcesses)
    .values({ municipalityId, ...values })
    .returning(processColumns);
  if (!row) throw new Error("insert returned nothing");
  if (phases.length) await insertPhases(tx, municipalityId, row.id, phases);
  return row;
}

export async function updateProcessRow(
  tx: Db,
  municipalityId: string,
  processId: string,
  values: NewProcess,
) {
  const [row] = await tx
    .update(coCreationProcesses)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(coCreationProcesses.id, processId), eq(coCreationProcesses.municipalityId, municipalityId)))
    .returning(processColumns);
  return row ?? null;
}

export async function setProcessStatus(
  tx: Db,
  municipalityId: string,
  processId: string,
  status: ProcessStatus,
  now: Date,
) {
  const [row] = await tx
    .update(coCreationProcesses)
    .set({
      status,
      updatedAt: now,
      publishedAt:
        status === "published"
          ? sql`coalesce(${coCreationProcesses.publishedAt}, ${now.toISOString()}::timestamptz)`
          : undefined,
    })
    .where(and(eq(coCreationProcesses.id, processId), eq(coCreationProcesses.municipalityId, municipalityId)))
    .returning(processColumns);
  return row ?? null;
}

// ——— phases ———

const phaseColumns = {
  id: coCreationPhases.id,
  processId: coCreationPhases.processId,
  kind: coCreationPhases.kind,
  title: coCreationPhases.title,
  description: coCreationPhases.description,
  startsOn: coCreationPhases.startsOn,
  endsOn: coCreationPhases.endsOn,
  position: coCreationPhases.position,
};

export async function insertPhases(tx: Db, municipalityId: string, processId: string, phases: PhaseInput[]) {
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(coCreationPhases)
    .where(and(eq(coCreationPhases.processId, processId), isNull(coCreationPhases.deletedAt)));
  return tx
    .insert(coCreationPhases)
    .values(
      phases.map((p, i) => ({
        municipalityId,
        processId,
        kind: p.kind,
        title: p.title,
        description: p.description ?? null,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        position: n + i,
      })),
    )
    .returning(phaseColumns);
}

export function listPhases(db: Db, municipalityId: string, processId: string) {
  return db
    .select(phaseColumns)
    .from(coCreationPhases)
    .where(
      and(
        eq(coCreationPhases.municipalityId, municipalityId),
        eq(coCreationPhases.processId, processId),
        isNull(coCreationPhases.deletedAt),
      ),
    )
    .orderBy(asc(coCreationPhases.startsOn), asc(coCreationPhases.position));
}

export async function findPhaseOwner(db: Db, phaseId: string) {
  const [row] = await db
    .select({
      municipalityId: coCreationProcesses.municipalityId,
      councilId: coCreationProcesses.councilId,
      processId: coCreationProcesses.id,
    })
    .from(coCreationPhases)
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationPhases.processId))
    .where(
      and(
        eq(coCreationPhases.id, phaseId),
        isNull(coCreationPhases.deletedAt),
        isNull(coCreationProcesses.deletedAt),
      ),
    );
  return row ?? null;
}

export async function removePhaseRow(tx: Db, municipalityId: string, phaseId: string, now: Date) {
  const [row] = await tx
    .update(coCreationPhases)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(coCreationPhases.id, phaseId), eq(coCreationPhases.municipalityId, municipalityId)))
    .returning(phaseColumns);
  return row ?? null;
}

// ——— sessions ———

export const sessionColumns = {
  id: coCreationSessions.id,
  processId: coCreationSessions.processId,
  title: coCreationSessions.title,
  description: coCreationSessions.description,
  startsAt: coCreationSessions.startsAt,
  endsAt: coCreationSessions.endsAt,
  place: coCreationSessions.place,
  address: coCreationSessions.address,
  stepFree: coCreationSessions.stepFree,
  hearingLoop: coCreationSessions.hearingLoop,
  signLanguageOnRequest: coCreationSessions.signLanguageOnRequest,
  childcare: coCreationSessions.childcare,
  accessibilityNote: coCreationSessions.accessibilityNote,
  capacity: coCreationSessions.capacity,
  registrationDeadline: coCreationSessions.registrationDeadline,
  waitingList: coCreationSessions.waitingList,
  cancelledAt: coCreationSessions.cancelledAt,
};

export type SessionValues = {
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  address: string | null;
  stepFree: boolean;
  hearingLoop: boolean;
  signLanguageOnRequest: boolean;
  childcare: boolean;
  accessibilityNote: string | null;
  capacity: number | null;
  registrationDeadline: Date | null;
  waitingList: boolean;
};

// The session's table is named in full: in a one-table select drizzle leaves column names unqualified,
// which inside this subquery would bind to the registration's own id.
const registrationCount = (status: RegistrationStatus) =>
  sql<number>`(select count(*)::int from co_creation_registrations r
    where r.session_id = "co_creation_sessions"."id" and r.status = ${status})`;

/**
 * A process's sessions in time order, with how many are signed up and waiting (counts, never names: this is
 * what the public page shows).
 */
export function listSessions(db: Db, municipalityId: string, processId: string) {
  return db
    .select({
      ...sessionColumns,
      confirmed: registrationCount("confirmed"),
      waiting: registrationCount("waiting"),
    })
    .from(coCreationSessions)
    .where(
      and(
        eq(coCreationSessions.municipalityId, municipalityId),
        eq(coCreationSessions.processId, processId),
        isNull(coCreationSessions.deletedAt),
      ),
    )
    .orderBy(asc(coCreationSessions.startsAt), asc(coCreationSessions.title));
}

export async function findSession(db: Db, municipalityId: string, sessionId: string) {
  const [row] = await db
    .select({
      ...sessionColumns,
      confirmed: registrationCount("confirmed"),
      waiting: registrationCount("waiting"),
    })
    .from(coCreationSessions)
    .where(
      and(
        eq(coCreationSessions.id, sessionId),
        eq(coCreationSessions.municipalityId, municipalityId),
        isNull(coCreationSessions.deletedAt),
      ),
    );
  return row ?? null;
}

export async function findSessionOwner(db: Db, sessionId: string) {
  const [row] = await db
    .select({
      municipalityId: coCreationProcesses.municipalityId,
      councilId: coCreationProcesses.councilId,
      processId: coCreationProcesses.id,
      processStatus: coCreationProcesses.status,
    })
    .from(coCreationSessions)
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationSessions.processId))
    .where(
      and(
        eq(coCreationSessions.id, sessionId),
        isNull(coCreationSessions.deletedAt),
        isNull(coCreationProcesses.deletedAt),
      ),
    );
  return row ?? null;
}

export async function insertSession(
  tx: Db,
  municipalityId: string,
  processId: string,
  values: SessionValues,
) {
  const [row] = await tx
    .insert(coCreationSessions)
    .values({ municipalityId, processId, ...values })
    .returning(sessionColumns);
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** Saves a session; a larger capacity moves people up from the waiting list in the same transaction. */
export async function updateSessionRow(
  tx: Transaction,
  municipalityId: string,
  sessionId: string,
  values: SessionValues,
  now: Date,
) {
  const [row] = await tx
    .update(coCreationSessions)
    .set({ ...values, updatedAt: now })
    .where(and(eq(coCreationSessions.id, sessionId), eq(coCreationSessions.municipalityId, municipalityId)))
    .returning(sessionColumns);
  if (!row) return null;
  const promoted = await promoteWaiting(tx, sessionId, row.capacity, now);
  return { session: row, promoted };
}

export async function cancelSessionRow(tx: Db, municipalityId: string, sessionId: string, now: Date) {
  const [row] = await tx
    .update(coCreationSessions)
    .set({ cancelledAt: now, updatedAt: now })
    .where(
      and(
        eq(coCreationSessions.id, sessionId),
        eq(coCreationSessions.municipalityId, municipalityId),
        isNull(coCreationSessions.cancelledAt),
      ),
    )
    .returning(sessionColumns);
  return row ?? null;
}

// ——— registrations ———

const registrationColumns = {
  id: coCreationRegistrations.id,
  sessionId: coCreationRegistrations.sessionId,
  name: coCreationRegistrations.name,
  email: coCreationRegistrations.email,
  status: coCreationRegistrations.status,
  createdAt: coCreationRegistrations.createdAt,
  promotedAt: coCreationRegistrations.promotedAt,
  cancelledAt: coCreationRegistrations.cancelledAt,
};

/**
 * Who signed up for which session and where they stand — with the municipality, which the receipt page and the
 * sign-up emails start from.
 */
export const registrantColumns = {
  id: coCreationRegistrations.id,
  municipalityId: coCreationRegistrations.municipalityId,
  sessionId: coCreationRegistrations.sessionId,
  name: coCreationRegistrations.name,
  email: coCreationRegistrations.email,
  status: coCreationRegistrations.status,
};

/** A secret the citizen holds to see and cancel their sign-up without an account. */
export function newCancelToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Locks the session row so concurrent sign-ups for the last places are counted one at a time. */
async function lockSession(tx: Transaction, sessionId: string) {
  await tx.execute(sql`select id from co_creation_sessions where id = ${sessionId} for update`);
}

async function queue(tx: Db, sessionId: string) {
  return tx
    .select({
      id: coCreationRegistrations.id,
      status: coCreationRegistrations.status,
      createdAt: coCreationRegistrations.createdAt,
    })
    .from(coCreationRegistrations)
    .where(
      and(eq(coCreationRegistrations.sessionId, sessionId), ne(coCreationRegistrations.status, "cancelled")),
    );
}

async function promoteWaiting(tx: Transaction, sessionId: string, capacity: number | null, now: Date) {
  const ids = promotions(await queue(tx, sessionId), capacity);
  if (ids.length === 0) return [];
  return tx
    .update(coCreationRegistrations)
    .set({ status: "confirmed", promotedAt: now, updatedAt: now })
    .where(and(inArray(coCreationRegistrations.id, ids), eq(coCreationRegistrations.status, "waiting")))
    .returning(registrationColumns);
}

export type RegistrationResult =
  | { outcome: Extract<RegistrationOutcome, { ok: false }> }
  | {
      outcome: Extract<RegistrationOutcome, { ok: true }>;
      registration: { id: string; cancelToken: string; status: RegistrationStatus };
    };

/**
 * Signs someone up in one transaction: the session row is locked, places counted, and the domain decides
 * whether it is a seat, the waiting list or a refusal. `processOpen` is whether the process takes sign-ups.
 */
export async function registerForSession(
  tx: Transaction,
  municipalityId: string,
  input: RegistrationInput,
  now: Date,
  processOpen: boolean,
): Promise<RegistrationResult | null> {
  await lockSession(tx, input.sessionId);
  const session = await findSession(tx, municipalityId, input.sessionId);
  if (!session) return null;
  const outcome = placeRegistration(session, session.confirmed, now, processOpen);
  if (!outcome.ok) return { outcome };
  const cancelToken = newCancelToken();
  // Sign-up order decides the waiting list. Under the session lock each new sign-up is stamped after the
  // previous one, so two at the same clock reading (or a clock set back) still queue in arrival order.
  const [last] = await tx
    .select({ at: sql<Date | string | null>`max(${coCreationRegistrations.createdAt})` })
    .from(coCreationRegistrations)
    .where(eq(coCreationRegistrations.sessionId, input.sessionId));
  const previous = last?.at ? new Date(last.at).getTime() : Number.NEGATIVE_INFINITY;
  const createdAt = new Date(Math.max(now.getTime(), previous + 1));
  const [row] = await tx
    .insert(coCreationRegistrations)
    .values({
      municipalityId,
      sessionId: input.sessionId,
      name: input.name,
      email: input.email,
      needs: input.needs || null,
      status: outcome.status,
      cancelToken,
      createdAt,
      updatedAt: now,
    })
    .returning({ id: coCreationRegistrations.id, status: coCreationRegistrations.status });
  if (!row) throw new Error("insert returned nothing");
  return { outcome, registration: { ...row, cancelToken } };
}

/**
 * What a citizen sees of their own sign-up through its token: the session, the process and their status.
 * Their needs are not repeated back (the page may be shared or left open).
 */
export async function findRegistrationByToken(db: Db, token: string) {
  const [row] = await db
    .select({
      ...registrantColumns,
      createdAt: coCreationRegistrations.createdAt,
      processId: coCreationSessions.processId,
    })
    .from(coCreationRegistrations)
    .innerJoin(coCreationSessions, eq(coCreationSessions.id, coCreationRegistrations.sessionId))
    .where(eq(coCreationRegistrations.cancelToken, token));
  return row ?? null;
}

/** A waiting registration's place in the queue (1 = next). */
export async function waitingPositionOf(db: Db, sessionId: string, registrationId: string) {
  const rows = await queue(db, sessionId);
  const waiting = promotions(rows, Number.POSITIVE_INFINITY);
  const index = waiting.indexOf(registrationId);
  return index === -1 ? null : index + 1;
}

/**
 * Cancels a sign-up by its token and moves the next person up from the waiting list, in one transaction.
 * Returns null for an unknown token; a second cancellation changes nothing.
 */
export async function cancelRegistration(tx: Transaction, token: string, now: Date) {
  const found = await findRegistrationByToken(tx, token);
  if (!found) return null;
  await lockSession(tx, found.sessionId);
  if (found.status === "cancelled") return { registration: found, promoted: [] };
  await tx
    .update(coCreationRegistrations)
    .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
    .where(eq(coCreationRegistrations.id, found.id));
  const [session] = await tx
    .select({ capacity: coCreationSessions.capacity })
    .from(coCreationSessions)
    .where(eq(coCreationSessions.id, found.sessionId));
  const promoted = await promoteWaiting(tx, found.sessionId, session?.capacity ?? null, now);
  return { registration: { ...found, status: "cancelled" as const }, promoted };
}

/** An organiser cancels someone's sign-up (they phoned in); the waiting list moves up as well. */
export async function cancelRegistrationById(
  tx: Transaction,
  municipalityId: string,
  registrationId: string,
  now: Date,
) {
  const [row] = await tx
    .select({ token: coCreationRegistrations.cancelToken })
    .from(coCreationRegistrations)
    .where(
      and(
        eq(coCreationRegistrations.id, registrationId),
        eq(coCreationRegistrations.municipalityId, municipalityId),
      ),
    );
  return row ? cancelRegistration(tx, row.token, now) : null;
}

export async function findRegistrationOwner(db: Db, registrationId: string) {
  const [row] = await db
    .select({
      municipalityId: coCreationProcesses.municipalityId,
      councilId: coCreationProcesses.councilId,
      processId: coCreationProcesses.id,
    })
    .from(coCreationRegistrations)
    .innerJoin(coCreationSessions, eq(coCreationSessions.id, coCreationRegistrations.sessionId))
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationSessions.processId))
    .where(eq(coCreationRegistrations.id, registrationId));
  return row ?? null;
}

/**
 * The organisers' list: everyone signed up for the process's sessions, with their needs (diet, access),
 * in session order and then sign-up order. Only the admin API calls this.
 */
export function listRegistrations(db: Db, municipalityId: string, processId: string) {
  return db
    .select({
      ...registrationColumns,
      needs: coCreationRegistrations.needs,
      sessionTitle: coCreationSessions.title,
      sessionStartsAt: coCreationSessions.startsAt,
    })
    .from(coCreationRegistrations)
    .innerJoin(coCreationSessions, eq(coCreationSessions.id, coCreationRegistrations.sessionId))
    .where(
      and(
        eq(coCreationRegistrations.municipalityId, municipalityId),
        eq(coCreationSessions.processId, processId),
        isNull(coCreationSessions.deletedAt),
      ),
    )
    .orderBy(
      asc(coCreationSessions.startsAt),
      asc(coCreationRegistrations.createdAt),
      asc(coCreationRegistrations.id),
    );
}

// ——— public site, search, feeds ———

/** Public processes across municipalities whose title, purpose, audience or area match the words. */
export async function searchPublicProcesses(db: Db, text: string, options: { limit?: number } = {}) {
  const query = sql`websearch_to_tsquery('danish', ${text})`;
  const document = sql`to_tsvector('danish', ${coCreationProcesses.title} || ' ' || ${coCreationProcesses.purpose}
    || ' ' || coalesce(${coCreationProcesses.audience}, '') || ' ' || coalesce(${coCreationProcesses.area}, ''))`;
  return db
    .select({
      id: coCreationProcesses.id,
      slug: coCreationProcesses.slug,
      title: coCreationProcesses.title,
      purpose: coCreationProcesses.purpose,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
      rank: sql<number>`ts_rank(${document}, ${query})`,
    })
    .from(coCreationProcesses)
    .innerJoin(municipalities, eq(municipalities.id, coCreationProcesses.municipalityId))
    .where(
      and(
        sql`${document} @@ ${query}`,
        inArray(coCreationProcesses.status, publicStatuses),
        isNull(coCreationProcesses.deletedAt),
      ),
    )
    .orderBy(desc(sql`ts_rank(${document}, ${query})`), asc(coCreationProcesses.title))
    .limit(options.limit ?? 30);
}
export type ProcessSearchHit = Awaited<ReturnType<typeof searchPublicProcesses>>[number];

/** Published ideas of public processes whose title or description match the words; never pending or rejected. */
export async function searchPublicIdeas(db: Db, text: string, options: { limit?: number } = {}) {
  const query = sql`websearch_to_tsquery('danish', ${text})`;
  const document = sql`to_tsvector('danish', ${coCreationIdeas.title} || ' ' || ${coCreationIdeas.description})`;
  return db
    .select({
      id: coCreationIdeas.id,
      title: coCreationIdeas.title,
      processSlug: coCreationProcesses.slug,
      processTitle: coCreationProcesses.title,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
    })
    .from(coCreationIdeas)
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationIdeas.processId))
    .innerJoin(municipalities, eq(municipalities.id, coCreationIdeas.municipalityId))
    .where(
      and(
        sql`${document} @@ ${query}`,
        eq(coCreationIdeas.status, "published"),
        isNull(coCreationIdeas.deletedAt),
        inArray(coCreationProcesses.status, publicStatuses),
        isNull(coCreationProcesses.deletedAt),
      ),
    )
    .orderBy(desc(sql`ts_rank(${document}, ${query})`), asc(coCreationIdeas.title))
    .limit(options.limit ?? 30);
}
export type IdeaSearchHit = Awaited<ReturnType<typeof searchPublicIdeas>>[number];

/** Sessions of a municipality's public processes, for the iCal feed (cancelled ones too, marked). */
export function publicSessionsForFeed(db: Db, municipalityId: string, processId?: string) {
  return db
    .select({
      ...sessionColumns,
      processTitle: coCreationProcesses.title,
      processSlug: coCreationProcesses.slug,
      updatedAt: coCreationSessions.updatedAt,
    })
    .from(coCreationSessions)
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationSessions.processId))
    .where(
      and(
        eq(coCreationSessions.municipalityId, municipalityId),
        processId ? eq(coCreationProcesses.id, processId) : undefined,
        inArray(coCreationProcesses.status, publicStatuses),
        isNull(coCreationProcesses.deletedAt),
        isNull(coCreationSessions.deletedAt),
      ),
    )
    .orderBy(asc(coCreationSessions.startsAt));
}

/** The council a process may be linked to must belong to the same municipality. */
export async function councilInMunicipality(db: Db, municipalityId: string, councilId: string) {
  const [row] = await db
    .select({ id: councils.id })
    .from(councils)
    .where(
      and(
        eq(councils.id, councilId),
        eq(councils.municipalityId, municipalityId),
        isNull(councils.deletedAt),
      ),
    );
  return row !== undefined;
}
