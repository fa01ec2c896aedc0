import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import { demoCoCreation } from "../demo/co-creation.ts";
import { seedDemoData } from "../demo/seed.ts";
import type { OpenedDatabase } from "../open.ts";
import { bareActionValues, createTestDatabase } from "../testing/index.ts";
import { findPublicProcessBySlug, insertProcess, setProcessStatus } from "./co-creation.ts";
import { oparlCoCreationProcesses } from "./co-creation-oparl.ts";
import { findProcessAgreement, setActionProcess } from "./co-creation-outcome.ts";
import { findMunicipality } from "./municipalities.ts";
import { updatePartnershipRow } from "./partnerships.ts";
import { insertActions, listPolicies, loadPlan } from "./policy.ts";

const now = new Date();
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let opened: OpenedDatabase;
let db: Database;

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  await seedDemoData(db, now);
});
afterAll(() => opened.close());

describe("linking a follow-up action to a process", () => {
  it("marks the process it joins and the one it leaves as modified, so a harvester fetches both again", async () => {
    const m = await findMunicipality(db, { slug: demoCoCreation.broenderslev.municipality });
    if (!m) throw new Error("no demo municipality");
    const first = await findPublicProcessBySlug(db, m.id, demoCoCreation.broenderslev.slug);
    const second = await insertProcess(db, m.id, {
      councilId: null,
      title: "Opfølgning",
      slug: "opfoelgning",
      purpose: "Formål",
      audience: null,
      area: null,
    });
    await setProcessStatus(db, m.id, second.id, "published", now);
    const [policy] = (await listPolicies(db, m.id)).filter((p) => p.status === "adopted");
    const action = policy ? (await loadPlan(db, m.id, policy.id)).actions[0] : undefined;
    if (!first || !action) throw new Error("no demo process or policy action");
    const modifiedSince = async (at: Date) =>
      (
        await oparlCoCreationProcesses(db, {
          municipalityId: m.id,
          limit: 100,
          window: { modifiedSince: at },
        })
      )
        .map((p) => p.id)
        .sort();

    expect(await setActionProcess(db, m.id, action.id, first.id, later(1))).toBe(true);
    expect(await modifiedSince(later(1))).toEqual([first.id]);

    await setActionProcess(db, m.id, action.id, second.id, later(2));
    expect(await modifiedSince(later(2))).toEqual([first.id, second.id].sort());

    await setActionProcess(db, m.id, action.id, null, later(3));
    expect(await modifiedSince(later(3))).toEqual([second.id]);
  });

  it("touches nothing for an action of another municipality", async () => {
    const m = await findMunicipality(db, { slug: demoCoCreation.broenderslev.municipality });
    const other = await findMunicipality(db, { slug: "randers" });
    if (!m || !other) throw new Error("no demo municipality");
    const process = await findPublicProcessBySlug(db, m.id, demoCoCreation.broenderslev.slug);
    const [policy] = (await listPolicies(db, m.id)).filter((p) => p.status === "adopted");
    const action = policy ? (await loadPlan(db, m.id, policy.id)).actions[0] : undefined;
    if (!process || !action) throw new Error("no demo process or policy action");
    expect(await setActionProcess(db, other.id, action.id, process.id, later(10))).toBe(false);
    const page = await oparlCoCreationProcesses(db, {
      municipalityId: m.id,
      limit: 100,
      window: { modifiedSince: later(10) },
    });
    expect(page).toEqual([]);
  });

  it("marks the process modified when a new action is added as its follow-up", async () => {
    const m = await findMunicipality(db, { slug: demoCoCreation.broenderslev.municipality });
    if (!m) throw new Error("no demo municipality");
    const process = await findPublicProcessBySlug(db, m.id, demoCoCreation.broenderslev.slug);
    const [policy] = (await listPolicies(db, m.id)).filter((p) => p.status === "adopted");
    if (!process || !policy) throw new Error("no demo process or policy");
    const window = { modifiedSince: later(20) };
    const modified = async () =>
      (await oparlCoCreationProcesses(db, { municipalityId: m.id, limit: 100, window })).map((p) => p.id);

    await insertActions(db, m.id, policy.id, [bareActionValues("Uden forløb")], later(20));
    expect(await modified()).toEqual([]);
    await insertActions(
      db,
      m.id,
      policy.id,
      [{ ...bareActionValues("Ramper ved idrætshallen"), coCreationProcessId: process.id }],
      later(21),
    );
    expect(await modified()).toEqual([process.id]);
  });

  it("marks the process modified when its agreement is published or withdrawn, so a harvester sees it come and go", async () => {
    const m = await findMunicipality(db, { slug: demoCoCreation.itVolunteers.municipality });
    const process = m ? await findPublicProcessBySlug(db, m.id, demoCoCreation.itVolunteers.slug) : null;
    const agreement = m && process ? await findProcessAgreement(db, m.id, process.id) : null;
    if (!m || !process || !agreement) throw new Error("no demo agreement");
    const since = new Date();
    const modifiedSince = async () =>
      (
        await oparlCoCreationProcesses(db, {
          municipalityId: m.id,
          limit: 100,
          window: { modifiedSince: since },
        })
      ).map((p) => p.id);
    expect(await modifiedSince()).toEqual([]);
    await updatePartnershipRow(db, agreement.id, { published: false });
    expect(await modifiedSince()).toEqual([process.id]);
  });
});
