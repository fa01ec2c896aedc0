import type {
  AgreementSection,
  PartnerKind,
  SchedulePhase,
  SteeringRole,
} from "@samraad/domain/partnerships";
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { coCreationProcesses } from "./co-creation.ts";
import { id, lifecycleColumns } from "./columns.ts";
import { councils } from "./councils.ts";
import { municipalities } from "./municipalities.ts";

/** The owner municipality: it created the partnership and administers its partner grants. */
const ownerId = () =>
  uuid("municipality_id")
    .notNull()
    .references(() => municipalities.id);

const partnershipId = () =>
  uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id);

/**
 * A partnership between municipalities and user organisations. The agreement's duration and the answers to the
 * model's questions live on this row; sections, amendments and signatures in their own tables.
 */
export const partnerships = pgTable(
  "partnerships",
  {
    id: id(),
    municipalityId: ownerId(),
    /** The council that follows the partnership (e.g. the Handicapråd): its deadlines appear there. */
    councilId: uuid("council_id").references(() => councils.id),
    title: text("title").notNull(),
    task: text("task"),
    stage: smallint("stage").notNull().default(1),
    answers: jsonb("answers").$type<Record<string, string>>().notNull().default({}),
    /** Fixed end date or ongoing with a yearly evaluation date; both null while undecided. */
    endsOn: date("ends_on"),
    evaluationOn: date("evaluation_on"),
    familiesRecruited: integer("families_recruited").notNull().default(0),
    firstSessionOn: date("first_session_on"),
    recruitmentStartsOn: date("recruitment_starts_on"),
    volunteerCoordinator: text("volunteer_coordinator"),
    published: boolean("published").notNull().default(false),
    /** Set when a partner terminated the ongoing agreement at a yearly evaluation. */
    terminatedOn: date("terminated_on"),
    terminatedByPartnerId: uuid("terminated_by_partner_id"),
    terminationReason: text("termination_reason"),
    /** Set when the agreement is the outcome of a co-creation process: a cooperation agreement (samarbejdsaftale). */
    coCreationProcessId: uuid("co_creation_process_id").references(() => coCreationProcesses.id),
    ...lifecycleColumns(),
  },
  (t) => [
    index("partnerships_municipality").on(t.municipalityId),
    index("partnerships_council").on(t.councilId),
    uniqueIndex("partnerships_co_creation_process")
      .on(t.coCreationProcessId)
      .where(sql`co_creation_process_id is not null and deleted_at is null`),
  ],
);

/**
 * Each partner of a partnership. A municipality partner names its municipality, so a partnership can span
 * several municipalities and each one's administrators reach it (through this table, not the owner column).
 */
export const partnershipPartners = pgTable(
  "partnership_partners",
  {
    id: id(),
    partnershipId: partnershipId(),
    kind: text("kind").$type<PartnerKind>().notNull(),
    name: text("name").notNull(),
    municipalityId: uuid("municipality_id").references(() => municipalities.id),
    position: integer("position").notNull().default(0),
    ...lifecycleColumns(),
  },
  (t) => [
    index("partnership_partners_partnership").on(t.partnershipId, t.position),
    index("partnership_partners_municipality").on(t.municipalityId),
  ],
);

/** Contact people and signatories of a partner; a signatory signs with the linked login. */
export const partnershipPeople = pgTable(
  "partnership_people",
  {
    id: id(),
    municipalityId: ownerId(),
    partnershipId: partnershipId(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partnershipPartners.id),
    name: text("name").notNull(),
    email: text("email"),
    capacity: text("capacity"),
    contact: boolean("contact").notNull().default(false),
    signatory: boolean("signatory").notNull().default(false),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    ...lifecycleColumns(),
  },
  (t) => [index("partnership_people_partnership").on(t.partnershipId, t.partnerId)],
);

/** One row per agreement section; `version` grows with each save so a stale edit is refused, not lost. */
export const partnershipSections = pgTable(
  "partnership_sections",
  {
    id: id(),
    municipalityId: ownerId(),
    partnershipId: partnershipId(),
    section: text("section").$type<AgreementSection>().notNull(),
    text: text("text").notNull().default(""),
    version: integer("version").notNull().default(0),
    updatedBy: text("updated_by"),
    ...lifecycleColumns(),
  },
  (t) => [unique("partnership_sections_unique").on(t.partnershipId, t.section)],
);

/** A tillæg: replaced section texts, valid once every partner's signatories have signed. */
export const partnershipAmendments = pgTable(
  "partnership_amendments",
  {
    id: id(),
    municipalityId: ownerId(),
    partnershipId: partnershipId(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    changes: jsonb("changes").$type<Partial<Record<AgreementSection, string>>>().notNull(),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    ...lifecycleColumns(),
  },
  (t) => [unique("partnership_amendments_number").on(t.partnershipId, t.number)],
);

/**
 * Who signed what, in what capacity, when: a copy of the signatory's name and capacity at the time.
 * `amendment_id` null = the agreement itself. Each signatory signs a document once.
 */
export const partnershipSignatures = pgTable(
  "partnership_signatures",
  {
    id: id(),
    municipalityId: ownerId(),
    partnershipId: partnershipId(),
    amendmentId: uuid("amendment_id").references(() => partnershipAmendments.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partnershipPartners.id),
    signatoryId: uuid("signatory_id")
      .notNull()
      .references(() => partnershipPeople.id),
    userId: text("user_id").notNull(),
    name: text("name").notNull(),
    capacity: text("capacity").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("partnership_signatures_agreement")
      .on(t.partnershipId, t.signatoryId)
      .where(sql`amendment_id is null`),
    uniqueIndex("partnership_signatures_amendment")
      .on(t.amendmentId, t.signatoryId)
      .where(sql`amendment_id is not null`),
  ],
);

export const partnershipSteeringMembers = pgTable(
  "partnership_steering_members",
  {
    id: id(),
    municipalityId: ownerId(),
    partnershipId: partnershipId(),
    name: text("name").notNull(),
    role: text("role").$type<SteeringRole>().notNull(),
    partnerId: uuid("partner_id").references(() => partnershipPartners.id),
    lead: boolean("lead").notNull().default(false),
    ...lifecycleColumns(),
  },
  (t) => [index("partnership_steering_partnership").on(t.partnershipId)],
);

/** The work schedule (Bilag A): tasks by phase, each with a responsible partner, person and date. */
export const partnershipTasks = pgTable(
  "partnership_tasks",
  {
    id: id(),
    municipalityId: ownerId(),
    partnershipId: partnershipId(),
    phase: text("phase").$type<SchedulePhase>().notNull(),
    title: text("title").notNull(),
    responsiblePartnerId: uuid("responsible_partner_id").references(() => partnershipPartners.id),
    responsiblePerson: text("responsible_person"),
    dueOn: date("due_on"),
    doneOn: date("done_on"),
    position: integer("position").notNull().default(0),
    ...lifecycleColumns(),
  },
  (t) => [
    index("partnership_tasks_partnership").on(t.partnershipId, t.phase, t.position),
    index("partnership_tasks_open_due")
      .on(t.partnershipId, t.dueOn)
      .where(sql`done_on is null and deleted_at is null`),
  ],
);
