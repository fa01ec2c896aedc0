import { eq } from "@samraad/db";
import { agendaItems, meetings } from "@samraad/db/schema";
import { countQueries } from "@samraad/db/testing/count-queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteWithDemo } from "./test-support.ts";

let env: Awaited<ReturnType<typeof siteWithDemo>>;
beforeAll(async () => {
  env = await siteWithDemo();
});
afterAll(async () => {
  await env?.close();
});

async function publishedMinutes() {
  const [meeting] = await env.db.select().from(meetings).where(eq(meetings.status, "minutes_published"));
  if (!meeting) throw new Error("the demo has no published minutes");
  const [item] = await env.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id));
  if (!item) throw new Error("the meeting has no items");
  return { meeting, item };
}

describe("a meeting page kept between requests", () => {
  it("is served again without a read, shows an official's change at once, and revalidates with its ETag", async () => {
    const { meeting, item } = await publishedMinutes();
    const path = `/moeder/${meeting.id}`;
    const first = await env.get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);

    const counter = countQueries(env.db);
    try {
      const again = await env.get(path);
      expect(counter.take()).toBe(0);
      expect(again.text).toBe(first.text);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("content-security-policy")).toContain("default-src 'none'");

      const unchanged = await env.site.request(path, { headers: { "If-None-Match": etag ?? "" } });
      expect(unchanged.status).toBe(304);

      // The English page is its own page.
      expect((await env.get(`${path}?lang=en`)).text).toContain('lang="en"');

      await env.db
        .update(agendaItems)
        .set({ title: "Nyt punkt om trafiksikkerhed" })
        .where(eq(agendaItems.id, item.id));
      const changed = await env.get(path);
      expect(changed.text).toContain("Nyt punkt om trafiksikkerhed");
      expect(changed.headers.get("etag")).not.toBe(etag);
      const revalidated = await env.site.request(path, { headers: { "If-None-Match": etag ?? "" } });
      expect(revalidated.status).toBe(200);
    } finally {
      counter.restore();
    }
  });

  it("stops showing a meeting at once when it is no longer public", async () => {
    const { meeting } = await publishedMinutes();
    expect((await env.get(`/moeder/${meeting.id}`)).status).toBe(200);
    await env.db.update(meetings).set({ deletedAt: new Date() }).where(eq(meetings.id, meeting.id));
    expect((await env.get(`/moeder/${meeting.id}`)).status).toBe(404);
  });
});
