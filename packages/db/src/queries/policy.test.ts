import { planFindings, planProgress } from "@samraad/domain/policy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import { demoPolicy, seedDemoData } from "../demo/seed.ts";
import { copenhagenDate } from "../demo/time.ts";
import type { OpenedDatabase } from "../open.ts";
import { createTestDatabase } from "../testing/index.ts";
import { upcomingDeadlinesFor } from "./deadlines.ts";
import { findMunicipality } from "./municipalities.ts";
import { listPolicies, loadPlan, searchPublicPolicies } from "./policy.ts";

const now = new Date();
const today = copenhagenDate(now);
let opened: OpenedDatabase;
let db: Database;

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  await seedDemoData(db, now);
});
afterAll(() => opened.close());

async function municipality(slug: string) {
  const m = await findMunicipality(db, { slug });
  if (!m) throw new Error(`no ${slug}`);
  return m;
}

describe("demo policies", () => {
  it.each(["randers", "viborg", "favrskov"])(
    "%s has an adopted action plan with 3–5 actions, some done, some overdue, some coming up",
    async (slug) => {
      const m = await municipality(slug);
      const [policy] = await listPolicies(db, m.id, { publicOnly: true });
      if (!policy) throw new Error("no adopted policy");
      const plan = await loadPlan(db, m.id, policy.id);
      expect(plan.actions.length).toBeGreaterThanOrEqual(3);
      expect(plan.actions.length).toBeLessThanOrEqual(5);
      const rules = plan.actions.map((a) => ({ ...a, percent: a.progress[0]?.percent ?? null }));
      expect(rules.some((a) => a.status === "done")).toBe(true);
      const codes = planFindings({ actions: rules }, today).map((f) => f.code);
      expect(codes).toContain("action.overdue");
      expect(codes).not.toContain("policy.too_few_concrete_actions");
      expect(rules.some((a) => a.dueOn && a.dueOn > today && a.status !== "done")).toBe(true);
    },
  );

  it("Brønderslev's adopted policy carries the Nordjysk Socialaftale focus areas; its draft is not public", async () => {
    const m = await municipality("broenderslev");
    const visible = await listPolicies(db, m.id, { publicOnly: true });
    expect(visible.map((p) => p.title)).not.toContain(demoPolicy.draftTitle);
    expect((await listPolicies(db, m.id)).map((p) => p.title)).toContain(demoPolicy.draftTitle);
    const [policy] = visible;
    if (!policy) throw new Error("no adopted policy");
    const plan = await loadPlan(db, m.id, policy.id);
    expect(plan.focusAreas.map((f) => f.title)).toEqual([
      "Den gode alderdom for borgere med et handicap",
      "Flere borgere med behov for hjælp i socialpsykiatrien",
      "Hvordan udvikles de bedste og billigste tilbud i Nordjylland?",
    ]);
    const progress = planProgress(
      { ...plan, actions: plan.actions.map((a) => ({ ...a, percent: a.progress[0]?.percent ?? null })) },
      today,
    );
    expect(progress.byFocusArea[1]?.progress.percent).toBe(100);
  });

  it("the public plan leaves unpublished actions out", async () => {
    const m = await municipality("randers");
    const [policy] = await listPolicies(db, m.id, { publicOnly: true });
    if (!policy) throw new Error("no adopted policy");
    const publicPlan = await loadPlan(db, m.id, policy.id, { publicOnly: true });
    const internalPlan = await loadPlan(db, m.id, policy.id);
    expect(publicPlan.actions.map((a) => a.handling)).not.toContain(demoPolicy.unpublishedActionHandling);
    expect(internalPlan.actions.map((a) => a.handling)).toContain(demoPolicy.unpublishedActionHandling);
  });
});

describe("policy deadlines through the one loader", () => {
  it("action due dates and the follow-up appear for the council, soonest first, never done ones", async () => {
    const m = await municipality("randers");
    const list = await upcomingDeadlinesFor(db, { municipalityId: m.id }, now, {
      kinds: ["action_due", "policy_follow_up"],
    });
    expect(list.map((d) => d.title.da)).toEqual([
      `Handling: ${demoPolicy.unpublishedActionHandling}`,
      "Handling: Tilgængelighedsgennemgang af Randers Rådhus sammen med Handicaprådet",
      "Opfølgning: Randers Kommunes handicappolitik",
      "Handling: Kursus i tilgængelig kommunikation for sagsbehandlere",
    ]);
  });

  it("the public sees neither unpublished actions nor the draft policy's deadlines", async () => {
    for (const slug of ["randers", "broenderslev"]) {
      const m = await municipality(slug);
      const all = await upcomingDeadlinesFor(db, { municipalityId: m.id, publicOnly: true }, now);
      const titles = all.map((d) => d.title.da).join("\n");
      expect(titles).not.toContain(demoPolicy.unpublishedActionHandling);
      expect(titles).not.toContain(demoPolicy.draftActionHandling);
      expect(titles).not.toContain(demoPolicy.draftTitle);
    }
    const b = await municipality("broenderslev");
    const internal = await upcomingDeadlinesFor(db, { municipalityId: b.id }, now);
    expect(internal.map((d) => d.title.da)).toContain(`Handling: ${demoPolicy.draftActionHandling}`);
  });
});

describe("search over actions and goals", () => {
  it("finds published actions and goals of adopted policies, never drafts or unpublished actions", async () => {
    const hits = await searchPublicPolicies(db, "tilgængelighedsgennemgang");
    expect(hits.map((h) => [h.kind, h.municipalitySlug])).toContainEqual(["action", "randers"]);
    const goalsHit = await searchPublicPolicies(db, "ventetid");
    expect(goalsHit.map((h) => h.title)).toContain("Hurtig hjælp uden lang ventetid");
    expect(await searchPublicPolicies(db, "besparelser hjælpemidler")).toEqual([]);
    expect(await searchPublicPolicies(db, "budgetønske tilgængelighedspulje")).toEqual([]);
  });
});
