// The one place that depends on drizzle-orm: callers use these helpers, so there is one copy of its types.
export {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  sql,
} from "drizzle-orm";
export type { Database, DatabaseKind, Db, Transaction } from "./database.ts";
export { DataDirInUseError, isEmpty, type OpenedDatabase, type OpenOptions, openDatabase } from "./open.ts";
