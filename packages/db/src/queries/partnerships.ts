import {
  type Agreement,
  type AgreementSection,
  type Amendment,
  agreementSections,
  emptySections,
  type Partner,
  type PartnerKind,
  type SchedulePhase,
  type SteeringRole,
  type Termination,
  workScheduleTemplate,
} from "@samraad/domain/partnerships";
import { and, asc, eq, inArray, isNull, max, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "../database.ts";
import {
  municipalities,
  partnershipAmendments,
  partnershipPartners,
  partnershipPeople,
  partnershipSections,
  partnershipSignatures,
  partnershipSteeringMembers,
  partnerships,
  partnershipTasks,
  roleGrants,
  user,
} from "../schema/index.ts";

export type NewPartnership = {
  municipalityId: string;
  title: string;
  task?: string | null;
  councilId?: string | null;
  partners: { kind: PartnerKind; name: string; municipalityId?: string | null }[];
  /** Start the work schedule from the model's checklist. */
  withTemplate?: boolean;
  /** The co-creation process this cooperation agreement is the outcome of. */
  coCreationProcessId?: string | null;
};

/** A partnership with its partners, the nine empty sections and (optionally) the model's work schedule. */
export async function insertPartnership(db: Db, input: NewPartnership) {
  const [row] = await db
    .insert(partnerships)
    .values({
      municipalityId: input.municipalityId,
      title: input.title,
      task: input.task ?? null,
      councilId: input.councilId ?? null,
      coCreationProcessId: input.coCreationProcessId ?? null,
    })
    .returning({ id: partnerships.id });
  if (!row) throw new Error("partnership not inserted");
  const partners = await db
    .insert(partnershipPartners)
    .values(
      input.partners.map((p, position) => ({
        partnershipId: row.id,
        kind: p.kind,
        name: p.name,
        municipalityId: p.municipalityId ?? null,
        position,
      })),
    )
    .returning({
      id: partnershipPartners.id,
      name: partnershipPartners.name,
      kind: partnershipPartners.kind,
    });
  await db.insert(partnershipSections).values(
    agreementSections.map((section) => ({
      municipalityId: input.municipalityId,
      partnershipId: row.id,
      section,
    })),
  );
  if (input.withTemplate) {
    await db.insert(partnershipTasks).values(
      workScheduleTemplate.map((t, position) => ({
        municipalityId: input.municipalityId,
        partnershipId: row.id,
        phase: t.phase,
        title: t.title,
        position,
      })),
    );
  }
  return { id: row.id, partners };
}

/** Who reaches a partnership: its owner and every partner municipality (the access rules decide the rest). */
export async function findPartnershipAccess(db: Db, partnershipId: string) {
  const [row] = await db
    .select({ municipalityId: partnerships.municipalityId, councilId: partnerships.councilId })
    .from(partnerships)
    .where(and(eq(partnerships.id, partnershipId), isNull(partnerships.deletedAt)));
  if (!row) return null;
  const partners = await db
    .select({ municipalityId: partnershipPartners.municipalityId })
    .from(partnershipPartners)
    .where(and(eq(partnershipPartners.partnershipId, partnershipId), isNull(partnershipPartners.deletedAt)));
  return {
    partnershipId,
    municipalityId: row.municipalityId,
    /** The council that follows it: where its deadlines are kept. */
    followedByCouncilId: row.councilId,
    partnerMunicipalityIds: partners.flatMap((p) => (p.municipalityId ? [p.municipalityId] : [])),
  };
}

const summaryColumns = {
  id: partnerships.id,
  municipalityId: partnerships.municipalityId,
  title: partnerships.title,
  stage: partnerships.stage,
  evaluationOn: partnerships.evaluationOn,
  endsOn: partnerships.endsOn,
  /** Set for a cooperation agreement: the co-creation process it came from. */
  coCreationProcessId: partnerships.coCreationProcessId,
  updatedAt: partnerships.updatedAt,
};

/** Partnerships a municipality takes part in (as owner or partner), plus those named by id (partner grants). */
export async function listPartnerships(
  db: Db,
  scope: { municipalityIds: string[]; partnershipIds: string[] },
) {
  if (scope.municipalityIds.length === 0 && scope.partnershipIds.length === 0) return [];
  const viaPartner = scope.municipalityIds.length
    ? db
        .select({ id: partnershipPartners.partnershipId })
        .from(partnershipPartners)
        .where(
          and(
            inArray(partnershipPartners.municipalityId, scope.municipalityIds),
            isNull(partnershipPartners.deletedAt),
          ),
        )
    : null;
  return db
    .select(summaryColumns)
    .from(partnerships)
    .where(
      and(
        isNull(partnerships.deletedAt),
        or(
          scope.municipalityIds.length
            ? inArray(partnerships.municipalityId, scope.municipalityIds)
            : undefined,
          viaPartner ? inArray(partnerships.id, viaPartner) : undefined,
          scope.partnershipIds.length ? inArray(partnerships.id, scope.partnershipIds) : undefined,
        ),
      ),
    )
    .orderBy(asc(partnerships.title));
}

/** Everything about one partnership, for the API to hand to the domain rules. */
export async function loadPartnership(db: Db, partnershipId: string) {
  const [row] = await db
    .select()
    .from(partnerships)
    .where(and(eq(partnerships.id, partnershipId), isNull(partnerships.deletedAt)));
  if (!row) return null;
  const [partners, people, sections, amendments, signatures, steering, tasks] = await Promise.all([
    db
      .select()
      .from(partnershipPartners)
      .where(and(eq(partnershipPartners.partnershipId, partnershipId), isNull(partnershipPartners.deletedAt)))
      .orderBy(asc(partnershipPartners.position)),
    db
      .select()
      .from(partnershipPeople)
      .where(and(eq(partnershipPeople.partnershipId, partnershipId), isNull(partnershipPeople.deletedAt)))
      .orderBy(asc(partnershipPeople.createdAt)),
    db
      .select({
        section: partnershipSections.section,
        text: partnershipSections.text,
        version: partnershipSections.version,
      })
      .from(partnershipSections)
      .where(eq(partnershipSections.partnershipId, partnershipId)),
    db
      .select()
      .from(partnershipAmendments)
      .where(
        and(eq(partnershipAmendments.partnershipId, partnershipId), isNull(partnershipAmendments.deletedAt)),
      )
      .orderBy(asc(partnershipAmendments.number)),
    db
      .select()
      .from(partnershipSignatures)
      .where(eq(partnershipSignatures.partnershipId, partnershipId))
      .orderBy(asc(partnershipSignatures.signedAt)),
    db
      .select()
      .from(partnershipSteeringMembers)
      .where(
        and(
          eq(partnershipSteeringMembers.partnershipId, partnershipId),
          isNull(partnershipSteeringMembers.deletedAt),
        ),
      )
      .orderBy(asc(partnershipSteeringMembers.createdAt)),
    db
      .select()
      .from(partnershipTasks)
      .where(and(eq(partnershipTasks.partnershipId, partnershipId), isNull(partnershipTasks.deletedAt)))
      .orderBy(asc(partnershipTasks.position), asc(partnershipTasks.createdAt)),
  ]);
  return { partnership: row, partners, people, sections, amendments, signatures, steering, tasks };
}

export type PartnershipChanges = Partial<{
  answers: Record<string, string>;
  stage: number;
  endsOn: string | null;
  evaluationOn: string | null;
  familiesRecruited: number;
  firstSessionOn: string | null;
  recruitmentStartsOn: string | null;
  volunteerCoordinator: string | null;
  published: boolean;
  terminatedOn: string | null;
  terminatedByPartnerId: string | null;
  terminationReason: string | null;
}>;

export async function updatePartnershipRow(db: Db, partnershipId: string, changes: PartnershipChanges) {
  await db
    .update(partnerships)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(partnerships.id, partnershipId));
}

