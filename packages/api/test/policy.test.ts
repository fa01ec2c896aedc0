import { demoPolicy } from "@samraad/db/demo";
import { listAgendaItems, listPolicies, loadPlan } from "@samraad/db/queries";
import { type FieldError, fieldErrors } from "@samraad/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { demoFixture, outcome } from "./fixture.ts";

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
type Who = keyof Fixture["principals"];
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
          dueOn: "2027-03-01",
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
          dueOn: "2027-01-15",
          status: "in_progress",
        }),
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
          on: "2026-11-20",
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
            "Handling;Mål;Tovholder;Hvor/når;Status\nKursus;;Lise (Social);Rådhuset, 2027-02-01;\n",
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
  const good =
    "Handling;Mål;Tovholder;Hvor/når;Status\r\nTemadag;;Lise Berg (Social);Rådhuset, 3. december 2027;\r\n";
  it("a file with one bad row imports nothing and names the row", async () => {
    const before = (await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.length;
    const auditBefore = await f.auditCount();
    const file = `${good}Kursus;;Ole (Marketing);2027-01-01;\r\n`;
    const result = await f
      .as(f.principals.secretary)
      .policy.importActions({ policyId: adopted.id, fileBase64: b64(file) });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([[2, "Tovholder", "unknown_sector"]]);
    expect((await loadPlan(f.db, f.broenderslev.id, adopted.id)).actions.length).toBe(before);
    expect(await f.auditCount()).toBe(auditBefore);
  });

  it("a Windows-1252 file with good rows imports all of them, in order, in one audited change", async () => {
    const text = `${good}Bedre skiltning;Færre barrierer;Søren Ø (Teknik og miljø);1/2/2028;I gang\r\n`;
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
      ["Temadag", "social", "2027-12-03"],
      ["Bedre skiltning", "teknik_miljoe", "2028-02-01"],
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
    await as.policy.updateProgress({
      actionId,
      on: "2026-11-21",
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
