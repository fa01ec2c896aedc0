import type { Database } from "../database.ts";

type Client = Record<string, unknown>;

/**
 * Counts the SQL statements a database handle sends, by wrapping the driver call drizzle uses (PGlite's `query`,
 * postgres.js's `unsafe`). For tests and the crawl benchmark; `restore` puts the driver back.
 */
export function countQueries(db: Database) {
  const client = (db as unknown as { $client: Client }).$client;
  const method = typeof client.unsafe === "function" ? "unsafe" : "query";
  const original = client[method] as (...args: unknown[]) => unknown;
  let count = 0;
  client[method] = (...args: unknown[]) => {
    count++;
    return original.apply(client, args);
  };
  return {
    /** queries since the last call */
    take(): number {
      const n = count;
      count = 0;
      return n;
    },
    restore() {
      client[method] = original;
    },
  };
}
