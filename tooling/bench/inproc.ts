import { openDatabase, sql } from "@samraad/db";
import { createApp } from "@samraad/server/app";
import { createAuth } from "@samraad/server/auth";

// Times the request path stage by stage, in-process (no network). Point it at a database that
// `BENCH_KEEP=1 pnpm bench` left behind: BENCH_DATABASE_URL=postgres://… npx tsx inproc.ts
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("Set BENCH_DATABASE_URL to a database seeded by BENCH_KEEP=1 pnpm bench");
const opened = await openDatabase({ url, maxConnections: 10 });
const [council] = (await opened.db.execute(
  sql`select c.id, c.municipality_id from councils c join municipalities m on m.id=c.municipality_id where m.slug='bench-42' and c.slug='raad-1'`,
)) as unknown as { id: string; municipality_id: string }[];
if (!council) throw new Error("the scale data set is missing");
const base = "http://127.0.0.1:4000";
const auth = await createAuth(opened.db, base, false);
const app = createApp({ db: opened.db, kind: opened.kind, auth, publicUrl: base });
const signIn = await app.request(`${base}/api/auth/sign-in/email`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: base },
  body: JSON.stringify({ email: "sekretaer@bench.demo", password: "bench-password-1" }),
});
const cookie = signIn.headers
  .getSetCookie()
  .map((x) => x.split(";")[0])
  .join("; ");
const input = encodeURIComponent(
  JSON.stringify({ municipalityId: council.municipality_id, councilId: council.id }),
);
const time = async (name: string, f: () => Response | Promise<Response>) => {
  for (let i = 0; i < 100; i++) await (await f()).text();
  const t = performance.now();
  for (let i = 0; i < 500; i++) await (await f()).text();
  console.log(name.padEnd(30), ((performance.now() - t) / 500).toFixed(2), "ms");
};
await time("healthz", () => app.request(`${base}/healthz`));
await time("municipalities.list", () => app.request(`${base}/trpc/municipalities.list`));
await time("deadlines public", () => app.request(`${base}/trpc/deadlines.upcoming?input=${input}`));
await time("deadlines signed", () =>
  app.request(`${base}/trpc/deadlines.upcoming?input=${input}`, { headers: { cookie } }),
);
await time("getSession only", async () => {
  await auth.api.getSession({ headers: new Headers({ cookie }) });
  return new Response("x");
});
const { listMunicipalities, upcomingDeadlinesFor } = await import("@samraad/db/queries");
await time("db listMunicipalities", async () => {
  await listMunicipalities(opened.db);
  return new Response("x");
});
await time("getSession no cookie", async () => {
  await auth.api.getSession({ headers: new Headers() });
  return new Response("x");
});
await time("upcomingDeadlinesFor", async () => {
  await upcomingDeadlinesFor(
    opened.db,
    { municipalityId: council.municipality_id, councilIds: [council.id] },
    new Date(),
  );
  return new Response("x");
});
await time("db one query", async () => {
  await opened.db.execute(
    sql`select id, starts_at, status from meetings where council_id = ${council.id} and starts_at >= now() order by starts_at limit 5`,
  );
  return new Response("x");
});
await opened.close();
