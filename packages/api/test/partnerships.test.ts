import { count, eq } from "@samraad/db";
import { linkPartnershipLogin, listPartnerships } from "@samraad/db/queries";
import { auditLog, partnershipSignatures, partnerships, roleGrants, user } from "@samraad/db/schema";
import type { Principal } from "@samraad/domain/access";
import { type FieldError, fieldErrors } from "@samraad/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { demoFixture, outcome } from "./fixture.ts";

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
let f: Fixture;
let demoId: string;
let otherId: string;
let partner: Principal;
let otherPartner: Principal;

const now = new Date();

async function failure(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    const e = error as { code?: string; message?: string; cause?: unknown };
    const fields: FieldError[] = e.cause instanceof z.ZodError ? fieldErrors(e.cause) : [];
    const rule = e.cause as { rule?: string; text?: { da: string; en: string } } | undefined;
    return { code: e.code, fields, rule: rule?.rule, text: rule?.text };
  }
  throw new Error("expected the call to fail");
}

async function stored() {
  const [p] = await f.db.select({ n: count() }).from(partnerships);
  const [s] = await f.db.select({ n: count() }).from(partnershipSignatures);
  const [a] = await f.db.select({ n: count() }).from(auditLog);
  return { partnerships: p?.n, signatures: s?.n, audit: a?.n };
}

beforeAll(async () => {
  f = await demoFixture(now);
  const [demo] = await listPartnerships(f.db, { municipalityIds: [f.randers.id], partnershipIds: [] });
  if (!demo) throw new Error("no demo partnership");
  demoId = demo.id;
  // Logins for the demo's signatories, linked the way an accepted invitation links them.
  await f.db.insert(user).values([
    { id: "admin-r", name: "Rasmus Administrator", email: "admin@randers.demo" },
    { id: "partner-f", name: "Pia Partner", email: "partner@forening.demo" },
  ]);
  await linkPartnershipLogin(f.db, "admin@randers.demo", "admin-r");
  await linkPartnershipLogin(f.db, "partner@forening.demo", "partner-f");
  partner = {
    userId: "partner-f",
    name: "Pia Partner",
    grants: [{ municipalityId: f.randers.id, role: "partner", councilId: null, partnershipId: demoId }],
  };
  const created = await f.as(f.principals.adminBroenderslev).partnerships.create({
    municipalityId: f.broenderslev.id,
    title: "Netværk for pårørende",
    partners: [{ kind: "organisation", name: "Pårørendeforeningen" }],
  });
  otherId = created.id;
  otherPartner = {
    userId: "partner-x",
    name: "Anden partner",
    grants: [{ municipalityId: f.broenderslev.id, role: "partner", councilId: null, partnershipId: otherId }],
  };
});
afterAll(() => f.close());

type Who =
  | "adminRanders"
  | "partner"
  | "otherPartner"
  | "adminBroenderslev"
  | "secretary"
  | "member"
  | "public";
const everyone: Who[] = [
  "adminRanders",
  "partner",
  "otherPartner",
  "adminBroenderslev",
  "secretary",
  "member",
  "public",
];
const principalOf = (who: Who): Principal | null =>
  who === "partner" ? partner : who === "otherPartner" ? otherPartner : f.principals[who];

