import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { count } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Database, DatabaseKind } from "./database.ts";
import { CONTENT_CHANNEL, KnownVersions, keepVersions } from "./known-versions.ts";
import * as schema from "./schema/index.ts";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

export type OpenedDatabase = {
  db: Database;
  kind: DatabaseKind;
  /** the raw PGlite instance, when embedded (for dumps in tests and the job scheduler) */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type OpenOptions =
  /** PostgreSQL through postgres.js */
  | { url: string; maxConnections?: number }
  /** embedded PGlite persisted to a directory; omit dataDir for an in-memory database */
  | { dataDir?: string; loadDataDir?: Blob };

/** Opens the database and brings its schema up to date before anyone can use it. */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  if ("url" in options) return openPostgres(options.url, options.maxConnections);
  return openEmbedded(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, maxConnections = 10): Promise<OpenedDatabase> {
  const client = preparingEveryStatement(postgres(url, { max: maxConnections, onnotice: () => {} }));
  const known = new KnownVersions();
  const db = drizzlePostgres(client, { schema, logger: known.statements });
  // Several stateless processes may start at once against one server: one migrates, the others wait.
  const lock = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(7241001)`;
    await migratePostgres(drizzlePostgres(lock), { migrationsFolder });
    await lock`select pg_advisory_unlock(7241001)`;
  } finally {
    await lock.end();
  }
  // postgres.js listens on a connection of its own and calls the third argument again after each reconnect.
  await client.listen(
    CONTENT_CHANNEL,
    (payload) => known.announced(payload),
    () => known.listening(),
  );
  keepVersions(db as unknown as Database, known);
  return { db: db as unknown as Database, kind: "postgres", close: () => client.end() };
}

/**
 * drizzle asks postgres.js to prepare only queries given a name, so every other statement is parsed and
 * planned anew on each call — for this product's queries that costs as much as running them (measured in
 * tooling/bench). postgres.js keeps prepared statements per connection, and connections are recycled
 * (max_lifetime), so the cache stays bounded. Behind PgBouncer in transaction mode, set its
 * max_prepared_statements.
 */
function preparingEveryStatement(client: postgres.Sql): postgres.Sql {
  const unsafe = client.unsafe.bind(client);
  client.unsafe = ((
    query: string,
    parameters?: postgres.ParameterOrJSON<never>[],
    options?: postgres.UnsafeQueryOptions,
  ) => unsafe(query, parameters, { ...options, prepare: true })) as typeof client.unsafe;
  return client;
}

async function openEmbedded(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
): Promise<OpenedDatabase> {
  const releaseLock = dataDir ? acquireDataDirLock(dataDir) : () => {};
  try {
    const pglite = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}) });
    await pglite.waitReady;
    const known = new KnownVersions();
    const db = drizzlePglite(pglite, { schema, logger: known.statements });
    await migratePglite(db, { migrationsFolder });
    // PGlite hands a notification to its listeners before the statement that committed it resolves, so in the
    // embedded database even a write that bypasses drizzle is known at once.
    await pglite.listen(CONTENT_CHANNEL, (payload) => known.announced(payload));
    known.listening();
    keepVersions(db as unknown as Database, known);
    return {
      db: db as unknown as Database,
      kind: "embedded",
      pglite,
      close: async () => {
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid}. ` +
        "PGlite has no lock of its own, and two processes on one data directory silently diverge: " +
        "stop the other process, or set SAMRAAD_DATA_DIR to another directory.",
    );
  }
}

/** PGlite has no cross-process lock: a lock file with our PID refuses a second process. */
function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "samraad.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new DataDirInUseError(dataDir, holder);
      }
      // A stale lock from a process that died: take it over.
      if (existsSync(lockFile)) rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when the database holds no municipality yet (demo seeding only touches an empty database). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(schema.municipalities);
  return (row?.n ?? 0) === 0;
}
