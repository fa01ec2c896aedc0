import { count, eq } from "@samraad/db";
import { demoCoCreation } from "@samraad/db/demo";
import {
  findMunicipality,
  findPublicProcessBySlug,
  linkPartnershipLogin,
  listPolicies,
  loadPlan,
} from "@samraad/db/queries";
import { auditLog, partnerships, policyActions, user } from "@samraad/db/schema";
import type { Principal } from "@samraad/domain/access";
import { type FieldError, fieldErrors, localDate } from "@samraad/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { demoFixture, outcome } from "./fixture.ts";

/*
 * The outcome of a co-creation process through the API: the cooperation agreement is started from the process
 * and then drafted and signed through the partnership's own procedures; follow-up actions go into the
 * disability policy's action plan.
 */

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
let f: Fixture;
let processId: string;
let otherProcessId: string;
let policyId: string;
const now = new Date();

async function failure(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    const e = error as { code?: string; cause?: unknown };
    const fields: FieldError[] = e.cause instanceof z.ZodError ? fieldErrors(e.cause) : [];
    const rule = e.cause as { rule?: string; text?: { da: string; en: string } } | undefined;
    return {
      code: e.code,
      fields: fields.map((x) => `${x.field}:${x.code}`),
      messages: fields.map((x) => x.message),
      rule: rule?.rule,
      text: rule?.text,
    };
  }
  throw new Error("expected the call to fail");
}

async function stored() {
  const [p] = await f.db.select({ n: count() }).from(partnerships);
  const [a] = await f.db.select({ n: count() }).from(auditLog);
  const [linked] = await f.db
    .select({ n: count() })
    .from(policyActions)
    .where(eq(policyActions.coCreationProcessId, processId));
  return { partnerships: p?.n, audit: a?.n, followUps: linked?.n };
}

beforeAll(async () => {
  f = await demoFixture(now);
  const process = await findPublicProcessBySlug(f.db, f.broenderslev.id, demoCoCreation.broenderslev.slug);
  const gribskov = await findMunicipality(f.db, { slug: demoCoCreation.itVolunteers.municipality });
  const other = gribskov
    ? await findPublicProcessBySlug(f.db, gribskov.id, demoCoCreation.itVolunteers.slug)
    : null;
  const [policy] = (await listPolicies(f.db, f.broenderslev.id)).filter((p) => p.status === "adopted");
  if (!process || !other || !policy) throw new Error("demo data missing");
  processId = process.id;
  otherProcessId = other.id;
  policyId = policy.id;
  await f.db.insert(user).values([
    { id: "admin-b", name: "Anne Administrator", email: "admin@broenderslev.demo" },
    { id: "frivillig-b", name: "Frida Frivilligcenter", email: "frida@frivillig.demo" },
  ]);
});
afterAll(() => f.close());

