import { count, sql } from "@samraad/db";
import {
  invitationTokenHash,
  listPartnerships,
  submitResponse,
  upcomingDeadlinesFor,
} from "@samraad/db/queries";
import { auditLog, evaluationResponses, evaluations } from "@samraad/db/schema";
import type { Principal } from "@samraad/domain/access";
import type { ResponseAnswers } from "@samraad/domain/evaluations";
import { addDays, type FieldError, fieldErrors, localDate } from "@samraad/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { demoFixture, outcome } from "./fixture.ts";

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
let f: Fixture;
let partnershipId: string;
let partner: Principal;
const now = new Date();
const today = localDate(now);

async function failure(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    const e = error as { code?: string; cause?: unknown };
    const fields: FieldError[] = e.cause instanceof z.ZodError ? fieldErrors(e.cause) : [];
    const rule = e.cause as { rule?: string; text?: { da: string } } | undefined;
    return { code: e.code, fields, rule: rule?.rule, text: rule?.text };
  }
  throw new Error("expected the call to fail");
}

async function stored() {
  const [e] = await f.db.select({ n: count() }).from(evaluations);
  const [r] = await f.db.select({ n: count() }).from(evaluationResponses);
  const [a] = await f.db.select({ n: count() }).from(auditLog);
  return { evaluations: e?.n, responses: r?.n, audit: a?.n };
}

const plan = (over: Record<string, unknown> = {}) => ({
  municipalityId: f.randers.id,
  subjectType: "partnership" as const,
  subjectId: partnershipId,
  kind: "partnership_yearly" as const,
  title: "Årlig evaluering af forældrekurset",
  periodStart: addDays(today, -365),
  periodEnd: today,
  template: "parent_course" as const,
  sendsQuestionnaire: "Familiekonsulenten",
  chasesAnswers: "Foreningens formand",
  writesSummary: "Familiekonsulenten",
  closesOn: addDays(today, 14),
  reminderDates: [addDays(today, 7)],
  ...over,
});

const answers = (overall: number): ResponseAnswers => ({
  overall,
  content: 4,
  network: 5,
  useful: ["network", "rights"],
  childcare: true,
  recommend: "yes",
  better: overall < 3 ? "Flere aftenmøder" : "",
});

beforeAll(async () => {
  f = await demoFixture(now);
  const list = await listPartnerships(f.db, { municipalityIds: [f.randers.id], partnershipIds: [] });
  const demo = list.find((p) => p.title.startsWith("Forældrekursus"));
  if (!demo) throw new Error("no demo partnership");
  partnershipId = demo.id;
  partner = {
    userId: "partner-f",
    name: "Pia Partner",
    grants: [{ municipalityId: f.randers.id, role: "partner", councilId: null, partnershipId }],
  };
});
afterAll(() => f.close());

