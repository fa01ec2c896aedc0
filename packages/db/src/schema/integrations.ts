import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns.ts";
import { councils } from "./councils.ts";
import { municipalities } from "./municipalities.ts";

/** A Slack or Teams channel linked by an official to one council (never guessed). */
export const chatChannelLinks = pgTable(
  "chat_channel_links",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    councilId: uuid("council_id")
      .notNull()
      .references(() => councils.id),
    platform: text("platform").notNull(),
    /** Slack team id, or the Teams tenant id ("" when unknown) */
    teamId: text("team_id").notNull().default(""),
    channelId: text("channel_id").notNull(),
    /** Teams incoming-webhook / Workflows URL for reminders; encrypted at rest */
    webhookUrlEncrypted: text("webhook_url_encrypted"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("chat_channel_links_channel").on(t.platform, t.teamId, t.channelId)],
);

/**
 * One row per (deadline, offset, channel link): the unique key is what makes a reminder
 * exactly-once across restarts and concurrent workers.
 */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: id(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    channelLinkId: uuid("channel_link_id")
      .notNull()
      .references(() => chatChannelLinks.id),
    deadlineId: text("deadline_id").notNull(),
    offsetDays: integer("offset_days").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    sendAt: timestamp("send_at", { withTimezone: true }).notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reminder_deliveries_once").on(t.channelLinkId, t.deadlineId, t.offsetDays, t.dueAt),
    index("reminder_deliveries_due").on(t.status, t.sendAt),
  ],
);
