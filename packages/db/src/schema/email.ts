import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns.ts";
import { evaluationInvitations, evaluations } from "./evaluations.ts";
import { municipalities } from "./municipalities.ts";

const municipalityId = () =>
  uuid("municipality_id")
    .notNull()
    .references(() => municipalities.id);

/**
 * Email waiting to go out through SMTP_URL. A row is written in the same transaction as what it tells about
 * (a sign-up, an invitation), so a crash either keeps both or neither; the outbox worker in the server claims
 * rows with `FOR UPDATE SKIP LOCKED` (any number of processes may run it) and retries with back-off. Once sent,
 * the address and the text (which may hold a private link) are forgotten: only kind, status and times remain.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id(),
    municipalityId: municipalityId(),
    /** what the message is ("co_creation.confirmation", "evaluation.reminder", …), for the officials' overview */
    kind: text("kind").notNull(),
    recipient: text("recipient"),
    subject: text("subject").notNull(),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    /** pending → sending → sent, or retry → … → failed after the last attempt */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sendAt: timestamp("send_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_outbox_due").on(t.status, t.sendAt)],
);

/*
 * Who a questionnaire link was emailed to, so that a reminder reaches those whose link is unused. It points at
 * the link (evaluation_invitations), which knows only whether it was used; the answers (evaluation_responses)
 * have no reference to either table, so an address is never joined to what was answered. A reminder gives the
 * link a new token: the token's hash changes here through the foreign key's ON UPDATE CASCADE.
 */
export const evaluationInvitationEmails = pgTable(
  "evaluation_invitation_emails",
  {
    municipalityId: municipalityId(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "evaluation_invitation_emails_pk", columns: [t.evaluationId, t.tokenHash] }),
    foreignKey({
      name: "evaluation_invitation_emails_link",
      columns: [t.evaluationId, t.tokenHash],
      foreignColumns: [evaluationInvitations.evaluationId, evaluationInvitations.tokenHash],
    })
      .onUpdate("cascade")
      .onDelete("cascade"),
  ],
);
