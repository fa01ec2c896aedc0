import type { CouncilType, MembershipRole, MembershipSeat, MembershipSide } from "@samraad/domain/councils";
import { boolean, date, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, lifecycleColumns } from "./columns.ts";
import { municipalities } from "./municipalities.ts";

export const councils = pgTable(
  "councils",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    type: text("type").$type<CouncilType>().notNull(),
    purpose: text("purpose"),
    agendaCutoffWorkingDays: integer("agenda_cutoff_working_days").notNull().default(5),
    minutesCorrectionDays: integer("minutes_correction_days").notNull().default(8),
    meetingsPerYear: integer("meetings_per_year").notNull().default(4),
    reminderOffsetsDays: jsonb("reminder_offsets_days").$type<number[]>().notNull().default([7, 1]),
    ...lifecycleColumns(),
  },
  (t) => [unique("councils_municipality_slug").on(t.municipalityId, t.slug)],
);

export const terms = pgTable(
  "terms",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    councilId: uuid("council_id")
      .notNull()
      .references(() => councils.id),
    name: text("name").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    ...lifecycleColumns(),
  },
  (t) => [index("terms_council").on(t.councilId, t.startsOn)],
);

export const people = pgTable(
  "people",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    name: text("name").notNull(),
    email: text("email"),
    /** false: the name is withheld from the public site and open data (shown as a role only) */
    publicName: boolean("public_name").notNull().default(true),
    livesInMunicipality: boolean("lives_in_municipality"),
    ...lifecycleColumns(),
  },
  (t) => [index("people_municipality").on(t.municipalityId)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    councilId: uuid("council_id")
      .notNull()
      .references(() => councils.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    side: text("side").$type<MembershipSide>().notNull(),
    seat: text("seat").$type<MembershipSeat>().notNull(),
    role: text("role").$type<MembershipRole>().notNull(),
    votingRight: boolean("voting_right").notNull().default(true),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    endReason: text("end_reason"),
    nominatedBy: text("nominated_by"),
    /** set when this membership is the personal substitute (stedfortræder) of another */
    substituteForMembershipId: uuid("substitute_for_membership_id"),
    ...lifecycleColumns(),
  },
  (t) => [
    index("memberships_council").on(t.councilId, t.startsOn),
    index("memberships_person").on(t.personId),
    index("memberships_substitute_for").on(t.substituteForMembershipId),
  ],
);
