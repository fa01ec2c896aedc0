import { randomBytes } from "node:crypto";
import type { Transaction } from "@samraad/db";
import {
  type EvaluationRow,
  findEvaluation,
  findEvaluationAccess,
  findEvaluationSubject,
  findPartnershipAccess,
  findPolicy,
  followUpsOf,
  insertActions,
  insertCriterion,
  insertEvaluation,
  insertInvitations,
  insertMeasurement,
  insertTask,
  invitationTokenHash,
  listEvaluationCriteria,
  listEvaluations,
  listMeasurements,
  listResponses,
  loadPartnership,
  loadPlan,
  partnershipModel,
  removeCriterion,
  removeMeasurement,
  responseRate,
  sealResponses,
  updateCriterion,
  updateEvaluation,
  updateMeasurement,
  updatePartnershipRow,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import {
  canCreateInvitations,
  canEdit,
  canPublish,
  closingDateStillOpen,
  conclude,
  conclusionSchema,
  criteriaTally,
  criterionOutcome,
  criterionRef,
  criterionSchema,
  criterionUpdateSchema,
  type EditablePart,
  type EvaluationSubjectType,
  evaluationDetailsSchema,
  evaluationPlanSchema,
  evaluationRef,
  followUpActions,
  followUpTasks,
  invitationsSchema,
  kindFitsSubject,
  linkFollowUps,
  measurementRef,
  measurementSchema,
  measurementUpdateSchema,
  openForAnswers,
  publishResultsSchema,
  type Questionnaire,
  questionnaireTemplates,
  questionnaireUpdateSchema,
  summarise,
} from "@samraad/domain/evaluations";
import { terminateAtEvaluation } from "@samraad/domain/partnerships";
import { actionIssues } from "@samraad/domain/policy";
import { id, localDate } from "@samraad/domain/shared";
import { z } from "zod";
import type { Context } from "../context.ts";
import { fieldFailure, notFound, unwrap, violation } from "../errors.ts";
import { type AuthedContext, change } from "../mutation.ts";
import { authedProcedure, router } from "../trpc.ts";

/**
 * Who runs an evaluation: the municipality's administrators; for a partnership also whoever may edit the
 * partnership (its partners' contacts and the partner municipalities' administrators), as the partnerships
 * router allows. Anyone else does not learn it exists.
 */
async function mayRun(
  ctx: Context,
  municipalityId: string,
  subjectType: EvaluationSubjectType,
  subjectId: string,
): Promise<boolean> {
  if (can(ctx.principal, "municipality.administer", { municipalityId })) return true;
  if (subjectType !== "partnership") return false;
  const access = await findPartnershipAccess(ctx.db, subjectId);
  return (
    access !== null &&
    access.municipalityId === municipalityId &&
    can(ctx.principal, "partnership.edit", access)
  );
}

/** The evaluation, if the caller may run it (also used by the email invitations router). */
export async function evaluationFor(ctx: Context, evaluationId: string): Promise<EvaluationRow> {
  const access = await findEvaluationAccess(ctx.db, evaluationId);
  if (!access || !(await mayRun(ctx, access.municipalityId, access.subjectType, access.subjectId)))
    throw notFound();
  const evaluation = await findEvaluation(ctx.db, access.municipalityId, evaluationId);
  if (!evaluation) throw notFound();
  return evaluation;
}

/** The evaluation, when this part of it may still change (the domain's rule, by status and answers given). */
async function editableEvaluation(ctx: Context, evaluationId: string, part: EditablePart) {
  const e = await evaluationFor(ctx, evaluationId);
  const responses = part === "questions" ? (await responseRate(ctx.db, e.municipalityId, e.id)).responses : 0;
  unwrap(canEdit(part, { status: e.status, subject: { type: e.subjectType, id: e.subjectId } }, responses));
  return e;
}

const criterionValues = (input: { indicator: string; baseline?: string; target: string; unit?: string }) => ({
  indicator: input.indicator,
  baseline: input.baseline || null,
  target: input.target,
  unit: input.unit || null,
});

const measurementValues = (input: {
  measuredOn: string;
  value: string;
  note?: string;
  judgement?: (typeof measurementSchema)["_output"]["judgement"];
}) => ({
  measuredOn: input.measuredOn,
  value: input.value,
  note: input.note || null,
  judgement: input.judgement ?? null,
});

/**
 * A policy follow-up's next steps chosen as actions, checked as the action plan checks its actions (a deadline
 * before the policy's period is a typing error, reported at that step's date).
 */
async function policyActionsFrom(
  ctx: Context,
  e: EvaluationRow,
  conclusion: Parameters<typeof followUpActions>[1],
) {
  const actions = followUpActions({ type: e.subjectType, id: e.subjectId }, conclusion);
  if (actions.length === 0) return null;
  const subject = await findEvaluationSubject(ctx.db, e.municipalityId, e.subjectType, e.subjectId);
  const policy = subject?.policyId ? await findPolicy(ctx.db, e.municipalityId, subject.policyId) : null;
  if (!policy) throw notFound();
  conclusion.nextSteps.forEach((step, i) => {
    const [issue] = step.asAction ? actionIssues({ dueOn: step.dueOn ?? undefined }, policy.periodFrom) : [];
    if (issue) throw fieldFailure(["nextSteps", i, "dueOn"], issue.code);
  });
  const plan = await loadPlan(ctx.db, e.municipalityId, policy.id);
  const focusAreaOf = (goalId: string | null) => plan.goals.find((g) => g.id === goalId)?.focusAreaId ?? null;
  return {
    policyId: policy.id,
    rows: actions.map((a) => ({
      focusAreaId: focusAreaOf(a.goalId),
      goalId: a.goalId,
      goalText: null,
      handling: a.handling,
      ownerName: e.responsibles.writesSummary,
      ownerSector: null,
      place: null,
      startsOn: null,
      dueOn: a.dueOn,
      status: "not_started" as const,
      statusReason: null,
      published: a.published,
    })),
  };
}

/**
 * One change to an evaluation, in a transaction with its audit entry on the evaluation: `work` does the change
 * and returns what the audit log records as `after` (or throws, and nothing changes).
 */
export function changeEvaluation<After>(
  ctx: AuthedContext,
  e: { id: string; municipalityId: string },
  action: string,
  work: (tx: Transaction) => Promise<After>,
): Promise<After> {
  return change(ctx, e.municipalityId, async (tx, audit) => {
    const after = await work(tx);
    await audit({ action, entityType: "evaluation", entityId: e.id, after });
    return after;
  });
}

/** Everything the official sees: the plan, the response rate, the answers summarised, criteria and outcomes. */
async function view(ctx: Context, e: EvaluationRow) {
  const [rate, responses, criteria, measurements, subject, followUps] = await Promise.all([
    responseRate(ctx.db, e.municipalityId, e.id),
    listResponses(ctx.db, e.municipalityId, e.id),
    listEvaluationCriteria(ctx.db, e.municipalityId, e),
    listMeasurements(ctx.db, e.municipalityId, e.id),
    findEvaluationSubject(ctx.db, e.municipalityId, e.subjectType, e.subjectId),
    followUpsOf(ctx.db, e.municipalityId, e.conclusion),
  ]);
  const summary = summarise(
    e.questionnaire,
    responses.map((r) => r.answers),
  );
  let partners: { id: string; name: string }[] = [];
  let partnershipStatus: string | null = null;
  if (e.subjectType === "partnership") {
    const loaded = await loadPartnership(ctx.db, e.subjectId);
    if (loaded) {
      const model = partnershipModel(loaded);
      partners = model.partners.map((p) => ({ id: p.id, name: p.name }));
      partnershipStatus = loaded.partnership.terminatedOn ? "terminated" : null;
    }
  }
  return {
    id: e.id,
    municipalityId: e.municipalityId,
    councilId: e.councilId,
    subject: {
      type: e.subjectType,
      id: e.subjectId,
      title: subject?.title ?? "",
      policyId: subject?.policyId ?? null,
    },
    kind: e.kind,
    title: e.title,
    periodStart: e.periodStart,
    periodEnd: e.periodEnd,
    status: e.status,
    responseMode: e.responseMode,
    responsibles: e.responsibles,
    questionnaire: e.questionnaire,
    closesOn: e.closesOn,
    reminderDates: e.reminderDates,
    meetingAt: e.meetingAt,
    conclusion: e.conclusion,
    /** what the next steps became (the policy's actions, the partnership's tasks), as they are now */
    followUps,
    published: e.published,
    rate,
    summary,
    /** Names are shown only in a named evaluation, where respondents were told before answering. */
    named: e.responseMode === "named" ? responses.map((r) => r.respondentName ?? "").filter(Boolean) : [],
    /** In a named evaluation the official sees who answered what; an anonymous one never has names. */
    namedAnswers:
      e.responseMode === "named"
        ? responses
            .map((r) => ({ name: r.respondentName ?? "", answers: r.answers }))
            .sort((a, b) => a.name.localeCompare(b.name, "da"))
        : [],
    criteria: criteria.map((c) => ({
      ...c,
      outcome: criterionOutcome(c, measurements),
      measurements: measurements.filter((m) => m.criterionId === c.id),
    })),
    tally: criteriaTally(criteria, measurements),
    partners,
    partnershipTerminated: partnershipStatus === "terminated",
  };
}

export const evaluationsRouter = router({
  /** The questionnaires that ship with the product, to plan from. */
  templates: authedProcedure.query(() =>
    Object.entries(questionnaireTemplates).map(([key, q]) => ({
      key,
      title: q.title,
      questions: q.questions.length,
    })),
  ),

  /** A municipality's evaluations (its administrators), or one subject's (anyone who may run it). */
  list: authedProcedure
    .input(
      z.object({
        municipalityId: id(),
        subject: z
          .object({ type: z.enum(["policy", "policy_goal", "partnership", "co_creation_process"]), id: id() })
          .optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const allowed = input.subject
        ? await mayRun(ctx, input.municipalityId, input.subject.type, input.subject.id)
        : can(ctx.principal, "municipality.administer", { municipalityId: input.municipalityId });
      if (!allowed) throw notFound();
      return listEvaluations(ctx.db, input.municipalityId, input.subject);
    }),

  get: authedProcedure.input(evaluationRef).query(async ({ ctx, input }) => {
    return view(ctx, await evaluationFor(ctx, input.evaluationId));
  }),

  /** Plan from a template for a subject of the municipality; the council following the subject gets its dates. */
  plan: authedProcedure.input(evaluationPlanSchema).mutation(async ({ ctx, input }) => {
    if (!(await mayRun(ctx, input.municipalityId, input.subjectType, input.subjectId))) throw notFound();
    const subject = await findEvaluationSubject(
      ctx.db,
      input.municipalityId,
      input.subjectType,
      input.subjectId,
    );
    if (!subject) throw notFound();
    if (!kindFitsSubject({ kind: input.kind, subject: { type: input.subjectType, id: input.subjectId } }))
      throw violation(
        "evaluation.kind_mismatch",
        "Evalueringens type passer ikke til det, der evalueres",
        "The kind of evaluation does not fit what is evaluated",
      );
    const values = {
      councilId: subject.councilId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      kind: input.kind,
      title: input.title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      responseMode: input.responseMode,
      responsibles: {
        sendsQuestionnaire: input.sendsQuestionnaire,
        chasesAnswers: input.chasesAnswers,
        writesSummary: input.writesSummary,
      },
      questionnaire: questionnaireTemplates[input.template],
      closesOn: input.closesOn ?? null,
      reminderDates: input.reminderDates,
      meetingAt: input.meetingAt ?? null,
    };
    const evaluationId = await change(ctx, input.municipalityId, async (tx, audit) => {
      const created = await insertEvaluation(tx, input.municipalityId, values);
      await audit({ action: "evaluation.plan", entityType: "evaluation", entityId: created, after: values });
      return created;
    });
    return { id: evaluationId };
  }),

  /** Start collecting answers: needs questions and a closing date that has not passed. */
  open: authedProcedure.input(evaluationRef).mutation(async ({ ctx, input }) => {
    const e = await evaluationFor(ctx, input.evaluationId);
    const status = unwrap(openForAnswers(e, e.questionnaire.questions.length, localDate(ctx.now())));
    await changeEvaluation(ctx, e, "evaluation.open", async (tx) => {
      await updateEvaluation(tx, e.municipalityId, e.id, { status }, ctx.now());
      return { status };
    });
    return { status };
  }),

  /**
   * Single-use links: the tokens are returned once, here, and only their hashes are stored. The audit entry
   * records how many, never a token.
   */
  createInvitations: authedProcedure.input(invitationsSchema).mutation(async ({ ctx, input }) => {
    const e = await evaluationFor(ctx, input.evaluationId);
    unwrap(canCreateInvitations(e));
    const tokens = Array.from({ length: input.count }, () => randomBytes(24).toString("base64url"));
    await changeEvaluation(ctx, e, "evaluation.invite", async (tx) => {
      await insertInvitations(
        tx,
        e.municipalityId,
        e.id,
        tokens.map((t) => ({ tokenHash: invitationTokenHash(t), label: input.label ?? null })),
      );
      return { count: input.count, label: input.label ?? null };
    });
    return { tokens, paths: tokens.map((t) => `/evaluering/svar/${t}`) };
  }),

  /** A criterion stated for a partnership or process (a policy's criteria are its goals' own). */
  addCriterion: authedProcedure.input(criterionSchema).mutation(async ({ ctx, input }) => {
    const e = await editableEvaluation(ctx, input.evaluationId, "criteria");
    const criterion = criterionValues(input);
    const criterionId = await change(ctx, e.municipalityId, async (tx, audit) => {
      const created = await insertCriterion(tx, e.municipalityId, e.id, criterion);
      await audit({
        action: "evaluation.criterion",
        entityType: "evaluation",
        entityId: e.id,
        after: criterion,
      });
      return created;
    });
    return { id: criterionId };
  }),

  recordMeasurement: authedProcedure.input(measurementSchema).mutation(async ({ ctx, input }) => {
    const e = await editableEvaluation(ctx, input.evaluationId, "measurements");
    const criteria = await listEvaluationCriteria(ctx.db, e.municipalityId, e);
    if (!criteria.some((c) => c.id === input.criterionId)) throw notFound();
    const measurement = { criterionId: input.criterionId, ...measurementValues(input) };
    await changeEvaluation(ctx, e, "evaluation.measure", async (tx) => {
      await insertMeasurement(tx, e.municipalityId, e.id, measurement);
      return measurement;
    });
    return view(ctx, await evaluationFor(ctx, e.id));
  }),

  /**
   * The evaluation meeting's conclusion. For a partnership's yearly evaluation the decision is the partnership's:
   * "terminate" goes through the partnership's own termination rule (only an ongoing agreement in force, at or
   * after its evaluation date, on behalf of a partner one acts for), in the same transaction, so its status
   * follows. Next steps of a partnership become tasks in its work schedule.
   */
  conclude: authedProcedure.input(conclusionSchema).mutation(async ({ ctx, input }) => {
    const e = await evaluationFor(ctx, input.evaluationId);
    const conclusion = unwrap(
      conclude(
        { status: e.status, kind: e.kind, subject: { type: e.subjectType, id: e.subjectId } },
        {
          summary: input.summary,
          notes: input.notes,
          decision: input.decision ?? null,
          nextSteps: input.nextSteps,
        },
      ),
    );
    const now = ctx.now();
    const policyActions = await policyActionsFrom(ctx, e, conclusion);
    let linked = conclusion;
    let termination = null;
    if (conclusion.decision === "terminate") {
      const loaded = await loadPartnership(ctx.db, e.subjectId);
      if (!loaded) throw notFound();
      const model = partnershipModel(loaded);
      termination = unwrap(
        terminateAtEvaluation(
          { agreement: model.agreement, partners: model.partners, termination: model.termination },
          {
            partnerId: input.terminatingPartnerId ?? "",
            reason: input.terminationReason ?? "",
            userId: ctx.principal.userId,
            administers: (municipalityId) =>
              can(ctx.principal, "municipality.administer", { municipalityId }),
          },
          now,
        ),
      );
    }
    await change(ctx, e.municipalityId, async (tx, audit) => {
      await sealResponses(tx, e.municipalityId, e.id);
      if (termination) {
        await updatePartnershipRow(tx, e.subjectId, {
          terminatedOn: termination.on,
          terminatedByPartnerId: termination.partnerId,
          terminationReason: termination.reason,
        });
        await audit({
          action: "partnership.terminate",
          entityType: "partnership",
          entityId: e.subjectId,
          after: { ...termination, evaluationId: e.id },
        });
      }
      // Each step that becomes a task or an action keeps a reference to it, so the report shows the follow-up.
      const created: string[] = [];
      for (const task of followUpTasks(e.subjectType, conclusion))
        created.push(
          (await insertTask(tx, { municipalityId: e.municipalityId, partnershipId: e.subjectId, ...task }))
            .id,
        );
      if (policyActions) {
        const added = await insertActions(
          tx,
          e.municipalityId,
          policyActions.policyId,
          policyActions.rows,
          now,
        );
        for (const row of added.sort((a, b) => a.position - b.position)) {
          created.push(row.id);
          await audit({
            action: "policy.action.add",
            entityType: "policy_action",
            entityId: row.id,
            after: { ...row, evaluationId: e.id },
          });
        }
      }
      linked = linkFollowUps(e.subjectType, conclusion, created);
      await updateEvaluation(
        tx,
        e.municipalityId,
        e.id,
        { status: "concluded", conclusion: linked, concludedAt: now },
        now,
      );
      await audit({
        action: "evaluation.conclude",
        entityType: "evaluation",
        entityId: e.id,
        after: linked,
      });
    });
    return view(ctx, await evaluationFor(ctx, e.id));
  }),

  /** Corrects the title, period, who does what and the dates, until the evaluation is concluded. */
  updateDetails: authedProcedure.input(evaluationDetailsSchema).mutation(async ({ ctx, input }) => {
    const e = await editableEvaluation(ctx, input.evaluationId, "details");
    const closesOn = input.closesOn ?? null;
    if (!closingDateStillOpen(e, closesOn, localDate(ctx.now())).ok)
      throw fieldFailure("closesOn", "closes_in_past");
    const patch = {
      title: input.title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      responsibles: {
        sendsQuestionnaire: input.sendsQuestionnaire,
        chasesAnswers: input.chasesAnswers,
        writesSummary: input.writesSummary,
      },
      closesOn,
      reminderDates: input.reminderDates,
      meetingAt: input.meetingAt ?? null,
    };
    await changeEvaluation(ctx, e, "evaluation.update", async (tx) => {
      await updateEvaluation(tx, e.municipalityId, e.id, patch, ctx.now());
      return patch;
    });
    return view(ctx, await evaluationFor(ctx, e.id));
  }),

  updateCriterion: authedProcedure.input(criterionUpdateSchema).mutation(async ({ ctx, input }) => {
    const e = await editableEvaluation(ctx, input.evaluationId, "criteria");
    const criterion = criterionValues(input);
    await changeEvaluation(ctx, e, "evaluation.criterion.update", async (tx) => {
      if (!(await updateCriterion(tx, e.municipalityId, e.id, input.criterionId, criterion, ctx.now())))
        throw notFound();
      return { criterionId: input.criterionId, ...criterion };
    });
    return view(ctx, await evaluationFor(ctx, e.id));
  }),

  /** Removes a criterion stated on the evaluation, with its measurements. */
  removeCriterion: authedProcedure.input(criterionRef).mutation(async ({ ctx, input }) => {
    const e = await editableEvaluation(ctx, input.evaluationId, "criteria");
    await changeEvaluation(ctx, e, "evaluation.criterion.remove", async (tx) => {
      if (!(await removeCriterion(tx, e.municipalityId, e.id, input.criterionId, ctx.now())))
        throw notFound();
      return { criterionId: input.criterionId };
    });
    return view(ctx, await evaluationFor(ctx, e.id));
  }),

  correctMeasurement: authedProcedure.input(measurementUpdateSchema).mutation(async ({ ctx, input }) => {
    const e = await editableEvaluation(ctx, input.evaluationId, "measurements");
    const measurement = measurementValues(input);
    await changeEvaluation(ctx, e, "evaluation.measure.correct", async (tx) => {
      if (!(await updateMeasurement(tx, e.municipalityId, e.id, input.measurementId, measurement, ctx.now())))
        throw notFound();
      return { measurementId: input.measurementId, ...measurement };
    });
    return view(ctx, await evaluationFor(ctx, e.id));
  }),

  removeMeasurement: authedProcedure.input(measurementRef).mutation(async ({ ctx, input }) => {
    const e = await editableEvaluation(ctx, input.evaluationId, "measurements");
    await changeEvaluation(ctx, e, "evaluation.measure.remove", async (tx) => {
      if (!(await removeMeasurement(tx, e.municipalityId, e.id, input.measurementId, ctx.now())))
        throw notFound();
      return { measurementId: input.measurementId };
    });
    return view(ctx, await evaluationFor(ctx, e.id));
  }),

  /** Replaces the questions, only while planned and before anyone has answered. */
  updateQuestions: authedProcedure.input(questionnaireUpdateSchema).mutation(async ({ ctx, input }) => {
    const e = await editableEvaluation(ctx, input.evaluationId, "questions");
    const questionnaire: Questionnaire = { ...e.questionnaire, questions: input.questions };
    await changeEvaluation(ctx, e, "evaluation.questions", async (tx) => {
      await updateEvaluation(tx, e.municipalityId, e.id, { questionnaire }, ctx.now());
      return { questions: input.questions.map((q) => q.id) };
    });
    return view(ctx, await evaluationFor(ctx, e.id));
  }),

  /** The owner chooses to publish the results (criteria, charts as tables, the conclusion) on the public site. */
  setPublished: authedProcedure.input(publishResultsSchema).mutation(async ({ ctx, input }) => {
    const e = await evaluationFor(ctx, input.evaluationId);
    if (input.published) unwrap(canPublish(e));
    await changeEvaluation(ctx, e, "evaluation.publish", async (tx) => {
      await updateEvaluation(tx, e.municipalityId, e.id, { published: input.published }, ctx.now());
      return { published: input.published };
    });
    return { published: input.published };
  }),
});
