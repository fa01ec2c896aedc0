import { and, eq, isNull } from "@samraad/db";
import { demo } from "@samraad/db/demo";
import { agendaItems, attachments, hearingResponses, hearings, meetings, people } from "@samraad/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stylesheet } from "./assets.ts";
import { readable, siteWithDemo } from "./test-support.ts";

let env: Awaited<ReturnType<typeof siteWithDemo>>;
beforeAll(async () => {
  env = await siteWithDemo();
});
afterAll(async () => {
  await env?.close();
});

const h1Count = (html: string) => html.match(/<h1[\s>]/g)?.length ?? 0;
const council = `/kommuner/${demo.broenderslev.slug}/${demo.broenderslev.councilSlug}`;

async function historicMeetingId() {
  const [row] = await env.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.startsAt, demo.broenderslev.historicMeetingStartsAt));
  if (!row) throw new Error("the demo's 3 December 2019 meeting is missing");
  return row.id;
}

async function meetingWithStatus(
  status: "planned" | "agenda_published" | "held" | "minutes_published" | "cancelled",
) {
  const [row] = await env.db
    .select({ id: meetings.id, agendaPublishedAt: meetings.agendaPublishedAt })
    .from(meetings)
    .where(and(eq(meetings.status, status), isNull(meetings.deletedAt)));
  if (!row) throw new Error(`no ${status} meeting in the demo`);
  return row;
}

