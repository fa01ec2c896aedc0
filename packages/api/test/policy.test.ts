import { eq } from "@samraad/db";
import { demoPolicy } from "@samraad/db/demo";
import {
  insertActions,
  insertFocusArea,
  insertGoal,
  listAgendaItems,
  listPolicies,
  loadPlan,
  searchPublicPolicies,
  upcomingDeadlinesFor,
} from "@samraad/db/queries";
import { auditLog } from "@samraad/db/schema";
import { bareActionValues } from "@samraad/db/testing";
import { type FieldError, fieldErrors, localDate } from "@samraad/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { demoFixture, outcome } from "./fixture.ts";

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
type Who = keyof Fixture["principals"];
/**
 * Dates in the plan are next year's: the demo dates the adopted policy's period relative to today (1 January
 * last year to 31 December in two years), so a fixed year would one day fall before the policy starts.
 */
const next = Number(localDate(new Date()).slice(0, 4)) + 1;
let f: Fixture;
let adopted: { id: string; periodFrom: string | null };
let draft: { id: string };
let focusAreaId: string;
let actionId: string;

beforeAll(async () => {
  f = await demoFixture(new Date());
  const all = await listPolicies(f.db, f.broenderslev.id);
  const a = all.find((p) => p.status === "adopted");
  const d = all.find((p) => p.title === demoPolicy.draftTitle);
  if (!a || !d) throw new Error("demo policies missing");
  adopted = a;
  draft = d;
  const plan = await loadPlan(f.db, f.broenderslev.id, a.id);
  const area = plan.focusAreas[0];
  const action = plan.actions.find((x) => x.status === "in_progress");
  if (!area || !action) throw new Error("demo plan incomplete");
  focusAreaId = area.id;
  actionId = action.id;
});
afterAll(() => f.close());

const everyone: Who[] = ["adminBroenderslev", "secretary", "member", "adminRanders", "public"];
const editors: Who[] = ["adminBroenderslev", "secretary"];
const readers: Who[] = ["adminBroenderslev", "secretary", "member"];
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

