/*
 * Read queries for the public site (apps/site). Each selects only the columns a public page may show:
 * no email addresses, no draft response bodies, no attachment content except through `findSiteAttachment`.
 * Visibility decisions (closed items, unpublished meetings, submitted responses) stay in the domain; the
 * filters here narrow rows so that a forgotten check in a page still cannot surface a draft.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, type SQL, sql } from "drizzle-orm";
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
} from "../schema/index.ts";

/** SQL twin of the domain's isMeetingPublic (meetings/visibility.ts); a test keeps them in step. */
const meetingIsPublic: SQL = sql`(${meetings.status} in ('agenda_published','held','minutes_published') or (${meetings.status} = 'cancelled' and ${meetings.agendaPublishedAt} is not null))`;

export async function listSiteDirectory(db: Db) {
  // The front page is the one view across municipalities: the directory of who has which council.
  const [municipalityRows, councilRows] = await Promise.all([
    db
      .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
      .from(municipalities)
      .where(isNull(municipalities.deletedAt)),
    db
      .select({
        id: councils.id,
        municipalityId: councils.municipalityId,
        slug: councils.slug,
        name: councils.name,
        type: councils.type,
      })
      .from(councils)
      .where(isNull(councils.deletedAt)),
  ]);
  const collator = new Intl.Collator("da");
  return municipalityRows
    .map((m) => ({
      ...m,
      councils: councilRows
        .filter((c) => c.municipalityId === m.id)
        .sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export async function findSiteMunicipality(db: Db, slug: string) {
  const [row] = await db
    .select({
      id: municipalities.id,
      slug: municipalities.slug,
      name: municipalities.name,
      website: municipalities.website,
    })
    .from(municipalities)
    .where(and(eq(municipalities.slug, slug), isNull(municipalities.deletedAt)));
  return row ?? null;
}

export function listSiteCouncils(db: Db, municipalityId: string) {
  return db
    .select({
      id: councils.id,
      slug: councils.slug,
      name: councils.name,
      type: councils.type,
      purpose: councils.purpose,
    })
    .from(councils)
    .where(and(eq(councils.municipalityId, municipalityId), isNull(councils.deletedAt)))
    .orderBy(asc(councils.name));
}

export async function findSiteCouncil(db: Db, municipalityId: string, slug: string) {
  const [row] = await db
    .select({
      id: councils.id,
      slug: councils.slug,
      name: councils.name,
      type: councils.type,
      purpose: councils.purpose,
      updatedAt: councils.updatedAt,
    })
    .from(councils)
    .where(
      and(eq(councils.municipalityId, municipalityId), eq(councils.slug, slug), isNull(councils.deletedAt)),
    );
  return row ?? null;
}

/** Memberships active on `today` (YYYY-MM-DD, Copenhagen). A withheld name comes back as null. */
export async function listSiteMembers(db: Db, municipalityId: string, councilId: string, today: string) {
  const rows = await db
    .select({
      membershipId: memberships.id,
      name: people.name,
      publicName: people.publicName,
      side: memberships.side,
      seat: memberships.seat,
      role: memberships.role,
      nominatedBy: memberships.nominatedBy,
      substituteForMembershipId: memberships.substituteForMembershipId,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.municipalityId, municipalityId),
        eq(memberships.councilId, councilId),
        isNull(memberships.deletedAt),
        isNull(people.deletedAt),
        lte(memberships.startsOn, today),
        or(isNull(memberships.endsOn), gte(memberships.endsOn, today)),
      ),
    )
    .orderBy(asc(people.name));
  return rows.map(({ name, publicName, ...m }) => ({ ...m, name: publicName ? name : null }));
}

const siteMeetingColumns = {
  id: meetings.id,
  councilId: meetings.councilId,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  location: meetings.location,
  status: meetings.status,
  agendaPublishedAt: meetings.agendaPublishedAt,
  minutesPublishedAt: meetings.minutesPublishedAt,
  cancellationReason: meetings.cancellationReason,
  updatedAt: meetings.updatedAt,
  councilSlug: councils.slug,
  councilName: councils.name,
};

/**
 * Meetings of a municipality (optionally some councils) in a time window. Planned meetings are included:
 * their date and place are public (the deadlines rule), their agenda is not — pages link only public ones.
 */
export function listSiteMeetings(
  db: Db,
  municipalityId: string,
  options: {
    councilIds?: string[];
    from?: Date;
    to?: Date;
    order?: "asc" | "desc";
    limit?: number;
    publicOnly?: boolean;
  },
) {
  const query = db
    .select(siteMeetingColumns)
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(meetings.municipalityId, municipalityId),
        options.councilIds ? inArray(meetings.councilId, options.councilIds) : undefined,
        isNull(meetings.deletedAt),
        isNull(councils.deletedAt),
        options.from ? gte(meetings.startsAt, options.from) : undefined,
        options.to ? lte(meetings.startsAt, options.to) : undefined,
        options.publicOnly ? meetingIsPublic : undefined,
      ),
    )
    .orderBy(options.order === "desc" ? desc(meetings.startsAt) : asc(meetings.startsAt));
  return options.limit ? query.limit(options.limit) : query;
}

/** A meeting by id, with its council and municipality for breadcrumbs; null when deleted. */
export async function findSiteMeeting(db: Db, meetingId: string) {
  const [row] = await db
    .select({
      ...siteMeetingColumns,
      heldAt: meetings.heldAt,
      responsibleEditor: meetings.responsibleEditor,
      municipalityId: meetings.municipalityId,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .innerJoin(municipalities, eq(municipalities.id, meetings.municipalityId))
    .where(and(eq(meetings.id, meetingId), isNull(meetings.deletedAt), isNull(councils.deletedAt)));
  return row ?? null;
}

const attachmentMeta = {
  id: attachments.id,
  agendaItemId: attachments.agendaItemId,
  hearingId: attachments.hearingId,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  size: attachments.size,
};

/** Every item of a meeting with its attachments' metadata: two queries in parallel (never one per item). */
export async function listSiteAgenda(db: Db, municipalityId: string, meetingId: string) {
  const itemsQuery = db
    .select({
      id: agendaItems.id,
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
    })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.municipalityId, municipalityId),
        eq(agendaItems.meetingId, meetingId),
        isNull(agendaItems.deletedAt),
      ),
    )
    .orderBy(asc(agendaItems.position));
  // Attachments of closed items are never even loaded; both queries run side by side in one round trip's time.
  const openItems = db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.municipalityId, municipalityId),
        eq(agendaItems.meetingId, meetingId),
        eq(agendaItems.closed, false),
        isNull(agendaItems.deletedAt),
      ),
    );
  const filesQuery = db
    .select(attachmentMeta)
    .from(attachments)
    .where(
      and(
        eq(attachments.municipalityId, municipalityId),
        inArray(attachments.agendaItemId, openItems),
        isNull(attachments.deletedAt),
      ),
    )
    .orderBy(asc(attachments.fileName));
  const [items, files] = await Promise.all([itemsQuery, filesQuery]);
  return { items, attachments: files };
}

