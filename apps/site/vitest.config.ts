import { databaseTestProject } from "@samraad/db/testing/vitest";
import { mergeConfig } from "vitest/config";

export default mergeConfig(databaseTestProject("@samraad/site", { testTimeout: 60_000 }), {
  // Browser tests run after the other projects, so two cores are not shared with a dozen test workers.
  test: {
    include: ["src/**/*.test.{ts,tsx}", "e2e/**/*.test.ts"],
    sequence: { groupOrder: 1 },
    // expect.poll waits as long as Playwright's own waits (vitest's 1 s is short on a loaded machine).
    expect: { poll: { timeout: 15_000 } },
  },
});
