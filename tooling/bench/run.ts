// pnpm bench: the deadlines call against a bare Hono route and a one-query route, on the same server, in one run.
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openDatabase, sql } from "@samraad/db";
import { createAuth } from "@samraad/server/auth";
import { createUser } from "@samraad/server/users";
import autocannon from "autocannon";
import postgres from "postgres";

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const serverUrl = process.env.BENCH_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/postgres";

const dbName = `samraad_bench_${process.pid}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${dbName}`;

let child: ReturnType<typeof fork> | undefined;
try {
  console.log(`Seeding the scale data set into ${dbName} …`);
  const t0 = performance.now();
  const opened = await openDatabase({ url: benchUrl.toString(), maxConnections: 2 });
  const scaleSql = readFileSync(fileURLToPath(new URL("./scale-data.sql", import.meta.url)), "utf8");
  await opened.db.execute(sql.raw(scaleSql));
  const counts = (await opened.db.execute(
    sql`select (select count(*) from municipalities) m, (select count(*) from councils) c, (select count(*) from meetings) me, (select count(*) from agenda_items) i, (select count(*) from hearings) h`,
  )) as unknown as { m: string; c: string; me: string; i: string; h: string }[];
  const row = counts[0];
  console.log(
    `  ${row?.m} municipalities, ${row?.c} councils, ${row?.me} meetings, ${row?.i} agenda items, ${row?.h} hearings (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const [council] = (await opened.db.execute(
    sql`select c.id, c.municipality_id from councils c join municipalities m on m.id = c.municipality_id where m.slug = 'bench-42' and c.slug = 'raad-1'`,
  )) as unknown as { id: string; municipality_id: string }[];
  if (!council) throw new Error("scale data missing");
  const [meeting] = (await opened.db.execute(
    sql`select id from meetings where council_id = ${council.id} and status = 'minutes_published' order by starts_at desc limit 1`,
  )) as unknown as { id: string }[];
  if (!meeting) throw new Error("scale data has no published minutes");
  const auth = await createAuth(opened.db, "http://127.0.0.1", false);
  await createUser(auth, opened.db, {
    email: "sekretaer@bench.demo",
    name: "Bench Sekretær",
    password: "bench-password-1",
    grants: [{ municipalityId: council.municipality_id, role: "secretary", councilId: council.id }],
  });
  await opened.close();

  child = fork(fileURLToPath(new URL("./server.ts", import.meta.url)), {
    env: { ...process.env, BENCH_DATABASE_URL: benchUrl.toString(), BENCH_COUNCIL_ID: council.id },
    // BENCH_PROFILE=1 writes a CPU profile of the server to ./.profiles (to see where a request spends its time)
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=.profiles"] : []),
    ],
  });
  const base = await new Promise<string>((resolve, reject) => {
    child?.once("message", (m) => resolve((m as { url: string }).url));
    child?.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });

  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "sekretaer@bench.demo", password: "bench-password-1" }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const input = encodeURIComponent(
    JSON.stringify({ municipalityId: council.municipality_id, councilId: council.id }),
  );
  const deadlinesPath = `/trpc/deadlines.upcoming?input=${input}`;
  const check = await fetch(`${base}${deadlinesPath}`, { headers: { cookie } });
  const checked = (await check.json()) as { result?: { data: unknown[] } };
  console.log(
    `  the deadlines call answers ${check.status} with ${checked.result?.data.length} deadlines (signed in as the council's secretary)`,
  );

  const only = process.env.BENCH_ONLY;
  const routes = [
    { name: "a  bare Hono route", path: "/bench/bare", headers: {} },
    { name: "b  one indexed query", path: "/bench/one-query", headers: {} },
    { name: "c  deadlines via tRPC", path: deadlinesPath, headers: { cookie } },
    // the public site's heaviest common page: a meeting's minutes with 10 items, one of them closed
    { name: "d  meeting page (site)", path: `/moeder/${meeting.id}`, headers: {} },
  ];
  const serverCpuMicros = () =>
    new Promise<number>((resolve) => {
      const onMessage = (m: unknown) => {
        const cpu = (m as { cpu?: NodeJS.CpuUsage }).cpu;
        if (!cpu) return;
        child?.off("message", onMessage);
        resolve(cpu.user + cpu.system);
      };
      child?.on("message", onMessage);
      child?.send("cpu");
    });
  const results: { name: string; rps: number; p50: number; p99: number; cpu: number }[] = [];
  for (const route of routes.filter((r) => !only || r.name.startsWith(only))) {
    await autocannon({ url: `${base}${route.path}`, connections, duration: 2, headers: route.headers }); // warm-up
    const cpuBefore = await serverCpuMicros();
    const r = await autocannon({
      url: `${base}${route.path}`,
      connections,
      duration: seconds,
      headers: route.headers,
    });
    if (r.non2xx > 0 || r.errors > 0)
      throw new Error(`${route.name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    const cpu = ((await serverCpuMicros()) - cpuBefore) / r.requests.total;
    results.push({ name: route.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpu });
  }
  console.log(`\n${connections} connections, ${seconds} s per route, Node ${process.version}\n`);
  console.log("route                      req/s     p50 ms   p99 ms   server CPU µs/req");
  for (const r of results) {
    console.log(
      `${r.name.padEnd(24)} ${r.rps.toFixed(0).padStart(7)}  ${r.p50.toFixed(1).padStart(7)}  ${r.p99.toFixed(1).padStart(7)}  ${r.cpu.toFixed(0).padStart(10)}`,
    );
  }
  const byName = (prefix: string) => results.find((r) => r.name.startsWith(prefix));
  const [a, b, c, d] = ["a", "b", "c", "d"].map(byName);
  const ratio = (x?: { rps: number }, y?: { rps: number }) => (x && y ? (x.rps / y.rps).toFixed(3) : "–");
  console.log(`\nc/a = ${ratio(c, a)}   c/b = ${ratio(c, b)}   d/b = ${ratio(d, b)}   b/a = ${ratio(b, a)}`);
} finally {
  child?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (process.env.BENCH_KEEP) console.log(`kept ${benchUrl}`);
  else await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
