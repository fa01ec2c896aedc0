import { createHash, randomBytes } from "node:crypto";
import {
  criterionOutcome,
  parentCourseQuestionnaire,
  type ResponseAnswers,
  summarise,
} from "@samraad/domain/evaluations";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import type { OpenedDatabase } from "../open.ts";
import {
  coCreationProcesses,
  councils,
  focusAreas,
  goals,
  policies,
  successCriteria,
} from "../schema/index.ts";
import { createTestDatabase, insertTestMunicipality, rowsOf } from "../testing/index.ts";
import { upcomingDeadlinesFor } from "./deadlines.ts";
import {
  findDraft,
  findEvaluationSubject,
  findInvitation,
  insertEvaluation,
  insertInvitations,
  insertMeasurement,
  listEvaluationCriteria,
  listMeasurements,
  listResponses,
  responseRate,
  type SubmitOutcome,
  saveDraft,
  sealResponses,
  submitResponse,
} from "./evaluations.ts";

let opened: OpenedDatabase;
let db: Database;
let municipalityId: string;
let councilId: string;
let processId: string;
let evaluationId: string;
const now = new Date("2026-09-01T08:00:00Z");
const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const tokens = Array.from({ length: 12 }, () => randomBytes(24).toString("base64url"));

const answers = {
  overall: 4,
  content: 5,
  network: 3,
  useful: ["network"],
  childcare: true,
  recommend: "yes",
  better: "Mere tid til spørgsmål",
};

const newEvaluation = (subjectType: "co_creation_process" | "policy", subjectId: string) =>
  insertEvaluation(db, municipalityId, {
    councilId,
    subjectType,
    subjectId,
    kind: subjectType === "policy" ? "policy_follow_up" : "process_evaluation",
    title: "Evaluering af Bolbro bestemmer",
    periodStart: "2026-01-01",
    periodEnd: "2026-08-31",
    status: "collecting",
    responsibles: { sendsQuestionnaire: "Sekretær", chasesAnswers: "Sekretær", writesSummary: "Formand" },
    questionnaire: parentCourseQuestionnaire,
    closesOn: "2026-09-30",
    reminderDates: ["2026-09-20"],
    meetingAt: new Date("2026-10-06T12:00:00Z"),
  });

const submit = (token: string, a: ResponseAnswers = answers) =>
  db.transaction((tx) => submitResponse(tx, municipalityId, evaluationId, hash(token), a, null));

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  municipalityId = await insertTestMunicipality(db, {
    slug: "odense-eval",
    name: "Odense Kommune",
    code: "0461",
  });
  const [c] = await db
    .insert(councils)
    .values({ municipalityId, slug: "handicapraadet", name: "Handicaprådet", type: "handicapraad" })
    .returning({ id: councils.id });
  if (!c) throw new Error("no council");
  councilId = c.id;
  const [p] = await db
    .insert(coCreationProcesses)
    .values({
      municipalityId,
      councilId,
      slug: "bolbro",
      title: "Bolbro bestemmer",
      purpose: "Borgerne bestemmer",
    })
    .returning({ id: coCreationProcesses.id });
  if (!p) throw new Error("no process");
  processId = p.id;
  evaluationId = await newEvaluation("co_creation_process", processId);
  await insertInvitations(
    db,
    municipalityId,
    evaluationId,
    tokens.map((t, i) => ({ tokenHash: hash(t), label: `Link ${i + 1}` })),
  );
});
afterAll(() => opened.close());

