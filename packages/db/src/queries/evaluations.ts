import { createHash } from "node:crypto";
import type {
  Criterion,
  CriterionOutcome,
  EvaluationSubjectType,
  Measurement,
  ResponseAnswers,
} from "@samraad/domain/evaluations";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import {
  coCreationProcesses,
  evaluationCriteria,
  evaluationDrafts,
  evaluationInvitations,
  evaluationMeasurements,
  evaluationResponses,
  evaluations,
  goals,
  municipalities,
  partnerships,
  policies,
  successCriteria,
} from "../schema/index.ts";

export type EvaluationRow = typeof evaluations.$inferSelect;
export type NewEvaluation = Omit<typeof evaluations.$inferInsert, "id" | "municipalityId">;

/** The subject as the evaluation needs it: its title, the council that follows it, and the policy of a goal. */
export async function findEvaluationSubject(
  db: Db,
  municipalityId: string,
  type: EvaluationSubjectType,
  id: string,
): Promise<{ title: string; councilId: string | null; policyId: string | null } | null> {
  switch (type) {
    case "policy": {
      const [row] = await db
        .select({ title: policies.title, councilId: policies.councilId })
        .from(policies)
        .where(
          and(eq(policies.id, id), eq(policies.municipalityId, municipalityId), isNull(policies.deletedAt)),
        );
      return row ? { ...row, policyId: id } : null;
    }
    case "policy_goal": {
      const [row] = await db
        .select({ title: goals.title, councilId: policies.councilId, policyId: policies.id })
        .from(goals)
        .innerJoin(policies, eq(policies.id, goals.policyId))
        .where(and(eq(goals.id, id), eq(goals.municipalityId, municipalityId), isNull(goals.deletedAt)));
      return row ?? null;
    }
    case "partnership": {
      const [row] = await db
        .select({ title: partnerships.title, councilId: partnerships.councilId })
        .from(partnerships)
        .where(
          and(
            eq(partnerships.id, id),
            eq(partnerships.municipalityId, municipalityId),
            isNull(partnerships.deletedAt),
          ),
        );
      return row ? { ...row, policyId: null } : null;
    }
    case "co_creation_process": {
      const [row] = await db
        .select({ title: coCreationProcesses.title, councilId: coCreationProcesses.councilId })
        .from(coCreationProcesses)
        .where(
          and(
            eq(coCreationProcesses.id, id),
            eq(coCreationProcesses.municipalityId, municipalityId),
            isNull(coCreationProcesses.deletedAt),
          ),
        );
      return row ? { ...row, policyId: null } : null;
    }
  }
}

export async function insertEvaluation(
  db: Db,
  municipalityId: string,
  values: NewEvaluation,
): Promise<string> {
  const [row] = await db
    .insert(evaluations)
    .values({ ...values, municipalityId })
    .returning({ id: evaluations.id });
  if (!row) throw new Error("evaluation not inserted");
  return row.id;
}

/** Where an evaluation lives, for access checks before anything else is read (null when unknown or deleted). */
export async function findEvaluationAccess(db: Db, evaluationId: string) {
  const [row] = await db
    .select({
      municipalityId: evaluations.municipalityId,
      councilId: evaluations.councilId,
      subjectType: evaluations.subjectType,
      subjectId: evaluations.subjectId,
    })
    .from(evaluations)
    .where(and(eq(evaluations.id, evaluationId), isNull(evaluations.deletedAt)));
  return row ?? null;
}

export async function findEvaluation(
  db: Db,
  municipalityId: string,
  evaluationId: string,
): Promise<EvaluationRow | null> {
  const [row] = await db
    .select()
    .from(evaluations)
    .where(
      and(
        eq(evaluations.id, evaluationId),
        eq(evaluations.municipalityId, municipalityId),
        isNull(evaluations.deletedAt),
      ),
    );
  return row ?? null;
}

/** A municipality's evaluations, newest period first; optionally those of one subject. */
export async function listEvaluations(
  db: Db,
  municipalityId: string,
  subject?: { type: EvaluationSubjectType; id: string },
) {
  return db
    .select({
      id: evaluations.id,
      title: evaluations.title,
      kind: evaluations.kind,
      status: evaluations.status,
      subjectType: evaluations.subjectType,
      subjectId: evaluations.subjectId,
      periodStart: evaluations.periodStart,
      periodEnd: evaluations.periodEnd,
      closesOn: evaluations.closesOn,
      published: evaluations.published,
    })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.municipalityId, municipalityId),
        isNull(evaluations.deletedAt),
        subject ? eq(evaluations.subjectType, subject.type) : undefined,
        subject ? eq(evaluations.subjectId, subject.id) : undefined,
      ),
    )
    .orderBy(desc(evaluations.periodEnd), asc(evaluations.title));
}

