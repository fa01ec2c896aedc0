import { type Database, eq } from "@samraad/db";
import { demoCoCreation, demoCooperation } from "@samraad/db/demo";
import {
  findMunicipality,
  findProcessAgreement,
  findPublicProcessBySlug,
  insertPartnership,
  listPolicies,
  loadPartnership,
  loadPlan,
  partnershipModel,
  setActionProcess,
  updatePartnershipRow,
} from "@samraad/db/queries";
import { policyActions } from "@samraad/db/schema";
import { signForPartner } from "@samraad/db/testing";
import { effectiveAt } from "@samraad/domain/partnerships";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base, oparlWithDemo, publicUrl } from "./testing/demo-api.ts";
import { oparlValidator } from "./testing/schemas.ts";
import { dateTime } from "./time.ts";

/*
 * A co-creation process in OParl shows what it led to: the cooperation agreement once every partner's
 * signatories signed it and the partners published it — a draft, partly signed or unpublished agreement never
 * shows, not even its id — and links to its follow-up actions while they are themselves published.
 */

const now = new Date();
let db: Database;
let close: () => Promise<void>;
let app: Hono;

beforeAll(async () => {
  ({ db, app, close } = await oparlWithDemo(now));
}, 120_000);
afterAll(() => close?.());

type ProcessJson = { cooperationAgreement?: Record<string, unknown>; followUp?: string[]; type: string };

async function processOf(slug: { municipality: string; slug: string }) {
  const m = await findMunicipality(db, { slug: slug.municipality });
  const process = m ? await findPublicProcessBySlug(db, m.id, slug.slug) : null;
  if (!m || !process) throw new Error(`no demo process ${slug.slug}`);
  const fetch = async () => {
    const res = await app.request(`${base}/co-creation-process/${process.id}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, json: JSON.parse(text) as ProcessJson };
  };
  return { municipality: m, process, fetch };
}

describe("the outcome of a co-creation process in OParl", () => {
  it("shows Gribskov's signed and published cooperation agreement, valid against the vendor schema", async () => {
    const { municipality, process, fetch } = await processOf(demoCoCreation.itVolunteers);
    const agreement = await findProcessAgreement(db, municipality.id, process.id);
    const loaded = agreement ? await loadPartnership(db, agreement.id) : null;
    if (!agreement || !loaded) throw new Error("no demo agreement");
    const model = partnershipModel(loaded);
    const inForceSince = effectiveAt(model.agreement, model.partners);
    if (!inForceSince) throw new Error("the demo agreement is not signed");
    const { json } = await fetch();
    expect(json.cooperationAgreement).toEqual({
      name: agreement.title,
      partner: [
        { name: "Gribskov Kommune", kind: "Kommune", kindCode: "municipality" },
        { name: demoCooperation.organisation, kind: "Brugerorganisation", kindCode: "organisation" },
      ],
      // The moment the partnership's own page counts it in force from.
      inForceSince: dateTime(inForceSince.getTime()),
      web: `${publicUrl}/partnerskaber/${agreement.id}`,
    });
    expect(oparlValidator().errors(json)).toEqual([]);
  });

  it("never shows a draft agreement: not unpublished, not partly signed, not signed but unpublished", async () => {
    const { municipality: m, process, fetch } = await processOf(demoCoCreation.broenderslev);
    const title = "Udkast til samarbejde om en tilgængelig by";
    const draft = await insertPartnership(db, {
      municipalityId: m.id,
      title,
      coCreationProcessId: process.id,
      partners: [
        { kind: "municipality", name: m.name, municipalityId: m.id },
        { kind: "organisation", name: "Frivilligcenter Brønderslev" },
      ],
    });
    const neverShown = async () => {
      const { text, json } = await fetch();
      expect(json.cooperationAgreement).toBeUndefined();
      expect(text).not.toContain(draft.id);
      expect(text).not.toContain(title);
      expect(text).not.toContain("Frivilligcenter Brønderslev");
    };
    const sign = (partnerId: string, name: string) =>
      signForPartner(db, { municipalityId: m.id, partnershipId: draft.id }, partnerId, name, now);
    const [kommune, frivillig] = draft.partners;
    if (!kommune || !frivillig) throw new Error("partners missing");

    await neverShown();
    await updatePartnershipRow(db, draft.id, { published: true });
    await neverShown();
    await sign(kommune.id, "Anne Administrator");
    await neverShown();
    await updatePartnershipRow(db, draft.id, { published: false });
    await sign(frivillig.id, "Frida Frivillig");
    await neverShown();

    await updatePartnershipRow(db, draft.id, { published: true });
    const { json } = await fetch();
    expect(json.cooperationAgreement).toMatchObject({
      name: title,
      web: `${publicUrl}/partnerskaber/${draft.id}`,
    });
    expect(oparlValidator().errors(json)).toEqual([]);
  });

  it("links the published follow-up actions of the adopted policy, never an unpublished one", async () => {
    const { municipality: m, process, fetch } = await processOf(demoCoCreation.broenderslev);
    const [policy] = (await listPolicies(db, m.id)).filter((p) => p.status === "adopted");
    if (!policy) throw new Error("no adopted demo policy");
    const [published, hidden] = (await loadPlan(db, m.id, policy.id)).actions.filter((a) => a.published);
    if (!published || !hidden) throw new Error("the demo plan needs two published actions");
    await db.update(policyActions).set({ published: false }).where(eq(policyActions.id, hidden.id));
    await setActionProcess(db, m.id, published.id, process.id, now);
    await setActionProcess(db, m.id, hidden.id, process.id, now);

    const { text, json } = await fetch();
    expect(json.followUp).toEqual([`${base}/policy-action/${published.id}`]);
    expect(text).not.toContain(hidden.id);
    expect(oparlValidator().errors(json)).toEqual([]);
    // The link resolves to the action itself.
    expect((await app.request(`${base}/policy-action/${published.id}`)).status).toBe(200);
  });
});
