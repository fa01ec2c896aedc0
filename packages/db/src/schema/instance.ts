import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Secrets this installation generates for itself on first start (session signing, encryption of
 * stored webhook URLs), so that a fresh install needs no configuration and every process
 * against one PostgreSQL shares them.
 */
export const instanceSecrets = pgTable("instance_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
