import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The browser tests load the built app from /admin: build it once when no build is there yet. */
export default async function setup() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  if (existsSync(`${root}/dist/index.html`) && !process.env.SAMRAAD_REBUILD_ADMIN) return;
  const { build } = await import("vite");
  await build({ root, configFile: `${root}/vite.config.ts`, logLevel: "warn" });
}
