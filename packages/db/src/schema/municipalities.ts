import { pgTable, text } from "drizzle-orm/pg-core";
import { id, lifecycleColumns } from "./columns.ts";

export const municipalities = pgTable("municipalities", {
  id: id(),
  /** URL segment, e.g. "broenderslev" */
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** Danmarks Statistik's four-digit municipality code, e.g. "0810" */
  code: text("code").notNull().unique(),
  website: text("website"),
  ...lifecycleColumns(),
});
