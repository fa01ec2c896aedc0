// The server under test: the real app, plus the two reference routes the benchmark compares it with.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { openDatabase, sql } from "@samraad/db";
import { createApp } from "@samraad/server/app";
import { createAuth } from "@samraad/server/auth";
import { Hono } from "hono";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is required");
const councilId = process.env.BENCH_COUNCIL_ID ?? "";

const opened = await openDatabase({ url, maxConnections: 10 });
const app = new Hono();
// (a) the ceiling: no work at all
app.get("/bench/bare", (c) => c.json({ ok: true }));
// (b) the floor for any answer that needs the database: one indexed query through the same client
app.get("/bench/one-query", async (c) => {
  const rows = await opened.db.execute(
    sql`select id, starts_at, status from meetings where council_id = ${councilId} and starts_at >= now() order by starts_at limit 5`,
  );
  return c.json(rows);
});
let publicUrl = "http://127.0.0.1";
const server = serve(
  { fetch: (request) => app.fetch(request), port: 0, hostname: "127.0.0.1" },
  (info: AddressInfo) => {
    publicUrl = `http://127.0.0.1:${info.port}`;
  },
);
await new Promise((resolve) => server.once("listening", resolve));
const auth = await createAuth(opened.db, publicUrl, false);
app.route("/", createApp({ db: opened.db, kind: opened.kind, auth, publicUrl }));
process.send?.({ url: publicUrl });
// The server's own CPU time, so the runner can report CPU per request: steadier than req/s on a busy machine.
process.on("message", (message) => {
  if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
});
process.on("SIGTERM", async () => {
  server.close();
  await opened.close();
  process.exit(0);
});
