import type { HearingResponseStatus } from "@samraad/domain/hearings";
import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, lifecycleColumns, tsvector } from "./columns.ts";
import { councils } from "./councils.ts";
import { municipalities } from "./municipalities.ts";

export const hearings = pgTable(
  "hearings",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    councilId: uuid("council_id")
      .notNull()
      .references(() => councils.id),
    title: text("title").notNull(),
    plainSummary: text("plain_summary"),
    description: text("description"),
    requestingBody: text("requesting_body").notNull(),
    receivedOn: date("received_on").notNull(),
    responseDeadline: timestamp("response_deadline", { withTimezone: true }).notNull(),
    public: boolean("public").notNull().default(true),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('danish'::regconfig, coalesce(title,'') || ' ' || coalesce(plain_summary,'') || ' ' || coalesce(description,'') || ' ' || coalesce(requesting_body,''))`,
    ),
    ...lifecycleColumns(),
  },
  (t) => [
    index("hearings_council_deadline").on(t.councilId, t.responseDeadline),
    index("hearings_municipality_deadline").on(t.municipalityId, t.responseDeadline),
    index("hearings_search").using("gin", t.search),
  ],
);

/** The council's one response to a hearing: draft → approved → submitted. */
export const hearingResponses = pgTable("hearing_responses", {
  id: id(),
  municipalityId: uuid("municipality_id")
    .notNull()
    .references(() => municipalities.id),
  hearingId: uuid("hearing_id")
    .notNull()
    .unique()
    .references(() => hearings.id),
  body: text("body").notNull(),
  status: text("status").$type<HearingResponseStatus>().notNull().default("draft"),
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  submittedAt: timestamp("submitted_at", { withTimezone: true }),
  ...lifecycleColumns(),
});

export const hearingComments = pgTable(
  "hearing_comments",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    hearingId: uuid("hearing_id")
      .notNull()
      .references(() => hearings.id),
    authorUserId: text("author_user_id").notNull(),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("hearing_comments_hearing").on(t.hearingId, t.createdAt)],
);
