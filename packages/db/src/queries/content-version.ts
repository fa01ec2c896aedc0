import { eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { knownVersionsOf } from "../known-versions.ts";
import { meetings, municipalities } from "../schema/index.ts";

/**
 * What a process computed from one municipality's content, kept while that content is unchanged. The database
 * raises `municipalities.content_version` at the commit of every change (migration 0009) and announces it
 * (0017), so a reader asks "still version N?" of the versions this process knows (`KnownVersions`), or with one
 * indexed read when it does not know, instead of reloading; every process against the same database sees a change
 * within milliseconds. Bounded: the least recently used entry goes first.
 */
export class ContentCache<T> {
  readonly #entries = new Map<string, { version: number; value: T }>();
  constructor(readonly capacity = 2000) {}

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  get(key: string, version: number): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version) {
      this.#entries.delete(key);
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: number, value: T): void {
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}

const prepared = new WeakMap<Db, ReturnType<typeof statements>>();

function statements(db: Db) {
  return {
    municipality: db
      .select({ version: municipalities.contentVersion })
      .from(municipalities)
      .where(eq(municipalities.id, sql.placeholder("id")))
      .prepare("content_version"),
    meeting: db
      .select({ municipalityId: municipalities.id, version: municipalities.contentVersion })
      .from(meetings)
      .innerJoin(municipalities, eq(municipalities.id, meetings.municipalityId))
      .where(eq(meetings.id, sql.placeholder("id")))
      .prepare("meeting_content_version"),
  };
}

function statementsFor(db: Db) {
  let s = prepared.get(db);
  if (!s) {
    s = statements(db);
    prepared.set(db, s);
  }
  return s;
}

/** The municipality's content version; null for an unknown municipality. */
export async function contentVersion(db: Db, municipalityId: string): Promise<number | null> {
  const known = knownVersionsOf(db);
  const version = known?.known(municipalityId);
  if (version !== undefined) return version;
  const generation = known?.generation ?? 0;
  const [row] = await statementsFor(db).municipality.execute({ id: municipalityId });
  if (row) known?.learnt(municipalityId, row.version, generation);
  return row?.version ?? null;
}

// A meeting never moves to another municipality, so which one it belongs to is kept (bounded) once read.
const meetingMunicipality = new WeakMap<Db, Map<string, string>>();

/** The content version of the municipality a meeting belongs to; null for an unknown meeting. */
export async function meetingContentVersion(
  db: Db,
  meetingId: string,
): Promise<{ municipalityId: string; version: number } | null> {
  let owners = meetingMunicipality.get(db);
  if (!owners) {
    owners = new Map();
    meetingMunicipality.set(db, owners);
  }
  const owner = owners.get(meetingId);
  if (owner) {
    const version = await contentVersion(db, owner);
    if (version !== null) return { municipalityId: owner, version };
  }
  const known = knownVersionsOf(db);
  const generation = known?.generation ?? 0;
  const [row] = await statementsFor(db).meeting.execute({ id: meetingId });
  if (!row) return null;
  if (owners.size >= 50_000) owners.clear();
  owners.set(meetingId, row.municipalityId);
  known?.learnt(row.municipalityId, row.version, generation);
  return row;
}
