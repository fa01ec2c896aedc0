import type { MeetingStatus } from "@samraad/domain/meetings";
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, id, lifecycleColumns, tsvector } from "./columns.ts";
import { councils } from "./councils.ts";
import { hearings } from "./hearings.ts";
import { municipalities } from "./municipalities.ts";

export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    councilId: uuid("council_id")
      .notNull()
      .references(() => councils.id),
    title: text("title"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    location: text("location").notNull(),
    status: text("status").$type<MeetingStatus>().notNull().default("planned"),
    agendaPublishedAt: timestamp("agenda_published_at", { withTimezone: true }),
    heldAt: timestamp("held_at", { withTimezone: true }),
    minutesPublishedAt: timestamp("minutes_published_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancellationReason: text("cancellation_reason"),
    /** ansvarlig redaktør shown under published minutes */
    responsibleEditor: text("responsible_editor"),
    ...lifecycleColumns(),
  },
  (t) => [
    index("meetings_council_starts").on(t.councilId, t.startsAt),
    index("meetings_municipality_starts").on(t.municipalityId, t.startsAt),
    index("meetings_updated").on(t.municipalityId, t.updatedAt),
  ],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    plainSummary: text("plain_summary"),
    summary: text("summary"),
    caseHistory: text("case_history"),
    casePresentation: text("case_presentation"),
    recommendation: text("recommendation"),
    guests: text("guests"),
    decision: text("decision"),
    closed: boolean("closed").notNull().default(false),
    /** the hearing this item treats, if any (the council discusses its response at a meeting) */
    hearingId: uuid("hearing_id").references(() => hearings.id),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('danish'::regconfig, coalesce(title,'') || ' ' || coalesce(plain_summary,'') || ' ' || coalesce(summary,'') || ' ' || coalesce(case_presentation,'') || ' ' || coalesce(recommendation,'') || ' ' || coalesce(decision,''))`,
    ),
    ...lifecycleColumns(),
  },
  (t) => [
    index("agenda_items_meeting").on(t.meetingId, t.position),
    // OParl pages walk one municipality's rows in id order, and find the items that treated a hearing
    index("agenda_items_municipality_id").on(t.municipalityId, t.id),
    index("agenda_items_hearing").on(t.hearingId),
    index("agenda_items_search").using("gin", t.search),
  ],
);

export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    hearingId: uuid("hearing_id").references(() => hearings.id),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha512: text("sha512").notNull(),
    /** stored in the database so that one backup holds everything */
    content: bytea("content").notNull(),
    /** extracted plain text, when extractable (OParl File.text, search) */
    text: text("text"),
    ...lifecycleColumns(),
  },
  (t) => [
    index("attachments_item").on(t.agendaItemId),
    index("attachments_hearing").on(t.hearingId),
    index("attachments_municipality_id").on(t.municipalityId, t.id),
  ],
);
