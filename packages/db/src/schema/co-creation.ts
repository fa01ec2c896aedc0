import type { PhaseKind, ProcessStatus, RegistrationStatus } from "@samraad/domain/co-creation";
import { boolean, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { id, lifecycleColumns } from "./columns.ts";
import { councils } from "./councils.ts";
import { municipalities } from "./municipalities.ts";

const municipalityId = () =>
  uuid("municipality_id")
    .notNull()
    .references(() => municipalities.id);

/**
 * A co-creation process (samskabelsesforløb) of a municipality, optionally followed by a council whose
 * secretary organises it. Its slug is its public address under the municipality.
 */
export const coCreationProcesses = pgTable(
  "co_creation_processes",
  {
    id: id(),
    municipalityId: municipalityId(),
    councilId: uuid("council_id").references(() => councils.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    purpose: text("purpose").notNull(),
    audience: text("audience"),
    area: text("area"),
    status: text("status").$type<ProcessStatus>().notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    ...lifecycleColumns(),
  },
  (t) => [
    unique("co_creation_processes_slug").on(t.municipalityId, t.slug),
    index("co_creation_processes_council").on(t.councilId),
  ],
);

const processId = () =>
  uuid("process_id")
    .notNull()
    .references(() => coCreationProcesses.id);

/** Phases with calendar dates (inclusive); the current one is computed from them, never stored. */
export const coCreationPhases = pgTable(
  "co_creation_phases",
  {
    id: id(),
    municipalityId: municipalityId(),
    processId: processId(),
    kind: text("kind").$type<PhaseKind>().notNull(),
    title: text("title").notNull(),
    description: text("description"),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    position: integer("position").notNull().default(0),
    ...lifecycleColumns(),
  },
  (t) => [index("co_creation_phases_process").on(t.processId, t.startsOn)],
);

/** Workshops, idea meetings, food Saturdays: a time, a place with its accessibility facts, and places. */
export const coCreationSessions = pgTable(
  "co_creation_sessions",
  {
    id: id(),
    municipalityId: municipalityId(),
    processId: processId(),
    title: text("title").notNull(),
    description: text("description"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    place: text("place").notNull(),
    address: text("address"),
    stepFree: boolean("step_free").notNull().default(false),
    hearingLoop: boolean("hearing_loop").notNull().default(false),
    signLanguageOnRequest: boolean("sign_language_on_request").notNull().default(false),
    childcare: boolean("childcare").notNull().default(false),
    accessibilityNote: text("accessibility_note"),
    /** Null = no limit. */
    capacity: integer("capacity"),
    registrationDeadline: timestamp("registration_deadline", { withTimezone: true }),
    waitingList: boolean("waiting_list").notNull().default(true),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    ...lifecycleColumns(),
  },
  (t) => [index("co_creation_sessions_process").on(t.processId, t.startsAt)],
);

/**
 * A sign-up. `needs` (diet, access) is for the organisers only and never leaves the admin API. The cancel
 * token is the citizen's way to cancel without an account (a link on the confirmation page and email).
 */
export const coCreationRegistrations = pgTable(
  "co_creation_registrations",
  {
    id: id(),
    municipalityId: municipalityId(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => coCreationSessions.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    needs: text("needs"),
    status: text("status").$type<RegistrationStatus>().notNull(),
    cancelToken: text("cancel_token").notNull().unique(),
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("co_creation_registrations_session").on(t.sessionId, t.status, t.createdAt)],
);