/** Public hearings of a council (or a municipality), with the response's status only — never its body. */
export function listSiteHearings(
  db: Db,
  municipalityId: string,
  options: { councilId?: string; from?: Date; to?: Date; order?: "asc" | "desc"; limit?: number } = {},
) {
  const query = db
    .select({
      id: hearings.id,
      councilId: hearings.councilId,
      title: hearings.title,
      plainSummary: hearings.plainSummary,
      requestingBody: hearings.requestingBody,
      responseDeadline: hearings.responseDeadline,
      responseStatus: hearingResponses.status,
    })
    .from(hearings)
    .leftJoin(hearingResponses, eq(hearingResponses.hearingId, hearings.id))
    .where(
      and(
        eq(hearings.municipalityId, municipalityId),
        options.councilId ? eq(hearings.councilId, options.councilId) : undefined,
        eq(hearings.public, true),
        isNull(hearings.deletedAt),
        options.from ? gte(hearings.responseDeadline, options.from) : undefined,
        options.to ? lte(hearings.responseDeadline, options.to) : undefined,
      ),
    )
    .orderBy(options.order === "desc" ? desc(hearings.responseDeadline) : asc(hearings.responseDeadline));
  return options.limit ? query.limit(options.limit) : query;
}

/** A public hearing with its submitted response (the query never reads an unsubmitted body) and documents. */
export async function findSiteHearing(db: Db, hearingId: string) {
  const [row] = await db
    .select({
      id: hearings.id,
      municipalityId: hearings.municipalityId,
      title: hearings.title,
      plainSummary: hearings.plainSummary,
      description: hearings.description,
      requestingBody: hearings.requestingBody,
      receivedOn: hearings.receivedOn,
      responseDeadline: hearings.responseDeadline,
      updatedAt: hearings.updatedAt,
      councilSlug: councils.slug,
      councilName: councils.name,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
      responseStatus: hearingResponses.status,
      responseBody: sql<
        string | null
      >`case when ${hearingResponses.status} = 'submitted' then ${hearingResponses.body} end`,
      responseSubmittedAt: hearingResponses.submittedAt,
    })
    .from(hearings)
    .innerJoin(councils, eq(councils.id, hearings.councilId))
    .innerJoin(municipalities, eq(municipalities.id, hearings.municipalityId))
    .leftJoin(hearingResponses, eq(hearingResponses.hearingId, hearings.id))
    .where(and(eq(hearings.id, hearingId), eq(hearings.public, true), isNull(hearings.deletedAt)));
  if (!row) return null;
  const [files, treatedAt] = await Promise.all([
    db
      .select(attachmentMeta)
      .from(attachments)
      .where(
        and(
          eq(attachments.municipalityId, row.municipalityId),
          eq(attachments.hearingId, row.id),
          isNull(attachments.deletedAt),
        ),
      )
      .orderBy(asc(attachments.fileName)),
    // The public meetings whose open agenda items treat this hearing.
    db
      .selectDistinct({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(
        and(
          eq(agendaItems.municipalityId, row.municipalityId),
          eq(agendaItems.hearingId, row.id),
          eq(agendaItems.closed, false),
          isNull(agendaItems.deletedAt),
          isNull(meetings.deletedAt),
          meetingIsPublic,
        ),
      )
      .orderBy(asc(meetings.startsAt)),
  ]);
  return { ...row, attachments: files, meetings: treatedAt };
}

/**
 * An attachment with what decides whether the public may download it: its item's closed flag and meeting
 * state, or its hearing's public flag. The caller asks the domain (site/visibility.ts).
 */
export async function findSiteAttachment(db: Db, attachmentId: string) {
  const [row] = await db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      sha512: attachments.sha512,
      content: attachments.content,
      updatedAt: attachments.updatedAt,
      itemClosed: agendaItems.closed,
      itemDeletedAt: agendaItems.deletedAt,
      meetingStatus: meetings.status,
      meetingAgendaPublishedAt: meetings.agendaPublishedAt,
      meetingDeletedAt: meetings.deletedAt,
      hearingPublic: hearings.public,
      hearingDeletedAt: hearings.deletedAt,
    })
    .from(attachments)
    .leftJoin(agendaItems, eq(agendaItems.id, attachments.agendaItemId))
    .leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(hearings, eq(hearings.id, attachments.hearingId))
    .where(and(eq(attachments.id, attachmentId), isNull(attachments.deletedAt)));
  return row ?? null;
}

