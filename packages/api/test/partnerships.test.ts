import { count, eq } from "@samraad/db";
import { linkPartnershipLogin, listPartnerships, upcomingDeadlinesFor } from "@samraad/db/queries";
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

const adminView = () => f.as(f.principals.adminRanders).partnerships.get({ partnershipId: demoId });
async function demoPerson(name: string) {
  const person = (await adminView()).people.find((p) => p.name === name);
  if (!person) throw new Error(`no ${name}`);
  return person;
}
async function demoTask() {
  const task = (await adminView()).tasks.find((t) => t.dueOn !== null && t.doneOn === null);
  if (!task) throw new Error("no open dated task");
  return task;
}

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
      name: "setPublished",
      call: (as) => as.partnerships.setPublished({ partnershipId: demoId, published: true }),
    },
    {
      name: "updatePerson",
      call: async (as) =>
        as.partnerships.updatePerson({
          partnershipId: demoId,
          personId: (await demoPerson("Ole Frivillig")).id,
          name: "Ole Frivillig",
          email: "ole@forening.demo",
          capacity: "Frivilligkoordinator",
          contact: true,
          signatory: false,
        }),
    },
    {
      name: "updateTask",
      call: async (as) => {
        const task = await demoTask();
        return as.partnerships.updateTask({
          partnershipId: demoId,
          taskId: task.id,
          phase: task.phase,
          title: task.title,
          dueOn: task.dueOn ?? undefined,
        });
      },
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

  it("removePerson, removeTask and terminate: everyone outside the partnership is refused and nothing changes", async () => {
    const view = await adminView();
    const task = await demoTask();
    const person = await demoPerson("Lise Holm");
    const forening = view.partners.find((p) => p.kind === "organisation");
    const calls = [
      (as: ReturnType<Fixture["as"]>) =>
        as.partnerships.removeTask({ partnershipId: demoId, taskId: task.id }),
      (as: ReturnType<Fixture["as"]>) =>
        as.partnerships.removePerson({ partnershipId: demoId, personId: person.id }),
      (as: ReturnType<Fixture["as"]>) =>
        as.partnerships.terminate({ partnershipId: demoId, partnerId: forening?.id ?? "", reason: "x" }),
    ];
    for (const call of calls) {
      for (const who of everyone.filter((w) => w !== "adminRanders" && w !== "partner")) {
        const before = await stored();
        expect(await outcome(() => call(f.as(principalOf(who)))), who).toBe(
          who === "public" ? "UNAUTHORIZED" : "NOT_FOUND",
        );
        expect(await stored(), who).toEqual(before);
      }
    }
    expect((await adminView()).tasks.map((t) => t.id)).toContain(task.id);
  });

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

describe("editing and removing people and tasks", () => {
  it("a partner changes and removes its own organisation's people, never the municipality's; it is audited", async () => {
    const lise = await demoPerson("Lise Holm");
    const before = await stored();
    const refused = await failure(() =>
      f.as(partner).partnerships.updatePerson({
        partnershipId: demoId,
        personId: lise.id,
        name: "Lise Omdøbt",
        contact: true,
        signatory: false,
      }),
    );
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      rule: "partnership.not_for_partner",
      text: { da: "Du kan kun ændre personer hos en partner, du selv hører til" },
    });
    const removal = await failure(() =>
      f.as(partner).partnerships.removePerson({ partnershipId: demoId, personId: lise.id }),
    );
    expect(removal.rule).toBe("partnership.not_for_partner");
    // Another partnership's partner does not even find it.
    expect(
      await outcome(() =>
        f.as(otherPartner).partnerships.removePerson({ partnershipId: demoId, personId: lise.id }),
      ),
    ).toBe("NOT_FOUND");
    expect(await stored()).toEqual(before);

    const ole = await demoPerson("Ole Frivillig");
    await f.as(partner).partnerships.updatePerson({
      partnershipId: demoId,
      personId: ole.id,
      name: "Ole Frivillig Hansen",
      email: "ole@forening.demo",
      capacity: "Frivilligkoordinator",
      contact: true,
      signatory: false,
    });
    expect((await demoPerson("Ole Frivillig Hansen")).capacity).toBe("Frivilligkoordinator");
    await f.as(partner).partnerships.removePerson({ partnershipId: demoId, personId: ole.id });
    expect((await adminView()).people.map((p) => p.name)).not.toContain("Ole Frivillig Hansen");
    const actions = (await f.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toContain("partnership.person_update");
    expect(actions).toContain("partnership.person_remove");
    // A person in another partnership is not found through this one.
    expect(
      await outcome(() =>
        f.as(partner).partnerships.removePerson({ partnershipId: demoId, personId: otherId }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("someone who has signed cannot be removed or stop being a signatory", async () => {
    const pia = await demoPerson("Pia Partner");
    const before = await stored();
    const removal = await failure(() =>
      f.as(f.principals.adminRanders).partnerships.removePerson({ partnershipId: demoId, personId: pia.id }),
    );
    expect(removal).toMatchObject({
      code: "BAD_REQUEST",
      rule: "partnership.person_signed",
      text: { en: "This person has signed and cannot be removed as a signatory" },
    });
    const demotion = await failure(() =>
      f.as(partner).partnerships.updatePerson({
        partnershipId: demoId,
        personId: pia.id,
        name: "Pia Partner",
        capacity: "Formand",
        contact: true,
        signatory: false,
      }),
    );
    expect(demotion.rule).toBe("partnership.person_signed");
    expect(await stored()).toEqual(before);
    expect((await adminView()).agreement.effectiveAt).not.toBeNull();
  });

  it("a new signatory named after signing leaves the agreement in force; an old contact cannot become one", async () => {
    const view = await adminView();
    const forening = view.partners.find((p) => p.kind === "organisation");
    if (!forening || !view.agreement.effectiveAt) throw new Error("demo agreement not in force");
    await f.as(partner).partnerships.addPerson({
      partnershipId: demoId,
      partnerId: forening.id,
      name: "Ny Formand",
      capacity: "Formand",
      signatory: true,
    });
    const after = await adminView();
    expect(after.status).toBe("in_force");
    expect(after.agreement.effectiveAt).toEqual(view.agreement.effectiveAt);
    expect(after.agreement.missing).toEqual([]);
    const lise = await demoPerson("Lise Holm");
    const before = await stored();
    const refused = await failure(() =>
      f.as(f.principals.adminRanders).partnerships.updatePerson({
        partnershipId: demoId,
        personId: lise.id,
        name: "Lise Holm",
        capacity: "Familiekonsulent",
        contact: true,
        signatory: true,
      }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", rule: "partnership.signing_started" });
    expect(await stored()).toEqual(before);
  });

  it("bad input gives field errors and changes nothing", async () => {
    const pia = await demoPerson("Pia Partner");
    const person = await failure(() =>
      f.as(partner).partnerships.updatePerson({
        partnershipId: demoId,
        personId: pia.id,
        name: " ",
        email: "ikke en adresse",
        contact: true,
        signatory: true,
      }),
    );
    expect(person.code).toBe("BAD_REQUEST");
    expect(person.fields.map((e) => e.field).sort()).toEqual(["capacity", "email", "name"]);
    expect(person.fields.find((e) => e.field === "name")?.message).toEqual({
      da: "Udfyld feltet",
      en: "Fill in the field",
    });
    const task = await demoTask();
    const bad = await failure(() =>
      f.as(partner).partnerships.updateTask({
        partnershipId: demoId,
        taskId: task.id,
        phase: "someday" as "after_course",
        title: "",
        dueOn: "2026-13-01",
      }),
    );
    expect(bad.fields.map((e) => e.field).sort()).toEqual(["dueOn", "phase", "title"]);
    expect((await adminView()).tasks.find((t) => t.id === task.id)).toEqual(task);
  });

  it("a task is moved, reassigned and removed; the board and the deadlines follow", async () => {
    const task = await demoTask();
    const view = await adminView();
    const forening = view.partners.find((p) => p.kind === "organisation");
    await f.as(partner).partnerships.updateTask({
      partnershipId: demoId,
      taskId: task.id,
      phase: "after_course",
      title: "Evaluer med familierne",
      responsiblePartnerId: forening?.id,
      responsiblePerson: "Pia Partner",
      dueOn: "2099-01-15",
    });
    expect((await adminView()).tasks.find((t) => t.id === task.id)).toMatchObject({
      phase: "after_course",
      title: "Evaluer med familierne",
      responsiblePartnerId: forening?.id,
      responsiblePerson: "Pia Partner",
      dueOn: "2099-01-15",
    });
    const deadlines = await upcomingDeadlinesFor(f.db, { municipalityId: f.randers.id }, now);
    expect(deadlines.find((d) => d.id === `partnership_task:${task.id}`)?.title.da).toContain(
      "Evaluer med familierne",
    );
    // Another partnership's partner learns nothing; a task of another partnership is not found here.
    expect(
      await outcome(() =>
        f.as(otherPartner).partnerships.removeTask({ partnershipId: demoId, taskId: task.id }),
      ),
    ).toBe("NOT_FOUND");
    await f.as(partner).partnerships.removeTask({ partnershipId: demoId, taskId: task.id });
    expect((await adminView()).tasks.map((t) => t.id)).not.toContain(task.id);
    const after = await upcomingDeadlinesFor(f.db, { municipalityId: f.randers.id }, now);
    expect(after.map((d) => d.id)).not.toContain(`partnership_task:${task.id}`);
    expect(
      await outcome(() => f.as(partner).partnerships.removeTask({ partnershipId: demoId, taskId: task.id })),
    ).toBe("NOT_FOUND");
  });
});

// Last in the file: it ends the demo partnership.
describe("terminating at the yearly evaluation", () => {
  it("is refused before the evaluation and for another partner; at the evaluation the status and deadlines follow", async () => {
    const view = await adminView();
    const [kommune, forening] = view.partners;
    if (!kommune || !forening || view.duration?.kind !== "ongoing") throw new Error("demo not ongoing");
    expect(view.status).toBe("in_force");
    const before = await stored();
    const early = await failure(() =>
      f
        .as(partner)
        .partnerships.terminate({ partnershipId: demoId, partnerId: forening.id, reason: "For få" }),
    );
    expect(early).toMatchObject({ code: "BAD_REQUEST", rule: "partnership.before_evaluation" });
    expect(early.text?.da).toMatch(
      /^Aftalen kan først opsiges ved den årlige evaluering \d{1,2}\. [a-zæøå]+ \d{4}$/,
    );
    const missingReason = await failure(() =>
      f.as(partner).partnerships.terminate({ partnershipId: demoId, partnerId: forening.id, reason: "" }),
    );
    expect(missingReason.fields.map((e) => e.field)).toEqual(["reason"]);
    expect(await stored()).toEqual(before);

    const evaluationDay = new Date(now.getTime() + 22 * 86_400_000);
    f.clock.now = evaluationDay;
    try {
      const forOther = await failure(() =>
        f.as(partner).partnerships.terminate({ partnershipId: demoId, partnerId: kommune.id, reason: "x" }),
      );
      expect(forOther.rule).toBe("partnership.not_for_partner");
      expect(
        await outcome(() =>
          f
            .as(otherPartner)
            .partnerships.terminate({ partnershipId: demoId, partnerId: forening.id, reason: "x" }),
        ),
      ).toBe("NOT_FOUND");
      const before = await upcomingDeadlinesFor(f.db, { municipalityId: f.randers.id }, evaluationDay);
      expect(before.some((d) => d.target.id === demoId && d.kind.startsWith("partnership_"))).toBe(true);
      const done = await f.as(partner).partnerships.terminate({
        partnershipId: demoId,
        partnerId: forening.id,
        reason: "Foreningen har ikke frivillige til næste år",
      });
      expect(done.partnerId).toBe(forening.id);
      const after = await adminView();
      expect(after.status).toBe("terminated");
      expect(after.termination).toEqual({
        on: done.on,
        partnerId: forening.id,
        reason: "Foreningen har ikke frivillige til næste år",
      });
      const deadlines = await upcomingDeadlinesFor(f.db, { municipalityId: f.randers.id }, evaluationDay);
      // Its own deadlines (tasks, evaluation, end date, amendments) stop; an evaluation's reminders are its own.
      expect(deadlines.filter((d) => d.target.id === demoId && d.kind.startsWith("partnership_"))).toEqual(
        [],
      );
      const [entry] = await f.db.select().from(auditLog).where(eq(auditLog.action, "partnership.terminate"));
      expect(entry?.actorName).toBe("Pia Partner");
      const again = await failure(() =>
        f
          .as(f.principals.adminRanders)
          .partnerships.terminate({ partnershipId: demoId, partnerId: kommune.id, reason: "x" }),
      );
      expect(again.rule).toBe("partnership.already_terminated");
      const moved = await failure(() =>
        f
          .as(f.principals.adminRanders)
          .partnerships.setEvaluationDate({ partnershipId: demoId, evaluationOn: "2099-01-01" }),
      );
      expect(moved.rule).toBe("partnership.terminated");
    } finally {
      f.clock.now = now;
    }
  });
});
