import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The newest modification time of a file under `dir`. */
function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The browser tests load the built app from /admin: build it when there is no build yet, or when a source file is
 * newer than the build (so a test never runs against yesterday's app). SAMRAAD_REBUILD_ADMIN=1 forces a build.
 */
export default async function setup() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const built = `${root}/dist/index.html`;
  const sources = Math.max(newestIn(`${root}/src`), statSync(`${root}/index.html`).mtimeMs);
  const upToDate = existsSync(built) && statSync(built).mtimeMs >= sources;
  if (upToDate && !process.env.SAMRAAD_REBUILD_ADMIN) return;
  const { build } = await import("vite");
  await build({ root, configFile: `${root}/vite.config.ts`, logLevel: "warn" });
}
