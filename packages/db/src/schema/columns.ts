import { sql } from "drizzle-orm";
import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every row has a UUID primary key; gen_random_uuid() exists on PostgreSQL 15 and PGlite alike (uuidv7 does not). */
export const id = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);

/**
 * created/modified/deleted on every published object: OParl harvesters sync with
 * created_since/modified_since and must see deletions (deleted objects stay listed).
 */
export const lifecycleColumns = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
});

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** Generated, stored tsvector (virtual generated columns do not exist on PostgreSQL 15). */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