export async function updateEvaluation(
  db: Db,
  municipalityId: string,
  evaluationId: string,
  patch: Partial<NewEvaluation>,
  now: Date,
): Promise<void> {
  await db
    .update(evaluations)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.municipalityId, municipalityId)));
}

// --- Invitations and responses: the anonymous part ---------------------------------------------------------

/** One link of one evaluation, by its token's hash. */
const linkOf = (municipalityId: string, evaluationId: string, tokenHash: string) =>
  and(
    eq(evaluationInvitations.municipalityId, municipalityId),
    eq(evaluationInvitations.evaluationId, evaluationId),
    eq(evaluationInvitations.tokenHash, tokenHash),
  );

/** Links carry a random token; only its SHA-256 is stored, so a copy of the database opens no questionnaire. */
export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function insertInvitations(
  db: Db,
  municipalityId: string,
  evaluationId: string,
  links: { tokenHash: string; label: string | null }[],
): Promise<void> {
  if (links.length === 0) return;
  await db.insert(evaluationInvitations).values(links.map((l) => ({ ...l, municipalityId, evaluationId })));
}

/** The invitation a link's token hash belongs to, with its evaluation (the public questionnaire's entry). */
export async function findInvitation(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      municipalityId: evaluationInvitations.municipalityId,
      evaluationId: evaluationInvitations.evaluationId,
      answered: evaluationInvitations.answered,
    })
    .from(evaluationInvitations)
    .innerJoin(evaluations, eq(evaluations.id, evaluationInvitations.evaluationId))
    .where(and(eq(evaluationInvitations.tokenHash, tokenHash), isNull(evaluations.deletedAt)));
  return row ?? null;
}

export type SubmitOutcome = "counted" | "already_answered" | "unknown";

/**
 * Stores one response for a link, once. The invitation's `answered` flag flips under its row lock (a concurrent
 * second submission waits, then finds it set); the response is stored under a random id with nothing pointing
 * back to the invitation. Run it in a transaction: if storing the answers fails, the link can be used again.
 */
export async function submitResponse(
  tx: Db,
  municipalityId: string,
  evaluationId: string,
  tokenHash: string,
  answers: ResponseAnswers,
  respondentName: string | null,
): Promise<SubmitOutcome> {
  const claimed = await tx
    .update(evaluationInvitations)
    .set({ answered: true })
    .where(and(linkOf(municipalityId, evaluationId, tokenHash), eq(evaluationInvitations.answered, false)))
    .returning({ answered: evaluationInvitations.answered });
  if (claimed.length === 0) {
    const [known] = await tx
      .select({ answered: evaluationInvitations.answered })
      .from(evaluationInvitations)
      .where(linkOf(municipalityId, evaluationId, tokenHash));
    return known ? "already_answered" : "unknown";
  }
  await tx.insert(evaluationResponses).values({ municipalityId, evaluationId, answers, respondentName });
  // The answers now live unlinked in evaluation_responses; the draft that kept them under this link goes.
  await tx
    .delete(evaluationDrafts)
    .where(and(eq(evaluationDrafts.evaluationId, evaluationId), eq(evaluationDrafts.tokenHash, tokenHash)));
  return "counted";
}

export type Draft = { answers: ResponseAnswers; respondentName: string | null; page: number };

/** The answers a link has given so far on earlier pages (null when none). */
export async function findDraft(db: Db, evaluationId: string, tokenHash: string): Promise<Draft | null> {
  const [row] = await db
    .select({
      answers: evaluationDrafts.answers,
      respondentName: evaluationDrafts.respondentName,
      page: evaluationDrafts.page,
    })
    .from(evaluationDrafts)
    .where(and(eq(evaluationDrafts.evaluationId, evaluationId), eq(evaluationDrafts.tokenHash, tokenHash)));
  return row ?? null;
}

