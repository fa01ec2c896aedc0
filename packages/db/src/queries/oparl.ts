import { isMeetingPublic, meetingStatuses } from "@samraad/domain/meetings";
import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgSelect } from "drizzle-orm/pg-core";
import type { Db } from "../database.ts";
import {
  agendaItems,
  attachments,
  councils,
  hearingResponses,
  hearings,
  meetings,
  memberships,
  municipalities,
  people,
  terms,
} from "../schema/index.ts";

/*
 * Read queries for the OParl API. Every list page is one set-based query for the page's rows, plus at most two
 * set-based queries for what the page embeds (memberships, agenda items, file metadata), keyed by the page's ids:
 * never one query per row. Visibility (published meetings, public hearings, open items, submitted responses) is
 * decided here in SQL so that paging counts only what is served; the predicates are derived from the domain rules.
 *
 * Each row carries `created`, `modified` (already formatted as OParl date-time) and `deleted`. `modified` includes
 * the changes of embedded objects (OParl 1.1: the embedding object's `modified` moves with them), and `deleted`
 * includes the deletion of the parent an object cannot exist without (an item of a deleted meeting is deleted).
 */

export type OparlWindow = {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
};

export type OparlPageQuery = {
  /** Body scope; absent only for the list of bodies and for fetching one object by id. */
  municipalityId?: string;
  councilId?: string;
  /** One object: deleted objects are returned too (as OParl's soft delete requires). */
  id?: string;
  /** Keyset pagination: rows with an id greater than this one. */
  after?: string;
  /** Page size; the query fetches one more row to tell whether there is a next page. */
  limit: number;
  window: OparlWindow;
};

/**
 * An instant as whole epoch milliseconds (float8, so both drivers return a number); OParl's date-time form with
 * the Copenhagen offset is rendered by the API. Whole seconds, because OParl's date-time has no fractions.
 */
export function iso(expr: SQL | AnyPgColumn): SQL<number> {
  return sql<number>`(floor(extract(epoch from ${expr})) * 1000)::float8`;
}

// The domain decides which meetings are public; SQL only mirrors that decision, derived from it here.
const alwaysPublicStatuses = meetingStatuses.filter((s) =>
  isMeetingPublic({ status: s, agendaPublishedAt: null }),
);
const publicOncePublishedStatuses = meetingStatuses.filter(
  (s) => !alwaysPublicStatuses.includes(s) && isMeetingPublic({ status: s, agendaPublishedAt: new Date(0) }),
);