describe("role matrix on the demo partnership (Randers and a user organisation)", () => {
  const calls: { name: string; call: (as: ReturnType<Fixture["as"]>) => Promise<unknown> }[] = [
    { name: "get", call: (as) => as.partnerships.get({ partnershipId: demoId }) },
    {
      name: "answer",
      call: (as) => as.partnerships.answer({ partnershipId: demoId, answers: { costs: "60.000 kr." } }),
    },
    { name: "setStage", call: (as) => as.partnerships.setStage({ partnershipId: demoId, step: 3 }) },
    {
      name: "proposeAmendment",
      call: (as) =>
        as.partnerships.proposeAmendment({
          partnershipId: demoId,
          title: "Nyt sted",
          changes: { content: "Nyt sted" },
        }),
    },
    {
      name: "addTask",
      call: (as) =>
        as.partnerships.addTask({ partnershipId: demoId, phase: "after_course", title: "Fejr afslutningen" }),
    },
    {
      name: "addSteeringMember",
      call: (as) =>
        as.partnerships.addSteeringMember({
          partnershipId: demoId,
          name: "Ny forælder",
          role: "user_representative",
        }),
    },
  ];
  for (const entry of calls) {
    it(`${entry.name}: only Randers' administrator and the organisation's partner get through; a refusal stores nothing`, async () => {
      for (const who of everyone) {
        const before = await stored();
        const result = await outcome(() => entry.call(f.as(principalOf(who))));
        if (who === "adminRanders" || who === "partner") {
          expect(result, who).toBe("OK");
        } else {
          expect(result, who).toBe(who === "public" ? "UNAUTHORIZED" : "NOT_FOUND");
          expect(await stored(), who).toEqual(before);
        }
      }
    });
  }

  it("a partner lists only its own partnership; Brønderslev's administrator does not see Randers'", async () => {
    expect((await f.as(partner).partnerships.list()).map((p) => p.id)).toEqual([demoId]);
    expect((await f.as(otherPartner).partnerships.list()).map((p) => p.id)).toEqual([otherId]);
    expect((await f.as(f.principals.adminBroenderslev).partnerships.list()).map((p) => p.id)).toEqual([
      otherId,
    ]);
  });

  it("a partner sees the demo's yearly evaluation and unsigned amendment, and may sign only for its organisation", async () => {
    const view = await f.as(partner).partnerships.get({ partnershipId: demoId });
    const [kommune, forening] = view.partners;
    if (!kommune || !forening) throw new Error("partners missing");
    expect(view.warnings.map((w) => w.code)).toEqual(["partnership.few_families"]);
    const unsigned = view.amendments.find((a) => a.effectiveAt === null);
    if (!unsigned) throw new Error("no unsigned amendment");
    expect(unsigned.canSignFor).toEqual([forening.id]);
    const before = await stored();
    const refused = await failure(() =>
      f
        .as(partner)
        .partnerships.sign({ partnershipId: demoId, partnerId: kommune.id, amendmentId: unsigned.id }),
    );
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      rule: "partnership.not_signatory",
      text: { da: "Du er ikke udpeget til at underskrive for denne partner" },
    });
    expect(await stored()).toEqual(before);
    // Randers' administrator who is not a named signatory of the organisation is refused too.
    const admin = await failure(() =>
      f
        .as(f.principals.adminRanders)
        .partnerships.sign({ partnershipId: demoId, partnerId: forening.id, amendmentId: unsigned.id }),
    );
    expect(admin.rule).toBe("partnership.not_signatory");
    const financingBefore = view.inForce?.sections.financing;
    const signed = await f
      .as(partner)
      .partnerships.sign({ partnershipId: demoId, partnerId: forening.id, amendmentId: unsigned.id });
    expect(signed.effectiveAt).toEqual(now);
    const after = await f.as(partner).partnerships.get({ partnershipId: demoId });
    expect(after.inForce?.sections.financing).not.toBe(financingBefore);
    expect(after.inForce?.sections.financing).toMatch(/puljen/);
    const [entry] = await f.db.select().from(auditLog).where(eq(auditLog.action, "partnership.sign"));
    expect(entry?.actorName).toBe("Pia Partner");
    const again = await failure(() =>
      f
        .as(partner)
        .partnerships.sign({ partnershipId: demoId, partnerId: forening.id, amendmentId: unsigned.id }),
    );
    expect(again.rule).toBe("partnership.already_signed");
  });
});