/**
 * Keeps a link's answers between pages. Under the invitation's row lock, as submitResponse takes it, so a page
 * saved at the same moment as the response is sent cannot leave a draft behind: a used link saves nothing.
 * Run it in a transaction; false when the link is used or unknown.
 */
export async function saveDraft(
  tx: Db,
  municipalityId: string,
  evaluationId: string,
  tokenHash: string,
  draft: Draft,
): Promise<boolean> {
  const [open] = await tx
    .select({ answered: evaluationInvitations.answered })
    .from(evaluationInvitations)
    .where(linkOf(municipalityId, evaluationId, tokenHash))
    .for("update");
  if (!open || open.answered) return false;
  await tx
    .insert(evaluationDrafts)
    .values({ municipalityId, evaluationId, tokenHash, ...draft })
    .onConflictDoUpdate({
      target: [evaluationDrafts.evaluationId, evaluationDrafts.tokenHash],
      set: draft,
    });
  return true;
}

/**
 * Links sent, links answered, and responses stored (the last two are equal unless something is wrong), and the
 * same per label, so whoever chases answers knows which group (or, with one link per person, who) to remind.
 * The labels come from the links, never from the answers.
 */
export async function responseRate(db: Db, municipalityId: string, evaluationId: string) {
  const groups = await db
    .select({
      label: evaluationInvitations.label,
      invited: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) filter (where ${evaluationInvitations.answered}))::int`,
    })
    .from(evaluationInvitations)
    .where(
      and(
        eq(evaluationInvitations.municipalityId, municipalityId),
        eq(evaluationInvitations.evaluationId, evaluationId),
      ),
    )
    .groupBy(evaluationInvitations.label)
    .orderBy(asc(evaluationInvitations.label));
  const [responses] = await db
    .select({ responses: sql<number>`count(*)::int` })
    .from(evaluationResponses)
    .where(
      and(
        eq(evaluationResponses.municipalityId, municipalityId),
        eq(evaluationResponses.evaluationId, evaluationId),
      ),
    );
  return {
    invited: groups.reduce((a, g) => a + g.invited, 0),
    answered: groups.reduce((a, g) => a + g.answered, 0),
    responses: responses?.responses ?? 0,
    byLabel: groups.map((g) => ({ label: g.label ?? "", invited: g.invited, answered: g.answered })),
  };
}

/**
 * Seals the answers when the evaluation stops collecting. Each answer was stored in the same transaction that
 * marked its link as used, so PostgreSQL's own row bookkeeping (the xmin transaction id, the physical row order)
 * could pair a link with its answer. Sealing rewrites every link row and every answer row of the evaluation in
 * this one transaction, the answers in random order under new random ids: afterwards all share one xmin and no
 * order is left to compare. Run it in the transaction that concludes the evaluation. Who the links were emailed to
 * is forgotten too: no reminder follows a conclusion.
 */
export async function sealResponses(tx: Db, municipalityId: string, evaluationId: string): Promise<void> {
  await tx.execute(sql`
    delete from evaluation_invitation_emails
    where municipality_id = ${municipalityId} and evaluation_id = ${evaluationId}`);
  await tx.execute(sql`
    update evaluation_invitations set answered = answered
    where municipality_id = ${municipalityId} and evaluation_id = ${evaluationId}`);
  await tx.execute(sql`
    with old as (
      delete from evaluation_responses
      where municipality_id = ${municipalityId} and evaluation_id = ${evaluationId}
      returning municipality_id, evaluation_id, answers, respondent_name
    )
    insert into evaluation_responses (municipality_id, evaluation_id, answers, respondent_name)
    select municipality_id, evaluation_id, answers, respondent_name from old order by random()`);
  // Questionnaires left half-way are never counted; their drafts would only keep answers next to links.
  await tx
    .delete(evaluationDrafts)
    .where(
      and(
        eq(evaluationDrafts.municipalityId, municipalityId),
        eq(evaluationDrafts.evaluationId, evaluationId),
      ),
    );
}

/** The answers, in random-id order (which says nothing about who answered or when). */
export async function listResponses(db: Db, municipalityId: string, evaluationId: string) {
  return db
    .select({
      id: evaluationResponses.id,
      answers: evaluationResponses.answers,
      respondentName: evaluationResponses.respondentName,
    })
    .from(evaluationResponses)
    .where(
      and(
        eq(evaluationResponses.municipalityId, municipalityId),
        eq(evaluationResponses.evaluationId, evaluationId),
      ),
    )
    .orderBy(asc(evaluationResponses.id));
}

// --- Criteria and measurements -----------------------------------------------------------------------------

/**
 * The criteria an evaluation measures: for a policy, every goal's success criteria; for a goal, its own; for a
 * partnership or process, those stated on the evaluation. Judgements come from the latest measurement.
 */
export async function listEvaluationCriteria(
  db: Db,
  municipalityId: string,
  evaluation: Pick<EvaluationRow, "id" | "subjectType" | "subjectId">,
): Promise<(Criterion & { goal: string | null })[]> {
  const columns = {
    id: successCriteria.id,
    indicator: successCriteria.indicator,
    baseline: successCriteria.baseline,
    target: successCriteria.target,
    unit: successCriteria.unit,
    goal: goals.title,
  };
  let rows: (Criterion & { goal: string | null })[];
  if (evaluation.subjectType === "policy" || evaluation.subjectType === "policy_goal") {
    rows = await db
      .select(columns)
      .from(successCriteria)
      .innerJoin(goals, and(eq(goals.id, successCriteria.goalId), isNull(goals.deletedAt)))
      .where(
        and(
          eq(successCriteria.municipalityId, municipalityId),
          isNull(successCriteria.deletedAt),
          evaluation.subjectType === "policy"
            ? eq(goals.policyId, evaluation.subjectId)
            : eq(goals.id, evaluation.subjectId),
        ),
      )
      .orderBy(asc(goals.position), asc(successCriteria.position));
  } else {
    rows = (
      await db
        .select({
          id: evaluationCriteria.id,
          indicator: evaluationCriteria.indicator,
          baseline: evaluationCriteria.baseline,
          target: evaluationCriteria.target,
          unit: evaluationCriteria.unit,
        })
        .from(evaluationCriteria)
        .where(
          and(
            eq(evaluationCriteria.municipalityId, municipalityId),
            eq(evaluationCriteria.evaluationId, evaluation.id),
            isNull(evaluationCriteria.deletedAt),
          ),
        )
        .orderBy(asc(evaluationCriteria.position))
    ).map((r) => ({ ...r, goal: null }));
  }
  const measurements = await listMeasurements(db, municipalityId, evaluation.id);
  return rows.map((c) => {
    const latest = measurements
      .filter((m) => m.criterionId === c.id)
      .reduce<(typeof measurements)[number] | null>(
        (a, m) => (!a || m.measuredOn >= a.measuredOn ? m : a),
        null,
      );
    return { ...c, judgement: latest?.judgement ?? null };
  });
}

export async function insertCriterion(
  db: Db,
  municipalityId: string,
  evaluationId: string,
  c: { indicator: string; baseline: string | null; target: string; unit: string | null },
): Promise<string> {
  const [position] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(evaluationCriteria)
    .where(eq(evaluationCriteria.evaluationId, evaluationId));
  const [row] = await db
    .insert(evaluationCriteria)
    .values({ ...c, municipalityId, evaluationId, position: position?.n ?? 0 })
    .returning({ id: evaluationCriteria.id });
  if (!row) throw new Error("criterion not inserted");
  return row.id;
}

export async function insertMeasurement(
  db: Db,
  municipalityId: string,
  evaluationId: string,
  m: Measurement & { judgement: CriterionOutcome | null },
): Promise<void> {
  await db.insert(evaluationMeasurements).values({
    municipalityId,
    evaluationId,
    criterionId: m.criterionId,
    measuredOn: m.measuredOn,
    value: m.value,
    note: m.note ?? null,
    judgement: m.judgement,
  });
}

/** A criterion or a measurement stated on the evaluation: both live in the evaluation's scope until deleted. */
type EvaluationPart = typeof evaluationCriteria | typeof evaluationMeasurements;

const liveIn = (table: EvaluationPart, municipalityId: string, evaluationId: string) =>
  and(
    eq(table.municipalityId, municipalityId),
    eq(table.evaluationId, evaluationId),
    isNull(table.deletedAt),
  );

/** Changes one live criterion or measurement of the evaluation; false when there is no such row. */
async function setPart(
  db: Db,
  table: EvaluationPart,
  scope: { municipalityId: string; evaluationId: string; id: string },
  values: Partial<EvaluationPart["$inferInsert"]> & { updatedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(table)
    .set(values)
    .where(and(eq(table.id, scope.id), liveIn(table, scope.municipalityId, scope.evaluationId)))
    .returning({ id: table.id });
  return rows.length > 0;
}

/** Corrects a criterion stated on the evaluation (a policy's criteria are changed in the policy). */
export function updateCriterion(
  db: Db,
  municipalityId: string,
  evaluationId: string,
  criterionId: string,
  c: { indicator: string; baseline: string | null; target: string; unit: string | null },
  now: Date,
): Promise<boolean> {
  return setPart(
    db,
    evaluationCriteria,
    { municipalityId, evaluationId, id: criterionId },
    { ...c, updatedAt: now },
  );
}

/** Removes a criterion and its measurements (kept as deleted rows, like the rest of the content). */
export async function removeCriterion(
  db: Db,
  municipalityId: string,
  evaluationId: string,
  criterionId: string,
  now: Date,
): Promise<boolean> {
  const deleted = { deletedAt: now, updatedAt: now };
  const removed = await setPart(
    db,
    evaluationCriteria,
    { municipalityId, evaluationId, id: criterionId },
    deleted,
  );
  await db
    .update(evaluationMeasurements)
    .set(deleted)
    .where(
      and(
        eq(evaluationMeasurements.criterionId, criterionId),
        liveIn(evaluationMeasurements, municipalityId, evaluationId),
      ),
    );
  return removed;
}

/** Corrects a measurement's date, value, note or judgement; false when there is no such measurement. */
export function updateMeasurement(
  db: Db,
  municipalityId: string,
  evaluationId: string,
  measurementId: string,
  m: { measuredOn: string; value: string; note: string | null; judgement: CriterionOutcome | null },
  now: Date,
): Promise<boolean> {
  const scope = { municipalityId, evaluationId, id: measurementId };
  return setPart(db, evaluationMeasurements, scope, { ...m, updatedAt: now });
}

export function removeMeasurement(
  db: Db,
  municipalityId: string,
  evaluationId: string,
  measurementId: string,
  now: Date,
): Promise<boolean> {
  const scope = { municipalityId, evaluationId, id: measurementId };
  return setPart(db, evaluationMeasurements, scope, { deletedAt: now, updatedAt: now });
}

export async function listMeasurements(db: Db, municipalityId: string, evaluationId: string) {
  return db
    .select({
      id: evaluationMeasurements.id,
      criterionId: evaluationMeasurements.criterionId,
      measuredOn: evaluationMeasurements.measuredOn,
      value: evaluationMeasurements.value,
      note: evaluationMeasurements.note,
      judgement: evaluationMeasurements.judgement,
    })
    .from(evaluationMeasurements)
    .where(
      and(
        eq(evaluationMeasurements.municipalityId, municipalityId),
        eq(evaluationMeasurements.evaluationId, evaluationId),
        isNull(evaluationMeasurements.deletedAt),
      ),
    )
    .orderBy(asc(evaluationMeasurements.measuredOn), asc(evaluationMeasurements.createdAt));
}

// --- Public ------------------------------------------------------------------------------------------------

/** Published, concluded evaluations of some subjects (to link from their public pages). */
export async function publishedEvaluationsOf(db: Db, municipalityId: string, subjectIds: string[]) {
  if (subjectIds.length === 0) return [];
  return db
    .select({
      id: evaluations.id,
      title: evaluations.title,
      subjectId: evaluations.subjectId,
      periodEnd: evaluations.periodEnd,
    })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.municipalityId, municipalityId),
        inArray(evaluations.subjectId, subjectIds),
        eq(evaluations.published, true),
        eq(evaluations.status, "concluded"),
        isNull(evaluations.deletedAt),
      ),
    )
    .orderBy(desc(evaluations.periodEnd));
}

/** The municipality an evaluation belongs to, as the public site names it. */
export async function evaluationMunicipality(db: Db, municipalityId: string) {
  const [row] = await db
    .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row ?? null;
}

/** A published, concluded evaluation for the public site; anything else is not found. */
export async function findPublishedEvaluation(db: Db, evaluationId: string): Promise<EvaluationRow | null> {
  const [row] = await db
    .select()
    .from(evaluations)
    .where(
      and(
        eq(evaluations.id, evaluationId),
        eq(evaluations.published, true),
        eq(evaluations.status, "concluded"),
        isNull(evaluations.deletedAt),
      ),
    );
  return row ?? null;
}
