import { and, eq } from "@samraad/db";
import { searchSite } from "@samraad/db/queries";
import {
  agendaItems,
  attachments,
  councils,
  hearingResponses,
  hearings,
  meetings,
  municipalities,
} from "@samraad/db/schema";
import { isMeetingPublic } from "@samraad/domain/meetings";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapse, readable, siteWithDemo } from "./test-support.ts";

/*
 * The promise the site makes: closed items, drafts and unpublished agendas never reach the public. This test
 * takes every such text from the database and proves that no page, feed, search result or attachment URL
 * carries it — crawling every page type the site has, for every object in the demo data.
 */

let env: Awaited<ReturnType<typeof siteWithDemo>>;
beforeAll(async () => {
  env = await siteWithDemo();
  // Canaries: draft decisions whose words appear nowhere else, on a held meeting and on a published agenda.
  for (const [status, word] of [
    ["held", "kanariefuglen"],
    ["agenda_published", "zebrafinken"],
  ] as const) {
    const [item] = await env.db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(meetings.status, status), eq(agendaItems.closed, false)))
      .limit(1);
    if (!item) throw new Error(`no open item on a ${status} meeting`);
    await env.db
      .update(agendaItems)
      .set({
        decision: `Udkast: ${word} foreslår at flytte springvandet fra torvet til havnen inden jul og sende regningen videre til borgmesteren`,
      })
      .where(eq(agendaItems.id, item.id));
  }
});
afterAll(async () => {
  await env?.close();
});

type Texts = (string | null)[];

async function loadWorld() {
  const items = await env.db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      closed: agendaItems.closed,
      title: agendaItems.title,
      plainSummary: agendaItems.plainSummary,
      summary: agendaItems.summary,
      caseHistory: agendaItems.caseHistory,
      casePresentation: agendaItems.casePresentation,
      recommendation: agendaItems.recommendation,
      guests: agendaItems.guests,
      decision: agendaItems.decision,
      status: meetings.status,
      agendaPublishedAt: meetings.agendaPublishedAt,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId));
  const hearingRows = await env.db
    .select({
      id: hearings.id,
      public: hearings.public,
      title: hearings.title,
      plainSummary: hearings.plainSummary,
      description: hearings.description,
      responseBody: hearingResponses.body,
      responseStatus: hearingResponses.status,
    })
    .from(hearings)
    .leftJoin(hearingResponses, eq(hearingResponses.hearingId, hearings.id));
  const files = await env.db
    .select({ id: attachments.id, itemId: attachments.agendaItemId, hearingId: attachments.hearingId })
    .from(attachments);
  const meetingRows = await env.db
    .select({ id: meetings.id, status: meetings.status, agendaPublishedAt: meetings.agendaPublishedAt })
    .from(meetings);
  const places = await env.db
    .select({ municipality: municipalities.slug, council: councils.slug })
    .from(councils)
    .innerJoin(municipalities, eq(municipalities.id, councils.municipalityId));

  const publicTexts: Texts = [];
  const secretTexts: Texts = [];
  const secretItemIds = new Set<string>();
  for (const i of items) {
    const all = [
      i.title,
      i.plainSummary,
      i.summary,
      i.caseHistory,
      i.casePresentation,
      i.recommendation,
      i.guests,
    ];
    if (i.closed || !isMeetingPublic(i)) {
      secretTexts.push(...all, i.decision);
      secretItemIds.add(i.id);
    } else {
      publicTexts.push(...all);
      // A decision is a draft until the minutes are published.
      (i.status === "minutes_published" ? publicTexts : secretTexts).push(i.decision);
    }
  }
  for (const h of hearingRows) {
    if (!h.public) secretTexts.push(h.title, h.plainSummary, h.description, h.responseBody);
    else {
      publicTexts.push(h.title, h.plainSummary, h.description);
      (h.responseStatus === "submitted" ? publicTexts : secretTexts).push(h.responseBody);
    }
  }
  const publicCorpus = publicTexts
    .filter((t): t is string => t !== null)
    .map(collapse)
    .join("\n");
  // A text that is also published elsewhere (the same standard item in two meetings) is not a secret.
  const secrets = [
    ...new Set(
      secretTexts
        .filter((t): t is string => t !== null)
        .map(collapse)
        .filter((t) => t.length >= 25 && !publicCorpus.includes(t)),
    ),
  ];
  const itemById = new Map(items.map((i) => [i.id, i]));
  const hearingById = new Map(hearingRows.map((h) => [h.id, h]));
  const secretFiles = files.filter((f) => {
    if (f.itemId) {
      const item = itemById.get(f.itemId);
      return !item || item.closed || !isMeetingPublic(item);
    }
    if (f.hearingId) return !hearingById.get(f.hearingId)?.public;
    return true;
  });
  // Search excerpts show fragments: every run of eight words of a secret that is not published elsewhere.
  const fragments = new Set<string>();
  for (const secret of secrets) {
    const words = secret.split(" ");
    for (let i = 0; i + 8 <= words.length; i += 4) {
      const fragment = words.slice(i, i + 8).join(" ");
      if (!publicCorpus.includes(fragment)) fragments.add(fragment);
    }
  }
  return {
    secrets,
    fragments: [...fragments],
    secretItemIds,
    secretFiles,
    files,
    meetingRows,
    hearingRows,
    places,
  };
}