describe("starting the cooperation agreement from a process", () => {
  it("is for the municipality's administrators: the process's secretary sees the outcome but may not start it", async () => {
    const input = { processId, organisations: ["Frivilligcenter Brønderslev"] };
    const before = await stored();
    expect(await outcome(() => f.as(f.principals.secretary).coCreationOutcome.startAgreement(input))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(() => f.as(f.principals.member).coCreationOutcome.startAgreement(input))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(() => f.as(f.principals.adminRanders).coCreationOutcome.startAgreement(input))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => f.as(null).coCreationOutcome.startAgreement(input))).toBe("UNAUTHORIZED");
    expect(await stored()).toEqual(before);
    const seen = await f.as(f.principals.secretary).coCreationOutcome.get({ processId });
    expect(seen).toMatchObject({ agreement: null, canStartAgreement: false });
    expect(await outcome(() => f.as(f.principals.adminRanders).coCreationOutcome.get({ processId }))).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses missing or repeated organisations with field errors in Danish and English, storing nothing", async () => {
    const admin = f.as(f.principals.adminBroenderslev);
    const before = await stored();
    const none = await failure(() =>
      admin.coCreationOutcome.startAgreement({ processId, organisations: [] }),
    );
    expect(none.code).toBe("BAD_REQUEST");
    expect(none.fields).toEqual(["organisations:too_few"]);
    const blank = await failure(() =>
      admin.coCreationOutcome.startAgreement({ processId, organisations: [" "], title: "x".repeat(201) }),
    );
    expect(blank.fields).toEqual(expect.arrayContaining(["organisations.0:required", "title:too_long"]));
    expect(blank.messages).toContainEqual({ da: "Udfyld feltet", en: "Fill in the field" });
    const twice = await failure(() =>
      admin.coCreationOutcome.startAgreement({
        processId,
        organisations: ["Frivilligcenter", "frivilligcenter"],
      }),
    );
    expect(twice.fields).toEqual(["organisations:duplicate_items"]);
    expect(await stored()).toEqual(before);
  });

  it("starts one agreement, drafted from the process, that is signed through the partnership's own signing", async () => {
    const admin = f.as(f.principals.adminBroenderslev);
    const started = await admin.coCreationOutcome.startAgreement({
      processId,
      organisations: ["Frivilligcenter Brønderslev"],
    });
    const second = await failure(() =>
      admin.coCreationOutcome.startAgreement({ processId, organisations: ["Endnu en forening"] }),
    );
    expect(second).toMatchObject({ code: "CONFLICT", rule: "co_creation.agreement_exists" });
    expect(second.text?.da).toContain("tillæg");

    // Listed with the municipality's partnerships, marked by where it came from.
    const listed = (await admin.partnerships.list()).find((p) => p.id === started.id);
    expect(listed?.coCreationProcessId).toBe(processId);
    let view = await admin.partnerships.get({ partnershipId: started.id });
    expect(view.kind).toBe("cooperation");
    expect(view.origin?.title).toBe(demoCoCreation.broenderslev.title);
    expect(view.councilId).toBe(f.handicapraad.id);
    expect(view.partners.map((p) => p.name)).toEqual(["Brønderslev Kommune", "Frivilligcenter Brønderslev"]);
    expect(view.sections.find((s) => s.key === "task")?.text).toContain(demoCoCreation.broenderslev.title);
    expect(view.sections.find((s) => s.key === "content")?.prompts.map((p) => p.da)).toContain(
      "Hvem er de frivillige?",
    );
    // No parent-course checklist: a cooperation agreement writes its own division of work.
    expect(view.tasks).toEqual([]);

    const [kommune, frivillig] = view.partners;
    if (!kommune || !frivillig) throw new Error("partners missing");
    await admin.partnerships.updateSection({
      partnershipId: started.id,
      section: "content",
      text: "De frivillige er IT-kyndige borgere. De rekrutteres gennem frivilligcentret.",
      version: 0,
    });
    for (const [partner, name, email, capacity] of [
      [kommune, "Anne Administrator", "admin@broenderslev.demo", "Socialdirektør"],
      [frivillig, "Frida Frivilligcenter", "frida@frivillig.demo", "Leder"],
    ] as const) {
      await admin.partnerships.addPerson({
        partnershipId: started.id,
        partnerId: partner.id,
        name,
        capacity,
        email,
        signatory: true,
      });
    }
    await linkPartnershipLogin(f.db, "frida@frivillig.demo", "frivillig-b");
    await admin.partnerships.sign({ partnershipId: started.id, partnerId: kommune.id });
    let summary = (await f.as(f.principals.secretary).coCreationOutcome.get({ processId })).agreement;
    expect(summary).toMatchObject({
      status: "preparing",
      effectiveAt: null,
      missing: ["Frida Frivilligcenter"],
    });

    const frida: Principal = {
      userId: "frivillig-b",
      name: "Frida Frivilligcenter",
      grants: [
        { municipalityId: f.broenderslev.id, role: "partner", councilId: null, partnershipId: started.id },
      ],
    };
    await f.as(frida).partnerships.sign({ partnershipId: started.id, partnerId: frivillig.id });
    summary = (await f.as(f.principals.secretary).coCreationOutcome.get({ processId })).agreement;
    expect(summary).toMatchObject({ id: started.id, status: "in_force", effectiveAt: now, missing: [] });
    expect(summary?.signatures.map((s) => s.name)).toEqual(["Anne Administrator", "Frida Frivilligcenter"]);
    // Signed text is settled: a change now is an amendment, as for any partnership.
    view = await admin.partnerships.get({ partnershipId: started.id });
    expect(view.inForce?.sections.content).toContain("rekrutteres gennem frivilligcentret");
    const locked = await failure(() =>
      admin.partnerships.updateSection({
        partnershipId: started.id,
        section: "content",
        text: "x",
        version: 1,
      }),
    );
    expect(locked.code).toBe("CONFLICT");
  });
});