function inList(expr: SQL | AnyPgColumn, values: readonly string[]): SQL {
  if (values.length === 0) return sql`false`;
  return sql`${expr} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** SQL twin of `isMeetingPublic` for a meetings table alias given as raw column references. */
export function meetingIsPublicSql(status: SQL | AnyPgColumn, agendaPublishedAt: SQL | AnyPgColumn): SQL {
  return sql`(${inList(status, alwaysPublicStatuses)} or (${inList(status, publicOncePublishedStatuses)} and ${agendaPublishedAt} is not null))`;
}

export function windowConditions(q: OparlPageQuery, created: SQL, modified: SQL, deleted: SQL): SQL[] {
  const w = q.window;
  const out: SQL[] = [];
  if (w.createdSince) out.push(sql`${created} >= ${w.createdSince.toISOString()}::timestamptz`);
  if (w.createdUntil) out.push(sql`${created} <= ${w.createdUntil.toISOString()}::timestamptz`);
  if (w.modifiedSince) out.push(sql`${modified} >= ${w.modifiedSince.toISOString()}::timestamptz`);
  if (w.modifiedUntil) out.push(sql`${modified} <= ${w.modifiedUntil.toISOString()}::timestamptz`);
  // Deleted objects are listed only for incremental harvesting (modified_since), as OParl 1.1 requires.
  if (q.id === undefined && w.modifiedSince === undefined) out.push(sql`not (${deleted})`);
  return out;
}

export function pageConditions(q: OparlPageQuery, idColumn: AnyPgColumn): (SQL | undefined)[] {
  return [
    q.id !== undefined ? eq(idColumn, q.id) : undefined,
    q.after !== undefined ? gt(idColumn, q.after) : undefined,
  ];
}

/** What a list needs to know of its rows to page them: the keyset id, the body, and the lifecycle expressions. */
export type OparlListSpec = {
  id: AnyPgColumn;
  municipalityId: AnyPgColumn;
  /** For lists an Organization has of its own (its meetings). */
  councilId?: AnyPgColumn;
  /** What may be public at all (absent: every row); anything else is never selected, not even as a deleted stub. */
  visible?: SQL;
  created: SQL;
  modified: SQL;
  deleted: SQL;
};

/** The `created`, `modified` and `deleted` every row carries, from a list's spec. */
export function lifecycleOf(spec: OparlListSpec) {
  return {
    created: iso(spec.created),
    modified: iso(spec.modified),
    deleted: sql<boolean>`${spec.deleted}`,
  };
}

/**
 * One page of a body's list, or one object by id: visibility, body scope, keyset and time window, ordered by id,
 * one row past the page (so the caller can tell whether there is a next one). Pass a `$dynamic()` select.
 */
export function oparlListPage<T extends PgSelect>(select: T, q: OparlPageQuery, spec: OparlListSpec): T {
  return select
    .where(
      and(
        spec.visible,
        q.municipalityId ? eq(spec.municipalityId, q.municipalityId) : undefined,
        q.councilId && spec.councilId ? eq(spec.councilId, q.councilId) : undefined,
        ...pageConditions(q, spec.id),
        ...windowConditions(q, spec.created, spec.modified, spec.deleted),
      ),
    )
    .orderBy(asc(spec.id))
    .limit(q.limit + 1);
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Ids in URLs come from the outside: anything that is not a UUID cannot exist (and must not reach a uuid cast). */
export function validOparlIds(q: OparlPageQuery): boolean {
  return (
    (q.id === undefined || isUuid(q.id)) &&
    (q.after === undefined || isUuid(q.after)) &&
    (q.municipalityId === undefined || isUuid(q.municipalityId)) &&
    (q.councilId === undefined || isUuid(q.councilId))
  );
}

// ---------------------------------------------------------------------------------------------- Body

export async function oparlBodies(db: Db, q: OparlPageQuery) {
  const created = sql`${municipalities.createdAt}`;
  const modified = sql`greatest(${municipalities.updatedAt}, (select max(t.updated_at) from terms t where t.municipality_id = ${municipalities.id}))`;
  const deleted = sql`(${municipalities.deletedAt} is not null)`;
  const rows = await db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      slug: municipalities.slug,
      code: municipalities.code,
      website: municipalities.website,
      created: iso(created),
      modified: iso(modified),
      deleted: sql<boolean>`${deleted}`,
    })
    .from(municipalities)
    .where(and(...pageConditions(q, municipalities.id), ...windowConditions(q, created, modified, deleted)))
    .orderBy(asc(municipalities.id))
    .limit(q.limit + 1);
  const ids = rows.map((r) => r.id);
  const bodyTerms = ids.length === 0 ? [] : await termRows(db, inArray(terms.municipalityId, ids));
  return rows.map((r) => ({ ...r, terms: bodyTerms.filter((t) => t.municipalityId === r.id) }));
}

// ---------------------------------------------------------------------------------------------- LegislativeTerm

function termRows(db: Db, where: SQL | undefined, q?: OparlPageQuery) {
  const created = sql`${terms.createdAt}`;
  const modified = sql`greatest(${terms.updatedAt}, ${councils.deletedAt})`;
  const deleted = sql`(${terms.deletedAt} is not null or ${councils.deletedAt} is not null)`;
  return db
    .select({
      id: terms.id,
      municipalityId: terms.municipalityId,
      councilId: terms.councilId,
      name: terms.name,
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      created: iso(created),
      modified: iso(modified),
      deleted: sql<boolean>`${deleted}`,
    })
    .from(terms)
    .innerJoin(councils, eq(councils.id, terms.councilId))
    .where(
      and(
        where,
        ...(q
          ? [...pageConditions(q, terms.id), ...windowConditions(q, created, modified, deleted)]
          : // Embedded in Body: OParl forbids embedding deleted objects.
            [sql`not (${deleted})`]),
      ),
    )
    .orderBy(q ? asc(terms.id) : asc(terms.startsOn), asc(terms.id))
    .limit(q ? q.limit + 1 : 10_000);
}

export function oparlLegislativeTerms(db: Db, q: OparlPageQuery) {
  return termRows(
    db,
    and(
      q.municipalityId ? eq(terms.municipalityId, q.municipalityId) : undefined,
      q.councilId ? eq(terms.councilId, q.councilId) : undefined,
    ),
    q,
  );
}

// ---------------------------------------------------------------------------------------------- Organization

const organizationList: OparlListSpec = {
  id: councils.id,
  municipalityId: councils.municipalityId,
  created: sql`${councils.createdAt}`,
  // The organisation lists its memberships' URLs: a harvester must see it change when one comes or goes.
  modified: sql`greatest(${councils.updatedAt}, (select max(greatest(ms.updated_at, ms.deleted_at)) from memberships ms where ms.council_id = ${councils.id}))`,
  deleted: sql`(${councils.deletedAt} is not null)`,
};

export async function oparlOrganizations(db: Db, q: OparlPageQuery) {
  const select = db
    .select({
      id: councils.id,
      municipalityId: councils.municipalityId,
      name: councils.name,
      slug: councils.slug,
      type: councils.type,
      purpose: councils.purpose,
      ...lifecycleOf(organizationList),
    })
    .from(councils);
  const rows = await oparlListPage(select.$dynamic(), q, organizationList);
  const ids = rows.map((r) => r.id);
  const members =
    ids.length === 0
      ? []
      : await db
          .select({ id: memberships.id, councilId: memberships.councilId })
          .from(memberships)
          .innerJoin(people, eq(people.id, memberships.personId))
          .where(
            and(inArray(memberships.councilId, ids), isNull(memberships.deletedAt), isNull(people.deletedAt)),
          )
          .orderBy(asc(memberships.startsOn), asc(memberships.id));
  return rows.map((r) => ({
    ...r,
    membershipIds: members.filter((m) => m.councilId === r.id).map((m) => m.id),
  }));
}

// ---------------------------------------------------------------------------------------------- Membership

const membershipCreated = sql`${memberships.createdAt}`;
const membershipModified = sql`greatest(${memberships.updatedAt}, ${people.deletedAt}, ${councils.deletedAt})`;
const membershipDeleted = sql`(${memberships.deletedAt} is not null or ${people.deletedAt} is not null or ${councils.deletedAt} is not null)`;

function membershipRows(db: Db, where: SQL | undefined, q?: OparlPageQuery) {
  return db
    .select({
      id: memberships.id,
      municipalityId: memberships.municipalityId,
      councilId: memberships.councilId,
      personId: memberships.personId,
      side: memberships.side,
      seat: memberships.seat,
      role: memberships.role,
      votingRight: memberships.votingRight,
      startsOn: memberships.startsOn,
      endsOn: memberships.endsOn,
      nominatedBy: memberships.nominatedBy,
      substituteFor: memberships.substituteForMembershipId,
      /** the membership of this member's personal substitute (the reverse of substituteFor) */
      substitute: sql<
        string | null
      >`(select s.id::text from memberships s where s.substitute_for_membership_id = ${memberships.id} and s.deleted_at is null order by s.starts_on desc, s.id limit 1)`,
      created: iso(membershipCreated),
      modified: iso(membershipModified),
      deleted: sql<boolean>`${membershipDeleted}`,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(councils, eq(councils.id, memberships.councilId))
    .where(
      and(
        where,
        ...(q
          ? [
              ...pageConditions(q, memberships.id),
              ...windowConditions(q, membershipCreated, membershipModified, membershipDeleted),
            ]
          : [sql`not ${membershipDeleted}`]),
      ),
    )
    .orderBy(q ? asc(memberships.id) : asc(memberships.startsOn), asc(memberships.id))
    .limit(q ? q.limit + 1 : 100_000);
}

export function oparlMemberships(db: Db, q: OparlPageQuery) {
  return membershipRows(
    db,
    q.municipalityId ? eq(memberships.municipalityId, q.municipalityId) : undefined,
    q,
  );
}

// ---------------------------------------------------------------------------------------------- Person

const personList: OparlListSpec = {
  id: people.id,
  municipalityId: people.municipalityId,
  created: sql`${people.createdAt}`,
  // Person embeds its memberships, so their changes move the person's `modified`.
  modified: sql`greatest(${people.updatedAt}, (select max(greatest(ms.updated_at, ms.deleted_at)) from memberships ms where ms.person_id = ${people.id}))`,
  deleted: sql`(${people.deletedAt} is not null)`,
};

export async function oparlPeople(db: Db, q: OparlPageQuery) {
  const select = db
    .select({
      id: people.id,
      municipalityId: people.municipalityId,
      // The name only when the person agreed to be named in public; otherwise OParl shows no name at all.
      name: sql<string | null>`case when ${people.publicName} then ${people.name} end`,
      ...lifecycleOf(personList),
    })
    .from(people);
  const rows = await oparlListPage(select.$dynamic(), q, personList);
  const ids = rows.map((r) => r.id);
  const held = ids.length === 0 ? [] : await membershipRows(db, inArray(memberships.personId, ids));
  return rows.map((r) => ({ ...r, memberships: held.filter((m) => m.personId === r.id) }));
}

// ---------------------------------------------------------------------------------------------- Meeting, Location

const meetingPublic = meetingIsPublicSql(meetings.status, meetings.agendaPublishedAt);
const meetingCreated = sql`${meetings.createdAt}`;
// A meeting embeds its agenda items and their files.
const meetingModified = sql`greatest(${meetings.updatedAt}, ${councils.deletedAt},
  (select max(greatest(i.updated_at, i.deleted_at)) from agenda_items i where i.meeting_id = ${meetings.id}),
  (select max(greatest(a.updated_at, a.deleted_at)) from attachments a join agenda_items i on i.id = a.agenda_item_id where i.meeting_id = ${meetings.id}))`;
const meetingDeleted = sql`(${meetings.deletedAt} is not null or ${councils.deletedAt} is not null)`;

const meetingList: OparlListSpec = {
  id: meetings.id,
  municipalityId: meetings.municipalityId,
  councilId: meetings.councilId,
  visible: meetingPublic,
  created: meetingCreated,
  modified: meetingModified,
  deleted: meetingDeleted,
};

export async function oparlMeetings(db: Db, q: OparlPageQuery) {
  const select = db
    .select({
      id: meetings.id,
      municipalityId: meetings.municipalityId,
      councilId: meetings.councilId,
      councilName: councils.name,
      title: meetings.title,
      startsAt: iso(meetings.startsAt),
      endsAt: sql<number | null>`${iso(meetings.endsAt)}`,
      location: meetings.location,
      status: meetings.status,
      agendaPublishedAt: meetings.agendaPublishedAt,
      cancellationReason: meetings.cancellationReason,
      responsibleEditor: meetings.responsibleEditor,
      ...lifecycleOf(meetingList),
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId));
  const rows = await oparlListPage(select.$dynamic(), q, meetingList);
  const ids = rows.map((r) => r.id);
  const items = await withConsultations(
    db,
    ids.length === 0 ? [] : await itemRows(db, inArray(agendaItems.meetingId, ids)),
  );
  const files = await itemFiles(
    db,
    items.map((i) => i.id),
  );
  return rows.map((r) => ({
    ...r,
    items: items.filter((i) => i.meetingId === r.id).map((i) => ({ ...i, files: files.get(i.id) ?? [] })),
  }));
}

/** One Location per public meeting (the meeting's place is free text), at /location/<meeting id>. */
export function oparlLocations(db: Db, q: OparlPageQuery) {
  const locationList: OparlListSpec = {
    ...meetingList,
    modified: sql`greatest(${meetings.updatedAt}, ${councils.deletedAt})`,
  };
  const select = db
    .select({
      id: meetings.id,
      municipalityId: meetings.municipalityId,
      location: meetings.location,
      ...lifecycleOf(locationList),
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId));
  return oparlListPage(select.$dynamic(), q, locationList);
}

// ---------------------------------------------------------------------------------------------- AgendaItem

/**
 * The one agenda item each hearing's Consultation points to: the first open (not closed) item on a public meeting
 * that treats the hearing. Other items on the same hearing carry no consultation, so the references agree.
 * One set-based query for a whole page of hearings (or of items' hearings), run for every non-empty page so a
 * page's cost does not depend on its content.
 */
async function consultationItems(
  db: Db,
  hearingIds: string[],
): Promise<Map<string, { itemId: string; meetingId: string }>> {
  const chosen = new Map<string, { itemId: string; meetingId: string }>();
  const ids = [...new Set(hearingIds)];
  const rows = await db
    .selectDistinctOn([agendaItems.hearingId], {
      hearingId: agendaItems.hearingId,
      itemId: agendaItems.id,
      meetingId: agendaItems.meetingId,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        ids.length > 0 ? inArray(agendaItems.hearingId, ids) : sql`false`,
        eq(agendaItems.closed, false),
        isNull(agendaItems.deletedAt),
        isNull(meetings.deletedAt),
        meetingPublic,
      ),
    )
    .orderBy(agendaItems.hearingId, asc(meetings.startsAt), asc(agendaItems.position), asc(agendaItems.id));
  for (const r of rows)
    if (r.hearingId) chosen.set(r.hearingId, { itemId: r.itemId, meetingId: r.meetingId });
  return chosen;
}

const itemCreated = sql`${agendaItems.createdAt}`;
const itemModified = sql`greatest(${agendaItems.updatedAt}, ${meetings.deletedAt}, ${councils.deletedAt},
  (select max(greatest(a.updated_at, a.deleted_at)) from attachments a where a.agenda_item_id = ${agendaItems.id}))`;
const itemDeleted = sql`(${agendaItems.deletedAt} is not null or ${meetings.deletedAt} is not null or ${councils.deletedAt} is not null)`;

function itemRows(db: Db, where: SQL | undefined, q?: OparlPageQuery) {
  return db
    .select({
      id: agendaItems.id,
      municipalityId: agendaItems.municipalityId,
      meetingId: agendaItems.meetingId,
      meetingStatus: meetings.status,
      meetingStartsAt: iso(meetings.startsAt),
      // OParl's `order`: the 0-based place among the meeting's current items (positions may have gaps).
      order: sql<number>`(select count(*)::int from agenda_items o where o.meeting_id = ${agendaItems.meetingId} and o.deleted_at is null and (o.position, o.id) < (${agendaItems.position}, ${agendaItems.id}))`,
      position: agendaItems.position,
      title: agendaItems.title,
      closed: agendaItems.closed,
      plainSummary: agendaItems.plainSummary,
      summary: agendaItems.summary,
      caseHistory: agendaItems.caseHistory,
      casePresentation: agendaItems.casePresentation,
      recommendation: agendaItems.recommendation,
      guests: agendaItems.guests,
      decision: agendaItems.decision,
      /** the public hearing this item treats, if any */
      hearingId: sql<
        string | null
      >`case when ${hearings.public} and ${hearings.deletedAt} is null then ${hearings.id}::text end`,
      created: iso(itemCreated),
      modified: iso(itemModified),
      deleted: sql<boolean>`${itemDeleted}`,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .leftJoin(hearings, eq(hearings.id, agendaItems.hearingId))
    .where(
      and(
        meetingPublic,
        where,
        ...(q
          ? [
              ...pageConditions(q, agendaItems.id),
              ...windowConditions(q, itemCreated, itemModified, itemDeleted),
            ]
          : [sql`not ${itemDeleted}`]),
      ),
    )
    .orderBy(
      ...(q
        ? [asc(agendaItems.id)]
        : [asc(agendaItems.meetingId), asc(agendaItems.position), asc(agendaItems.id)]),
    )
    .limit(q ? q.limit + 1 : 100_000);
}

/** Marks the items a Consultation points to (one query for the page, only when the page treats hearings). */
async function withConsultations<T extends { id: string; hearingId: string | null }>(db: Db, items: T[]) {
  if (items.length === 0) return [];
  const chosen = await consultationItems(
    db,
    items.flatMap((i) => (i.hearingId ? [i.hearingId] : [])),
  );
  return items.map((i) => ({
    ...i,
    consultationHearingId: i.hearingId && chosen.get(i.hearingId)?.itemId === i.id ? i.hearingId : null,
  }));
}

export async function oparlAgendaItems(db: Db, q: OparlPageQuery) {
  const rows = await withConsultations(
    db,
    await itemRows(db, q.municipalityId ? eq(agendaItems.municipalityId, q.municipalityId) : undefined, q),
  );
  const files = await itemFiles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, files: files.get(r.id) ?? [] }));
}

// ---------------------------------------------------------------------------------------------- File

/*
 * An attachment is public when it belongs to an open item of a public meeting or to a public hearing. The content
 * (bytea) is never selected here; only the download route reads it, through the same predicate.
 */
const fileVisible = sql`((${attachments.agendaItemId} is not null and not ${agendaItems.closed} and ${meetingPublic})
  or (${attachments.agendaItemId} is null and ${attachments.hearingId} is not null and ${hearings.public}))`;
const fileCreated = sql`${attachments.createdAt}`;
const fileModified = sql`greatest(${attachments.updatedAt}, ${agendaItems.deletedAt}, ${meetings.deletedAt}, ${hearings.deletedAt}, ${councils.deletedAt})`;
const fileDeleted = sql`(${attachments.deletedAt} is not null or ${agendaItems.deletedAt} is not null or ${meetings.deletedAt} is not null or ${hearings.deletedAt} is not null or ${councils.deletedAt} is not null)`;

const fileColumns = {
  id: attachments.id,
  municipalityId: attachments.municipalityId,
  agendaItemId: attachments.agendaItemId,
  meetingId: agendaItems.meetingId,
  hearingId: attachments.hearingId,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  size: attachments.size,
  sha512: attachments.sha512,
  text: attachments.text,
  date: sql<string>`to_char(${attachments.createdAt} at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`,
  created: iso(fileCreated),
  modified: iso(fileModified),
  deleted: sql<boolean>`${fileDeleted}`,
};

function fileQuery(db: Db) {
  return (
    db
      .select(fileColumns)
      .from(attachments)
      .leftJoin(agendaItems, eq(agendaItems.id, attachments.agendaItemId))
      .leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .leftJoin(hearings, eq(hearings.id, attachments.hearingId))
      // The council of the meeting or hearing: a file goes with its council when that is deleted.
      .leftJoin(councils, eq(councils.id, sql`coalesce(${meetings.councilId}, ${hearings.councilId})`))
  );
}

export function oparlFiles(db: Db, q: OparlPageQuery) {
  return oparlListPage(fileQuery(db).$dynamic(), q, {
    id: attachments.id,
    municipalityId: attachments.municipalityId,
    visible: fileVisible,
    created: fileCreated,
    modified: fileModified,
    deleted: fileDeleted,
  });
}

export type OparlFileRow = Awaited<ReturnType<typeof oparlFiles>>[number];

async function filesWhere(db: Db, where: SQL): Promise<OparlFileRow[]> {
  return fileQuery(db)
    .where(and(fileVisible, where, sql`not ${fileDeleted}`))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

async function itemFiles(db: Db, itemIds: string[]): Promise<Map<string, OparlFileRow[]>> {
  const byItem = new Map<string, OparlFileRow[]>();
  if (itemIds.length === 0) return byItem;
  for (const f of await filesWhere(db, inArray(attachments.agendaItemId, itemIds))) {
    if (f.agendaItemId === null) continue;
    byItem.set(f.agendaItemId, [...(byItem.get(f.agendaItemId) ?? []), f]);
  }
  return byItem;
}

/** The bytes of a public, not deleted file; null for anything else (the route answers 404). */
export async function oparlFileContent(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ ...fileColumns, content: attachments.content })
    .from(attachments)
    .leftJoin(agendaItems, eq(agendaItems.id, attachments.agendaItemId))
    .leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(hearings, eq(hearings.id, attachments.hearingId))
    .leftJoin(councils, eq(councils.id, sql`coalesce(${meetings.councilId}, ${hearings.councilId})`))
    .where(and(eq(attachments.id, id), fileVisible, sql`not ${fileDeleted}`));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------- Paper, Consultation

const hearingCreated = sql`${hearings.createdAt}`;
// A Paper embeds its files, its consultation and (once submitted) the council's response.
const paperModified = sql`greatest(${hearings.updatedAt}, ${councils.deletedAt},
  (case when ${hearingResponses.status} = 'submitted' then ${hearingResponses.updatedAt} end),
  (select max(greatest(a.updated_at, a.deleted_at)) from attachments a where a.hearing_id = ${hearings.id} and a.agenda_item_id is null))`;
const consultationModified = sql`greatest(${hearings.updatedAt}, ${councils.deletedAt})`;
const hearingDeleted = sql`(${hearings.deletedAt} is not null or ${councils.deletedAt} is not null)`;

async function hearingRows(db: Db, q: OparlPageQuery, modified: SQL) {
  const hearingList: OparlListSpec = {
    id: hearings.id,
    municipalityId: hearings.municipalityId,
    visible: eq(hearings.public, true),
    created: hearingCreated,
    modified,
    deleted: hearingDeleted,
  };
  const select = db
    .select({
      id: hearings.id,
      municipalityId: hearings.municipalityId,
      councilId: hearings.councilId,
      title: hearings.title,
      plainSummary: hearings.plainSummary,
      description: hearings.description,
      requestingBody: hearings.requestingBody,
      receivedOn: hearings.receivedOn,
      responseDeadline: iso(hearings.responseDeadline),
      // Only a submitted response is the council's; drafts and approved texts are never selected.
      responseBody: sql<
        string | null
      >`case when ${hearingResponses.status} = 'submitted' then ${hearingResponses.body} end`,
      responseSubmittedAt: sql<
        number | null
      >`case when ${hearingResponses.status} = 'submitted' then ${iso(hearingResponses.submittedAt)} end`,
      ...lifecycleOf(hearingList),
    })
    .from(hearings)
    .innerJoin(councils, eq(councils.id, hearings.councilId))
    .leftJoin(hearingResponses, eq(hearingResponses.hearingId, hearings.id));
  const rows = await oparlListPage(select.$dynamic(), q, hearingList);
  if (rows.length === 0) return [];
  const chosen = await consultationItems(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    consultationItemId: chosen.get(r.id)?.itemId ?? null,
    consultationMeetingId: chosen.get(r.id)?.meetingId ?? null,
  }));
}

export async function oparlPapers(db: Db, q: OparlPageQuery) {
  const rows = await hearingRows(db, q, paperModified);
  const ids = rows.map((r) => r.id);
  const files =
    ids.length === 0
      ? []
      : await filesWhere(
          db,
          and(inArray(attachments.hearingId, ids), isNull(attachments.agendaItemId)) ?? sql`false`,
        );
  return rows.map((r) => ({ ...r, files: files.filter((f) => f.hearingId === r.id) }));
}

export function oparlConsultations(db: Db, q: OparlPageQuery) {
  return hearingRows(db, q, consultationModified);
}