const matrix: { name: string; allowed: Who[]; call: (as: ReturnType<Fixture["as"]>) => Promise<unknown> }[] =
  [
    {
      name: "policy.list",
      allowed: everyone,
      call: (as) => as.policy.list({ municipalityId: f.broenderslev.id }),
    },
    {
      name: "policy.get (adopted)",
      allowed: everyone,
      call: (as) => as.policy.get({ policyId: adopted.id }),
    },
    { name: "policy.get (draft)", allowed: readers, call: (as) => as.policy.get({ policyId: draft.id }) },
    {
      name: "policy.exportCsv (draft)",
      allowed: readers,
      call: (as) => as.policy.exportCsv({ policyId: draft.id }),
    },
    {
      name: "policy.create",
      allowed: editors,
      call: (as) => as.policy.create({ councilId: f.handicapraad.id, title: "Ny handicappolitik" }),
    },
    {
      name: "policy.update",
      allowed: editors,
      call: (as) => as.policy.update({ policyId: draft.id, vision: "Et samfund for alle." }),
    },
    {
      name: "policy.setStatus",
      allowed: editors,
      call: (as) => as.policy.setStatus({ policyId: draft.id, status: "in_consultation" }),
    },
    {
      name: "policy.addFocusArea",
      allowed: editors,
      call: (as) => as.policy.addFocusArea({ policyId: adopted.id, title: "Bolig" }),
    },
    {
      name: "policy.addGoal",
      allowed: editors,
      call: (as) =>
        as.policy.addGoal({
          focusAreaId,
          title: "Flere tilgængelige boliger",
          criteria: [{ indicator: "Tilgængelige boliger", target: "50", unit: "boliger" }],
        }),
    },
    {
      name: "policy.addAction",
      allowed: editors,
      call: (as) =>
        as.policy.addAction({
          policyId: adopted.id,
          handling: "Boligtjek",
          ownerName: "Lise",
          ownerSector: "teknik_miljoe",
          dueOn: `${next}-03-01`,
        }),
    },
    {
      name: "policy.updateAction",
      allowed: editors,
      call: (as) =>
        as.policy.updateAction({
          actionId,
          handling: "Overgangsplan for alle over 60 år",
          ownerName: "Hanne Mikkelsen",
          ownerSector: "social",
          dueOn: `${next}-01-15`,
          status: "in_progress",
        }),
    },
    {
      name: "policy.removeAction",
      allowed: editors,
      call: async (as) => {
        // A fresh action per call, written without the API so it adds no audit entry.
        const [row] = await insertActions(
          f.db,
          f.broenderslev.id,
          adopted.id,
          [bareActionValues("Fjernes")],
          new Date(),
        );
        if (!row) throw new Error("no action");
        return as.policy.removeAction({ actionId: row.id });
      },
    },
    {
      name: "policy.removeGoal",
      allowed: editors,
      call: async (as) => {
        const goal = await insertGoal(
          f.db,
          f.broenderslev.id,
          { policyId: adopted.id, focusAreaId, title: "Fjernes", description: null },
          [],
        );
        return as.policy.removeGoal({ goalId: goal.id });
      },
    },
    {
      name: "policy.removeFocusArea",
      allowed: editors,
      call: async (as) => {
        const area = await insertFocusArea(f.db, f.broenderslev.id, {
          policyId: adopted.id,
          title: "Fjernes",
          description: null,
        });
        return as.policy.removeFocusArea({ focusAreaId: area.id });
      },
    },
    {
      name: "policy.reorderActions",
      allowed: editors,
      call: async (as) => {
        const plan = await loadPlan(f.db, f.broenderslev.id, adopted.id);
        return as.policy.reorderActions({
          policyId: adopted.id,
          actionIds: plan.actions.map((a) => a.id).reverse(),
        });
      },
    },
    {
      name: "policy.updateProgress",
      allowed: editors,
      call: (as) =>
        as.policy.updateProgress({
          actionId,
          on: localDate(f.clock.now),
          text: "Godt i gang",
          status: "in_progress",
          percent: 60,
        }),
    },
    {
      name: "policy.importActions",
      allowed: editors,
      call: (as) =>
        as.policy.importActions({
          policyId: adopted.id,
          fileBase64: b64(
            `Handling;Mål;Tovholder;Hvor/når;Status\nKursus;;Lise (Social);Rådhuset, ${next}-02-01;\n`,
          ),
          dryRun: true,
        }),
    },
    {
      name: "policy.followUpOnAgenda",
      allowed: editors,
      call: (as) => {
        const planned = f.meetings.find((m) => m.status === "planned");
        if (!planned) throw new Error("no planned meeting");
        return as.policy.followUpOnAgenda({ policyId: adopted.id, meetingId: planned.id });
      },
    },
  ];

describe("policy role matrix", () => {
  for (const entry of matrix) {
    for (const who of everyone) {
      const allowed = entry.allowed.includes(who);
      it(`${entry.name} is ${allowed ? "allowed" : "refused"} for ${who}`, async () => {
        const auditBefore = await f.auditCount();
        const result = await outcome(() => entry.call(f.as(f.principals[who])));
        if (allowed) expect(["OK", "CONFLICT", "BAD_REQUEST"]).toContain(result);
        else {
          // Reading a draft without a login is "not found" (its existence is not public); changing needs a login.
          expect(who === "public" ? ["UNAUTHORIZED", "NOT_FOUND"] : ["FORBIDDEN", "NOT_FOUND"]).toContain(
            result,
          );
          expect(await f.auditCount()).toBe(auditBefore);
        }
      });
    }
  }
});

async function fieldErrorsOf(call: () => Promise<unknown>): Promise<{ code: string; fields: FieldError[] }> {
  try {
    await call();
  } catch (error) {
    const e = error as { code: string; cause?: unknown };
    return { code: e.code, fields: e.cause instanceof z.ZodError ? fieldErrors(e.cause) : [] };
  }
  throw new Error("expected the call to fail");
}

