import { effectiveAt, partnershipWarnings, textInForce } from "@samraad/domain/partnerships";
import { sql } from "drizzle-orm";
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
  insertPartnership,
  insertTask,
  linkPartnershipLogin,
  listPartnerships,
  listPublishedPartnerships,
  loadPartnership,
  matchPublicTexts,
  partnershipModel,
  removeTask,
  updatePartnershipRow,
  updateSectionIfVersion,
  updateTask,
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

describe("deadlines and the council that follows a partnership", () => {
  it("a partnership without a council produces no deadlines, whatever the scope", async () => {
    const created = await insertPartnership(db, {
      municipalityId: randersId,
      title: "Uden råd",
      partners: [
        { kind: "municipality", name: "Randers Kommune", municipalityId: randersId },
        { kind: "organisation", name: "Forening uden råd" },
      ],
    });
    await insertTask(db, {
      municipalityId: randersId,
      partnershipId: created.id,
      phase: "before_course",
      title: "Opgave uden råd",
      dueOn: addDays(today, 3),
    });
    await updatePartnershipRow(db, created.id, { evaluationOn: addDays(today, 5) });
    const all = await upcomingDeadlinesFor(db, { municipalityId: randersId }, now);
    expect(all.filter((d) => d.target.id === created.id)).toEqual([]);
    // The same partnership followed by the Handicapråd does produce them: the council is what makes them appear.
    const [council] = all.filter((d) => d.target.id === partnershipId).map((d) => d.councilId);
    if (!council) throw new Error("the demo partnership has no deadlines");
    await updatePartnershipRow(db, created.id, {});
    await db.execute(
      sql`update partnerships set council_id = ${council}::uuid where id = ${created.id}::uuid`,
    );
    const followed = await upcomingDeadlinesFor(
      db,
      { municipalityId: randersId, councilIds: [council] },
      now,
    );
    expect(
      followed
        .filter((d) => d.target.id === created.id)
        .map((d) => d.kind)
        .sort(),
    ).toEqual(["partnership_evaluation", "partnership_task"]);
    await db.execute(sql`update partnerships set deleted_at = now() where id = ${created.id}::uuid`);
  });

  it("an edited task moves its deadline; a removed task has none", async () => {
    const loaded = await loadPartnership(db, partnershipId);
    const task = loaded?.tasks.find((t) => !t.doneOn && t.dueOn && t.dueOn > today);
    if (!task) throw new Error("no open task");
    const moved = addDays(today, 2);
    expect(
      await updateTask(db, partnershipId, task.id, {
        phase: task.phase,
        title: "Flyttet opgave",
        responsiblePartnerId: task.responsiblePartnerId,
        responsiblePerson: null,
        dueOn: moved,
      }),
    ).toBe(true);
    const dueOf = async () =>
      (await upcomingDeadlinesFor(db, { municipalityId: randersId }, now)).find(
        (d) => d.id === `partnership_task:${task.id}`,
      );
    expect(copenhagenDate((await dueOf())?.dueAt ?? new Date(0))).toBe(moved);
    expect((await dueOf())?.title.da).toBe(`${demoPartnership.title}: Flyttet opgave`);
    expect(await removeTask(db, partnershipId, task.id)).toBe(true);
    expect(await dueOf()).toBeUndefined();
    expect(await removeTask(db, partnershipId, task.id)).toBe(false);
  });
});

describe("the public listing", () => {
  it("lists published partnerships only, and matches their public text by Danish full-text rules", async () => {
    // The demo publishes Randers' partnership and Gribskov's cooperation agreement (a co-creation outcome).
    const listed = await listPublishedPartnerships(db);
    expect(listed.map((p) => p.title)).toEqual(["IT-frivillige på sociale tilbud", demoPartnership.title]);
    const randers = async () => listPublishedPartnerships(db, { municipalityId: randersId });
    expect((await randers()).map((p) => p.title)).toEqual([demoPartnership.title]);
    await updatePartnershipRow(db, partnershipId, { published: false });
    expect(await randers()).toEqual([]);
    await updatePartnershipRow(db, partnershipId, { published: true });
    const texts = [
      { id: "a", text: "Forældrekursus for forældre til børn med handicap" },
      { id: "b", text: "Søskendegruppe" },
    ];
    expect(await matchPublicTexts(db, "handicappet forældre", texts)).toEqual(["a"]);
    expect(await matchPublicTexts(db, "cykel", texts)).toEqual([]);
    expect(await matchPublicTexts(db, "x", [])).toEqual([]);
  });
});

// Last: it ends the demo partnership for this file's database.
describe("termination", () => {
  it("a terminated partnership's deadlines stop and it leaves the public listing", async () => {
    const before = await upcomingDeadlinesFor(db, { municipalityId: randersId }, now);
    expect(before.some((d) => d.target.id === partnershipId)).toBe(true);
    const loaded = await loadPartnership(db, partnershipId);
    const forening = loaded?.partners.find((p) => p.kind === "organisation");
    await updatePartnershipRow(db, partnershipId, {
      terminatedOn: today,
      terminatedByPartnerId: forening?.id ?? null,
      terminationReason: "Ingen frivillige",
    });
    const after = await upcomingDeadlinesFor(db, { municipalityId: randersId }, now);
    // The partnership's own deadlines (tasks, evaluation, end, amendments); evaluations have their own.
    expect(after.filter((d) => d.target.id === partnershipId && d.kind.startsWith("partnership_"))).toEqual(
      [],
    );
    expect(await listPublishedPartnerships(db, { municipalityId: randersId })).toEqual([]);
    const model = partnershipModel((await loadPartnership(db, partnershipId)) ?? (null as never));
    expect(model.termination).toEqual({ on: today, partnerId: forening?.id, reason: "Ingen frivillige" });
  });
});