describe("a partnership's yearly evaluation, from plan to decision", () => {
  let evaluationId: string;
  let tokens: string[];

  it("is planned from the parent-course template by the municipality's administrator", async () => {
    const admin = f.as(f.principals.adminRanders);
    const { id } = await admin.evaluations.plan(plan());
    evaluationId = id;
    const view = await admin.evaluations.get({ evaluationId });
    expect(view).toMatchObject({
      status: "planned",
      responseMode: "anonymous",
      subject: { type: "partnership", id: partnershipId },
      rate: { invited: 0, answered: 0, responses: 0 },
    });
    expect(view.questionnaire.questions.map((q) => q.id)).toContain("overall");
    // the partnership's own contact may run it too, as the partnerships router allows
    expect((await f.as(partner).evaluations.get({ evaluationId })).id).toBe(evaluationId);
  });

  it("refuses bad input with Danish field errors and stores nothing", async () => {
    const before = await stored();
    const bad = await failure(() =>
      f
        .as(f.principals.adminRanders)
        .evaluations.plan(plan({ title: "", periodEnd: "2020-01-01", closesOn: "31-12-2026" })),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fields.map((e) => e.field).sort()).toEqual(["closesOn", "periodEnd", "title"]);
    expect(bad.fields.find((e) => e.field === "title")?.message.da).toBeTruthy();
    const mismatch = await failure(() =>
      f.as(f.principals.adminRanders).evaluations.plan(plan({ kind: "policy_follow_up" })),
    );
    expect(mismatch.rule).toBe("evaluation.kind_mismatch");
    expect(await stored()).toEqual(before);
  });

  it("opens for answers and hands out single-use links whose tokens are never stored or logged", async () => {
    const admin = f.as(f.principals.adminRanders);
    expect((await admin.evaluations.open({ evaluationId })).status).toBe("collecting");
    expect(await outcome(() => admin.evaluations.open({ evaluationId }))).toBe("CONFLICT");
    const links = await admin.evaluations.createInvitations({ evaluationId, count: 8, label: "Hold 1" });
    tokens = links.tokens;
    expect(new Set(tokens).size).toBe(8);
    expect(links.paths[0]).toBe(`/evaluering/svar/${tokens[0]}`);
    const audit = JSON.stringify(await f.db.select().from(auditLog));
    for (const t of tokens) {
      expect(audit).not.toContain(t);
      expect(audit).not.toContain(invitationTokenHash(t));
    }
  });

  it("shows the response rate and breaks the answers down once five have answered", async () => {
    const admin = f.as(f.principals.adminRanders);
    for (const [i, t] of tokens.slice(0, 6).entries()) {
      const result = await f.db.transaction((tx) =>
        submitResponse(
          tx,
          f.randers.id,
          evaluationId,
          invitationTokenHash(t),
          answers(Math.min(5, i + 1)),
          null,
        ),
      );
      expect(result).toBe("counted");
    }
    const view = await admin.evaluations.get({ evaluationId });
    expect(view.rate).toEqual({
      invited: 8,
      answered: 6,
      responses: 6,
      byLabel: [{ label: "Hold 1", invited: 8, answered: 6 }],
    });
    const overall = view.summary.questions.find((q) => q.questionId === "overall");
    expect(overall).toMatchObject({ suppressed: false, answered: 6 });
  });

  it("records a criterion and its measurement with the stated rule", async () => {
    const admin = f.as(f.principals.adminRanders);
    const { id: criterionId } = await admin.evaluations.addCriterion({
      evaluationId,
      indicator: "Familier i netværket efter et år",
      baseline: "0",
      target: "8",
      unit: "familier",
    });
    const view = await admin.evaluations.recordMeasurement({
      evaluationId,
      criterionId,
      measuredOn: today,
      value: "6",
    });
    expect(view.criteria[0]).toMatchObject({ outcome: "partly_met" });
    expect(view.tally.partly_met).toBe(1);
  });

  it("turns an end-of-course evaluation's next steps into dated tasks of the partnership, which fall due", async () => {
    const admin = f.as(f.principals.adminRanders);
    const { id } = await admin.evaluations.plan(plan({ kind: "end_of_course", title: "Efter kurset" }));
    await admin.evaluations.open({ evaluationId: id });
    const due = addDays(today, 30);
    const concluded = await admin.evaluations.conclude({
      evaluationId: id,
      summary: "Et godt forløb.",
      nextSteps: [{ title: "Planlæg næste hold med foreningen", dueOn: due }],
    });
    const partnership = await admin.partnerships.get({ partnershipId });
    const task = partnership.tasks.find((t) => t.title === "Planlæg næste hold med foreningen");
    expect(task).toMatchObject({ dueOn: due, phase: "after_course" });
    // The report sends its reader from the step to the task it became.
    expect(concluded.conclusion?.nextSteps[0]?.followUp).toEqual({ type: "partnership_task", id: task?.id });
    expect(concluded.followUps).toEqual([
      { type: "partnership_task", id: task?.id, title: "Planlæg næste hold med foreningen", partnershipId },
    ]);
    const deadlines = await upcomingDeadlinesFor(f.db, { municipalityId: f.randers.id }, now);
    expect(
      deadlines.some(
        (d) => d.kind === "partnership_task" && d.title.da.endsWith("Planlæg næste hold med foreningen"),
      ),
    ).toBe(true);
  });

  it("will not terminate before the agreement's evaluation date, and changes nothing", async () => {
    const before = await stored();
    const view = await f.as(f.principals.adminRanders).evaluations.get({ evaluationId });
    const kommune = view.partners.find((p) => p.name === "Randers Kommune");
    const refused = await failure(() =>
      f.as(f.principals.adminRanders).evaluations.conclude({
        evaluationId,
        summary: "Samarbejdet fungerer ikke længere.",
        decision: "terminate",
        terminatingPartnerId: kommune?.id,
        terminationReason: "Kommunen prioriterer andre indsatser.",
      }),
    );
    expect(refused.rule).toBe("partnership.before_evaluation");
    expect(await stored()).toEqual(before);
    expect((await f.as(f.principals.adminRanders).evaluations.get({ evaluationId })).status).toBe(
      "collecting",
    );
  });

  it("refuses to publish results before the evaluation is concluded", async () => {
    const refused = await failure(() =>
      f.as(f.principals.adminRanders).evaluations.setPublished({ evaluationId, published: true }),
    );
    expect(refused).toMatchObject({ code: "CONFLICT", rule: "evaluation.not_concluded" });
  });

  it("terminates at the yearly evaluation through the partnership's own rule, so its status follows", async () => {
    const admin = f.as(f.principals.adminRanders);
    const partnership = await admin.partnerships.get({ partnershipId });
    expect(partnership.status).toBe("in_force");
    f.clock.now = new Date(now.getTime() + 22 * 86_400_000);
    try {
      const kommune = partnership.partners.find((p) => p.name === "Randers Kommune");
      const view = await admin.evaluations.conclude({
        evaluationId,
        summary: "Forældrene er tilfredse, men kommunen afslutter indsatsen.",
        notes: { cooperation: "Godt samarbejde om børnepasningen." },
        decision: "terminate",
        terminatingPartnerId: kommune?.id,
        terminationReason: "Indsatsen overgår til et andet tilbud.",
      });
      expect(view.status).toBe("concluded");
      expect(view.conclusion?.decision).toBe("terminate");
      const after = await admin.partnerships.get({ partnershipId });
      expect(after.status).toBe("terminated");
      // Concluding sealed the answers: every link and every answer now carries the one sealing transaction's
      // id, so PostgreSQL's bookkeeping pairs nothing with anything.
      const xmins = await f.db.execute(sql`select count(distinct x)::int as n from (
        select xmin::text as x from evaluation_responses where evaluation_id = ${evaluationId}
        union all select xmin::text from evaluation_invitations where evaluation_id = ${evaluationId}) t`);
      const rows = Array.isArray(xmins) ? xmins : (xmins as unknown as { rows: { n: number }[] }).rows;
      expect((rows[0] as { n: number }).n).toBe(1);
      expect(after.termination?.reason).toBe("Indsatsen overgår til et andet tilbud.");
      // Concluded: no more links, no second conclusion.
      expect(await outcome(() => admin.evaluations.createInvitations({ evaluationId, count: 1 }))).toBe(
        "CONFLICT",
      );
      expect((await admin.evaluations.setPublished({ evaluationId, published: true })).published).toBe(true);
    } finally {
      f.clock.now = now;
    }
  });
});