const MARK_START = "\u2983";
const MARK_STOP = "\u2984";
/** ts_headline wraps matches in these brackets; the site turns them into <mark> after escaping the text. */
export const headlineMarks = { start: MARK_START, stop: MARK_STOP } as const;
const headlineOptions = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export type SiteSearchHit = {
  kind: "agenda_item" | "hearing";
  id: string;
  /** meeting id for agenda items, hearing id for hearings */
  targetId: string;
  title: string;
  headline: string;
  rank: number;
  date: Date;
  councilName: string;
  municipalityName: string;
};

/**
 * Full-text search (danish configuration) over open items of public meetings and public hearings.
 * A decision is searchable only once the minutes are published: the stored tsvector includes the decision,
 * so an item of an unpublished-minutes meeting must also match its text without the decision.
 */
export async function searchSite(
  db: Db,
  text: string,
  options: { limit?: number } = {},
): Promise<SiteSearchHit[]> {
  const limit = options.limit ?? 30;
  const query = sql`websearch_to_tsquery('danish', ${text})`;
  const itemPublicText = sql`coalesce(${agendaItems.title},'') || ' ' || coalesce(${agendaItems.plainSummary},'') || ' ' || coalesce(${agendaItems.summary},'') || ' ' || coalesce(${agendaItems.casePresentation},'') || ' ' || coalesce(${agendaItems.recommendation},'')`;
  const itemWithDecision = sql`${itemPublicText} || ' ' || case when ${meetings.status} = 'minutes_published' then coalesce(${agendaItems.decision},'') else '' end`;
  const hearingText = sql`coalesce(${hearings.title},'') || ' ' || coalesce(${hearings.plainSummary},'') || ' ' || coalesce(${hearings.description},'') || ' ' || coalesce(${hearings.requestingBody},'')`;

  const [itemRows, hearingRows] = await Promise.all([
    db
      .select({
        id: agendaItems.id,
        targetId: meetings.id,
        title: agendaItems.title,
        headline: sql<string>`ts_headline('danish', ${itemWithDecision}, ${query}, ${headlineOptions})`,
        rank: sql<number>`ts_rank(${agendaItems.search}, ${query})`,
        date: meetings.startsAt,
        councilName: councils.name,
        municipalityName: municipalities.name,
      })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .innerJoin(municipalities, eq(municipalities.id, meetings.municipalityId))
      .where(
        and(
          sql`${agendaItems.search} @@ ${query}`,
          eq(agendaItems.closed, false),
          isNull(agendaItems.deletedAt),
          isNull(meetings.deletedAt),
          meetingIsPublic,
          or(
            eq(meetings.status, "minutes_published"),
            sql`to_tsvector('danish', ${itemPublicText}) @@ ${query}`,
          ),
        ),
      )
      .orderBy(desc(sql`ts_rank(${agendaItems.search}, ${query})`), desc(meetings.startsAt))
      .limit(limit),
    db
      .select({
        id: hearings.id,
        targetId: hearings.id,
        title: hearings.title,
        headline: sql<string>`ts_headline('danish', ${hearingText}, ${query}, ${headlineOptions})`,
        rank: sql<number>`ts_rank(${hearings.search}, ${query})`,
        date: hearings.responseDeadline,
        councilName: councils.name,
        municipalityName: municipalities.name,
      })
      .from(hearings)
      .innerJoin(councils, eq(councils.id, hearings.councilId))
      .innerJoin(municipalities, eq(municipalities.id, hearings.municipalityId))
      .where(and(sql`${hearings.search} @@ ${query}`, eq(hearings.public, true), isNull(hearings.deletedAt)))
      .orderBy(desc(sql`ts_rank(${hearings.search}, ${query})`), desc(hearings.responseDeadline))
      .limit(limit),
  ]);
  return [
    ...itemRows.map((r) => ({ ...r, kind: "agenda_item" as const, rank: Number(r.rank) })),
    ...hearingRows.map((r) => ({ ...r, kind: "hearing" as const, rank: Number(r.rank) })),
  ]
    .sort((a, b) => b.rank - a.rank || b.date.getTime() - a.date.getTime())
    .slice(0, limit);
}

/** Newly published agendas and minutes, newest first, for the Atom feed. */
export function listSitePublications(
  db: Db,
  municipalityId: string,
  options: { councilIds?: string[]; limit?: number } = {},
) {
  return db
    .select({ ...siteMeetingColumns })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(meetings.municipalityId, municipalityId),
        options.councilIds ? inArray(meetings.councilId, options.councilIds) : undefined,
        isNull(meetings.deletedAt),
        isNotNull(meetings.agendaPublishedAt),
        ne(meetings.status, "planned"),
        meetingIsPublic,
      ),
    )
    .orderBy(desc(sql`coalesce(${meetings.minutesPublishedAt}, ${meetings.agendaPublishedAt})`))
    .limit(options.limit ?? 50);
}
