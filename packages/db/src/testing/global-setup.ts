import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../open.ts";
import { testDatabaseUrl } from "./env.ts";

/**
 * Migrates once per test run. PGlite: a migrated data directory is dumped to a file that every
 * test file loads (≈0.5 s instead of ≈3 s of initdb). PostgreSQL: the migrated database becomes
 * the template from which each test file gets its own fresh database.
 */
export default async function setup(project: TestProject) {
  if (testDatabaseUrl) {
    const opened = await openDatabase({ url: testDatabaseUrl, maxConnections: 1 });
    await opened.close();
    project.provide("samraadTestDb", { kind: "postgres", url: testDatabaseUrl });
    return;
  }
  const opened = await openDatabase({});
  const dump = await opened.pglite?.dumpDataDir("none");
  await opened.close();
  if (!dump) throw new Error("PGlite did not dump its data directory");
  const dir = mkdtempSync(join(tmpdir(), "samraad-test-"));
  const file = join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("samraadTestDb", { kind: "embedded", dumpFile: file });
  return () => rmSync(dir, { recursive: true, force: true });
}
