import type { Role } from "@samraad/domain/access";
import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { councils } from "./councils.ts";
import { municipalities } from "./municipalities.ts";
import { partnerships } from "./partnerships.ts";

/**
 * What a user may do, per municipality: administrator (everything in it), secretary (the councils
 * assigned), member (read a council's non-public papers, draft and comment on hearing responses).
 * A user may hold several grants; secretary and member grants name a council.
 */
export const roleGrants = pgTable(
  "role_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    role: text("role").$type<Role>().notNull(),
    councilId: uuid("council_id").references(() => councils.id),
    /** Set for the partner role: the one partnership it opens. */
    partnershipId: uuid("partnership_id").references(() => partnerships.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("role_grants_unique").on(t.userId, t.municipalityId, t.role, t.councilId),
    index("role_grants_user").on(t.userId),
  ],
);