describe("an official and an organisation set up a partnership by the model", () => {
  it("walks the steps, edits sections with optimistic concurrency, signs, and amends", async () => {
    const admin = f.as(f.principals.adminRanders);
    const { id } = await admin.partnerships.create({
      municipalityId: f.randers.id,
      title: "Søskendegruppe",
      councilId: f.randersHandicapraad.id,
      partners: [{ kind: "organisation", name: "Søskendeforeningen" }],
    });
    let view = await admin.partnerships.get({ partnershipId: id });
    expect(view.steps.map((s) => s.unanswered)).toEqual([6, 6, 6, 9]);
    expect(view.tasks.length).toBeGreaterThan(20);
    const [kommune, forening] = view.partners;
    if (!kommune || !forening) throw new Error("partners missing");
    expect(kommune.name).toBe("Randers Kommune");

    view = await admin.partnerships.answer({
      partnershipId: id,
      answers: { goal: "Søskende mødes", beneficiaries: "Søskende" },
    });
    expect(view.steps[0]?.items.filter((i) => !i.answered).map((i) => i.key)).toEqual([
      "contributions",
      "knowledge",
      "key_people",
      "success_criteria",
    ]);

    const unknown = await failure(() =>
      admin.partnerships.answer({ partnershipId: id, answers: { bogus: "x" } }),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.fields.map((e) => e.field)).toEqual(["answers.bogus"]);

    const saved = await admin.partnerships.updateSection({
      partnershipId: id,
      section: "task",
      text: "Søskendegruppe",
      version: 0,
    });
    expect(saved).toEqual({ version: 1 });
    const stale = await failure(() =>
      admin.partnerships.updateSection({
        partnershipId: id,
        section: "task",
        text: "Overskriver",
        version: 0,
      }),
    );
    expect(stale).toMatchObject({
      code: "CONFLICT",
      text: {
        da: "Afsnittet er ændret af en anden — genindlæs",
        en: "The section was changed by someone else — reload",
      },
    });
    view = await admin.partnerships.get({ partnershipId: id });
    expect(view.sections.find((s) => s.key === "task")).toMatchObject({ text: "Søskendegruppe", version: 1 });

    await admin.partnerships.setDuration({
      partnershipId: id,
      duration: { kind: "ongoing", evaluationOn: "2027-06-01" },
    });
    await admin.partnerships.addPerson({
      partnershipId: id,
      partnerId: kommune.id,
      name: "Rasmus Administrator",
      capacity: "Direktør",
      email: "admin@randers.demo",
      signatory: true,
    });
    const invited = await admin.partnerships.addPerson({
      partnershipId: id,
      partnerId: forening.id,
      name: "Pia Partner",
      capacity: "Formand",
      email: "partner@forening.demo",
      signatory: true,
    });
    expect(invited.invited).toBe(true);
    // Both logins exist: adding the people with their emails links them, and the organisation's person gets
    // the partner role on this partnership only.
    const grants = await f.db.select().from(roleGrants).where(eq(roleGrants.userId, "partner-f"));
    expect(grants.map((g) => g.partnershipId)).toEqual([id]);
    const partnerHere: Principal = {
      userId: "partner-f",
      name: "Pia Partner",
      grants: [{ municipalityId: f.randers.id, role: "partner", councilId: null, partnershipId: id }],
    };

    // Two signing requests racing: exactly one signature is stored, the other is told it already signed.
    const race = await Promise.allSettled([
      admin.partnerships.sign({ partnershipId: id, partnerId: kommune.id }),
      admin.partnerships.sign({ partnershipId: id, partnerId: kommune.id }),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = race.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost?.reason?.cause?.rule).toBe("partnership.already_signed");
    const first = race.find((r) => r.status === "fulfilled")?.value;
    expect(first?.effectiveAt).toBeNull();
    view = await admin.partnerships.get({ partnershipId: id });
    expect(view.inForce).toBeNull();
    expect(view.agreement.missing.map((m) => m.name)).toEqual(["Pia Partner"]);
    const second = await f.as(partnerHere).partnerships.sign({ partnershipId: id, partnerId: forening.id });
    expect(second.effectiveAt).toEqual(now);
    view = await admin.partnerships.get({ partnershipId: id });
    expect(view.inForce?.sections.task).toBe("Søskendegruppe");
    expect(view.steps[3]?.items.find((i) => i.key === "signed")?.answered).toBe(true);

    const locked = await failure(() =>
      admin.partnerships.updateSection({ partnershipId: id, section: "task", text: "Ændret", version: 1 }),
    );
    expect(locked).toMatchObject({ code: "CONFLICT", rule: "partnership.signed_locked" });

    const amendment = await f.as(partnerHere).partnerships.proposeAmendment({
      partnershipId: id,
      title: "Udvidet målgruppe",
      changes: { task: "Søskendegruppe og forældrecafé" },
    });
    expect(amendment.number).toBe(1);
    await f
      .as(partnerHere)
      .partnerships.sign({ partnershipId: id, partnerId: forening.id, amendmentId: amendment.id });
    view = await admin.partnerships.get({ partnershipId: id });
    expect(view.inForce?.sections.task).toBe("Søskendegruppe");
    await admin.partnerships.sign({ partnershipId: id, partnerId: kommune.id, amendmentId: amendment.id });
    view = await admin.partnerships.get({ partnershipId: id });
    expect(view.inForce?.sections.task).toBe("Søskendegruppe og forældrecafé");
    expect(view.inForce?.amendmentIds).toEqual([amendment.id]);

    const task = view.tasks[0];
    if (!task) throw new Error("no task");
    await f.as(partnerHere).partnerships.setTaskDone({ partnershipId: id, taskId: task.id, done: true });
    view = await admin.partnerships.get({ partnershipId: id });
    expect(view.tasks[0]?.doneOn).not.toBeNull();
    // A task id from another partnership is not found through this one.
    const foreignTask = await failure(() =>
      f.as(partnerHere).partnerships.setTaskDone({ partnershipId: id, taskId: otherId, done: true }),
    );
    expect(foreignTask.code).toBe("NOT_FOUND");
  });

  it("bad input gives field errors in Danish and English and stores nothing", async () => {
    const before = await stored();
    const result = await failure(() =>
      f.as(f.principals.adminRanders).partnerships.create({
        municipalityId: f.randers.id,
        title: "  ",
        partners: [{ kind: "municipality", name: "Favrskov Kommune" }],
      }),
    );
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.fields.map((e) => [e.field, e.message.da])).toEqual([
      ["title", "Udfyld feltet"],
      ["partners.0.municipalityId", "Udfyld feltet"],
      ["partners", "Tilføj mindst én brugerorganisation som partner"],
    ]);
    expect(await stored()).toEqual(before);
    const section = await failure(() =>
      f.as(partner).partnerships.updateSection({
        partnershipId: demoId,
        section: "budget" as "task",
        text: "x",
        version: 0,
      }),
    );
    expect(section.fields.map((e) => e.field)).toEqual(["section"]);
  });

  it("a partnership across municipalities is reached by each partner municipality's administrator", async () => {
    const { id } = await f.as(f.principals.adminRanders).partnerships.create({
      municipalityId: f.randers.id,
      title: "Fælles forældrekursus",
      partners: [
        { kind: "municipality", name: "Brønderslev Kommune", municipalityId: f.broenderslev.id },
        { kind: "organisation", name: "Landsforeningen, lokalafdeling" },
      ],
    });
    const view = await f.as(f.principals.adminBroenderslev).partnerships.get({ partnershipId: id });
    expect(view.partners.map((p) => p.kind)).toEqual(["municipality", "municipality", "organisation"]);
    expect(await outcome(() => f.as(f.principals.secretary).partnerships.get({ partnershipId: id }))).toBe(
      "NOT_FOUND",
    );
    expect((await f.as(f.principals.adminBroenderslev).partnerships.list()).map((p) => p.id)).toContain(id);
  });
});