/**
 * Saves a section only if nobody saved it since `version` was read: the update matches on the version, so
 * two concurrent saves cannot both win. Null means someone else was first.
 */
export async function updateSectionIfVersion(
  db: Db,
  input: { partnershipId: string; section: AgreementSection; text: string; version: number; userId: string },
) {
  const [row] = await db
    .update(partnershipSections)
    .set({
      text: input.text,
      version: sql`${partnershipSections.version} + 1`,
      updatedBy: input.userId,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(partnershipSections.partnershipId, input.partnershipId),
        eq(partnershipSections.section, input.section),
        eq(partnershipSections.version, input.version),
      ),
    )
    .returning({ version: partnershipSections.version });
  return row ?? null;
}

export async function insertAmendment(
  db: Db,
  input: {
    municipalityId: string;
    partnershipId: string;
    title: string;
    changes: Partial<Record<AgreementSection, string>>;
    proposedAt: Date;
  },
) {
  const [last] = await db
    .select({ n: max(partnershipAmendments.number) })
    .from(partnershipAmendments)
    .where(eq(partnershipAmendments.partnershipId, input.partnershipId));
  const [row] = await db
    .insert(partnershipAmendments)
    .values({ ...input, number: (last?.n ?? 0) + 1 })
    .returning({ id: partnershipAmendments.id, number: partnershipAmendments.number });
  if (!row) throw new Error("amendment not inserted");
  return row;
}

