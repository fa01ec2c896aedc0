import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// The browser tests start the whole product on a fresh database: they need the database package's migrate-once setup.
const databaseSetup = fileURLToPath(
  new URL("../../packages/db/src/testing/global-setup.ts", import.meta.url),
);
const buildSetup = fileURLToPath(new URL("./e2e/global-setup.ts", import.meta.url));

export default defineProject({
  test: {
    name: "@samraad/admin",
    include: ["src/**/*.test.ts", "e2e/**/*.test.ts"],
    globalSetup: [databaseSetup, buildSetup],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests run after the other projects, so two cores are not shared with a dozen test workers.
    sequence: { groupOrder: 1 },
    // expect.poll waits as long as Playwright's own waits: vitest's 1 s is shorter than one reload on a loaded
    // two-core machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
