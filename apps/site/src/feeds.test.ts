import { and, eq, isNull } from "@samraad/db";
import { demo } from "@samraad/db/demo";
import { findSiteMunicipality, upcomingDeadlinesFor } from "@samraad/db/queries";
import { councils, meetings } from "@samraad/db/schema";
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteWithDemo, testNow } from "./test-support.ts";

let env: Awaited<ReturnType<typeof siteWithDemo>>;
beforeAll(async () => {
  env = await siteWithDemo();
});
afterAll(async () => {
  await env?.close();
});

const councilPath = `/kommuner/${demo.broenderslev.slug}/${demo.broenderslev.councilSlug}`;

async function broenderslevCouncil() {
  const municipality = await findSiteMunicipality(env.db, demo.broenderslev.slug);
  if (!municipality) throw new Error("Brønderslev is missing");
  const [council] = await env.db
    .select({ id: councils.id })
    .from(councils)
    .where(
      and(eq(councils.municipalityId, municipality.id), eq(councils.slug, demo.broenderslev.councilSlug)),
    );
  if (!council) throw new Error("Brønderslev's Handicapråd is missing");
  return { municipalityId: municipality.id, councilId: council.id };
}

function events(text: string) {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
}

describe("iCalendar feed", () => {
  it("parses with node-ical and round-trips the council's meetings at the right instants", async () => {
    const { status, headers, text } = await env.get(`${councilPath}/kalender.ics`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("text/calendar");
    expect(headers.get("etag")).toBeTruthy();
    expect(text).toContain("BEGIN:VTIMEZONE");
    expect(text).toContain("TZID:Europe/Copenhagen");
    expect(text).toMatch(/DTSTART;TZID=Europe\/Copenhagen:\d{8}T\d{6}/);

    const { councilId } = await broenderslevCouncil();
    const rows = await env.db
      .select({
        id: meetings.id,
        startsAt: meetings.startsAt,
        status: meetings.status,
        location: meetings.location,
      })
      .from(meetings)
      .where(and(eq(meetings.councilId, councilId), isNull(meetings.deletedAt)));
    const yearAgo = testNow.getTime() - 365 * 86_400_000;
    const expected = rows.filter((m) => m.startsAt.getTime() >= yearAgo);
    expect(expected.length).toBeGreaterThan(2);
    const parsed = events(text);
    for (const m of expected) {
      const event = parsed.find((e) => e.uid === `meeting-${m.id}@samraad.test`);
      expect(event, m.id).toBeDefined();
      expect(new Date(event?.start ?? 0).toISOString()).toBe(m.startsAt.toISOString());
      expect(event?.location).toBe(m.location);
      if (m.status === "cancelled") expect(event?.status).toBe("CANCELLED");
    }
  });

  it("carries the public deadlines at their instants, and no internal ones", async () => {
    const { municipalityId, councilId } = await broenderslevCouncil();
    const deadlines = await upcomingDeadlinesFor(
      env.db,
      { municipalityId, councilIds: [councilId], publicOnly: true },
      testNow,
      {
        horizonDays: 366,
      },
    );
    const hearingDeadlines = deadlines.filter((d) => d.kind === "hearing_response");
    expect(hearingDeadlines.length).toBeGreaterThan(0);
    const parsed = events((await env.get(`${councilPath}/kalender.ics`)).text);
    for (const d of hearingDeadlines) {
      const event = parsed.find((e) => e.uid === `deadline-${d.id.replace(":", "-")}@samraad.test`);
      expect(event, d.id).toBeDefined();
      expect(new Date(event?.start ?? 0).toISOString()).toBe(d.dueAt.toISOString());
      expect(event?.summary).toBe(d.title.da);
    }
    const all = await upcomingDeadlinesFor(env.db, { municipalityId, councilIds: [councilId] }, testNow, {
      horizonDays: 366,
    });
    for (const d of all.filter((x) => !x.public)) {
      expect(parsed.some((e) => e.uid.includes(d.id.replace(":", "-")))).toBe(false);
    }
  });

  it("keeps UIDs stable between requests, and shows a meeting's new time when it moves", async () => {
    const first = events((await env.get(`${councilPath}/kalender.ics`)).text).map((e) => e.uid);
    const second = events((await env.get(`${councilPath}/kalender.ics`)).text).map((e) => e.uid);
    expect(second).toEqual(first);

    const { councilId } = await broenderslevCouncil();
    const [upcoming] = await env.db
      .select({ id: meetings.id, startsAt: meetings.startsAt })
      .from(meetings)
      .where(and(eq(meetings.councilId, councilId), eq(meetings.status, "agenda_published")));
    if (!upcoming) throw new Error("no published upcoming meeting");
    const moved = new Date(upcoming.startsAt.getTime() + 2 * 3_600_000);
    await env.db
      .update(meetings)
      .set({ startsAt: moved, updatedAt: new Date() })
      .where(eq(meetings.id, upcoming.id));
    const after = events((await env.get(`${councilPath}/kalender.ics`)).text);
    const event = after.find((e) => e.uid === `meeting-${upcoming.id}@samraad.test`);
    expect(new Date(event?.start ?? 0).toISOString()).toBe(moved.toISOString());
    await env.db.update(meetings).set({ startsAt: upcoming.startsAt }).where(eq(meetings.id, upcoming.id));
  });

  it("has a feed per municipality with every council's meetings", async () => {
    const { status, text } = await env.get(`/kommuner/${demo.broenderslev.slug}/kalender.ics`);
    expect(status).toBe(200);
    const parsed = events(text);
    expect(parsed.some((e) => String(e.summary).includes("Handicaprådet"))).toBe(true);
    expect(parsed.some((e) => String(e.summary).includes("Ældrerådet"))).toBe(true);
  });

  it("answers an unknown council's feed with 404", async () => {
    expect((await env.get(`/kommuner/${demo.broenderslev.slug}/ukendt/kalender.ics`)).status).toBe(404);
  });
});

describe("Atom feed", () => {
  it("lists newly published agendas and minutes, newest first, linking to the meeting pages", async () => {
    const { status, headers, text } = await env.get(`${councilPath}/feed.atom`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("application/atom+xml");
    expect(text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(text).toMatch(/<title>Referat: [^<]+<\/title>/);
    expect(text).toMatch(/<title>Dagsorden: [^<]+<\/title>/);
    expect(text).toMatch(/href="https:\/\/samraad\.test\/moeder\/[0-9a-f-]{36}"/);
    const updated = [...text.matchAll(/<entry>.*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1] ?? "");
    expect(updated.length).toBeGreaterThan(2);
    expect([...updated].sort().reverse()).toEqual(updated);
  });
});