export async function insertSignature(
  db: Db,
  input: {
    municipalityId: string;
    partnershipId: string;
    amendmentId: string | null;
    partnerId: string;
    signatoryId: string;
    userId: string;
    name: string;
    capacity: string;
    signedAt: Date;
  },
) {
  // Two clicks racing: the unique index keeps one signature per signatory; the loser gets null, not an error.
  const [row] = await db
    .insert(partnershipSignatures)
    .values(input)
    .onConflictDoNothing()
    .returning({ id: partnershipSignatures.id });
  return row ?? null;
}

export async function insertPartnershipPerson(
  db: Db,
  input: {
    municipalityId: string;
    partnershipId: string;
    partnerId: string;
    name: string;
    email?: string | null;
    capacity?: string | null;
    contact?: boolean;
    signatory?: boolean;
    userId?: string | null;
  },
) {
  const [row] = await db.insert(partnershipPeople).values(input).returning({ id: partnershipPeople.id });
  if (!row) throw new Error("person not inserted");
  return row;
}

export async function insertSteeringMember(
  db: Db,
  input: {
    municipalityId: string;
    partnershipId: string;
    name: string;
    role: SteeringRole;
    partnerId: string | null;
    lead: boolean;
  },
) {
  const [row] = await db
    .insert(partnershipSteeringMembers)
    .values(input)
    .returning({ id: partnershipSteeringMembers.id });
  if (!row) throw new Error("steering member not inserted");
  return row;
}

export async function insertTask(
  db: Db,
  input: {
    municipalityId: string;
    partnershipId: string;
    phase: SchedulePhase;
    title: string;
    responsiblePartnerId?: string | null;
    responsiblePerson?: string | null;
    dueOn?: string | null;
    doneOn?: string | null;
  },
) {
  const [last] = await db
    .select({ n: max(partnershipTasks.position) })
    .from(partnershipTasks)
    .where(eq(partnershipTasks.partnershipId, input.partnershipId));
  const [row] = await db
    .insert(partnershipTasks)
    .values({ ...input, position: (last?.n ?? -1) + 1 })
    .returning({ id: partnershipTasks.id });
  if (!row) throw new Error("task not inserted");
  return row;
}

/** Marks a task done (or open again with null); false when the task is not in this partnership. */
export async function setTaskDone(db: Db, partnershipId: string, taskId: string, doneOn: string | null) {
  const rows = await db
    .update(partnershipTasks)
    .set({ doneOn, updatedAt: sql`now()` })
    .where(
      and(
        eq(partnershipTasks.id, taskId),
        eq(partnershipTasks.partnershipId, partnershipId),
        isNull(partnershipTasks.deletedAt),
      ),
    )
    .returning({ id: partnershipTasks.id });
  return rows.length > 0;
}

/**
 * Links a login to the contact people and signatories recorded with that email (an invitation accepted),
 * and returns the partnerships involved, so the caller can grant the partner role on them.
 */
