import type { CouncilType, MembershipRole, MembershipSeat, MembershipSide } from "@samraad/domain/councils";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import { councils, memberships, people, terms } from "../schema/index.ts";

export const councilColumns = {
  id: councils.id,
  municipalityId: councils.municipalityId,
  slug: councils.slug,
  name: councils.name,
  type: councils.type,
  purpose: councils.purpose,
  agendaCutoffWorkingDays: councils.agendaCutoffWorkingDays,
  minutesCorrectionDays: councils.minutesCorrectionDays,
  meetingsPerYear: councils.meetingsPerYear,
  reminderOffsetsDays: councils.reminderOffsetsDays,
  updatedAt: councils.updatedAt,
};

export function listCouncils(db: Db, municipalityId: string) {
  return db
    .select(councilColumns)
    .from(councils)
    .where(and(eq(councils.municipalityId, municipalityId), isNull(councils.deletedAt)))
    .orderBy(asc(councils.name));
}

export async function findCouncil(db: Db, municipalityId: string, by: { id: string } | { slug: string }) {
  const [row] = await db
    .select(councilColumns)
    .from(councils)
    .where(
      and(
        eq(councils.municipalityId, municipalityId),
        "id" in by ? eq(councils.id, by.id) : eq(councils.slug, by.slug),
        isNull(councils.deletedAt),
      ),
    );
  return row ?? null;
}

/** Looks a council up by id alone; callers then authorise against its municipality. */
export async function findCouncilById(db: Db, councilId: string) {
  const [row] = await db
    .select(councilColumns)
    .from(councils)
    .where(and(eq(councils.id, councilId), isNull(councils.deletedAt)));
  return row ?? null;
}

export type CouncilValues = {
  name: string;
  slug: string;
  type: CouncilType;
  purpose: string | null;
  agendaCutoffWorkingDays?: number;
  minutesCorrectionDays?: number;
  meetingsPerYear?: number;
  reminderOffsetsDays?: number[];
};

export async function insertCouncil(db: Db, municipalityId: string, values: CouncilValues) {
  const [row] = await db
    .insert(councils)
    .values({ municipalityId, ...values })
    .returning(councilColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateCouncil(
  db: Db,
  municipalityId: string,
  councilId: string,
  values: Partial<CouncilValues>,
) {
  const [row] = await db
    .update(councils)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(councils.id, councilId), eq(councils.municipalityId, municipalityId)))
    .returning(councilColumns);
  return row ?? null;
}

export function listTerms(db: Db, municipalityId: string, councilId: string) {
  return db
    .select({ id: terms.id, name: terms.name, startsOn: terms.startsOn, endsOn: terms.endsOn })
    .from(terms)
    .where(
      and(eq(terms.municipalityId, municipalityId), eq(terms.councilId, councilId), isNull(terms.deletedAt)),
    )
    .orderBy(asc(terms.startsOn));
}

export async function insertTerm(
  db: Db,
  municipalityId: string,
  values: { councilId: string; name: string; startsOn: string; endsOn: string },
) {
  const [row] = await db
    .insert(terms)
    .values({ municipalityId, ...values })
    .returning({ id: terms.id, name: terms.name, startsOn: terms.startsOn, endsOn: terms.endsOn });
  if (!row) throw new Error("insert returned no row");
  return row;
}

export const membershipColumns = {
  membershipId: memberships.id,
  personId: memberships.personId,
  personName: people.name,
  publicName: people.publicName,
  livesInMunicipality: people.livesInMunicipality,
  side: memberships.side,
  seat: memberships.seat,
  role: memberships.role,
  votingRight: memberships.votingRight,
  startsOn: memberships.startsOn,
  endsOn: memberships.endsOn,
  endReason: memberships.endReason,
  nominatedBy: memberships.nominatedBy,
  substituteForMembershipId: memberships.substituteForMembershipId,
};

/** Every membership of a council, past and present: the history of who sat when. */
export function listMemberships(db: Db, municipalityId: string, councilId: string) {
  return db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.municipalityId, municipalityId),
        eq(memberships.councilId, councilId),
        isNull(memberships.deletedAt),
      ),
    )
    .orderBy(asc(memberships.startsOn), asc(people.name));
}

export async function insertPerson(
  db: Db,
  municipalityId: string,
  values: { name: string; email: string | null; publicName: boolean; livesInMunicipality: boolean | null },
) {
  const [row] = await db
    .insert(people)
    .values({ municipalityId, ...values })
    .returning({ id: people.id, name: people.name });
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findPerson(db: Db, municipalityId: string, personId: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.municipalityId, municipalityId), isNull(people.deletedAt)));
  return row ?? null;
}

export function listPeople(db: Db, municipalityId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email, publicName: people.publicName })
    .from(people)
    .where(and(eq(people.municipalityId, municipalityId), isNull(people.deletedAt)))
    .orderBy(asc(people.name));
}

export type MembershipValues = {
  councilId: string;
  personId: string;
  side: MembershipSide;
  seat: MembershipSeat;
  role: MembershipRole;
  votingRight: boolean;
  startsOn: string;
  endsOn: string | null;
  nominatedBy: string | null;
  substituteForMembershipId: string | null;
};

export async function insertMembership(db: Db, municipalityId: string, values: MembershipValues) {
  const [row] = await db
    .insert(memberships)
    .values({ municipalityId, ...values })
    .returning({ id: memberships.id });
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function endMembershipRow(
  db: Db,
  municipalityId: string,
  membershipId: string,
  endsOn: string,
  endReason: string | null,
) {
  const [row] = await db
    .update(memberships)
    .set({ endsOn, endReason, updatedAt: new Date() })
    .where(and(eq(memberships.id, membershipId), eq(memberships.municipalityId, municipalityId)))
    .returning({ id: memberships.id });
  return row ?? null;
}

export async function findMembershipOwner(db: Db, membershipId: string) {
  const [row] = await db
    .select({ municipalityId: memberships.municipalityId, councilId: memberships.councilId })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), isNull(memberships.deletedAt)));
  return row ?? null;
}