describe("what the public sees", () => {
  it("lists only adopted policies and hides unpublished actions; the council sees the draft", async () => {
    const pub = await f.as(null).policy.list({ municipalityId: f.broenderslev.id });
    expect(pub.map((p) => p.title)).not.toContain(demoPolicy.draftTitle);
    expect(pub.every((p) => p.status === "adopted")).toBe(true);
    const member = await f.as(f.principals.member).policy.list({ municipalityId: f.broenderslev.id });
    expect(member.map((p) => p.title)).toContain(demoPolicy.draftTitle);

    const randers = await f.as(null).policy.list({ municipalityId: f.randers.id });
    const first = randers[0];
    if (!first) throw new Error("no Randers policy");
    const view = await f.as(null).policy.get({ policyId: first.id });
    expect(view.actions.map((a) => a.handling)).not.toContain(demoPolicy.unpublishedActionHandling);
    expect(view.findings).toEqual([]);
    const csv = await f.as(null).policy.exportCsv({ policyId: first.id });
    expect(csv).not.toContain(demoPolicy.unpublishedActionHandling);
    expect(csv).toContain("Handling;Mål;Tovholder;Hvor/når;Status");
    const staff = await f.as(f.principals.adminRanders).policy.get({ policyId: first.id });
    expect(staff.actions.map((a) => a.handling)).toContain(demoPolicy.unpublishedActionHandling);
    expect(staff.coverage?.uncovered.length).toBeGreaterThan(0);
  });
});

describe("bad input: field errors in Danish and English, nothing stored", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["an empty Handling", { handling: "   " }, "handling", "required"],
    ["an unknown sector", { handling: "Kursus", ownerSector: "marketing" }, "ownerSector", "unknown_sector"],
    [
      "a due date before the policy's start",
      { handling: "Kursus", dueOn: "2001-01-01" },
      "dueOn",
      "due_before_policy_start",
    ],
  ];
  for (const [what, fields, field, code] of cases) {
    it(`${what} → 400 with ${code} on ${field}`, async () => {
      const before = (await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.length;
      const auditBefore = await f.auditCount();
      const result = await fieldErrorsOf(() =>
        f
          .as(f.principals.secretary)
          .policy.addAction({ policyId: adopted.id, ...(fields as { handling: string }) }),
      );
      expect(result.code).toBe("BAD_REQUEST");
      const error = result.fields.find((e) => e.field === field);
      expect(error?.code).toBe(code);
      expect(error?.message.da).toBeTruthy();
      expect(error?.message.en).toBeTruthy();
      expect(error?.message.da).not.toBe(error?.message.en);
      expect((await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.length).toBe(before);
      expect(await f.auditCount()).toBe(auditBefore);
    });
  }

  it("postponing without a reason is refused and changes nothing", async () => {
    const result = await fieldErrorsOf(() =>
      f
        .as(f.principals.secretary)
        .policy.updateProgress({ actionId, on: "2026-11-20", text: "Udskudt", status: "postponed" }),
    );
    expect(result.fields.map((e) => [e.field, e.code])).toEqual([["reason", "reason_required"]]);
  });
});

describe("CSV import", () => {
  const good = `Handling;Mål;Tovholder;Hvor/når;Status\r\nTemadag;;Lise Berg (Social);Rådhuset, 3. december ${next};\r\n`;
  it("a file with one bad row imports nothing and names the row", async () => {
    const before = (await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.length;
    const auditBefore = await f.auditCount();
    const file = `${good}Kursus;;Ole (Marketing);${next}-01-01;\r\n`;
    const result = await f
      .as(f.principals.secretary)
      .policy.importActions({ policyId: adopted.id, fileBase64: b64(file) });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([[2, "Tovholder", "unknown_sector"]]);
    expect((await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.length).toBe(before);
    expect(await f.auditCount()).toBe(auditBefore);
  });

  it("a Windows-1252 file with good rows imports all of them, in order, in one audited change", async () => {
    const text = `${good}Bedre skiltning;Færre barrierer;Søren Ø (Teknik og miljø);1/2/${next + 1};I gang\r\n`;
    const bytes = Uint8Array.from(
      [...text].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Ø: 0xd8 })[c] ?? c.charCodeAt(0)),
    );
    const result = await f.as(f.principals.secretary).policy.importActions({
      policyId: adopted.id,
      fileBase64: Buffer.from(bytes).toString("base64"),
    });
    expect(result).toMatchObject({ ok: true, imported: 2 });
    const plan = await loadPlan(f.db, f.broenderslev.id, adopted.id);
    expect(plan.actions.slice(-2).map((a) => [a.handling, a.ownerSector, a.dueOn])).toEqual([
      ["Temadag", "social", `${next}-12-03`],
      ["Bedre skiltning", "teknik_miljoe", `${next + 1}-02-01`],
    ]);
    expect(plan.actions.at(-1)?.goalText).toBe("Færre barrierer");
  });
});