export async function linkPartnershipLogin(db: Db, email: string, userId: string) {
  const rows = await db
    .update(partnershipPeople)
    .set({ userId, updatedAt: sql`now()` })
    .where(
      and(
        sql`lower(${partnershipPeople.email}) = ${email.toLowerCase()}`,
        isNull(partnershipPeople.deletedAt),
      ),
    )
    .returning({
      partnershipId: partnershipPeople.partnershipId,
      municipalityId: partnershipPeople.municipalityId,
    });
  return [...new Map(rows.map((r) => [r.partnershipId, r])).values()];
}

export type LoadedPartnership = NonNullable<Awaited<ReturnType<typeof loadPartnership>>>;

/** The loaded rows in the domain's shapes: partners with people, the agreement, amendments with signatures. */
export function partnershipModel(loaded: LoadedPartnership): {
  partners: Partner[];
  agreement: Agreement;
  amendments: Amendment[];
  termination: Termination | null;
} {
  const { partnership: p } = loaded;
  const sign = (amendmentId: string | null) =>
    loaded.signatures
      .filter((s) => s.amendmentId === amendmentId)
      .map((s) => ({
        signatoryId: s.signatoryId,
        partnerId: s.partnerId,
        name: s.name,
        capacity: s.capacity,
        signedAt: s.signedAt,
      }));
  const partners: Partner[] = loaded.partners.map((partner) => {
    const people = loaded.people.filter((x) => x.partnerId === partner.id);
    return {
      id: partner.id,
      kind: partner.kind,
      name: partner.name,
      municipalityId: partner.municipalityId,
      contacts: people
        .filter((x) => x.contact)
        .map((x) => ({ id: x.id, partnerId: partner.id, name: x.name, email: x.email, userId: x.userId })),
      signatories: people
        .filter((x) => x.signatory)
        .map((x) => ({
          id: x.id,
          partnerId: partner.id,
          name: x.name,
          capacity: x.capacity ?? "",
          userId: x.userId,
          namedAt: x.createdAt,
        })),
    };
  });
  const sections = emptySections();
  for (const s of loaded.sections) sections[s.section] = s.text;
  return {
    partners,
    agreement: {
      id: p.id,
      sections,
      duration: p.endsOn
        ? { kind: "fixed", endsOn: p.endsOn }
        : p.evaluationOn
          ? { kind: "ongoing", evaluationOn: p.evaluationOn }
          : null,
      signatures: sign(null),
    },
    termination:
      p.terminatedOn && p.terminatedByPartnerId
        ? { on: p.terminatedOn, partnerId: p.terminatedByPartnerId, reason: p.terminationReason ?? "" }
        : null,
    amendments: loaded.amendments.map((a) => ({
      id: a.id,
      number: a.number,
      title: a.title,
      changes: a.changes,
      proposedAt: a.proposedAt,
      signatures: sign(a.id),
    })),
  };
}

/**
 * Invites a partner's person who already has a login: links the login to the person and, for an organisation's
 * people, grants the partner role on this one partnership (once). Returns the user id, or null when no login
 * has that email yet (the link is made when the account is created).
 */
export async function invitePartnershipLogin(
  db: Db,
  input: {
    personId: string;
    email: string;
    partnershipId: string;
    municipalityId: string;
    grantPartnerRole: boolean;
  },
) {
  const [found] = await db
    .select({ id: user.id })
    .from(user)
    .where(sql`lower(${user.email}) = ${input.email.toLowerCase()}`);
  if (!found) return null;
  await db
    .update(partnershipPeople)
    .set({ userId: found.id, updatedAt: sql`now()` })
    .where(eq(partnershipPeople.id, input.personId));
  if (input.grantPartnerRole) {
    const [existing] = await db
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, found.id),
          eq(roleGrants.role, "partner"),
          eq(roleGrants.partnershipId, input.partnershipId),
        ),
      );
    if (!existing) {
      await db.insert(roleGrants).values({
        userId: found.id,
        municipalityId: input.municipalityId,
        role: "partner",
        councilId: null,
        partnershipId: input.partnershipId,
      });
    }
  }
  return found.id;
}

