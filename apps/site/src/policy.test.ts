import { demoPolicy } from "@samraad/db/demo";
import { importActionPlan } from "@samraad/domain/policy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapse, readable, siteWithDemo } from "./test-support.ts";

/** What a reader gets: tags dropped, entities decoded, whitespace collapsed. */
const words = (html: string) => collapse(readable(html.replace(/<[^>]+>/g, " ")));

let env: Awaited<ReturnType<typeof siteWithDemo>>;
beforeAll(async () => {
  env = await siteWithDemo();
}, 120_000);
afterAll(() => env.close());

describe("the policy page", () => {
  it("shows Randers' plan in the conference's form, overdue and postponed in words, never unpublished actions", async () => {
    const page = await env.get("/kommuner/randers/handicappolitik");
    expect(page.status).toBe(200);
    const text = words(page.text);
    expect(text).toContain("Randers Kommunes handicappolitik");
    expect(text).toContain("Tilgængelighedsgennemgang af Randers Rådhus sammen med Handicaprådet");
    expect(text).toContain("Tovholder Karen Lund, Teknik og miljø");
    expect(text).toMatch(/Forsinket: fristen var \d{1,2}\. [a-zæøå]+ \d{4}/);
    expect(text).toContain("Udskudt");
    expect(text).toContain("Begrundelse Underviseren er først ledig efter nytår");
    expect(text).toContain("Seneste status Stueetagen og borgerservice er gennemgået; 11 fund.");
    expect(page.text).toContain('role="img"');
    expect(text).not.toContain(demoPolicy.unpublishedActionHandling);
  });

  it("never shows a draft policy, and says so when a municipality has no adopted one", async () => {
    const page = await env.get("/kommuner/broenderslev/handicappolitik");
    expect(readable(page.text)).not.toContain(demoPolicy.draftTitle);
    expect(readable(page.text)).not.toContain(demoPolicy.draftActionHandling);
    const none = await env.get("/kommuner/odense/handicappolitik");
    expect(none.status).toBe(200);
    expect(readable(none.text)).toContain("har endnu ikke en vedtaget handicappolitik");
    expect((await env.get("/kommuner/atlantis/handicappolitik")).status).toBe(404);
    // Nor in the calendar feeds, where the draft's action deadline and follow-up would otherwise land.
    for (const feed of [
      "/kommuner/broenderslev/kalender.ics",
      "/kommuner/broenderslev/handicapraadet/kalender.ics",
    ]) {
      const ics = readable((await env.get(feed)).text);
      expect(ics).not.toContain(demoPolicy.draftActionHandling);
      expect(ics).not.toContain(demoPolicy.draftTitle);
      expect(ics).toContain("Opfølgning: Handicappolitik for Brønderslev Kommune");
    }
  });

  it("offers the plan as CSV with the import's columns, and it round-trips through the import", async () => {
    const csv = await env.get("/kommuner/favrskov/handicappolitik/handlingsplan.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const result = importActionPlan(csv.text, { goals: [], policyStart: null });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.actions.map((a) => a.status)).toEqual(["in_progress", "dropped", "done", "postponed"]);
    expect(result.actions[1]?.statusReason).toBe(
      "Indgår nu i den nye trafikplan, som Handicaprådet bliver hørt om",
    );
  });

  it("is linked from the municipality page, and a deadline's policy link leads to it", async () => {
    const municipality = await env.get("/kommuner/randers");
    expect(municipality.text).toContain('href="/kommuner/randers/handicappolitik"');
    const feed = readable((await env.get("/kommuner/randers/kalender.ics")).text);
    const link = /https:\/\/samraad\.test(\/handicappolitik\/[0-9a-f-]{36})/.exec(feed);
    expect(link).not.toBeNull();
    const redirect = await env.site.request(link?.[1] ?? "/");
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("/kommuner/randers/handicappolitik");
  });

  it("speaks English with ?lang=en", async () => {
    const page = words((await env.get("/kommuner/viborg/handicappolitik?lang=en")).text);
    expect(page).toContain("From words to action");
    expect(page).toContain("Owner Birgit Møller, Technical services and environment");
  });

  it("the search finds published actions and goals, linking to them on the policy page, never the draft", async () => {
    const page = await env.get("/soeg?q=virksomhedspraktikker");
    expect(words(page.text)).toContain("I handicappolitikkerne: 1 resultat");
    expect(page.text).toMatch(/href="\/kommuner\/randers\/handicappolitik#handling-[0-9a-f-]{36}"/);
    const draft = await env.get("/soeg?q=besparelser%20hj%C3%A6lpemidler");
    expect(readable(draft.text)).not.toContain(demoPolicy.draftActionHandling);
  });
});
