import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import type { Database } from "../database.ts";
import { type OpenedDatabase, openDatabase } from "../open.ts";
import { insertPartnershipPerson, insertSignature } from "../queries/partnerships.ts";
import type { ActionValues } from "../queries/policy.ts";
import { municipalities } from "../schema/index.ts";

declare module "vitest" {
  export interface ProvidedContext {
    samraadTestDb: { kind: "embedded"; dumpFile: string } | { kind: "postgres"; url: string };
  }
}

/**
 * A fresh, migrated database of the kind this run tests (PGlite by default, PostgreSQL when
 * DATABASE_URL is set). No state is shared between test files.
 */
export async function createTestDatabase(): Promise<OpenedDatabase> {
  const source = inject("samraadTestDb");
  if (source.kind === "embedded") {
    const loadDataDir = new Blob([readFileSync(source.dumpFile)]);
    return openDatabase({ loadDataDir });
  }
  const template = new URL(source.url);
  const templateName = template.pathname.slice(1);
  const name = `${templateName}_${randomBytes(4).toString("hex")}`;
  const maintenance = new URL(source.url);
  maintenance.pathname = "/postgres";
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  // Two workers copying one template at the same instant can collide; a short retry settles it.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${templateName}"`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  const url = new URL(source.url);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString(), maxConnections: 5 });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** The rows of a raw `db.execute()`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** A policy action with only its text and publication set, as `insertActions` takes it. */
export function bareActionValues(handling: string, published = true): ActionValues {
  return {
    focusAreaId: null,
    goalId: null,
    goalText: null,
    handling,
    ownerName: null,
    ownerSector: null,
    place: null,
    startsOn: null,
    dueOn: null,
    status: "not_started",
    statusReason: null,
    published,
  };
}

/** Names a signatory for one partner of a partnership and has them sign it, an hour before `at`. */
export async function signForPartner(
  db: Database,
  partnership: { municipalityId: string; partnershipId: string },
  partnerId: string,
  name: string,
  at: Date,
) {
  const person = await insertPartnershipPerson(db, {
    ...partnership,
    partnerId,
    name,
    capacity: "Underskriver",
    signatory: true,
  });
  await insertSignature(db, {
    ...partnership,
    amendmentId: null,
    partnerId,
    signatoryId: person.id,
    userId: "test",
    name,
    capacity: "Underskriver",
    signedAt: new Date(at.getTime() - 3_600_000),
  });
}

/** A bare municipality (no councils, no demo data) for a test that builds its own world; returns its id. */
export async function insertTestMunicipality(
  db: Database,
  values: { slug: string; name: string; code: string },
): Promise<string> {
  const [row] = await db.insert(municipalities).values(values).returning({ id: municipalities.id });
  if (!row) throw new Error("the municipality was not stored");
  return row.id;
}