describe("follow-up at a meeting", () => {
  it("puts an item on the agenda listing only the actions changed since the last follow-up", async () => {
    const planned = f.meetings.find((m) => m.status === "planned");
    if (!planned) throw new Error("no planned meeting");
    const as = f.as(f.principals.secretary);
    f.clock.now = new Date(Date.now() + 60_000);
    await as.policy.followUpOnAgenda({ policyId: adopted.id, meetingId: planned.id });
    f.clock.now = new Date(Date.now() + 120_000);
    // Dated today, so it is the latest update whatever day the demo's own updates were dated relative to.
    await as.policy.updateProgress({
      actionId,
      on: localDate(f.clock.now),
      text: "Alle planer er lavet",
      status: "done",
      percent: 100,
    });
    f.clock.now = new Date(Date.now() + 180_000);
    const result = await as.policy.followUpOnAgenda({ policyId: adopted.id, meetingId: planned.id });
    expect(result.changed).toBe(1);
    const items = await listAgendaItems(f.db, f.broenderslev.id, planned.id);
    const item = items.find((i) => i.id === result.item.id);
    expect(item?.title).toContain("Opfølgning på handlingsplanen");
    expect(item?.casePresentation).toContain("Gennemført");
    expect(item?.casePresentation).toContain("Seneste status: Alle planer er lavet");
    expect(item?.closed).toBe(false);
  });

  it("lists an action removed since the last follow-up, so the council sees what went", async () => {
    const planned = f.meetings.find((m) => m.status === "planned");
    if (!planned) throw new Error("no planned meeting");
    const as = f.as(f.principals.secretary);
    f.clock.now = new Date(Date.now() + 240_000);
    const action = await as.policy.addAction({ policyId: adopted.id, handling: "Kortlægning af p-pladser" });
    f.clock.now = new Date(Date.now() + 300_000);
    await as.policy.followUpOnAgenda({ policyId: adopted.id, meetingId: planned.id });
    f.clock.now = new Date(Date.now() + 360_000);
    await as.policy.removeAction({ actionId: action.id });
    f.clock.now = new Date(Date.now() + 420_000);
    const result = await as.policy.followUpOnAgenda({ policyId: adopted.id, meetingId: planned.id });
    expect(result).toMatchObject({ changed: 0, removed: 1 });
    const item = (await listAgendaItems(f.db, f.broenderslev.id, planned.id)).find(
      (i) => i.id === result.item.id,
    );
    expect(item?.casePresentation).toContain("Fjernet fra planen");
    expect(item?.casePresentation).toContain("• Kortlægning af p-pladser");
    expect(item?.plainSummary).toContain("1 handling er fjernet");
  });

  it("refuses a meeting of another council", async () => {
    const randersMeeting = (
      await f.as(f.principals.adminRanders).meetings.list({ councilId: f.randersHandicapraad.id })
    )[0];
    if (!randersMeeting) throw new Error("no Randers meeting");
    expect(
      await outcome(() =>
        f
          .as(f.principals.adminBroenderslev)
          .policy.followUpOnAgenda({ policyId: adopted.id, meetingId: randersMeeting.id }),
      ),
    ).toBe("NOT_FOUND");
  });
});

describe("a policy's status", () => {
  it("refuses taking an adopted policy back to draft with 409 and the Danish reason", async () => {
    const error = await f
      .as(f.principals.secretary)
      .policy.setStatus({ policyId: adopted.id, status: "draft" })
      .then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
    expect(error?.code).toBe("CONFLICT");
    expect(error?.message).toMatch(/kan ikke gå fra/);
  });
});

