// Plain JavaScript on purpose: vitest configs load this through Node itself, which cannot import .ts.
import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

const globalSetupPath = fileURLToPath(new URL("./global-setup.ts", import.meta.url));

/**
 * The vitest project of a package whose tests open a database (createTestDatabase).
 * @param {string} name
 * @param {{ testTimeout?: number, include?: string[] }} [extra]
 */
export function databaseTestProject(name, extra = {}) {
  return defineProject({
    test: {
      name,
      globalSetup: [globalSetupPath],
      testTimeout: extra.testTimeout ?? 20_000,
      hookTimeout: 60_000,
      ...(extra.include ? { include: extra.include } : {}),
    },
  });
}