describe("front page", () => {
  it("lists municipalities with their councils, a search box, in Danish with one h1 and a skip link", async () => {
    const { status, text } = await env.get("/");
    expect(status).toBe(200);
    expect(text).toMatch(/^<!doctype html><html lang="da">/);
    expect(h1Count(text)).toBe(1);
    expect(text).toContain('<a class="skipnav" href="#main">Gå til indhold</a>');
    expect(text).toContain('<main id="main"');
    expect(text).toContain(`href="${council}"`);
    expect(text).toContain("Brønderslev");
    expect(text).toContain('role="search"');
    expect(text).toContain('href="/tilgaengelighed"');
    expect(text).toContain('href="mailto:');
  });

  it("forbids scripts with a Content-Security-Policy, since no page needs one", async () => {
    const { headers } = await env.get("/");
    expect(headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(headers.get("content-security-policy")).not.toContain("script-src");
  });

  it("speaks English with ?lang=en and keeps the language in its links", async () => {
    const { text } = await env.get("/?lang=en");
    expect(text).toContain('<html lang="en">');
    expect(text).toContain("Find your council");
    expect(text).toContain(`href="${council}?lang=en"`);
    expect(text).toContain('<link rel="alternate" hreflang="da" href="/"/>');
  });

  it("serves its stylesheet under a content hash, cached for a year", async () => {
    const { text } = await env.get("/");
    expect(text).toContain(`href="${stylesheet.path}"`);
    const css = await env.get(stylesheet.path);
    expect(css.status).toBe(200);
    expect(css.headers.get("cache-control")).toContain("immutable");
    expect(css.text).toContain("prefers-reduced-motion");
  });

  it("answers a repeated request with 304 when the ETag matches", async () => {
    const first = await env.get("/");
    const tag = first.headers.get("etag");
    expect(tag).toBeTruthy();
    expect(first.headers.get("cache-control")).toContain("max-age");
    const again = await env.get("/", { "If-None-Match": tag ?? "" });
    expect(again.status).toBe(304);
  });
});

describe("municipality and council pages", () => {
  it("lists a municipality's councils and its feeds", async () => {
    const { status, text } = await env.get(`/kommuner/${demo.broenderslev.slug}`);
    expect(status).toBe(200);
    expect(h1Count(text)).toBe(1);
    expect(text).toContain("Råd i Brønderslev");
    expect(text).toContain(`href="${council}"`);
    expect(text).toContain(`/kommuner/${demo.broenderslev.slug}/kalender.ics`);
    expect(text).toContain("Kommende møder");
    expect(text).toMatch(/Møde i Ældrerådet – \d+\. [a-z]+ \d{4}, kl\. \d\d:\d\d/);
  });

  it("shows the council's purpose, members by side with substitutes, meetings, hearings, deadlines and feeds", async () => {
    const { status, text } = await env.get(council);
    expect(status).toBe(200);
    expect(h1Count(text)).toBe(1);
    for (const heading of [
      "Kommende møder",
      "Kommende frister",
      "Åbne høringer",
      "Medlemmer",
      "Tidligere møder",
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("Udpeget af organisationerne");
    expect(text).toContain("Udpeget af kommunen");
    expect(text).toContain("Stedfortræder:");
    // An answered hearing stays reachable, so citizens can read the council's response.
    expect(text).toMatch(/Høringsfrist: [^<]+ · Besvaret/);
    expect(text).toMatch(/formand/);
    expect(text).toContain(
      `<link rel="alternate" type="text/calendar" href="https://samraad.test${council}/kalender.ics"`,
    );
    expect(text).toContain(
      `<link rel="alternate" type="application/atom+xml" href="https://samraad.test${council}/feed.atom"`,
    );
    expect(text).toMatch(/\d+\. [a-z]+ \d{4}, kl\. \d\d:\d\d/);
  });

  it("never shows a name that is not public", async () => {
    const everyone = await env.db.select({ name: people.name, publicName: people.publicName }).from(people);
    // Invented demo names repeat across municipalities; a name public elsewhere proves nothing here.
    const publicNames = new Set(everyone.filter((p) => p.publicName).map((p) => p.name));
    const hidden = everyone.filter((p) => !p.publicName && !publicNames.has(p.name));
    expect(hidden.length).toBeGreaterThan(0);
    const pages = await Promise.all(
      demo.municipalitySlugs.map((slug) => env.get(`/kommuner/${slug}/handicapraadet`)),
    );
    const all = pages.map((p) => readable(p.text)).join("\n");
    expect(all).toContain("Navn ikke offentliggjort");
    for (const { name } of hidden) expect(all).not.toContain(name);
  });

  it("shows a cancelled meeting as cancelled", async () => {
    const cancelled = await meetingWithStatus("cancelled");
    const { status, text } = await env.get(`/moeder/${cancelled.id}`);
    if (cancelled.agendaPublishedAt === null) {
      expect(status).toBe(404);
    } else {
      expect(status).toBe(200);
      expect(text).toContain("Mødet er aflyst");
    }
  });

  it("answers an unknown municipality or council with a Danish 404 page", async () => {
    for (const path of [
      "/kommuner/atlantis",
      `/kommuner/${demo.broenderslev.slug}/ukendt-raad`,
      "/findes-ikke",
    ]) {
      const { status, text } = await env.get(path);
      expect(status, path).toBe(404);
      expect(text).toContain("Siden findes ikke");
      expect(h1Count(text)).toBe(1);
    }
  });
});

describe("meeting page", () => {
  it("shows the 3 December 2019 minutes with date, place, supplementary item, decisions and Kort fortalt first", async () => {
    const id = await historicMeetingId();
    const { status, text } = await env.get(`/moeder/${id}`);
    expect(status).toBe(200);
    expect(h1Count(text)).toBe(1);
    expect(text).toContain("3. december 2019, kl. 14:00");
    expect(text).toContain("<title>Møde i Handicaprådet, 3. december 2019 – Samråd</title>");
    expect(text).toContain("Mødelokale 272, Brønderslev Rådhus");
    expect(text).toContain("Referat");
    expect(text).toContain("Tillægsdagsorden");
    expect(readable(text)).toContain(demo.broenderslev.supplementaryItemTitle);
    expect(text).toContain("Beslutning");
    expect(text).toContain("Kort fortalt");
    // Kort fortalt comes before the resumé of the same item.
    const supplementary = text.slice(text.indexOf('id="item-5"'));
    expect(supplementary.indexOf("Kort fortalt")).toBeGreaterThan(0);
    expect(supplementary.indexOf("Kort fortalt")).toBeLessThan(supplementary.indexOf("Resumé"));
  });

  it("weighs less than 50 KB with its stylesheet", async () => {
    const id = await historicMeetingId();
    const page = await env.get(`/moeder/${id}`);
    const css = await env.get(stylesheet.path);
    const bytes = new TextEncoder().encode(page.text + css.text).length;
    expect(bytes).toBeLessThan(50_000);
  });

  it("shows a published agenda without decisions", async () => {
    const meeting = await meetingWithStatus("agenda_published");
    const { status, text } = await env.get(`/moeder/${meeting.id}`);
    expect(status).toBe(200);
    expect(text).toContain("Dagsorden");
    expect(text).not.toContain("Beslutning");
  });

  it("shows a closed item only as 'Lukket punkt'", async () => {
    const [closed] = await env.db
      .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(agendaItems.closed, true), eq(meetings.status, "minutes_published")));
    if (!closed) throw new Error("no closed item in the demo");
    const { text } = await env.get(`/moeder/${closed.meetingId}`);
    expect(text).toContain("Lukket punkt");
    expect(readable(text)).not.toContain(closed.title);
  });

  it("answers an unpublished meeting, an unknown id and a malformed id with 404", async () => {
    const planned = await meetingWithStatus("planned");
    for (const path of [
      `/moeder/${planned.id}`,
      "/moeder/00000000-0000-4000-8000-000000000000",
      "/moeder/1;drop",
    ]) {
      const { status, text } = await env.get(path);
      expect(status, path).toBe(404);
      expect(text).toContain("Siden findes ikke");
    }
  });
});

describe("hearing page", () => {
  it("shows a hearing with its documents and its submitted response", async () => {
    const [row] = await env.db
      .select({ id: hearings.id, body: hearingResponses.body })
      .from(hearings)
      .innerJoin(hearingResponses, eq(hearingResponses.hearingId, hearings.id))
      .where(
        and(eq(hearings.title, demo.broenderslev.hearingTitle), eq(hearingResponses.status, "submitted")),
      );
    if (!row) throw new Error("the Nordjysk Socialaftale hearing is missing");
    const { status, text } = await env.get(`/hoeringer/${row.id}`);
    expect(status).toBe(200);
    expect(h1Count(text)).toBe(1);
    expect(text).toContain("20. januar 2020, kl. 12:00");
    expect(text).toContain("Rådets høringssvar");
    // The 3 December 2019 meeting treated it, as a supplementary item.
    expect(text).toContain("Behandlet på møde");
    expect(text).toContain("Møde i Handicaprådet, 3. december 2019, kl. 14:00");
    expect(readable(text)).toContain(readable(row.body).slice(0, 80));
    expect(text).toMatch(/href="\/bilag\/[0-9a-f-]{36}"/);
  });

  it("says a response is pending while it is only a draft", async () => {
    const [row] = await env.db
      .select({ id: hearings.id, body: hearingResponses.body })
      .from(hearings)
      .innerJoin(hearingResponses, eq(hearingResponses.hearingId, hearings.id))
      .where(and(eq(hearings.public, true), eq(hearingResponses.status, "draft")));
    if (!row) throw new Error("no draft response in the demo");
    const { status, text } = await env.get(`/hoeringer/${row.id}`);
    expect(status).toBe(200);
    expect(text).toContain("Rådet har ikke afgivet sit høringssvar endnu.");
    expect(readable(text)).not.toContain(readable(row.body).slice(0, 60));
  });

  it("answers a non-public hearing with 404", async () => {
    const [row] = await env.db.select({ id: hearings.id }).from(hearings).where(eq(hearings.public, false));
    if (!row) throw new Error("no internal hearing in the demo");
    expect((await env.get(`/hoeringer/${row.id}`)).status).toBe(404);
  });
});

describe("search", () => {
  it("finds agenda items and hearings with Danish stemming and marks where the words matched", async () => {
    const { status, text } = await env.get(`/soeg?q=${encodeURIComponent("socialaftalen")}`);
    expect(status).toBe(200);
    expect(h1Count(text)).toBe(1);
    expect(text).toMatch(/\d+ resultat(er)? for »socialaftalen«/);
    expect(text).toContain("<mark>");
    expect(text).toContain("Høring");
    expect(text).toContain("Dagsordenspunkt");
    // An agenda item's hit leads straight to the item on the meeting page.
    const link = text.match(/href="(\/moeder\/[0-9a-f-]{36})#(punkt-[0-9a-f-]{36})"/);
    expect(link).not.toBeNull();
    const meeting = await env.get(link?.[1] ?? "");
    expect(meeting.text).toContain(`id="${link?.[2]}"`);
  });

  it("explains an empty search and a search without results", async () => {
    expect((await env.get("/soeg")).text).toContain("Skriv et eller flere ord");
    const none = await env.get(`/soeg?q=${encodeURIComponent("xyzzyplugh")}`);
    expect(none.status).toBe(200);
    expect(none.text).toContain("Ingen resultater for »xyzzyplugh«");
  });

  it("never fails on odd input", async () => {
    for (const q of [
      "\u0000",
      "a\u0000b",
      '"',
      "-",
      "&&& ||| !!!",
      "a".repeat(5000),
      "<script>alert(1)</script>",
      "' or 1=1 --",
    ]) {
      const { status, text } = await env.get(`/soeg?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(text).not.toContain("<script>alert");
    }
  });
});

describe("attachments", () => {
  it("lists and downloads a public item's attachment with its type and size", async () => {
    const [row] = await env.db
      .select({ meetingId: agendaItems.meetingId })
      .from(attachments)
      .innerJoin(agendaItems, eq(agendaItems.id, attachments.agendaItemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(agendaItems.closed, false), eq(meetings.status, "minutes_published")));
    if (!row) throw new Error("no attachment on a published item in the demo");
    const page = await env.get(`/moeder/${row.meetingId}`);
    expect(page.text).toMatch(/\(PDF, [\d,]+ (kB|byte)\)/);
    const href = page.text.match(/href="(\/bilag\/[0-9a-f-]{36})"/)?.[1];
    if (!href) throw new Error("no attachment link");
    const file = await env.site.request(href);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(new TextDecoder().decode((await file.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("answers an unknown attachment with 404", async () => {
    const [any] = await env.db.select({ id: attachments.id }).from(attachments);
    expect(any).toBeDefined();
    expect((await env.get("/bilag/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await env.get("/bilag/not-an-id")).status).toBe(404);
  });
});

describe("accessibility statement", () => {
  it("has a statement with a way to report a problem", async () => {
    const { status, text } = await env.get("/tilgaengelighed");
    expect(status).toBe(200);
    expect(h1Count(text)).toBe(1);
    expect(text).toContain("Tilgængelighedserklæring");
    expect(text).toContain("Digitaliseringsstyrelsen");
    expect(text).toMatch(/href="mailto:[^"]+"/);
  });
});
