import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirInUseError, isEmpty, openDatabase } from "./open.ts";
import { municipalities } from "./schema/index.ts";

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "samraad-open-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Each test starts fresh PGlite instances (a WASM initdb each): slow on a busy machine.
describe("the embedded database", { timeout: 90_000 }, () => {
  it("keeps its data in the data directory across a restart", async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    expect(await isEmpty(first.db)).toBe(true);
    await first.db.insert(municipalities).values({ slug: "odense", name: "Odense Kommune", code: "0461" });
    await first.close();

    const second = await openDatabase({ dataDir });
    const rows = await second.db.select({ name: municipalities.name }).from(municipalities);
    expect(rows).toEqual([{ name: "Odense Kommune" }]);
    expect(await isEmpty(second.db)).toBe(false);
    await second.close();
  });

  it("refuses to open a data directory that another live process holds", async () => {
    const dataDir = tempDir();
    // process 1 (init) is always alive and is never us
    writeFileSync(join(dataDir, "samraad.lock"), "1");
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
  });

  it("refuses a second open of the same directory in this process", async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process/);
    await first.close();
  });

  it("takes over a lock left by a process that died", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "samraad.lock"), "999999999");
    const opened = await openDatabase({ dataDir });
    expect(opened.kind).toBe("embedded");
    await opened.close();
  });
});