describe("follow-up actions in the disability policy's action plan", () => {
  it("creates an action as a follow-up of the process and lists it on the process", async () => {
    const secretary = f.as(f.principals.secretary);
    const created = await secretary.policy.addAction({
      policyId,
      handling: "Byvandring med kørestol hvert forår",
      ownerName: "Handicaprådet",
      // Next spring: inside the demo policy's period, which starts on 1 January last year.
      dueOn: `${Number(localDate(now).slice(0, 4)) + 1}-05-01`,
      coCreationProcessId: processId,
    });
    const seen = await secretary.coCreationOutcome.get({ processId });
    expect(seen.followUps).toContainEqual(
      expect.objectContaining({ id: created.id, handling: "Byvandring med kørestol hvert forår", policyId }),
    );
  });

  it("refuses a process of another municipality as a field error, storing nothing", async () => {
    const before = await stored();
    const plan = (await loadPlan(f.db, f.broenderslev.id, policyId)).actions.length;
    const result = await failure(() =>
      f.as(f.principals.secretary).policy.addAction({
        policyId,
        handling: "Forkert forløb",
        coCreationProcessId: otherProcessId,
      }),
    );
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.fields).toEqual(["coCreationProcessId:invalid_option"]);
    expect((await loadPlan(f.db, f.broenderslev.id, policyId)).actions.length).toBe(plan);
    expect(await stored()).toEqual(before);
  });

  it("links and unlinks an existing action, for those who organise the process and edit the plan", async () => {
    const plan = await loadPlan(f.db, f.broenderslev.id, policyId);
    const action = plan.actions.find((a) => a.published);
    if (!action) throw new Error("no action in the demo plan");
    const input = { processId, actionId: action.id, linked: true };
    const before = await stored();
    expect(await outcome(() => f.as(f.principals.member).coCreationOutcome.setFollowUp(input))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(() => f.as(f.principals.adminRanders).coCreationOutcome.setFollowUp(input))).toBe(
      "NOT_FOUND",
    );
    expect(
      await outcome(() =>
        f
          .as(f.principals.adminBroenderslev)
          .coCreationOutcome.setFollowUp({ ...input, processId: otherProcessId }),
      ),
    ).toBe("NOT_FOUND");
    const bad = await failure(() =>
      f.as(f.principals.secretary).coCreationOutcome.setFollowUp({ ...input, actionId: "nope" }),
    );
    expect(bad.fields).toEqual(["actionId:invalid_uuid"]);
    expect(await stored()).toEqual(before);

    const secretary = f.as(f.principals.secretary);
    await secretary.coCreationOutcome.setFollowUp(input);
    expect((await secretary.coCreationOutcome.get({ processId })).followUps.map((a) => a.id)).toContain(
      action.id,
    );
    await secretary.coCreationOutcome.setFollowUp({ ...input, linked: false });
    expect((await secretary.coCreationOutcome.get({ processId })).followUps.map((a) => a.id)).not.toContain(
      action.id,
    );
  });
});