describe("evaluations of other subjects", () => {
  it("conclude without a decision, which belongs to a partnership's yearly evaluation", async () => {
    const admin = f.as(f.principals.adminBroenderslev);
    const [process] = await admin.coCreation.list({ municipalityId: f.broenderslev.id });
    if (!process) throw new Error("no co-creation process in Brønderslev");
    const { id } = await admin.evaluations.plan({
      ...plan(),
      municipalityId: f.broenderslev.id,
      subjectType: "co_creation_process",
      subjectId: process.id,
      kind: "process_evaluation",
    });
    await admin.evaluations.open({ evaluationId: id });
    const refused = await failure(() =>
      admin.evaluations.conclude({ evaluationId: id, summary: "Godt forløb", decision: "continue" }),
    );
    expect(refused.rule).toBe("evaluation.decision_not_allowed");
    const view = await admin.evaluations.conclude({ evaluationId: id, summary: "Borgerne følte sig hørt." });
    expect(view.status).toBe("concluded");
    // Randers' administrator does not learn it exists.
    expect(await outcome(() => f.as(f.principals.adminRanders).evaluations.get({ evaluationId: id }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("editing an evaluation after planning", () => {
  let evaluationId: string;
  const admin = () => f.as(f.principals.adminBroenderslev);
  const details = (over: Record<string, unknown> = {}) => ({
    evaluationId,
    title: "Evaluering af forløbet, rettet",
    periodStart: addDays(today, -200),
    periodEnd: addDays(today, -1),
    sendsQuestionnaire: "Sekretæren",
    chasesAnswers: "Formanden",
    writesSummary: "Konsulenten",
    closesOn: addDays(today, 10),
    reminderDates: [addDays(today, 5)],
    ...over,
  });
  const row = async () => (await f.db.select().from(evaluations)).find((e) => e.id === evaluationId);

  beforeAll(async () => {
    const [process] = await admin().coCreation.list({ municipalityId: f.broenderslev.id });
    if (!process) throw new Error("no co-creation process in Brønderslev");
    evaluationId = (
      await admin().evaluations.plan({
        ...plan(),
        municipalityId: f.broenderslev.id,
        subjectType: "co_creation_process",
        subjectId: process.id,
        kind: "process_evaluation",
      })
    ).id;
  });

  it("corrects the title, period and who does what, and refuses bad input field by field, changing nothing", async () => {
    const view = await admin().evaluations.updateDetails(details());
    expect(view).toMatchObject({
      title: "Evaluering af forløbet, rettet",
      responsibles: {
        sendsQuestionnaire: "Sekretæren",
        chasesAnswers: "Formanden",
        writesSummary: "Konsulenten",
      },
    });
    const before = { row: await row(), audit: await f.auditCount() };
    const bad = await failure(() =>
      admin().evaluations.updateDetails(details({ title: " ", periodEnd: addDays(today, -300) })),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fields.map((e) => `${e.field}: ${e.message.da}`)).toEqual([
      "title: Udfyld feltet",
      "periodEnd: Slutningen skal ligge efter starten",
    ]);
    expect(await outcome(() => f.as(f.principals.adminRanders).evaluations.updateDetails(details()))).toBe(
      "NOT_FOUND",
    );
    expect({ row: await row(), audit: await f.auditCount() }).toEqual(before);
  });

  it("changes the questions while planned, and not once anyone has answered", async () => {
    const questions = [
      {
        id: "hoert",
        type: "scale" as const,
        required: true,
        text: { da: "Følte du dig hørt?" },
        lowLabel: { da: "Slet ikke" },
        highLabel: { da: "I høj grad" },
      },
      {
        id: "andet",
        type: "free_text" as const,
        required: false,
        text: { da: "Andet?", easyRead: "Vil du sige mere?" },
      },
    ];
    const view = await admin().evaluations.updateQuestions({ evaluationId, questions });
    expect(view.questionnaire.questions.map((q) => q.id)).toEqual(["hoert", "andet"]);
    expect(view.questionnaire.title.da).toBe("Tilfredshed med forældrekurset");
    const duplicate = await failure(() =>
      admin().evaluations.updateQuestions({
        evaluationId,
        questions: [questions[0], questions[0]] as typeof questions,
      }),
    );
    expect(duplicate.fields.map((e) => e.field)).toEqual(["questions.1.id"]);
    await admin().evaluations.open({ evaluationId });
    const [token] = (await admin().evaluations.createInvitations({ evaluationId, count: 1 })).tokens;
    await f.db.transaction((tx) =>
      submitResponse(
        tx,
        f.broenderslev.id,
        evaluationId,
        invitationTokenHash(token ?? ""),
        { hoert: 4 },
        null,
      ),
    );
    const before = await row();
    const locked = await failure(() => admin().evaluations.updateQuestions({ evaluationId, questions }));
    expect(locked.code).toBe("CONFLICT");
    expect(locked.text?.da).toBe(
      "Spørgsmålene kan kun ændres, mens evalueringen er planlagt, og før nogen har svaret",
    );
    expect(await row()).toEqual(before);
  });

  it("will not move a collecting evaluation's closing date into the past", async () => {
    const refused = await failure(() =>
      admin().evaluations.updateDetails(details({ closesOn: addDays(today, -1), reminderDates: [] })),
    );
    expect(refused.fields.map((e) => `${e.field}: ${e.message.da}`)).toEqual([
      "closesOn: Sæt en svarfrist, der ikke er overskredet",
    ]);
    expect((await row())?.closesOn).toBe(addDays(today, 10));
  });

  it("adds, corrects and removes criteria and measurements while collecting, and the outcome follows", async () => {
    const { id: criterionId } = await admin().evaluations.addCriterion({
      evaluationId,
      indicator: "Deltagere pr. møde",
      baseline: "10",
      target: "20",
    });
    let view = await admin().evaluations.recordMeasurement({
      evaluationId,
      criterionId,
      measuredOn: today,
      value: "12",
    });
    const measurementId = view.criteria[0]?.measurements[0]?.id ?? "";
    expect(view.criteria[0]?.outcome).toBe("partly_met");
    view = await admin().evaluations.correctMeasurement({
      evaluationId,
      measurementId,
      measuredOn: today,
      value: "21",
    });
    expect(view.criteria[0]?.outcome).toBe("met");
    view = await admin().evaluations.updateCriterion({
      evaluationId,
      criterionId,
      indicator: "Deltagere pr. møde",
      baseline: "10",
      target: "25",
    });
    expect(view.criteria[0]).toMatchObject({ target: "25", outcome: "partly_met" });
    const bad = await failure(() =>
      admin().evaluations.correctMeasurement({ evaluationId, measurementId, measuredOn: "i går", value: "" }),
    );
    expect(bad.fields.map((e) => e.field).sort()).toEqual(["measuredOn", "value"]);
    view = await admin().evaluations.removeMeasurement({ evaluationId, measurementId });
    expect(view.criteria[0]?.outcome).toBe("not_measured");
    expect(await outcome(() => admin().evaluations.removeMeasurement({ evaluationId, measurementId }))).toBe(
      "NOT_FOUND",
    );
    view = await admin().evaluations.removeCriterion({ evaluationId, criterionId });
    expect(view.criteria).toEqual([]);
  });

  it("keeps a concluded evaluation as it was", async () => {
    await admin().evaluations.conclude({ evaluationId, summary: "Borgerne følte sig hørt." });
    const before = { row: await row(), audit: await f.auditCount() };
    expect(await outcome(() => admin().evaluations.updateDetails(details()))).toBe("CONFLICT");
    expect(
      await outcome(() => admin().evaluations.addCriterion({ evaluationId, indicator: "X", target: "1" })),
    ).toBe("CONFLICT");
    expect({ row: await row(), audit: await f.auditCount() }).toEqual(before);
  });
});

describe("a named evaluation", () => {
  it("shows the official who answered what; an anonymous one shows no names", async () => {
    const admin = f.as(f.principals.adminRanders);
    const { id } = await admin.evaluations.plan(plan({ kind: "end_of_course", responseMode: "named" }));
    await admin.evaluations.open({ evaluationId: id });
    const tokens = (await admin.evaluations.createInvitations({ evaluationId: id, count: 2 })).tokens;
    for (const [i, name] of ["Åse", "Bent"].entries())
      await f.db.transaction((tx) =>
        submitResponse(tx, f.randers.id, id, invitationTokenHash(tokens[i] ?? ""), answers(i + 2), name),
      );
    const view = await admin.evaluations.get({ evaluationId: id });
    expect(view.namedAnswers.map((a) => [a.name, a.answers.overall])).toEqual([
      ["Bent", 3],
      ["Åse", 2],
    ]);
    const anonymous = await admin.evaluations.plan(plan({ kind: "end_of_course" }));
    expect((await admin.evaluations.get({ evaluationId: anonymous.id })).namedAnswers).toEqual([]);
  });
});

describe("a policy follow-up's next steps", () => {
  let policyId: string;
  let goalId: string;
  const admin = () => f.as(f.principals.adminBroenderslev);
  const actions = async () => (await admin().policy.get({ policyId })).actions;

  beforeAll(async () => {
    const [policy] = (await admin().policy.list({ municipalityId: f.broenderslev.id })).filter(
      (p) => p.status === "adopted",
    );
    if (!policy) throw new Error("no adopted policy in Brønderslev");
    policyId = policy.id;
    const goal = (await admin().policy.get({ policyId })).goals[0];
    if (!goal) throw new Error("the demo policy has no goal");
    goalId = goal.id;
  });

  const followUp = async () => {
    const { id } = await admin().evaluations.plan({
      ...plan(),
      municipalityId: f.broenderslev.id,
      subjectType: "policy_goal",
      subjectId: goalId,
      kind: "policy_follow_up",
    });
    await admin().evaluations.open({ evaluationId: id });
    return id;
  };

  it("become actions of the policy's action plan, under the goal, in the conclusion's transaction", async () => {
    const evaluationId = await followUp();
    const before = (await actions()).length;
    const concluded = await admin().evaluations.conclude({
      evaluationId,
      summary: "Målet er delvist nået.",
      nextSteps: [
        { title: "Lyttemøder i landdistrikterne", dueOn: addDays(today, 90), asAction: true },
        { title: "Drøft resultatet i rådet", dueOn: null, asAction: false },
      ],
    });
    const after = await actions();
    expect(after).toHaveLength(before + 1);
    const action = after.at(-1);
    expect(action).toMatchObject({
      handling: "Lyttemøder i landdistrikterne",
      dueOn: addDays(today, 90),
      goalId,
      status: "not_started",
      published: false,
    });
    // The step that became an action points at it; the one that did not, at nothing.
    expect(concluded.conclusion?.nextSteps.map((s) => s.followUp ?? null)).toEqual([
      { type: "policy_action", id: action?.id },
      null,
    ]);
    expect(concluded.followUps).toEqual([
      {
        type: "policy_action",
        id: action?.id,
        title: "Lyttemøder i landdistrikterne",
        policyId,
        councilId: expect.any(String),
        public: false,
      },
    ]);
  });

  it("refuse a deadline before the policy's period at that step, and conclude nothing", async () => {
    const evaluationId = await followUp();
    const before = { actions: (await actions()).length, audit: await f.auditCount() };
    const bad = await failure(() =>
      admin().evaluations.conclude({
        evaluationId,
        summary: "Delvist nået.",
        nextSteps: [{ title: "For sent", dueOn: "1999-01-01", asAction: true }],
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fields.map((e) => e.field)).toEqual(["nextSteps.0.dueOn"]);
    expect((await admin().evaluations.get({ evaluationId })).status).toBe("collecting");
    expect({ actions: (await actions()).length, audit: await f.auditCount() }).toEqual(before);
  });
});
