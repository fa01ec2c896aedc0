import type { Database, Db } from "./database.ts";

/** The channel the database announces each new content version on (migration 0017): "<municipality id> <version>". */
export const CONTENT_CHANNEL = "samraad_content";

/**
 * The municipalities' content versions as this process last learnt them, so that a warm read — "is the kept
 * answer still current?" — asks the database nothing.
 *
 * It is told in three ways, and trusts what it knows only while all three hold:
 * - the database announces every committed raise (LISTEN/NOTIFY); another process's change arrives within
 *   milliseconds of its commit;
 * - a write statement sent through this process's own handle forgets everything at once, so a user who saves and
 *   then reads sees the save even before the announcement arrives;
 * - a version is trusted for `trustMs` at most since it was last read or announced, so a lost announcement (a
 *   dropped listening connection) costs at most that long, and while nobody is listening nothing is trusted.
 */
export class KnownVersions {
  readonly #versions = new Map<string, { version: number; at: number }>();
  #listening = false;
  #generation = 0;

  constructor(
    readonly trustMs = 1_000,
    readonly clock: () => number = () => performance.now(),
    readonly capacity = 10_000,
  ) {}

  /** The version, when known and trusted; undefined means "ask the database". */
  known(municipalityId: string): number | undefined {
    if (!this.#listening) return undefined;
    const entry = this.#versions.get(municipalityId);
    if (!entry || this.clock() - entry.at > this.trustMs) return undefined;
    return entry.version;
  }

  /** Taken before a read, handed back with its answer: a read that overlapped a local write is not kept. */
  get generation(): number {
    return this.#generation;
  }

  /** A version read from the database by a read that started at `generation`. */
  learnt(municipalityId: string, version: number, generation: number): void {
    if (generation === this.#generation) this.#raise(municipalityId, version);
  }

  /** An announcement from the database. */
  announced(payload: string): void {
    const [municipalityId, version] = payload.split(" ");
    const parsed = Number(version);
    if (municipalityId && Number.isInteger(parsed)) this.#raise(municipalityId, parsed);
  }

  /** Listening began, or began again after a lost connection: announcements may have been missed meanwhile. */
  listening(): void {
    this.#listening = true;
    this.forget();
  }

  forget(): void {
    this.#versions.clear();
    this.#generation++;
  }

  /** For drizzle's `logger`: every statement this process sends passes here before it runs. */
  readonly statements = {
    logQuery: (query: string) => {
      if (!READ.test(query)) this.forget();
    },
  };

  /** Versions only rise, so an older answer arriving late never replaces a newer one. */
  #raise(municipalityId: string, version: number): void {
    const entry = this.#versions.get(municipalityId);
    if (entry && entry.version > version) {
      entry.at = this.clock();
      return;
    }
    if (!entry && this.#versions.size >= this.capacity) this.#versions.clear();
    this.#versions.set(municipalityId, { version, at: this.clock() });
  }
}

// Only a plain select is a read; anything else (insert, update, delete, a CTE that may write) forgets.
const READ = /^\s*select\b/i;

const registry = new WeakMap<Db, KnownVersions>();

export function keepVersions(db: Database, known: KnownVersions): void {
  registry.set(db, known);
}

/** The handle's known versions; none inside a transaction, which must see its own uncommitted writes. */
export function knownVersionsOf(db: Db): KnownVersions | undefined {
  return registry.get(db);
}
