import type { ActionStatus, PolicyStatus, Sector } from "@samraad/domain/policy";
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { coCreationProcesses } from "./co-creation.ts";
import { id, lifecycleColumns, tsvector } from "./columns.ts";
import { councils } from "./councils.ts";
import { hearings } from "./hearings.ts";
import { municipalities } from "./municipalities.ts";

const municipalityId = () =>
  uuid("municipality_id")
    .notNull()
    .references(() => municipalities.id);

/** The disability policy (handicappolitik) of a municipality, followed by one council. */
export const policies = pgTable(
  "policies",
  {
    id: id(),
    municipalityId: municipalityId(),
    councilId: uuid("council_id")
      .notNull()
      .references(() => councils.id),
    title: text("title").notNull(),
    vision: text("vision"),
    status: text("status").$type<PolicyStatus>().notNull().default("draft"),
    adoptedOn: date("adopted_on"),
    adoptedBy: text("adopted_by"),
    periodFrom: date("period_from"),
    periodTo: date("period_to"),
    hearingId: uuid("hearing_id").references(() => hearings.id),
    nextFollowUpOn: date("next_follow_up_on"),
    /** When the plan was last put on a meeting's agenda: the next follow-up lists what changed since. */
    lastFollowUpAt: timestamp("last_follow_up_at", { withTimezone: true }),
    ...lifecycleColumns(),
  },
  (t) => [
    index("policies_municipality").on(t.municipalityId, t.status),
    index("policies_municipality_follow_up").on(t.municipalityId, t.nextFollowUpOn),
  ],
);

export const focusAreas = pgTable(
  "focus_areas",
  {
    id: id(),
    municipalityId: municipalityId(),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    title: text("title").notNull(),
    description: text("description"),
    position: integer("position").notNull().default(0),
    ...lifecycleColumns(),
  },
  (t) => [index("focus_areas_policy").on(t.policyId, t.position)],
);

export const goals = pgTable(
  "goals",
  {
    id: id(),
    municipalityId: municipalityId(),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    focusAreaId: uuid("focus_area_id")
      .notNull()
      .references(() => focusAreas.id),
    title: text("title").notNull(),
    description: text("description"),
    position: integer("position").notNull().default(0),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('danish'::regconfig, coalesce(title,'') || ' ' || coalesce(description,''))`,
    ),
    ...lifecycleColumns(),
  },
  (t) => [
    index("goals_focus_area").on(t.focusAreaId, t.position),
    index("goals_search").using("gin", t.search),
  ],
);

export const successCriteria = pgTable(
  "success_criteria",
  {
    id: id(),
    municipalityId: municipalityId(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id),
    indicator: text("indicator").notNull(),
    baseline: text("baseline"),
    target: text("target").notNull(),
    unit: text("unit"),
    measuredOn: date("measured_on"),
    position: integer("position").notNull().default(0),
    ...lifecycleColumns(),
  },
  (t) => [index("success_criteria_goal").on(t.goalId, t.position)],
);

/** Handling · Mål · Tovholder · Hvor/når — the Region Midt conference's form, one row per action. */
export const policyActions = pgTable(
  "policy_actions",
  {
    id: id(),
    municipalityId: municipalityId(),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    focusAreaId: uuid("focus_area_id").references(() => focusAreas.id),
    goalId: uuid("goal_id").references(() => goals.id),
    goalText: text("goal_text"),
    handling: text("handling").notNull(),
    ownerName: text("owner_name"),
    ownerSector: text("owner_sector").$type<Sector>(),
    place: text("place"),
    startsOn: date("starts_on"),
    dueOn: date("due_on"),
    status: text("status").$type<ActionStatus>().notNull().default("not_started"),
    statusReason: text("status_reason"),
    published: boolean("published").notNull().default(true),
    /** A follow-up of a co-creation process: the action came out of it (shown on the process's page). */
    coCreationProcessId: uuid("co_creation_process_id").references(() => coCreationProcesses.id),
    position: integer("position").notNull().default(0),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('danish'::regconfig, coalesce(handling,'') || ' ' || coalesce(goal_text,'') || ' ' || coalesce(owner_name,'') || ' ' || coalesce(place,'') || ' ' || coalesce(status_reason,''))`,
    ),
    ...lifecycleColumns(),
  },
  (t) => [
    index("policy_actions_policy").on(t.policyId, t.position),
    index("policy_actions_municipality_due").on(t.municipalityId, t.dueOn),
    index("policy_actions_updated").on(t.policyId, t.updatedAt),
    index("policy_actions_search").using("gin", t.search),
    index("policy_actions_co_creation_process")
      .on(t.coCreationProcessId)
      .where(sql`co_creation_process_id is not null`),
  ],
);

export const actionProgress = pgTable(
  "action_progress",
  {
    id: id(),
    municipalityId: municipalityId(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => policyActions.id),
    on: date("on").notNull(),
    text: text("text").notNull(),
    status: text("status").$type<ActionStatus>().notNull(),
    percent: smallint("percent"),
    authorName: text("author_name").notNull(),
    ...lifecycleColumns(),
  },
  (t) => [index("action_progress_action").on(t.actionId, t.on)],
);
