import { demoCoCreation } from "@samraad/db/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readable, siteWithDemo } from "./test-support.ts";

const b = demoCoCreation.broenderslev;
let env: Awaited<ReturnType<typeof siteWithDemo>>;

beforeAll(async () => {
  env = await siteWithDemo();
}, 120_000);
afterAll(() => env.close());

describe("a municipality's co-creation sessions as one iCal feed", () => {
  it("holds the sessions of every public process, each linked to its process page, and none of a draft", async () => {
    const res = await env.get("/kommuner/broenderslev/samskabelse/moeder.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const ics = readable(res.text);
    expect(ics).toContain(`SUMMARY:${b.title}: ${b.fullSessionTitle}`);
    expect(ics).toContain(`/kommuner/broenderslev/samskabelse/${b.slug}#moede-`);
    // The draft process's start-up meeting is in the database, never in the feed.
    expect(ics).not.toContain("Opstartsmøde");
    expect(ics).not.toContain(b.draftSlug);
  });

  it("is linked from the municipality's list of processes and is 404 for an unknown municipality", async () => {
    const list = await env.get("/kommuner/broenderslev/samskabelse");
    expect(list.text).toContain('href="/kommuner/broenderslev/samskabelse/moeder.ics"');
    expect(readable(list.text)).toContain("Alle forløbenes møder i din kalender (iCal)");
    expect((await env.get("/kommuner/ingen-by/samskabelse/moeder.ics")).status).toBe(404);
  });

  it("leaves the feed of one process to that process", async () => {
    const ics = readable((await env.get(`/kommuner/broenderslev/samskabelse/${b.slug}/kalender.ics`)).text);
    expect(ics).toContain(`SUMMARY:${b.title}: ${b.fullSessionTitle}`);
    expect(ics).toContain(`X-WR-CALNAME:${b.title} – Brønderslev Kommune`);
  });
});