describe("answering through a single-use link", () => {
  it("stores exactly one response for 100 concurrent submissions with one link", async () => {
    const token = tokens[0] as string;
    const outcomes = await Promise.allSettled(Array.from({ length: 100 }, () => submit(token)));
    const values = outcomes.map((o) => (o.status === "fulfilled" ? o.value : "error"));
    expect(values.filter((v) => v === "counted")).toHaveLength(1);
    expect(values.filter((v) => v === "already_answered" || v === "error")).toHaveLength(99);
    const rate = await responseRate(db, municipalityId, evaluationId);
    expect(rate).toMatchObject({ invited: 12, answered: 1, responses: 1 });
    // Per label the chaser sees which link is still open; the answers themselves stay unlabelled.
    expect(rate.byLabel.find((g) => g.label === "Link 1")).toEqual({
      label: "Link 1",
      invited: 1,
      answered: 1,
    });
    expect(rate.byLabel.find((g) => g.label === "Link 2")).toEqual({
      label: "Link 2",
      invited: 1,
      answered: 0,
    });
  });

  it("refuses a used link and an unknown one without storing anything", async () => {
    expect(await submit(tokens[0] as string)).toBe<SubmitOutcome>("already_answered");
    expect(await submit("not-a-token")).toBe<SubmitOutcome>("unknown");
    expect((await responseRate(db, municipalityId, evaluationId)).responses).toBe(1);
    expect(await findInvitation(db, hash(tokens[0] as string))).toMatchObject({
      answered: true,
      evaluationId,
    });
    expect(await findInvitation(db, hash("not-a-token"))).toBeNull();
  });

  it("gives the link back when storing the answers fails, so the respondent can try again", async () => {
    const token = tokens[1] as string;
    await expect(
      db.transaction(async (tx) => {
        await submitResponse(tx, municipalityId, evaluationId, hash(token), answers, null);
        throw new Error("storage failed");
      }),
    ).rejects.toThrow("storage failed");
    expect(await findInvitation(db, hash(token))).toMatchObject({ answered: false });
    expect(await submit(token)).toBe("counted");
  });

  it("summarises the stored answers with the domain's rules once five have answered", async () => {
    for (const t of tokens.slice(2, 5)) expect(await submit(t, { ...answers, overall: 2 })).toBe("counted");
    const stored = await listResponses(db, municipalityId, evaluationId);
    expect(stored).toHaveLength(5);
    const summary = summarise(
      parentCourseQuestionnaire,
      stored.map((r) => r.answers),
    );
    expect(summary.questions.find((q) => q.questionId === "overall")).toMatchObject({
      suppressed: false,
      mean: 2.8,
    });
  });
});