function auditEntries(action: string) {
  return f.db.select().from(auditLog).where(eq(auditLog.action, action));
}

async function refusal(call: () => Promise<unknown>) {
  return call().then(
    () => null,
    (e: unknown) => e as { code: string; message: string; cause?: { text?: { da: string; en: string } } },
  );
}

describe("editing an action's fields", () => {
  async function freshAction(handling: string) {
    return f.as(f.principals.secretary).policy.addAction({
      policyId: adopted.id,
      handling,
      ownerName: "Lise Berg",
      ownerSector: "social",
      place: "Rådhuset",
      dueOn: `${next}-02-01`,
    });
  }

  it("stores every field of the form, moves the action to its goal's focus area, and audits before and after", async () => {
    const action = await freshAction("Kursus for sagsbehandlere");
    const plan = await loadPlan(f.db, f.broenderslev.id, adopted.id);
    const goal = plan.goals[0];
    if (!goal) throw new Error("no goal in the demo plan");
    f.clock.now = new Date(Date.now() + 1000);
    const after = await f.as(f.principals.secretary).policy.updateAction({
      actionId: action.id,
      handling: "Kursus i tilgængelig sagsbehandling",
      goalId: goal.id,
      ownerName: "Ole Friis",
      ownerSector: "beskaeftigelse",
      place: "Jobcentret",
      startsOn: `${next}-01-10`,
      dueOn: `${next}-03-15`,
      status: "in_progress",
      published: false,
    });
    expect(after).toMatchObject({
      handling: "Kursus i tilgængelig sagsbehandling",
      goalId: goal.id,
      focusAreaId: goal.focusAreaId,
      goalText: null,
      ownerName: "Ole Friis",
      ownerSector: "beskaeftigelse",
      place: "Jobcentret",
      startsOn: `${next}-01-10`,
      dueOn: `${next}-03-15`,
      status: "in_progress",
      published: false,
    });
    const stored = (await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.find(
      (a) => a.id === action.id,
    );
    expect(stored?.ownerName).toBe("Ole Friis");
    // Unpublished now: the public no longer sees it.
    const pub = await f.as(null).policy.get({ policyId: adopted.id });
    expect(pub.actions.map((a) => a.id)).not.toContain(action.id);
    const entry = (await auditEntries("policy.action.update")).find((e) => e.entityId === action.id);
    expect(entry?.before).toMatchObject({ handling: "Kursus for sagsbehandlere", ownerName: "Lise Berg" });
    expect(entry?.after).toMatchObject({
      handling: "Kursus i tilgængelig sagsbehandling",
      ownerName: "Ole Friis",
    });
  });

  const bad: [string, Record<string, unknown>, string, string][] = [
    ["an empty Handling", { handling: "  " }, "handling", "required"],
    ["an unknown sector", { ownerSector: "marketing" }, "ownerSector", "unknown_sector"],
    ["a due date before the policy's start", { dueOn: "2001-01-01" }, "dueOn", "due_before_policy_start"],
    [
      "a due date before its own start",
      { startsOn: `${next}-05-01`, dueOn: `${next}-04-01` },
      "dueOn",
      "end_before_start",
    ],
    ["a malformed date", { dueOn: "1. maj" }, "dueOn", "invalid_date"],
    ["postponing without a reason", { status: "postponed" }, "statusReason", "reason_required"],
  ];
  for (const [what, change, field, code] of bad) {
    it(`refuses ${what} with 400 and a Danish and English message at ${field}, changing nothing`, async () => {
      const action = await freshAction(`Uændret ${code}`);
      const auditBefore = await f.auditCount();
      const result = await fieldErrorsOf(() =>
        f.as(f.principals.secretary).policy.updateAction({
          actionId: action.id,
          handling: action.handling,
          ownerName: "Lise Berg",
          ownerSector: "social",
          dueOn: `${next}-02-01`,
          ...(change as { handling?: string }),
        }),
      );
      expect(result.code).toBe("BAD_REQUEST");
      const error = result.fields.find((e) => e.field === field);
      expect(error?.code).toBe(code);
      expect(error?.message.da).toBeTruthy();
      expect(error?.message.en).toBeTruthy();
      expect(error?.message.da).not.toBe(error?.message.en);
      const stored = (await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.find(
        (a) => a.id === action.id,
      );
      expect(stored?.handling).toBe(action.handling);
      expect(stored?.dueOn).toBe(`${next}-02-01`);
      expect(await f.auditCount()).toBe(auditBefore);
    });
  }

  it("keeps the status and the publication when a client sends only the texts", async () => {
    const action = await freshAction("Delvis ændring");
    const as = f.as(f.principals.secretary);
    await as.policy.updateAction({
      actionId: action.id,
      handling: action.handling,
      status: "postponed",
      statusReason: "Afventer budget",
      published: false,
    });
    const after = await as.policy.updateAction({
      actionId: action.id,
      handling: "Delvis ændring, ny tekst",
      statusReason: "Afventer budget",
    });
    expect(after).toMatchObject({
      status: "postponed",
      published: false,
      handling: "Delvis ændring, ny tekst",
    });
    // The kept status still needs its reason.
    const result = await fieldErrorsOf(() =>
      as.policy.updateAction({ actionId: action.id, handling: "Uden grund" }),
    );
    expect(result.fields.map((e) => [e.field, e.code])).toEqual([["statusReason", "reason_required"]]);
  });

  it("refuses an illegal status change with 409 and the Danish reason", async () => {
    const action = await freshAction("Droppes");
    await f.as(f.principals.secretary).policy.updateAction({
      actionId: action.id,
      handling: action.handling,
      status: "dropped",
      statusReason: "Ingen midler",
    });
    const error = await refusal(() =>
      f
        .as(f.principals.secretary)
        .policy.updateAction({ actionId: action.id, handling: "x", status: "done" }),
    );
    expect(error?.code).toBe("CONFLICT");
    expect(error?.message).toMatch(/kan ikke gå fra "Opgivet" til "Gennemført"/);
  });

  it("refuses a goal of another policy as a field error", async () => {
    const action = await freshAction("Forkert mål");
    const draftPlan = await loadPlan(f.db, f.broenderslev.id, draft.id);
    const foreign = draftPlan.goals[0];
    if (!foreign) throw new Error("the draft has no goal");
    const result = await fieldErrorsOf(() =>
      f.as(f.principals.secretary).policy.updateAction({
        actionId: action.id,
        handling: action.handling,
        goalId: foreign.id,
      }),
    );
    expect(result.fields.map((e) => [e.field, e.code])).toEqual([["goalId", "invalid_option"]]);
  });
});

describe("removing actions, goals and focus areas", () => {
  it("removes an action with no progress: gone from the plan, the public page and the deadlines, audited", async () => {
    const as = f.as(f.principals.secretary);
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const action = await as.policy.addAction({
      policyId: adopted.id,
      handling: "Temadag om BPA",
      dueOn: soon,
    });
    const deadlines = async () =>
      (
        await upcomingDeadlinesFor(f.db, { municipalityId: f.broenderslev.id }, new Date(), {
          horizonDays: 30,
        })
      ).map((d) => d.id);
    expect(await deadlines()).toContain(`action_due:${action.id}`);
    await as.policy.removeAction({ actionId: action.id });
    expect((await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.map((a) => a.id)).not.toContain(
      action.id,
    );
    expect((await f.as(null).policy.get({ policyId: adopted.id })).actions.map((a) => a.id)).not.toContain(
      action.id,
    );
    expect(await f.as(null).policy.exportCsv({ policyId: adopted.id })).not.toContain("Temadag om BPA");
    expect(await deadlines()).not.toContain(`action_due:${action.id}`);
    const entry = (await auditEntries("policy.action.remove")).find((e) => e.entityId === action.id);
    expect(entry?.before).toMatchObject({ handling: "Temadag om BPA" });
    // Gone means gone: a second removal or an edit finds nothing.
    expect(await outcome(() => as.policy.removeAction({ actionId: action.id }))).toBe("NOT_FOUND");
    expect(await outcome(() => as.policy.updateAction({ actionId: action.id, handling: "Igen" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses removing an action with reported progress (409, Danish reason) and keeps it", async () => {
    const as = f.as(f.principals.secretary);
    const action = await as.policy.addAction({ policyId: adopted.id, handling: "Synlig handling" });
    await as.policy.updateProgress({
      actionId: action.id,
      on: "2026-11-20",
      text: "Startet",
      status: "in_progress",
    });
    const auditBefore = await f.auditCount();
    const error = await refusal(() => as.policy.removeAction({ actionId: action.id }));
    expect(error?.code).toBe("CONFLICT");
    expect(error?.message).toContain("Markér den i stedet som opgivet");
    expect((await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.map((a) => a.id)).toContain(
      action.id,
    );
    expect(await f.auditCount()).toBe(auditBefore);
  });

  it("refuses removing a goal that actions serve and a focus area with goals; removes them once empty", async () => {
    const as = f.as(f.principals.secretary);
    const area = await as.policy.addFocusArea({ policyId: adopted.id, title: "Bolig og byrum" });
    const goal = await as.policy.addGoal({
      focusAreaId: area.id,
      title: "Flere tilgængelige boliger",
      criteria: [{ indicator: "Tilgængelige boliger", target: "50" }],
    });
    const action = await as.policy.addAction({
      policyId: adopted.id,
      handling: "Boligtjek",
      goalId: goal.id,
    });
    const auditBefore = await f.auditCount();

    const goalRefused = await refusal(() => as.policy.removeGoal({ goalId: goal.id }));
    expect(goalRefused?.code).toBe("CONFLICT");
    expect(goalRefused?.message).toBe(
      "Målet har 1 handling. Knyt dem til et andet mål eller fjern dem først, før målet kan fjernes",
    );
    const areaRefused = await refusal(() => as.policy.removeFocusArea({ focusAreaId: area.id }));
    expect(areaRefused?.code).toBe("CONFLICT");
    expect(areaRefused?.message).toContain("Fokusområdet har 1 mål og 1 handling");
    expect(await f.auditCount()).toBe(auditBefore);
    const plan = await loadPlan(f.db, f.broenderslev.id, adopted.id);
    expect(plan.goals.map((g) => g.id)).toContain(goal.id);
    expect(plan.focusAreas.map((a) => a.id)).toContain(area.id);

    // The public search finds the goal and the action while they exist (the policy is adopted) ...
    const hits = async () =>
      [
        ...(await searchPublicPolicies(f.db, "Boligtjek")),
        ...(await searchPublicPolicies(f.db, "tilgængelige boliger")),
      ].map((h) => h.id);
    expect(await hits()).toEqual(expect.arrayContaining([goal.id, action.id]));
    await as.policy.removeAction({ actionId: action.id });
    await as.policy.removeGoal({ goalId: goal.id });
    await as.policy.removeFocusArea({ focusAreaId: area.id });
    // ... and not once they are removed.
    expect(await hits()).not.toContain(goal.id);
    expect(await hits()).not.toContain(action.id);
    const after = await loadPlan(f.db, f.broenderslev.id, adopted.id);
    expect(after.goals.map((g) => g.id)).not.toContain(goal.id);
    expect(after.focusAreas.map((a) => a.id)).not.toContain(area.id);
    expect(await f.auditCount()).toBe(auditBefore + 3);
    // A removed goal cannot be chosen for an action any more.
    const result = await fieldErrorsOf(() =>
      as.policy.addAction({ policyId: adopted.id, handling: "Efter", goalId: goal.id }),
    );
    expect(result.fields.map((e) => e.field)).toEqual(["goalId"]);
  });
});

describe("a policy's period", () => {
  it("refuses an end before the stored start as a field error at periodTo, changing nothing", async () => {
    const result = await fieldErrorsOf(() =>
      f.as(f.principals.secretary).policy.update({ policyId: adopted.id, periodTo: "2001-01-01" }),
    );
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.fields.map((e) => [e.field, e.code])).toEqual([["periodTo", "end_before_start"]]);
    expect(result.fields[0]?.message.da).toBeTruthy();
  });
});
