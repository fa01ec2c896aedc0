import { and, eq } from "@samraad/db";
import { demoCoCreation } from "@samraad/db/demo";
import { findMunicipality, findPublicProcessBySlug, listRegistrations } from "@samraad/db/queries";
import { coCreationRegistrations } from "@samraad/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapse, readable, siteWithDemo } from "./test-support.ts";

const words = (html: string) => collapse(readable(html.replace(/<[^>]+>/g, " ")));
const b = demoCoCreation.broenderslev;
const page = `/kommuner/broenderslev/samskabelse/${b.slug}`;

let env: Awaited<ReturnType<typeof siteWithDemo>>;
let municipalityId: string;
let processId: string;

beforeAll(async () => {
  env = await siteWithDemo();
  const m = await findMunicipality(env.db, { slug: "broenderslev" });
  const p = m ? await findPublicProcessBySlug(env.db, m.id, b.slug) : null;
  if (!m || !p) throw new Error("no demo process");
  municipalityId = m.id;
  processId = p.id;
}, 120_000);
afterAll(() => env.close());

async function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await env.site.request(path, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The sign-up link of a session on the process page, found by the session's title. */
async function signUpPath(title: string) {
  const html = (await env.get(page)).text;
  const article = html.split("<article").find((a) => readable(a).includes(title));
  const href = article?.match(/href="([^"]*\/tilmelding\/[^"]+)"/)?.[1];
  if (!href) throw new Error(`no sign-up link for ${title}`);
  return href.replace(/&amp;/g, "&");
}

describe("the process pages", () => {
  it("lists the municipality's published processes with their current phase, never a draft", async () => {
    const list = await env.get("/kommuner/broenderslev/samskabelse");
    expect(list.status).toBe(200);
    const text = words(list.text);
    expect(text).toContain("Samskabelse i Brønderslev Kommune");
    expect(text).toContain(b.title);
    expect(text).toContain("Nu: Invitation");
    expect(text).not.toContain("Fritidsliv");
    expect((await env.get(`/kommuner/broenderslev/samskabelse/${b.draftSlug}`)).status).toBe(404);
    const municipalityPage = (await env.get("/kommuner/broenderslev")).text;
    expect(municipalityPage).toContain('href="/kommuner/broenderslev/samskabelse"');
  });

  it("shows purpose, phases with the current one marked, and sessions with accessibility facts and places", async () => {
    const res = await env.get(page);
    expect(res.status).toBe(200);
    const text = words(res.text);
    expect(text).toContain("Byrådet har afsat 250.000 kr.");
    expect(res.text).toMatch(
      /<li class="phase phase-current" aria-current="step">\s*<strong>Invitation<\/strong>/,
    );
    expect(text).toContain("Invitation (Invitation) (nuværende fase)");
    expect(text).toContain("Teleslynge i lokalet");
    expect(text).toContain("Tegnsprogstolk efter aftale");
    expect(text).toContain("Børnepasning");
    expect(text).toContain("57 ledige pladser af 60");
    expect(text).toContain("Alle pladser er optaget. Du kan skrive dig på ventelisten (1 venter).");
    expect(text).toContain(`Skriv dig på venteliste til ${b.fullSessionTitle}`);
    // Names and needs of those signed up never reach the public page.
    expect(text).not.toContain("Birthe Nielsen");
    expect(text).not.toContain("Tegnsprogstolk, tak");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("speaks English with ?lang=en", async () => {
    const text = words((await env.get(`${page}?lang=en`)).text);
    expect(text).toContain("Hearing loop in the room");
    expect(text).toContain("57 places left of 60");
  });

  it("has the sessions as an iCal feed and is found by the search", async () => {
    const ics = await env.get(`${page}/kalender.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(readable(ics.text)).toContain(`SUMMARY:${b.title}: ${b.fullSessionTitle}`);
    expect((await env.get(`/kommuner/broenderslev/samskabelse/${b.draftSlug}/kalender.ics`)).status).toBe(
      404,
    );
    const search = words((await env.get("/soeg?q=midtby")).text);
    expect(search).toContain("Samskabelsesforløb");
    expect(search).toContain(b.title);
    expect(words((await env.get("/soeg?q=foreningslivet")).text)).not.toContain("Fritidsliv");
  });

  it("sends deadline links by process id to the process page", async () => {
    const res = await env.site.request(`/samskabelse/${processId}?lang=en`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${page}?lang=en`);
  });
});

describe("signing up without JavaScript", () => {
  it("re-renders the form with an error summary and Danish field errors, storing nothing", async () => {
    const path = await signUpPath("Idémøde 1");
    const before = (await listRegistrations(env.db, municipalityId, processId)).length;
    const res = await post(path, { name: "", email: "ikke-en-adresse", needs: "" });
    expect(res.status).toBe(400);
    expect(res.text).toContain('role="alert"');
    expect(res.text).toMatch(/<a href="#name">Udfyld feltet<\/a>/);
    expect(words(res.text)).toContain("Fejl: Skriv en gyldig e-mailadresse");
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('value="ikke-en-adresse"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await listRegistrations(env.db, municipalityId, processId)).length).toBe(before);
    const en = await post(`${path}?lang=en`, { name: "", email: "x@example.dk" });
    expect(words(en.text)).toContain("Error: Fill in the field");
  });

  it("signs up, redirects to a private receipt, and counts the place", async () => {
    const path = await signUpPath("Idémøde 1");
    const res = await post(path, {
      name: "Grethe Holm",
      email: "grethe@example.dk",
      needs: "Glutenfri kost",
    });
    expect(res.status).toBe(303);
    const receipt = res.headers.get("location") ?? "";
    expect(receipt).toMatch(/^\/kommuner\/broenderslev\/samskabelse\/tilmelding\/[A-Za-z0-9_-]{32}$/);
    const got = await env.get(receipt);
    expect(got.status).toBe(200);
    const text = words(got.text);
    expect(text).toContain("Tak, Grethe Holm. Du er tilmeldt.");
    expect(text).not.toContain("Glutenfri kost");
    expect(got.headers.get("cache-control")).toBe("no-store");
    expect(got.headers.get("x-robots-tag")).toBe("noindex");
    expect(got.headers.get("referrer-policy")).toBe("same-origin");
    expect(words((await env.get(page)).text)).toContain("56 ledige pladser af 60");
    const stored = await listRegistrations(env.db, municipalityId, processId);
    expect(stored.find((r) => r.name === "Grethe Holm")).toMatchObject({
      status: "confirmed",
      needs: "Glutenfri kost",
    });
  });

  it("puts people on the waiting list of a full session, and moves them up when someone cancels from the receipt", async () => {
    const path = await signUpPath(b.fullSessionTitle);
    const form = await env.get(path);
    expect(words(form.text)).toContain("Skriv mig på ventelisten");
    const res = await post(path, { name: "Hans Berg", email: "hans@example.dk" });
    const receipt = res.headers.get("location") ?? "";
    expect(words((await env.get(receipt)).text)).toContain("du står på ventelisten som nummer 2");

    // Someone with a seat signs up and cancels again through their own receipt.
    const walk = (await listRegistrations(env.db, municipalityId, processId)).filter(
      (r) => r.sessionTitle === b.fullSessionTitle,
    );
    expect(walk.filter((r) => r.status === "waiting").map((r) => r.name)).toEqual([
      "Mette Poulsen",
      "Hans Berg",
    ]);
    const first = await post(
      `/kommuner/broenderslev/samskabelse/${b.slug}/tilmelding/${walk[0]?.sessionId}`,
      {
        name: "Ida Dahl",
        email: "ida@example.dk",
      },
    );
    const idaReceipt = first.headers.get("location") ?? "";
    expect(words((await env.get(idaReceipt)).text)).toContain("ventelisten som nummer 3");
    const cancelled = await post(`${idaReceipt}/annuller`, {});
    expect(cancelled.status).toBe(303);
    expect(words((await env.get(idaReceipt)).text)).toContain("Din tilmelding er annulleret.");
    expect(words((await env.get(receipt)).text)).toContain("ventelisten som nummer 2");

    // A person with a seat cancels from their receipt: the first in line gets the place, Hans moves to 1.
    const [seated] = await env.db
      .select({ token: coCreationRegistrations.cancelToken })
      .from(coCreationRegistrations)
      .where(
        and(
          eq(coCreationRegistrations.name, "Ahmad Haddad"),
          eq(coCreationRegistrations.municipalityId, municipalityId),
        ),
      );
    const ahmad = `/kommuner/broenderslev/samskabelse/tilmelding/${seated?.token}`;
    expect(words((await env.get(ahmad)).text)).toContain("Du er tilmeldt.");
    expect((await post(`${ahmad}/annuller`, {})).status).toBe(303);
    expect(words((await env.get(receipt)).text)).toContain("ventelisten som nummer 1");
    const after = (await listRegistrations(env.db, municipalityId, processId)).filter(
      (r) => r.sessionTitle === b.fullSessionTitle,
    );
    expect(after.find((r) => r.name === "Mette Poulsen")?.status).toBe("confirmed");
  });

  it("refuses a sign-up posted from another site, storing nothing", async () => {
    const path = await signUpPath("Idémøde 1");
    const before = (await listRegistrations(env.db, municipalityId, processId)).length;
    const res = await post(
      path,
      { name: "Mallory", email: "m@example.dk" },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect((await listRegistrations(env.db, municipalityId, processId)).length).toBe(before);
  });

  it("has no receipt for an unknown or malformed token", async () => {
    expect(
      (await env.get("/kommuner/broenderslev/samskabelse/tilmelding/abcdefghijklmnopqrstuvwxyz012345"))
        .status,
    ).toBe(404);
    expect((await env.get("/kommuner/broenderslev/samskabelse/tilmelding/x")).status).toBe(404);
  });

  it("shows why sign-up is closed for a finished process (Silkeborg) and takes no sign-up there", async () => {
    const c = demoCoCreation.jobcentre;
    const res = await env.get(`/kommuner/${c.municipality}/samskabelse/${c.slug}`);
    expect(res.status).toBe(200);
    expect(words(res.text)).toContain("Afsluttet");
    expect(res.text).not.toContain("/tilmelding/");
  });
});