export type PersonChanges = Partial<{
  name: string;
  email: string | null;
  capacity: string | null;
  contact: boolean;
  signatory: boolean;
  userId: string | null;
}>;

/**
 * Changes one row of a partnership's people or tasks, unless it was removed (removal only marks it, for the audit
 * trail and signatures); false when the row is not, or no longer, in this partnership.
 */
async function changeLiveRow<T extends typeof partnershipPeople | typeof partnershipTasks>(
  db: Db,
  table: T,
  partnershipId: string,
  rowId: string,
  changes: PgUpdateSetSource<T>,
) {
  // drizzle cannot type an update of "one of two tables"; the callers' own change types keep the columns honest
  const rows = await db
    .update(table as typeof partnershipPeople)
    .set({ ...(changes as PgUpdateSetSource<typeof partnershipPeople>), updatedAt: sql`now()` })
    .where(and(eq(table.id, rowId), eq(table.partnershipId, partnershipId), isNull(table.deletedAt)))
    .returning({ id: table.id });
  return rows.length > 0;
}

/** Changes one person of this partnership; false when the person is not (or no longer) in it. */
export async function updatePartnershipPerson(
  db: Db,
  partnershipId: string,
  personId: string,
  changes: PersonChanges,
) {
  return changeLiveRow(db, partnershipPeople, partnershipId, personId, changes);
}

/** Removes a person (kept for the audit trail and signatures, marked deleted); false when not in it. */
export async function removePartnershipPerson(db: Db, partnershipId: string, personId: string) {
  return changeLiveRow(db, partnershipPeople, partnershipId, personId, { deletedAt: sql`now()` });
}

export type TaskChanges = {
  phase: SchedulePhase;
  title: string;
  responsiblePartnerId: string | null;
  responsiblePerson: string | null;
  dueOn: string | null;
};

/** Changes one task of this partnership's work schedule; false when the task is not in it. */
export async function updateTask(db: Db, partnershipId: string, taskId: string, changes: TaskChanges) {
  return changeLiveRow(db, partnershipTasks, partnershipId, taskId, changes);
}

export async function removeTask(db: Db, partnershipId: string, taskId: string) {
  return changeLiveRow(db, partnershipTasks, partnershipId, taskId, { deletedAt: sql`now()` });
}

/**
 * Candidates for the public site: partnerships their partners published and nobody terminated, with the
 * owner municipality. Whether the agreement is in force is the domain's call (publicPartnership).
 */
export function listPublishedPartnerships(db: Db, options: { municipalityId?: string } = {}) {
  return db
    .select({
      id: partnerships.id,
      title: partnerships.title,
      municipalityId: partnerships.municipalityId,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
    })
    .from(partnerships)
    .innerJoin(municipalities, eq(municipalities.id, partnerships.municipalityId))
    .where(
      and(
        eq(partnerships.published, true),
        isNull(partnerships.terminatedOn),
        isNull(partnerships.deletedAt),
        options.municipalityId ? eq(partnerships.municipalityId, options.municipalityId) : undefined,
      ),
    )
    .orderBy(asc(municipalities.name), asc(partnerships.title));
}

/**
 * Which of the given public texts match a search, by the same Danish full-text rules as the rest of the site.
 * The texts are computed by the caller (the text in force is a domain rule), so they are matched here as values.
 */
export async function matchPublicTexts(db: Db, q: string, texts: { id: string; text: string }[]) {
  if (texts.length === 0) return [];
  // One JSON parameter works the same on postgres.js and PGlite, where array parameters differ.
  const body = sql`(t->>'text')`;
  const query = sql`websearch_to_tsquery('danish', ${q})`;
  const rows = await db.execute(sql`
    select t->>'id' as id from json_array_elements(${JSON.stringify(texts)}::json) as t
    where to_tsvector('danish', ${body}) @@ ${query}
    order by ts_rank(to_tsvector('danish', ${body}), ${query}) desc`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string }[];
  return list.map((r) => r.id);
}