describe("anonymous answers", () => {
  const tables = ["evaluation_responses", "evaluation_invitations"];

  it("have no join path from a link to a response in the schema", async () => {
    const rows = rowsOf<{
      table_name: string;
      column_name: string;
      data_type: string;
      column_default: string | null;
    }>(
      await db.execute(
        sql`select table_name, column_name, data_type, column_default from information_schema.columns
          where table_schema = 'public' and table_name in ('evaluation_responses', 'evaluation_invitations')`,
      ),
    );
    const responseColumns = rows.filter((r) => r.table_name === "evaluation_responses");
    expect(responseColumns.map((c) => c.column_name).sort()).toEqual([
      "answers",
      "evaluation_id",
      "id",
      "municipality_id",
      "respondent_name",
    ]);
    for (const c of responseColumns) {
      expect(c.data_type).not.toMatch(/time|date|serial/);
      expect(c.column_default ?? "").not.toMatch(/nextval|now\(\)|clock_timestamp/);
    }
    expect(responseColumns.find((c) => c.column_name === "id")?.column_default).toBe("gen_random_uuid()");
    const shared = rows
      .filter((r) => r.table_name === "evaluation_invitations")
      .map((c) => c.column_name)
      .filter((name) => responseColumns.some((r) => r.column_name === name));
    expect(shared.sort()).toEqual(["evaluation_id", "municipality_id"]);
    // The invitation knows whether it answered, never when.
    for (const c of rows.filter((r) => r.table_name === "evaluation_invitations"))
      expect(c.data_type).not.toMatch(/time|date/);
  });

  it("have no foreign key between links and responses, and nothing points at a response", async () => {
    const edges = rowsOf<{ from_table: string; to_table: string }>(
      await db.execute(
        sql`select tc.table_name as from_table, ccu.table_name as to_table
          from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
          where tc.constraint_type = 'FOREIGN KEY' and tc.table_name in ('evaluation_responses', 'evaluation_invitations')`,
      ),
    );
    expect(edges.map((r) => `${r.from_table}->${r.to_table}`).sort()).toEqual(
      tables.flatMap((t) => [`${t}->evaluations`, `${t}->municipalities`]).sort(),
    );
    const inbound = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from information_schema.constraint_column_usage ccu
          join information_schema.table_constraints tc on tc.constraint_name = ccu.constraint_name
          where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = 'evaluation_responses'`,
      ),
    );
    expect(inbound[0]?.n).toBe(0);
  });

  it("are sealed at conclusion, so not even PostgreSQL's transaction ids pair a link with its answer", async () => {
    const pairs = async () =>
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from evaluation_invitations i
          join evaluation_responses r on r.xmin::text = i.xmin::text
          where i.evaluation_id = ${evaluationId} and r.evaluation_id = ${evaluationId} and i.answered`),
      )[0]?.n ?? 0;
    // While collecting, each answer shares its transaction with its link: the risk the seal removes.
    expect(await pairs()).toBe(5);
    const before = (await listResponses(db, municipalityId, evaluationId)).map((r) =>
      JSON.stringify(r.answers),
    );
    await db.transaction((tx) => sealResponses(tx, municipalityId, evaluationId));
    const after = await listResponses(db, municipalityId, evaluationId);
    // Same answers, new ids; every link and every answer now carries the sealing transaction's id.
    expect(after.map((r) => JSON.stringify(r.answers)).sort()).toEqual([...before].sort());
    const xmins = rowsOf<{ n: number }>(
      await db.execute(sql`select count(distinct x)::int as n from (
        select xmin::text as x from evaluation_responses where evaluation_id = ${evaluationId}
        union all select xmin::text from evaluation_invitations where evaluation_id = ${evaluationId}) t`),
    );
    expect(xmins[0]?.n).toBe(1);
    expect(await responseRate(db, municipalityId, evaluationId)).toMatchObject({ answered: 5, responses: 5 });
  });

  it("come back in random-id order, never in the order they were given", async () => {
    const stored = await listResponses(db, municipalityId, evaluationId);
    expect(stored.map((r) => r.id)).toEqual(stored.map((r) => r.id).sort());
    for (const r of stored) expect(JSON.stringify(r)).not.toMatch(new RegExp(tokens.map(hash).join("|")));
  });
});

