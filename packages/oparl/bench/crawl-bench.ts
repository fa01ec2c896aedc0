/*
 * Crawl benchmark (not a test): how fast a harvester pulls OParl data, in-process through app.request (no HTTP).
 *   1. the foundation's scale data set (tooling/bench/scale-data.sql, 98 municipalities) on PostgreSQL: every list of
 *      one municipality, every page, as a harvester does it (lists only; the objects are complete in the lists);
 *   2. the demo: the test crawler's full crawl from /system, every list page and every object by its own URL.
 * Run: cd packages/oparl && npx tsx bench/crawl-bench.ts   (BENCH_POSTGRES=postgres://… to pick the server)
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openDatabase, sql } from "@samraad/db";
import { seedDemoData } from "@samraad/db/demo";
import { countQueries } from "@samraad/db/testing/count-queries";
import { Hono } from "hono";
import { createOparl } from "../src/index.ts";
import { crawl } from "../src/testing/crawler.ts";

const serverUrl = process.env.BENCH_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/postgres";
const publicUrl = "https://samraad.example.dk";
const base = `${publicUrl}/oparl/v1`;
const server = new URL(serverUrl);
// The PostgreSQL client tools create and drop the throw-away databases (no driver dependency for a script).
const pgArgs = ["-h", server.hostname, "-p", server.port || "5432", "-U", server.username || "postgres"];

async function withDatabase(name: string, run: (url: string) => Promise<void>) {
  execFileSync("createdb", [...pgArgs, name]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await run(url.toString());
  } finally {
    execFileSync("dropdb", [...pgArgs, "--if-exists", "--force", name]);
  }
}

const lists = [
  "organizations",
  "people",
  "memberships",
  "legislative-terms",
  "meetings",
  "agenda-items",
  "papers",
  "consultations",
  "files",
  "locations",
];

await withDatabase(`samraad_oparl_bench_${process.pid}`, async (url) => {
  const opened = await openDatabase({ url, maxConnections: 5 });
  const scaleSql = readFileSync(
    fileURLToPath(new URL("../../../tooling/bench/scale-data.sql", import.meta.url)),
    "utf8",
  );
  await opened.db.execute(sql.raw(scaleSql));
  const app = new Hono().route("/oparl/v1", createOparl({ db: opened.db, publicUrl, now: () => new Date() }));
  const [town] = (await opened.db.execute(
    sql`select id from municipalities where slug = 'bench-42'`,
  )) as unknown as {
    id: string;
  }[];
  for (const limit of [100, 1000]) {
    const counter = countQueries(opened.db);
    const t0 = performance.now();
    let objects = 0;
    let pages = 0;
    const perList: string[] = [];
    for (const list of lists) {
      const l0 = performance.now();
      let listObjects = 0;
      let page: string | undefined = `${base}/body/${town?.id}/${list}?limit=${limit}`;
      while (page) {
        const body = (await (await app.request(page)).json()) as {
          data: unknown[];
          links: { next?: string };
        };
        pages++;
        listObjects += body.data.length;
        page = body.links.next;
      }
      objects += listObjects;
      perList.push(`${list} ${listObjects} in ${Math.round(performance.now() - l0)} ms`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const queries = counter.take();
    counter.restore();
    console.log(
      `scale data, one municipality, limit=${limit}: ${objects} objects, ${pages} pages, ${queries} queries ` +
        `(${(queries / pages).toFixed(2)} per page) in ${seconds.toFixed(1)} s = ${Math.round(objects / seconds)} objects/s`,
    );
    console.log(`  ${perList.join("; ")}`);
  }
  await opened.close();
});

await withDatabase(`samraad_oparl_bench_demo_${process.pid}`, async (url) => {
  const opened = await openDatabase({ url, maxConnections: 5 });
  await seedDemoData(opened.db, new Date());
  const app = new Hono().route("/oparl/v1", createOparl({ db: opened.db, publicUrl, now: () => new Date() }));
  const counter = countQueries(opened.db);
  const t0 = performance.now();
  const result = await crawl((u) => app.request(u), `${base}/system`, { concurrency: 4 });
  const seconds = (performance.now() - t0) / 1000;
  const listed = [...result.lists.values()].reduce((n, ids) => n + ids.length, 0);
  console.log(
    `demo, full crawl from /system: ${result.objects.size} objects by URL, ${listed} list entries, ` +
      `${result.downloads.size} downloads, ${result.requests} requests, ${counter.take()} queries in ${seconds.toFixed(1)} s ` +
      `= ${Math.round(result.objects.size / seconds)} objects/s (${Math.round(result.requests / seconds)} requests/s); problems: ${result.problems.length}`,
  );
  counter.restore();
  await opened.close();
});
