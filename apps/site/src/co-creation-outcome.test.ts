import { eq } from "@samraad/db";
import { demoCoCreation, demoCooperation } from "@samraad/db/demo";
import {
  findMunicipality,
  findProcessAgreement,
  findPublicProcessBySlug,
  insertPartnership,
  listPolicies,
  loadPlan,
  setActionProcess,
  updatePartnershipRow,
} from "@samraad/db/queries";
import { policyActions } from "@samraad/db/schema";
import { signForPartner } from "@samraad/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapse, readable, siteWithDemo, testNow } from "./test-support.ts";

/*
 * A process page shows what the process led to: the cooperation agreement only once every partner has signed
 * it and it is published, and the published follow-up actions of the adopted disability policy.
 */

const words = (html: string) => collapse(readable(html.replace(/<[^>]+>/g, " ")));
const gribskovPage = `/kommuner/gribskov/samskabelse/${demoCoCreation.itVolunteers.slug}`;
const broenderslevPage = `/kommuner/broenderslev/samskabelse/${demoCoCreation.broenderslev.slug}`;

let env: Awaited<ReturnType<typeof siteWithDemo>>;

beforeAll(async () => {
  env = await siteWithDemo();
}, 120_000);
afterAll(() => env.close());

describe("the outcome on a process page", () => {
  it("shows Gribskov's signed cooperation agreement with its parties and a link to it, in Danish and English", async () => {
    const res = await env.get(gribskovPage);
    expect(res.status).toBe(200);
    const text = words(res.text);
    expect(text).toContain("Resultat af forløbet");
    expect(text).toContain("Samarbejdsaftale");
    expect(text).toContain("Aftalen er underskrevet af alle parter og i kraft siden 13. november 2026.");
    expect(text).toContain(
      `Gribskov Kommune (kommune), ${demoCooperation.organisation} (brugerorganisation)`,
    );
    const gribskov = await findMunicipality(env.db, { slug: "gribskov" });
    const process = gribskov
      ? await findPublicProcessBySlug(env.db, gribskov.id, demoCoCreation.itVolunteers.slug)
      : null;
    const agreement =
      gribskov && process ? await findProcessAgreement(env.db, gribskov.id, process.id) : null;
    if (!agreement) throw new Error("no demo agreement");
    expect(res.text).toContain(`href="/partnerskaber/${agreement.id}"`);
    expect(text).toContain(`Læs samarbejdsaftalen: ${demoCoCreation.itVolunteers.title}`);

    const linked = words((await env.get(`/partnerskaber/${agreement.id}`)).text);
    expect(linked).toContain("De frivillige er borgere med IT-kompetencer");
    expect(linked).not.toContain("25.000 kr."); // the budget stays internal
    expect(linked).toContain(
      `Samarbejdsaftale – resultat af samskabelsesforløbet ${demoCoCreation.itVolunteers.title}`,
    );

    const english = words((await env.get(`${gribskovPage}?lang=en`)).text);
    expect(english).toContain("What the process led to");
    expect(english).toContain("Signed by every party and in force since 13 November 2026.");
  });

  it("never shows a draft: not before everyone signed, and not before the partners publish it", async () => {
    const m = await findMunicipality(env.db, { slug: "broenderslev" });
    const process = m ? await findPublicProcessBySlug(env.db, m.id, demoCoCreation.broenderslev.slug) : null;
    if (!m || !process) throw new Error("no demo process");
    const created = await insertPartnership(env.db, {
      municipalityId: m.id,
      title: "Tilgængelig by – samarbejdsaftale",
      coCreationProcessId: process.id,
      partners: [
        { kind: "municipality", name: m.name, municipalityId: m.id },
        { kind: "organisation", name: "Frivilligcenter Brønderslev" },
      ],
    });
    const shown = async () => words((await env.get(broenderslevPage)).text).includes("Samarbejdsaftale");
    const publicPage = async () => (await env.get(`/partnerskaber/${created.id}`)).status;
    await updatePartnershipRow(env.db, created.id, { published: true });
    expect(await shown()).toBe(false);

    const sign = (partnerId: string, name: string) =>
      signForPartner(env.db, { municipalityId: m.id, partnershipId: created.id }, partnerId, name, testNow);
    const [kommune, frivillig] = created.partners;
    if (!kommune || !frivillig) throw new Error("partners missing");
    await sign(kommune.id, "Anne Administrator");
    expect(await shown()).toBe(false);
    expect(await publicPage()).toBe(404);

    await sign(frivillig.id, "Frida Frivillig");
    await updatePartnershipRow(env.db, created.id, { published: false });
    expect(await shown()).toBe(false);
    expect(await publicPage()).toBe(404);

    await updatePartnershipRow(env.db, created.id, { published: true });
    expect(await shown()).toBe(true);
    expect(await publicPage()).toBe(200);
  });

  it("lists follow-up actions of the adopted policy, but not an unpublished one", async () => {
    const m = await findMunicipality(env.db, { slug: "broenderslev" });
    const process = m ? await findPublicProcessBySlug(env.db, m.id, demoCoCreation.broenderslev.slug) : null;
    const [policy] = m ? (await listPolicies(env.db, m.id)).filter((p) => p.status === "adopted") : [];
    if (!m || !process || !policy) throw new Error("no demo policy");
    const plan = await loadPlan(env.db, m.id, policy.id);
    const [published, hidden] = plan.actions.filter((a) => a.published);
    if (!published || !hidden) throw new Error("the demo plan needs two published actions");
    await env.db.update(policyActions).set({ published: false }).where(eq(policyActions.id, hidden.id));
    await setActionProcess(env.db, m.id, published.id, process.id, testNow);
    await setActionProcess(env.db, m.id, hidden.id, process.id, testNow);
    const res = await env.get(broenderslevPage);
    const text = words(res.text);
    expect(text).toContain("Opfølgning i handicappolitikkens handlingsplan");
    expect(text).toContain(collapse(published.handling));
    expect(text).not.toContain(collapse(hidden.handling));
    expect(res.text).toContain(`href="/handicappolitik/${policy.id}"`);
  });
});