describe("a questionnaire answered in pages", () => {
  const draftsOf = async (token: string) =>
    rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from evaluation_drafts where token_hash = ${hash(token)}`,
      ),
    )[0]?.n;
  const save = (token: string, page: number) =>
    db.transaction((tx) =>
      saveDraft(tx, municipalityId, evaluationId, hash(token), {
        answers: { overall: 4, content: 5 },
        respondentName: null,
        page,
      }),
    );

  it("keeps the answers so far under the link, and deletes them in the transaction that stores the response", async () => {
    const token = tokens[6] as string;
    expect(await save(token, 1)).toBe(true);
    expect(await save(token, 2)).toBe(true);
    expect(await findDraft(db, evaluationId, hash(token))).toEqual({
      answers: { overall: 4, content: 5 },
      respondentName: null,
      page: 2,
    });
    expect(await submit(token)).toBe("counted");
    expect(await draftsOf(token)).toBe(0);
    // A used link keeps nothing, even a page saved after the response.
    expect(await save(token, 2)).toBe(false);
    expect(await draftsOf(token)).toBe(0);
  });

  it("drops an unfinished draft when the evaluation stops collecting, and never counts it", async () => {
    const token = tokens[7] as string;
    const before = await responseRate(db, municipalityId, evaluationId);
    expect(await save(token, 1)).toBe(true);
    await db.transaction((tx) => sealResponses(tx, municipalityId, evaluationId));
    expect(await draftsOf(token)).toBe(0);
    expect(await responseRate(db, municipalityId, evaluationId)).toEqual(before);
  });

  it("store no time and point at no response or link row", async () => {
    const columns = rowsOf<{ column_name: string; data_type: string }>(
      await db.execute(sql`select column_name, data_type from information_schema.columns
        where table_schema = 'public' and table_name = 'evaluation_drafts'`),
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual([
      "answers",
      "evaluation_id",
      "municipality_id",
      "page",
      "respondent_name",
      "token_hash",
    ]);
    for (const c of columns) expect(c.data_type).not.toMatch(/time|date/);
    const edges = rowsOf<{ to_table: string }>(
      await db.execute(sql`select ccu.table_name as to_table from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_name = 'evaluation_drafts'`),
    );
    expect(edges.map((e) => e.to_table).sort()).toEqual(["evaluations", "municipalities"]);
  });
});

describe("criteria of a policy follow-up", () => {
  it("are the policy's own success criteria, measured on the evaluation", async () => {
    const [policy] = await db
      .insert(policies)
      .values({ municipalityId, councilId, title: "Handicappolitik 2025–2028", status: "adopted" })
      .returning({ id: policies.id });
    if (!policy) throw new Error("no policy");
    const [area] = await db
      .insert(focusAreas)
      .values({ municipalityId, policyId: policy.id, title: "Arbejde" })
      .returning({ id: focusAreas.id });
    if (!area) throw new Error("no focus area");
    const [goal] = await db
      .insert(goals)
      .values({ municipalityId, policyId: policy.id, focusAreaId: area.id, title: "Flere i job" })
      .returning({ id: goals.id });
    if (!goal) throw new Error("no goal");
    const [criterion] = await db
      .insert(successCriteria)
      .values({
        municipalityId,
        goalId: goal.id,
        indicator: "Borgere i fleksjob",
        baseline: "40",
        target: "60",
        unit: "%",
      })
      .returning({ id: successCriteria.id });
    if (!criterion) throw new Error("no criterion");
    expect(await findEvaluationSubject(db, municipalityId, "policy_goal", goal.id)).toEqual({
      title: "Flere i job",
      councilId,
      policyId: policy.id,
    });
    const followUp = await newEvaluation("policy", policy.id);
    await insertMeasurement(db, municipalityId, followUp, {
      criterionId: criterion.id,
      measuredOn: "2026-06-30",
      value: "52",
      judgement: null,
    });
    const criteria = await listEvaluationCriteria(db, municipalityId, {
      id: followUp,
      subjectType: "policy",
      subjectId: policy.id,
    });
    expect(criteria.map((c) => [c.indicator, c.goal])).toEqual([["Borgere i fleksjob", "Flere i job"]]);
    const measurements = await listMeasurements(db, municipalityId, followUp);
    expect(criterionOutcome(criteria[0] as (typeof criteria)[number], measurements)).toBe("partly_met");
    // Another municipality's subject is not found.
    expect(
      await findEvaluationSubject(db, "00000000-0000-4000-8000-000000000000", "policy", policy.id),
    ).toBeNull();
  });
});

describe("evaluation deadlines", () => {
  it("reach the council's list: reminders, closing date and meeting, until concluded", async () => {
    const list = await upcomingDeadlinesFor(db, { municipalityId, councilIds: [councilId] }, now);
    const mine = list.filter((d) => d.id.includes(evaluationId));
    expect(mine.map((d) => d.kind)).toEqual([
      "evaluation_reminder",
      "evaluation_closes",
      "evaluation_meeting",
    ]);
    expect(mine[0]?.target).toEqual({ type: "co_creation_process", id: processId });
    const publicList = await upcomingDeadlinesFor(db, { municipalityId, publicOnly: true }, now);
    expect(publicList.filter((d) => d.kind.startsWith("evaluation_"))).toEqual([]);
  });
});