describe("nothing unpublished leaks", () => {
  it("keeps closed items, draft decisions, draft responses and unpublished agendas out of every page, feed, search and file URL", async () => {
    const world = await loadWorld();
    expect(world.secrets.length).toBeGreaterThan(20);
    expect(world.secrets.some((s) => s.includes("kanariefuglen"))).toBe(true);
    expect(world.secretFiles.length).toBeGreaterThan(0);

    const paths = new Set<string>(["/", "/?lang=en", "/soeg", "/tilgaengelighed"]);
    for (const p of world.places) {
      paths.add(`/kommuner/${p.municipality}`);
      paths.add(`/kommuner/${p.municipality}/kalender.ics`);
      paths.add(`/kommuner/${p.municipality}/feed.atom`);
      paths.add(`/kommuner/${p.municipality}/${p.council}`);
      paths.add(`/kommuner/${p.municipality}/${p.council}?lang=en`);
      paths.add(`/kommuner/${p.municipality}/${p.council}/kalender.ics`);
      paths.add(`/kommuner/${p.municipality}/${p.council}/feed.atom`);
    }
    for (const m of world.meetingRows) paths.add(`/moeder/${m.id}`);
    for (const h of world.hearingRows) paths.add(`/hoeringer/${h.id}`);
    // Search with the most distinctive words of every secret, and with each whole secret title.
    for (const secret of world.secrets) {
      const words = secret.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 5);
      const distinctive = [...words].sort((a, b) => b.length - a.length).slice(0, 3);
      paths.add(`/soeg?q=${encodeURIComponent(distinctive.join(" "))}`);
      paths.add(`/soeg?q=${encodeURIComponent(`"${secret.slice(0, 60)}"`)}`);
    }

    const bodies: { path: string; text: string; raw: string }[] = [];
    for (const path of paths) {
      const { status, text } = await env.get(path);
      expect([200, 404], path).toContain(status);
      // A search page repeats the reader's own query; that echo is not a leak, so it is cut out first.
      const q = new URL(path, "https://x").searchParams.get("q");
      const shown = readable(text);
      bodies.push({ path, text: q ? shown.split(collapse(q)).join(" ") : shown, raw: text });
    }

    for (const secret of world.secrets) {
      for (const body of bodies) {
        if (body.text.includes(secret))
          throw new Error(`${body.path} shows unpublished text: ${secret.slice(0, 80)}`);
      }
    }
    for (const fragment of world.fragments) {
      for (const body of bodies) {
        if (body.text.includes(fragment))
          throw new Error(`${body.path} shows an unpublished passage: ${fragment}`);
      }
    }
    for (const file of world.secretFiles) {
      for (const body of bodies) expect(body.raw, body.path).not.toContain(`/bilag/${file.id}`);
      expect((await env.get(`/bilag/${file.id}`)).status).toBe(404);
    }
    // Hundreds of pages, feeds and searches in one sweep: a loaded two-core machine needs more than the usual minute.
  }, 180_000);

  it("never returns a closed or unpublished item from the search query itself", async () => {
    const world = await loadWorld();
    for (const secret of world.secrets.slice(0, 60)) {
      const words = secret.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 5);
      const hits = await searchSite(env.db, words.slice(0, 4).join(" "));
      for (const hit of hits) {
        expect(world.secretItemIds.has(hit.id), `search for "${secret.slice(0, 40)}"`).toBe(false);
        expect(collapse(hit.headline.replace(/[\u2983\u2984]/g, ""))).not.toContain(secret);
      }
    }
  });

  it("serves every public attachment and refuses every other", async () => {
    const world = await loadWorld();
    const secret = new Set(world.secretFiles.map((f) => f.id));
    for (const file of world.files) {
      const { status } = await env.get(`/bilag/${file.id}`);
      expect(status, file.id).toBe(secret.has(file.id) ? 404 : 200);
    }
  });
});
