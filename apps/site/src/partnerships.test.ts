import { demoPartnership } from "@samraad/db/demo";
import {
  findMunicipality,
  insertPartnership,
  listPartnerships,
  loadPartnership,
  updatePartnershipRow,
} from "@samraad/db/queries";
import { deadlineUrl } from "@samraad/domain/bot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapse, publicUrl, readable, siteWithDemo } from "./test-support.ts";

/** What a reader gets: tags dropped, entities decoded, whitespace collapsed. */
const words = (html: string) => collapse(readable(html.replace(/<[^>]+>/g, " ")));

let env: Awaited<ReturnType<typeof siteWithDemo>>;
let demoId: string;
let randersId: string;
beforeAll(async () => {
  env = await siteWithDemo();
  const randers = await findMunicipality(env.db, { slug: "randers" });
  if (!randers) throw new Error("no Randers");
  randersId = randers.id;
  const [demo] = await listPartnerships(env.db, { municipalityIds: [randersId], partnershipIds: [] });
  if (!demo) throw new Error("no demo partnership");
  demoId = demo.id;
}, 120_000);
afterAll(() => env.close());

describe("the public page of a partnership", () => {
  it("shows the text in force — purpose, offer, partners, next start — never budget, contacts or the unsigned amendment", async () => {
    const page = await env.get(`/partnerskaber/${demoId}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("<script");
    const text = words(page.text);
    expect(text).toContain(demoPartnership.title);
    expect(text).toContain(
      "Formål Forældrekursus for forældre til børn med handicap og efterfølgende netværksmøder.",
    );
    // The signed amendment (a fifth session) is in force; the unsigned one (a grant from a pool) is not.
    expect(text).toContain("Det tilbyder vi Fem undervisningsgange over fire måneder");
    expect(text).toContain(`${demoPartnership.organisation} (Brugerorganisation)`);
    expect(text).toContain("Randers Kommune (Kommune)");
    expect(text).toMatch(/Næste forløb begynder 28\. december 2026\./);
    expect(text).toMatch(/Aftalen er i kraft siden \d{1,2}\. [a-zæøå]+ \d{4}\./);
    for (const secret of [
      "48.000",
      "puljen",
      "Pia Partner",
      "partner@forening.demo",
      "Ole Frivillig",
      "Lise Holm",
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it("is where the chat bot's partnership link points, and speaks English with ?lang=en", async () => {
    const url = deadlineUrl(publicUrl, { target: { type: "partnership", id: demoId } });
    expect(url).toBe(`${publicUrl}/partnerskaber/${demoId}`);
    expect((await env.get(new URL(url).pathname)).status).toBe(200);
    const english = words((await env.get(`/partnerskaber/${demoId}?lang=en`)).text);
    expect(english).toContain("What we offer");
    expect(english).toContain("How to take part");
    expect(english).toContain("The next course starts on 28 December 2026.");
  });

  it("is listed for all and for Randers, and the municipality page links to Randers' list", async () => {
    const municipality = await env.get("/kommuner/randers");
    expect(municipality.text).toContain('href="/kommuner/randers/partnerskaber"');
    for (const path of ["/partnerskaber", "/kommuner/randers/partnerskaber"]) {
      const list = await env.get(path);
      expect(list.status, path).toBe(200);
      expect(list.text, path).toContain(`href="/partnerskaber/${demoId}"`);
    }
    const none = await env.get("/kommuner/odense/partnerskaber");
    expect(words(none.text)).toContain("har ingen offentliggjorte partnerskaber endnu");
    expect((await env.get("/kommuner/atlantis/partnerskaber")).status).toBe(404);
    expect((await env.get("/partnerskaber/not-a-uuid")).status).toBe(404);
  });

  it("the site search finds the partnership by its public text", async () => {
    const page = await env.get("/soeg?q=netv%C3%A6rksm%C3%B8der");
    expect(words(page.text)).toContain("I partnerskaberne: 1 resultat");
    expect(page.text).toContain(`href="/partnerskaber/${demoId}"`);
    // Budget words are not public text, so they find nothing.
    expect(words((await env.get("/soeg?q=budget")).text)).not.toContain("I partnerskaberne");
  });

  it("never shows a draft (unsigned) partnership, an unpublished one or a terminated one", async () => {
    const draft = await insertPartnership(env.db, {
      municipalityId: randersId,
      title: "Hemmeligt udkast om søskende",
      partners: [
        { kind: "municipality", name: "Randers Kommune", municipalityId: randersId },
        { kind: "organisation", name: "Søskendeforeningen" },
      ],
    });
    await updatePartnershipRow(env.db, draft.id, { published: true });
    expect((await env.get(`/partnerskaber/${draft.id}`)).status).toBe(404);
    expect((await env.get("/partnerskaber")).text).not.toContain("Hemmeligt udkast");
    expect(words((await env.get("/soeg?q=s%C3%B8skende")).text)).not.toContain("Hemmeligt udkast");

    await updatePartnershipRow(env.db, demoId, { published: false });
    expect((await env.get(`/partnerskaber/${demoId}`)).status).toBe(404);
    expect((await env.get("/partnerskaber")).text).not.toContain(demoId);
    await updatePartnershipRow(env.db, demoId, { published: true });
    expect((await env.get(`/partnerskaber/${demoId}`)).status).toBe(200);

    const kommune = (await loadPartnership(env.db, demoId))?.partners[0];
    await updatePartnershipRow(env.db, demoId, {
      terminatedOn: "2026-11-20",
      terminatedByPartnerId: kommune?.id ?? null,
      terminationReason: "Opsagt ved evalueringen",
    });
    expect((await env.get(`/partnerskaber/${demoId}`)).status).toBe(404);
    expect((await env.get("/kommuner/randers/partnerskaber")).text).not.toContain(demoId);
  });
});
