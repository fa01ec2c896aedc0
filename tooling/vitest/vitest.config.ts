import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The repository's one test run: every package's and app's own vitest project.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    projects: ["packages/*", "apps/*"],
    // Two cores: a few workers, each opening its own database.
    maxWorkers: 3,
  },
});
