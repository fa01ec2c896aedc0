import { councils, municipalities } from "@samraad/db/schema";
import { createTestDatabase } from "@samraad/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite } from "./app.tsx";
import { publicUrl, testNow } from "./test-support.ts";

let opened: Awaited<ReturnType<typeof createTestDatabase>>;
let site: ReturnType<typeof createSite>;
const get = async (path: string) => {
  const response = await site.request(path);
  return { status: response.status, text: await response.text() };
};

beforeAll(async () => {
  opened = await createTestDatabase();
  site = createSite({ db: opened.db, now: () => testNow, publicUrl });
});
afterAll(async () => {
  await opened?.close();
});

describe("empty states", () => {
  it("says so when no municipality is on the site yet", async () => {
    const { status, text } = await get("/");
    expect(status).toBe(200);
    expect(text).toContain("Der er ingen kommuner på siden endnu.");
  });

  it("shows a new council with no members, meetings, hearings or deadlines in plain words", async () => {
    const [m] = await opened.db
      .insert(municipalities)
      .values({ slug: "tomby", name: "Tomby Kommune", code: "0999" })
      .returning({ id: municipalities.id });
    if (!m) throw new Error("insert failed");
    expect((await get("/kommuner/tomby")).text).toContain("Kommunen har ingen råd på siden endnu.");
    await opened.db
      .insert(councils)
      .values({ municipalityId: m.id, slug: "handicapraadet", name: "Handicaprådet", type: "handicapraad" });
    const { status, text } = await get("/kommuner/tomby/handicapraadet");
    expect(status).toBe(200);
    for (const sentence of [
      "Der er ingen kommende møder i kalenderen.",
      "Der er ingen kommende frister.",
      "Rådet har ingen åbne høringer lige nu.",
      "Rådets medlemmer er ikke offentliggjort endnu.",
      "Der er ingen tidligere møder.",
      "Der er ingen tidligere høringer.",
    ]) {
      expect(text).toContain(sentence);
    }
    const calendar = await get("/kommuner/tomby/handicapraadet/kalender.ics");
    expect(calendar.status).toBe(200);
    expect(calendar.text).toContain("BEGIN:VCALENDAR");
    expect(calendar.text).not.toContain("BEGIN:VEVENT");
    const feed = await get("/kommuner/tomby/handicapraadet/feed.atom");
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain("<entry>");
  });
});
