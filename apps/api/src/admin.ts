import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";

/** apps/admin's Vite build, next to this app in the monorepo. */
const adminDist = fileURLToPath(new URL("../../admin/dist", import.meta.url));

/**
 * The admin SPA under /admin: content-hashed assets cached for a year, index.html for every other
 * path so client-side routes survive a reload. Without a build, a clear 503 says how to make one.
 */
export function mountAdmin(app: Hono, dist = adminDist) {
  const missing = (c: { text: (body: string, status: 503) => Response }) =>
    c.text("The admin app is not built: run pnpm --filter @samraad/admin build", 503);

  app.get("/admin", (c) => c.redirect("/admin/"));
  app.use(
    "/admin/assets/*",
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
    },
    serveStatic({ root: dist, rewriteRequestPath: (path) => path.replace(/^\/admin/, "") }),
  );
  app.get("/admin/assets/*", (c) => c.text("Not found", 404));
  app.use("/admin/*", async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    if (!existsSync(`${dist}/index.html`)) return missing(c);
    c.header("Cache-Control", "no-cache");
    return serveStatic({ path: `${dist}/index.html` })(c, next);
  });
}
