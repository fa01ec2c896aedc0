import type {
  Conclusion,
  CriterionOutcome,
  EvaluationKind,
  EvaluationResponsibles,
  EvaluationStatus,
  EvaluationSubjectType,
  Questionnaire,
  ResponseAnswers,
  ResponseMode,
} from "@samraad/domain/evaluations";
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { id, lifecycleColumns } from "./columns.ts";
import { councils } from "./councils.ts";
import { municipalities } from "./municipalities.ts";

const municipalityId = () =>
  uuid("municipality_id")
    .notNull()
    .references(() => municipalities.id);

/**
 * "Did it work?" of one subject: a policy, one of its goals, a partnership or a co-creation process. The subject
 * is named by type and id (one capability serves all three); the questionnaire travels with the evaluation, as
 * the official adapted it from a template.
 */
export const evaluations = pgTable(
  "evaluations",
  {
    id: id(),
    municipalityId: municipalityId(),
    /** the council that follows the subject; its deadlines show there */
    councilId: uuid("council_id").references(() => councils.id),
    subjectType: text("subject_type").$type<EvaluationSubjectType>().notNull(),
    subjectId: uuid("subject_id").notNull(),
    kind: text("kind").$type<EvaluationKind>().notNull(),
    title: text("title").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    status: text("status").$type<EvaluationStatus>().notNull().default("planned"),
    responseMode: text("response_mode").$type<ResponseMode>().notNull().default("anonymous"),
    responsibles: jsonb("responsibles").$type<EvaluationResponsibles>().notNull(),
    questionnaire: jsonb("questionnaire").$type<Questionnaire>().notNull(),
    closesOn: date("closes_on"),
    reminderDates: date("reminder_dates").array().notNull().default(sql`'{}'::date[]`),
    meetingAt: timestamp("meeting_at", { withTimezone: true }),
    conclusion: jsonb("conclusion").$type<Conclusion>(),
    concludedAt: timestamp("concluded_at", { withTimezone: true }),
    published: boolean("published").notNull().default(false),
    ...lifecycleColumns(),
  },
  (t) => [
    index("evaluations_subject").on(t.municipalityId, t.subjectType, t.subjectId),
    index("evaluations_council").on(t.municipalityId, t.councilId, t.status),
  ],
);

const evaluationId = () =>
  uuid("evaluation_id")
    .notNull()
    .references(() => evaluations.id);

/**
 * Criteria stated at the start for a partnership or process (a policy's own goals keep theirs in
 * success_criteria, which measurements reference directly).
 */
export const evaluationCriteria = pgTable(
  "evaluation_criteria",
  {
    id: id(),
    municipalityId: municipalityId(),
    evaluationId: evaluationId(),
    indicator: text("indicator").notNull(),
    baseline: text("baseline"),
    target: text("target").notNull(),
    unit: text("unit"),
    position: integer("position").notNull().default(0),
    ...lifecycleColumns(),
  },
  (t) => [index("evaluation_criteria_evaluation").on(t.evaluationId, t.position)],
);

/**
 * A value measured for a criterion (a success_criteria row of the policy, or an evaluation_criteria row), with an
 * official's judgement where the value cannot be compared as a number.
 */
export const evaluationMeasurements = pgTable(
  "evaluation_measurements",
  {
    id: id(),
    municipalityId: municipalityId(),
    evaluationId: evaluationId(),
    criterionId: uuid("criterion_id").notNull(),
    measuredOn: date("measured_on").notNull(),
    value: text("value").notNull(),
    note: text("note"),
    judgement: text("judgement").$type<CriterionOutcome>(),
    ...lifecycleColumns(),
  },
  (t) => [index("evaluation_measurements_evaluation").on(t.evaluationId, t.criterionId)],
);

/*
 * ANONYMOUS ANSWERS. Who was invited (and whether they have answered) and what was answered live in tables that
 * share nothing but the evaluation:
 * - `evaluation_invitations` holds a hash of each single-use link's token and a flag `answered` — no time;
 * - `evaluation_responses` holds the answers under a random id, with no timestamp, no sequence and no reference
 *   to an invitation, token or user.
 * A test reads information_schema to prove there is no join path.
 * - `evaluation_drafts` holds, for a long questionnaire answered in pages, the answers given so far under the
 *   link's token hash, so the respondent can leave and come back with the same link. That is the one place a link
 *   and answers meet, and only until the respondent sends: the draft is deleted in the transaction that stores
 *   the response (and any unfinished draft when the evaluation concludes), so no stored answer keeps a link.
 */

/** One single-use link. The token itself is shown once to the official and never stored. */
export const evaluationInvitations = pgTable(
  "evaluation_invitations",
  {
    municipalityId: municipalityId(),
    evaluationId: evaluationId(),
    /** sha-256 of the token, hex */
    tokenHash: text("token_hash").notNull(),
    /** what the official wrote to tell links apart ("Hold 2", an e-mail address for reminders) */
    label: text("label"),
    answered: boolean("answered").notNull().default(false),
  },
  (t) => [primaryKey({ name: "evaluation_invitations_pk", columns: [t.evaluationId, t.tokenHash] })],
);

/** What was answered: random id, the answers, and (only in a named evaluation) the name the respondent gave. */
export const evaluationResponses = pgTable(
  "evaluation_responses",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    municipalityId: municipalityId(),
    evaluationId: evaluationId(),
    answers: jsonb("answers").$type<ResponseAnswers>().notNull(),
    respondentName: text("respondent_name"),
  },
  (t) => [index("evaluation_responses_evaluation").on(t.evaluationId)],
);

/**
 * Answers given so far on earlier pages, keyed by the link's token hash (never the token, never a user), with no
 * time. Deleted when the response is sent and when the evaluation concludes; never read by anything but the link.
 */
export const evaluationDrafts = pgTable(
  "evaluation_drafts",
  {
    municipalityId: municipalityId(),
    evaluationId: evaluationId(),
    tokenHash: text("token_hash").notNull(),
    answers: jsonb("answers").$type<ResponseAnswers>().notNull(),
    respondentName: text("respondent_name"),
    /** the page to come back to */
    page: integer("page").notNull().default(1),
  },
  (t) => [primaryKey({ name: "evaluation_drafts_pk", columns: [t.evaluationId, t.tokenHash] })],
);
