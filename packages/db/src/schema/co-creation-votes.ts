import type { AllocationRule, IdeaAuthorKind, IdeaStatus } from "@samraad/domain/co-creation";
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { coCreationProcesses } from "./co-creation.ts";
import { id, lifecycleColumns } from "./columns.ts";
import { municipalities } from "./municipalities.ts";

const municipalityId = () =>
  uuid("municipality_id")
    .notNull()
    .references(() => municipalities.id);

/** Ideas (forslag) for a process; public only once published by a moderator. */
export const coCreationIdeas = pgTable(
  "co_creation_ideas",
  {
    id: id(),
    municipalityId: municipalityId(),
    processId: uuid("process_id")
      .notNull()
      .references(() => coCreationProcesses.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** Whole kroner; null when the author gave no estimate. */
    estimatedCost: integer("estimated_cost"),
    authorName: text("author_name"),
    showName: boolean("show_name").notNull().default(false),
    authorKind: text("author_kind").$type<IdeaAuthorKind>().notNull().default("citizen"),
    /** For telling the author about moderation; never public. */
    contactEmail: text("contact_email"),
    status: text("status").$type<IdeaStatus>().notNull().default("pending"),
    rejectionReason: text("rejection_reason"),
    mergedIntoId: uuid("merged_into_id"),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    ...lifecycleColumns(),
  },
  (t) => [index("co_creation_ideas_process").on(t.processId, t.status)],
);

/** A citizen-run budget vote; one per process. */
export const coCreationVotes = pgTable(
  "co_creation_votes",
  {
    id: id(),
    municipalityId: municipalityId(),
    processId: uuid("process_id")
      .notNull()
      .references(() => coCreationProcesses.id),
    title: text("title").notNull(),
    area: text("area").notNull(),
    budgetKroner: integer("budget_kroner").notNull(),
    allocation: text("allocation").$type<AllocationRule>().notNull(),
    winnersCount: integer("winners_count"),
    maxChoices: integer("max_choices").notNull(),
    minAge: integer("min_age"),
    residenceRequired: boolean("residence_required").notNull().default(true),
    allowRevote: boolean("allow_revote").notNull().default(false),
    /** Whether voters may also sign in with the municipality's OpenID provider (besides codes and assisted). */
    signInWithOidc: boolean("sign_in_with_oidc").notNull().default(false),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    resultsPublishedAt: timestamp("results_published_at", { withTimezone: true }),
    ...lifecycleColumns(),
  },
  (t) => [unique("co_creation_votes_process").on(t.processId)],
);

const voteId = () =>
  uuid("vote_id")
    .notNull()
    .references(() => coCreationVotes.id);

/** The ideas on the ballot, as they stood when the vote was set up (title and cost are frozen here). */
export const coCreationVoteOptions = pgTable(
  "co_creation_vote_options",
  {
    id: id(),
    municipalityId: municipalityId(),
    voteId: voteId(),
    ideaId: uuid("idea_id").references(() => coCreationIdeas.id),
    title: text("title").notNull(),
    description: text("description"),
    /** Whole kroner; 0 = realised without money. */
    cost: integer("cost").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [unique("co_creation_vote_options_position").on(t.voteId, t.position)],
);

/*
 * THE SECRET BALLOT. Who has voted and what was voted live in tables that share nothing but the vote:
 * - `co_creation_ballot_codes` and `co_creation_voters` say which codes/identities have been used;
 * - `co_creation_ballots` holds the choices under a random id, with no timestamp, no sequence and no
 *   reference to a code or voter.
 * No column, foreign key, timestamp or ordering joins the two (a test reads information_schema to prove it).
 */

/** Single-use codes printed on paper. `used` flips once; there is deliberately no "used at" time. */
export const coCreationBallotCodes = pgTable(
  "co_creation_ballot_codes",
  {
    municipalityId: municipalityId(),
    voteId: voteId(),
    code: text("code").notNull(),
    /** Codes are generated in batches (one printed sheet run each). */
    batch: integer("batch").notNull(),
    used: boolean("used").notNull().default(false),
  },
  (t) => [primaryKey({ name: "co_creation_ballot_codes_pk", columns: [t.voteId, t.code] })],
);

/**
 * Everyone who has voted, as a credential ("code:ACDE-…", or a hashed identity for other ways to vote). The
 * primary key is what makes "exactly once" hold in the database, whatever the application does.
 */
export const coCreationVoters = pgTable(
  "co_creation_voters",
  {
    municipalityId: municipalityId(),
    voteId: voteId(),
    credential: text("credential").notNull(),
  },
  (t) => [primaryKey({ name: "co_creation_voters_pk", columns: [t.voteId, t.credential] })],
);

/** What was voted: random id, the chosen options (sorted), nothing else. */
export const coCreationBallots = pgTable(
  "co_creation_ballots",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    municipalityId: municipalityId(),
    voteId: voteId(),
    choices: uuid("choices").array().notNull(),
    /**
     * Only when the vote allows re-voting: a hash of a receipt shown once to the voter, so only the voter can
     * find this ballot again to replace it.
     */
    receiptHash: text("receipt_hash"),
  },
  (t) => [
    index("co_creation_ballots_vote").on(t.voteId),
    unique("co_creation_ballots_receipt").on(t.receiptHash),
  ],
);
