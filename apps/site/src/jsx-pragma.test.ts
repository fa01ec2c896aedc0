import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The site is also compiled by whoever imports it (apps/api under tsx, whose esbuild falls back to the classic
 * React transform and fails with "React is not defined" at the first request). Each .tsx file therefore names
 * its JSX runtime itself, independent of the importing package's tsconfig.
 */
describe("JSX files", () => {
  it("each declare the automatic runtime from hono/jsx", () => {
    const dir = new URL(".", import.meta.url).pathname;
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const first = readFileSync(join(dir, file), "utf8").split("\n")[0];
      expect(first, file).toBe("/** @jsxRuntime automatic @jsxImportSource hono/jsx */");
    }
  });
});
