import { effectiveAt, partnershipWarnings, textInForce } from "@samraad/domain/partnerships";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import { demoPartnership, seedDemoData } from "../demo/seed.ts";
import { addDays, copenhagenDate } from "../demo/time.ts";
import type { OpenedDatabase } from "../open.ts";
import { user } from "../schema/index.ts";
import { createTestDatabase } from "../testing/index.ts";
import { upcomingDeadlinesFor } from "./deadlines.ts";
import { findMunicipality } from "./municipalities.ts";
import {
  linkPartnershipLogin,
  listPartnerships,
  loadPartnership,
  partnershipModel,
  updateSectionIfVersion,
} from "./partnerships.ts";

const now = new Date();
const today = copenhagenDate(now);
let opened: OpenedDatabase;
let db: Database;
let randersId: string;
let partnershipId: string;

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  await seedDemoData(db, now);
  const randers = await findMunicipality(db, { slug: "randers" });
  if (!randers) throw new Error("no Randers");
  randersId = randers.id;
  const [p] = await listPartnerships(db, { municipalityIds: [randersId], partnershipIds: [] });
  if (!p) throw new Error("no demo partnership");
  partnershipId = p.id;
});
afterAll(() => opened.close());

describe("the demo partnership", () => {
  it("given the seed, then Randers has one partnership with a signed agreement, one signed and one unsigned amendment", async () => {
    const loaded = await loadPartnership(db, partnershipId);
    if (!loaded) throw new Error("not loaded");
    expect(loaded.partnership.title).toBe(demoPartnership.title);
    const model = partnershipModel(loaded);
    expect(model.partners.map((p) => p.name)).toEqual(["Randers Kommune", demoPartnership.organisation]);
    expect(effectiveAt(model.agreement, model.partners)).not.toBeNull();
    expect(model.amendments.map((a) => effectiveAt(a, model.partners) !== null)).toEqual([true, false]);
    const inForce = textInForce(model.agreement, model.amendments, model.partners, now);
    expect(inForce?.sections.content).toMatch(/^Fem undervisningsgange/);
    expect(inForce?.sections.financing).not.toMatch(/puljen/);
    expect(loaded.steering).toHaveLength(5);
    expect(loaded.tasks.length).toBeGreaterThan(20);
  });

  it("shows the eight-families warning and no other", async () => {
    const loaded = await loadPartnership(db, partnershipId);
    if (!loaded) throw new Error("not loaded");
    const p = loaded.partnership;
    const findings = partnershipWarnings({
      familiesRecruited: p.familiesRecruited,
      firstSessionOn: p.firstSessionOn,
      recruitmentStartsOn: p.recruitmentStartsOn,
      volunteerCoordinator: p.volunteerCoordinator,
    });
    expect(findings.map((f) => f.code)).toEqual(["partnership.few_families"]);
  });

  it("feeds the yearly evaluation, the unsigned amendment and open tasks into the one deadlines loader (internal only)", async () => {
    const all = await upcomingDeadlinesFor(db, { municipalityId: randersId }, now, { horizonDays: 60 });
    const kinds = all.filter((d) => d.target.type === "partnership").map((d) => d.kind);
    expect(kinds).toContain("partnership_evaluation");
    expect(kinds).toContain("partnership_amendment_unsigned");
    expect(kinds).toContain("partnership_task");
    const evaluation = all.find((d) => d.kind === "partnership_evaluation");
    expect(copenhagenDate(evaluation?.dueAt ?? new Date(0))).toBe(
      addDays(today, demoPartnership.evaluationInDays),
    );
    const unsigned = all.find((d) => d.kind === "partnership_amendment_unsigned");
    expect(copenhagenDate(unsigned?.dueAt ?? new Date(0))).toBe(addDays(today, 9));
    const publicList = await upcomingDeadlinesFor(db, { municipalityId: randersId, publicOnly: true }, now);
    expect(publicList.filter((d) => d.target.type === "partnership")).toEqual([]);
  });

  it("a partnership is listed for a partner grant by id, and not for another municipality", async () => {
    const broenderslev = await findMunicipality(db, { slug: "broenderslev" });
    if (!broenderslev) throw new Error("no Brønderslev");
    expect(await listPartnerships(db, { municipalityIds: [broenderslev.id], partnershipIds: [] })).toEqual(
      [],
    );
    const byId = await listPartnerships(db, { municipalityIds: [], partnershipIds: [partnershipId] });
    expect(byId.map((p) => p.id)).toEqual([partnershipId]);
  });
});

describe("section edits", () => {
  it("given two editors on version 1, when both save, then only the first wins and the second gets nothing", async () => {
    const first = await updateSectionIfVersion(db, {
      partnershipId,
      section: "amendments",
      text: "Første",
      version: 1,
      userId: "u-a",
    });
    const second = await updateSectionIfVersion(db, {
      partnershipId,
      section: "amendments",
      text: "Anden",
      version: 1,
      userId: "u-b",
    });
    expect(first).toEqual({ version: 2 });
    expect(second).toBeNull();
    const loaded = await loadPartnership(db, partnershipId);
    expect(loaded?.sections.find((s) => s.section === "amendments")?.text).toBe("Første");
  });

  it("links a login to the people with that email", async () => {
    await db.insert(user).values({ id: "u-partner", name: "Pia Partner", email: "partner@forening.demo" });
    const linked = await linkPartnershipLogin(db, "PARTNER@forening.demo", "u-partner");
    expect(linked.map((l) => l.partnershipId)).toEqual([partnershipId]);
  });
});
