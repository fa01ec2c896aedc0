import { bigint, pgTable, text } from "drizzle-orm/pg-core";
import { id, lifecycleColumns } from "./columns.ts";

export const municipalities = pgTable("municipalities", {
  id: id(),
  /** URL segment, e.g. "broenderslev" */
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** Danmarks Statistik's four-digit municipality code, e.g. "0810" */
  code: text("code").notNull().unique(),
  website: text("website"),
  /**
   * Raised by the database itself, once per committing transaction that changed any of this municipality's
   * published content (see the content_version migration): caches compare it instead of reloading.
   */
  contentVersion: bigint("content_version", { mode: "number" }).notNull().default(0),
  ...lifecycleColumns(),
});
