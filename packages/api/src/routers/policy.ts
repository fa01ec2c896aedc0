import {
  actionsChangedSince,
  actionsRemovedSince,
  countPlanChildren,
  findActionOwner,
  findCouncilById,
  findFocusAreaOwner,
  findGoalOwner,
  findPolicy,
  findPolicyOwner,
  findProcessOwner,
  insertActions,
  insertAgendaItem,
  insertFocusArea,
  insertGoal,
  insertPolicy,
  insertProgress,
  listPolicies,
  loadPlan,
  removeActionRow,
  removeFocusAreaRow,
  removeGoalRow,
  reorderActions,
  updateActionRow,
  updatePolicyRow,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import { agendaEditable } from "@samraad/domain/meetings";
import {
  type ActionFields,
  actionFields,
  actionInput,
  actionRemoval,
  actionTransition,
  actionUpdateInput,
  decodeCsv,
  exportActionPlan,
  focusAreaInput,
  focusAreaRemoval,
  followUpAgendaItem,
  goalInput,
  goalRemoval,
  importActionPlan,
  planFindings,
  planProgress,
  policyFields,
  policyInput,
  policyStatus,
  policyTransition,
  progressInput,
  sectorCoverage,
} from "@samraad/domain/policy";
import { id, localDate } from "@samraad/domain/shared";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../context.ts";
import { fieldFailure, notFound, unwrap, violation } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, publicProcedure, router } from "../trpc.ts";
import { meetingFor } from "./meetings.ts";

type Owner = { municipalityId: string; councilId: string; policyId: string };

/** Members read drafts and unpublished actions; the public only adopted policies and published actions. */
function readsInternal(ctx: Context, owner: Pick<Owner, "municipalityId" | "councilId">): boolean {
  return can(ctx.principal, "council.read_internal", owner);
}

/** Administrators and the council's secretary edit (an administrator's grant covers council.edit). */
function authorizeEdit(ctx: Context, owner: Pick<Owner, "municipalityId" | "councilId">): void {
  authorize(ctx, "council.edit", owner);
}

async function policyFor(ctx: Context, policyId: string) {
  const owner = await findPolicyOwner(ctx.db, policyId);
  if (!owner) throw notFound();
  const policy = await findPolicy(ctx.db, owner.municipalityId, policyId);
  if (!policy) throw notFound();
  const internal = readsInternal(ctx, owner);
  // A draft is not refused but not found: its existence is not public either.
  if (!internal && policy.status !== "adopted") throw notFound();
  return { policy, owner, internal };
}

async function editablePolicy(ctx: Context, policyId: string) {
  const found = await policyFor(ctx, policyId);
  authorizeEdit(ctx, found.owner);
  return found;
}

async function actionFor(ctx: Context, actionId: string) {
  const owner = await findActionOwner(ctx.db, actionId);
  if (!owner) throw notFound();
  if (!readsInternal(ctx, owner)) throw notFound();
  authorizeEdit(ctx, owner);
  return owner;
}

/** Parse with a schema that depends on stored data; a failure is the same 400 with field errors as .input(). */
function parseOr400<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new TRPCError({ code: "BAD_REQUEST", message: "invalid input", cause: result.error });
  return result.data;
}

function actionValues(a: ActionFields, goalArea: (goalId: string) => string | null) {
  return {
    focusAreaId: a.goalId ? goalArea(a.goalId) : null,
    goalId: a.goalId ?? null,
    goalText: a.goalId ? null : (a.goalText ?? null),
    handling: a.handling,
    ownerName: a.ownerName ?? null,
    ownerSector: a.ownerSector ?? null,
    place: a.place ?? null,
    startsOn: a.startsOn ?? null,
    dueOn: a.dueOn ?? null,
    status: a.status,
    statusReason: a.statusReason ?? null,
    published: a.published,
  };
}

type Plan = Awaited<ReturnType<typeof loadPlan>>;

/** The plan as the rules see it: each action with the percent of its latest progress update. */
function ruleActions(plan: Plan) {
  return plan.actions.map((a) => ({ ...a, percent: a.progress[0]?.percent ?? null }));
}

function goalAreaLookup(plan: Plan, goalId: string): string {
  const goal = plan.goals.find((g) => g.id === goalId);
  if (!goal) {
    throw fieldFailure("goalId", "invalid_option");
  }
  return goal.focusAreaId;
}

/** A process an action may follow up on: one of the policy's municipality that the caller organises. */
async function followedUpProcess(ctx: Context, municipalityId: string, processId: string | undefined) {
  if (!processId) return null;
  const process = await findProcessOwner(ctx.db, processId);
  if (
    !process ||
    process.municipalityId !== municipalityId ||
    !can(ctx.principal, "coCreation.manage", process)
  ) {
    throw fieldFailure("coCreationProcessId", "invalid_option");
  }
  return processId;
}

const policyUpdateInput = policyFields.omit({ councilId: true }).partial().extend({ policyId: id() });

export const policyRouter = router({
  /** The municipality's policies: adopted ones for everybody, drafts too for the council's members and staff. */
  list: publicProcedure.input(z.object({ municipalityId: id() })).query(async ({ ctx, input }) => {
    const rows = await listPolicies(ctx.db, input.municipalityId);
    const today = localDate(ctx.now());
    const visible = rows.filter((p) => p.status === "adopted" || readsInternal(ctx, p));
    return Promise.all(
      visible.map(async (p) => {
        const internal = readsInternal(ctx, p);
        const plan = await loadPlan(ctx.db, p.municipalityId, p.id, { publicOnly: !internal });
        return { ...p, progress: planProgress({ ...plan, actions: ruleActions(plan) }, today).overall };
      }),
    );
  }),

  /** A policy with its plan, progress per focus area and — for the council — findings and sector coverage. */
  get: publicProcedure.input(z.object({ policyId: id() })).query(async ({ ctx, input }) => {
    const { policy, internal } = await policyFor(ctx, input.policyId);
    const plan = await loadPlan(ctx.db, policy.municipalityId, policy.id, { publicOnly: !internal });
    const today = localDate(ctx.now());
    const actions = ruleActions(plan);
    return {
      policy,
      ...plan,
      internal,
      progress: planProgress({ ...plan, actions }, today),
      findings: internal ? planFindings({ actions }, today) : [],
      coverage: internal ? sectorCoverage(actions) : null,
    };
  }),

  /** The action plan as CSV, the same columns as the import. */
  exportCsv: publicProcedure.input(z.object({ policyId: id() })).query(async ({ ctx, input }) => {
    const { policy, internal } = await policyFor(ctx, input.policyId);
    const plan = await loadPlan(ctx.db, policy.municipalityId, policy.id, { publicOnly: !internal });
    const goalTitle = new Map(plan.goals.map((g) => [g.id, g.title]));
    return exportActionPlan(
      plan.actions.map((a) => ({ ...a, goalTitle: a.goalId ? (goalTitle.get(a.goalId) ?? null) : null })),
    );
  }),

  create: authedProcedure.input(policyInput).mutation(async ({ ctx, input }) => {
    const council = await findCouncilById(ctx.db, input.councilId);
    if (!council) throw notFound();
    authorizeEdit(ctx, { municipalityId: council.municipalityId, councilId: council.id });
    if (council.type !== "handicapraad") {
      throw violation(
        "policy.wrong_council",
        "En handicappolitik følges af kommunens handicapråd",
        "A disability policy is followed by the municipality's disability council",
      );
    }
    return change(ctx, council.municipalityId, async (tx, audit) => {
      const row = await insertPolicy(tx, council.municipalityId, {
        councilId: council.id,
        title: input.title,
        vision: input.vision ?? null,
        periodFrom: input.periodFrom ?? null,
        periodTo: input.periodTo ?? null,
        adoptedOn: input.adoptedOn ?? null,
        adoptedBy: input.adoptedBy ?? null,
        hearingId: input.hearingId ?? null,
        nextFollowUpOn: input.nextFollowUpOn ?? null,
        now: ctx.now(),
      });
      await audit({ action: "policy.create", entityType: "policy", entityId: row.id, after: row });
      return row;
    });
  }),

  update: authedProcedure.input(policyUpdateInput).mutation(async ({ ctx, input }) => {
    const { policy } = await editablePolicy(ctx, input.policyId);
    const { policyId, ...values } = input;
    const from = values.periodFrom ?? policy.periodFrom;
    const to = values.periodTo ?? policy.periodTo;
    if (from && to && to < from) {
      throw fieldFailure("periodTo", "end_before_start");
    }
    return change(ctx, policy.municipalityId, async (tx, audit) => {
      const after = await updatePolicyRow(tx, policy.municipalityId, policyId, { ...values, now: ctx.now() });
      await audit({
        action: "policy.update",
        entityType: "policy",
        entityId: policyId,
        before: policy,
        after,
      });
      return after;
    });
  }),

  setStatus: authedProcedure
    .input(z.object({ policyId: id(), status: policyStatus }))
    .mutation(async ({ ctx, input }) => {
      const { policy } = await editablePolicy(ctx, input.policyId);
      const status = unwrap(policyTransition(policy, input.status));
      return change(ctx, policy.municipalityId, async (tx, audit) => {
        const after = await updatePolicyRow(tx, policy.municipalityId, policy.id, { status, now: ctx.now() });
        await audit({
          action: "policy.status",
          entityType: "policy",
          entityId: policy.id,
          before: policy,
          after,
        });
        return after;
      });
    }),

  addFocusArea: authedProcedure.input(focusAreaInput).mutation(async ({ ctx, input }) => {
    const { policy } = await editablePolicy(ctx, input.policyId);
    return change(ctx, policy.municipalityId, async (tx, audit) => {
      const row = await insertFocusArea(tx, policy.municipalityId, {
        policyId: policy.id,
        title: input.title,
        description: input.description ?? null,
      });
      await audit({
        action: "policy.focus_area.add",
        entityType: "focus_area",
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }),

  addGoal: authedProcedure.input(goalInput).mutation(async ({ ctx, input }) => {
    const owner = await findFocusAreaOwner(ctx.db, input.focusAreaId);
    if (!owner || !readsInternal(ctx, owner)) throw notFound();
    authorizeEdit(ctx, owner);
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const row = await insertGoal(
        tx,
        owner.municipalityId,
        {
          policyId: owner.policyId,
          focusAreaId: input.focusAreaId,
          title: input.title,
          description: input.description ?? null,
        },
        input.criteria.map((c) => ({
          indicator: c.indicator,
          baseline: c.baseline ?? null,
          target: c.target,
          unit: c.unit ?? null,
          measuredOn: c.measuredOn ?? null,
        })),
      );
      await audit({ action: "policy.goal.add", entityType: "goal", entityId: row.id, after: row });
      return row;
    });
  }),

  /** A new action; `coCreationProcessId` makes it a follow-up of a process the caller organises. */
  addAction: authedProcedure
    .input(actionFields.extend({ policyId: id(), coCreationProcessId: id().optional() }))
    .mutation(async ({ ctx, input }) => {
      const { policy } = await editablePolicy(ctx, input.policyId);
      const action = parseOr400(actionInput(policy.periodFrom), input);
      const plan = await loadPlan(ctx.db, policy.municipalityId, policy.id);
      const values = actionValues(action, (g) => goalAreaLookup(plan, g));
      const coCreationProcessId = await followedUpProcess(
        ctx,
        policy.municipalityId,
        input.coCreationProcessId,
      );
      return change(ctx, policy.municipalityId, async (tx, audit) => {
        const [row] = await insertActions(
          tx,
          policy.municipalityId,
          policy.id,
          [{ ...values, coCreationProcessId }],
          ctx.now(),
        );
        if (!row) throw new Error("insert returned no row");
        await audit({
          action: "policy.action.add",
          entityType: "policy_action",
          entityId: row.id,
          after: row,
        });
        return row;
      });
    }),

  /**
   * Saves an action's fields. Status and published are kept when not given: a client that sends only the
   * texts must not reset the status to "not started" or publish an unpublished action by default.
   */
  updateAction: authedProcedure
    .input(
      actionFields.extend({
        actionId: id(),
        status: actionFields.shape.status.unwrap().optional(),
        published: actionFields.shape.published.unwrap().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const owner = await actionFor(ctx, input.actionId);
      const plan = await loadPlan(ctx.db, owner.municipalityId, owner.policyId);
      const before = plan.actions.find((a) => a.id === input.actionId);
      if (!before) throw notFound();
      const action = parseOr400(actionUpdateInput(owner.periodFrom), {
        ...input,
        status: input.status ?? before.status,
        published: input.published ?? before.published,
      });
      unwrap(actionTransition(owner.status, action.status, action.statusReason));
      const values = actionValues(action, (g) => goalAreaLookup(plan, g));
      return change(ctx, owner.municipalityId, async (tx, audit) => {
        const after = await updateActionRow(tx, owner.municipalityId, input.actionId, {
          ...values,
          now: ctx.now(),
        });
        await audit({
          action: "policy.action.update",
          entityType: "policy_action",
          entityId: input.actionId,
          before,
          after,
        });
        return after;
      });
    }),

  /** Removes an action no progress was reported on (those are dropped instead); its deadline goes with it. */
  removeAction: authedProcedure.input(z.object({ actionId: id() })).mutation(async ({ ctx, input }) => {
    const owner = await actionFor(ctx, input.actionId);
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const children = await countPlanChildren(tx, owner.municipalityId, { actionId: input.actionId });
      unwrap(actionRemoval(children));
      const before = await removeActionRow(tx, owner.municipalityId, input.actionId, ctx.now());
      if (!before) throw notFound();
      await audit({
        action: "policy.action.remove",
        entityType: "policy_action",
        entityId: input.actionId,
        before,
      });
      return { removed: input.actionId };
    });
  }),

  /** Removes a goal that no action serves, with its success criteria. */
  removeGoal: authedProcedure.input(z.object({ goalId: id() })).mutation(async ({ ctx, input }) => {
    const owner = await findGoalOwner(ctx.db, input.goalId);
    if (!owner || !readsInternal(ctx, owner)) throw notFound();
    authorizeEdit(ctx, owner);
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const children = await countPlanChildren(tx, owner.municipalityId, { goalId: input.goalId });
      unwrap(goalRemoval(children));
      const before = await removeGoalRow(tx, owner.municipalityId, input.goalId, ctx.now());
      if (!before) throw notFound();
      await audit({ action: "policy.goal.remove", entityType: "goal", entityId: input.goalId, before });
      return { removed: input.goalId };
    });
  }),

  /** Removes a focus area with neither goals nor actions left. */
  removeFocusArea: authedProcedure.input(z.object({ focusAreaId: id() })).mutation(async ({ ctx, input }) => {
    const owner = await findFocusAreaOwner(ctx.db, input.focusAreaId);
    if (!owner || !readsInternal(ctx, owner)) throw notFound();
    authorizeEdit(ctx, owner);
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const children = await countPlanChildren(tx, owner.municipalityId, {
        focusAreaId: input.focusAreaId,
      });
      unwrap(focusAreaRemoval(children));
      const before = await removeFocusAreaRow(tx, owner.municipalityId, input.focusAreaId, ctx.now());
      if (!before) throw notFound();
      await audit({
        action: "policy.focus_area.remove",
        entityType: "focus_area",
        entityId: input.focusAreaId,
        before,
      });
      return { removed: input.focusAreaId };
    });
  }),

  reorderActions: authedProcedure
    .input(z.object({ policyId: id(), actionIds: z.array(id()).max(500) }))
    .mutation(async ({ ctx, input }) => {
      const { policy } = await editablePolicy(ctx, input.policyId);
      const plan = await loadPlan(ctx.db, policy.municipalityId, policy.id);
      const current = new Set(plan.actions.map((a) => a.id));
      const given = new Set(input.actionIds);
      if (
        given.size !== input.actionIds.length ||
        given.size !== current.size ||
        ![...given].every((x) => current.has(x))
      ) {
        throw violation(
          "policy.reorder_mismatch",
          "Rækkefølgen skal indeholde hver handling i planen præcis én gang",
          "The order must list every action of the plan exactly once",
        );
      }
      return change(ctx, policy.municipalityId, async (tx, audit) => {
        await reorderActions(tx, policy.municipalityId, policy.id, input.actionIds);
        await audit({
          action: "policy.action.reorder",
          entityType: "policy",
          entityId: policy.id,
          after: input.actionIds,
        });
        return { ok: true };
      });
    }),

  /** A progress update; it carries the status the action now has (the inline status update of the plan table). */
  updateProgress: authedProcedure.input(progressInput).mutation(async ({ ctx, input }) => {
    const owner = await actionFor(ctx, input.actionId);
    const next = unwrap(actionTransition(owner.status, input.status, input.reason));
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const now = ctx.now();
      const progress = await insertProgress(tx, owner.municipalityId, {
        actionId: input.actionId,
        on: input.on,
        text: input.text,
        status: next.status,
        percent: input.percent ?? null,
        authorName: ctx.principal.name,
        now,
      });
      const after = await updateActionRow(tx, owner.municipalityId, input.actionId, {
        status: next.status,
        statusReason: next.reason,
        now,
      });
      await audit({
        action: "policy.action.progress",
        entityType: "policy_action",
        entityId: input.actionId,
        after: { ...input, progressId: progress.id },
      });
      return after;
    });
  }),

  /**
   * Imports an action plan from a spreadsheet's CSV (UTF-8 or Windows-1252, semicolons or commas). All or
   * nothing: with any bad row the answer lists the row errors and nothing is stored. `dryRun` only checks.
   */
  importActions: authedProcedure
    .input(
      z.object({
        policyId: id(),
        fileBase64: z.string().max(4_000_000, { error: "too_long" }),
        dryRun: z.boolean().default(false),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { policy } = await editablePolicy(ctx, input.policyId);
      const text = decodeCsv(new Uint8Array(Buffer.from(input.fileBase64, "base64")));
      const plan = await loadPlan(ctx.db, policy.municipalityId, policy.id);
      const result = importActionPlan(text, { goals: plan.goals, policyStart: policy.periodFrom });
      if (!result.ok) return { ok: false as const, imported: 0, errors: result.errors, rows: result.rows };
      if (input.dryRun) return { ok: true as const, imported: 0, errors: [], rows: result.actions.length };
      const rows = await change(ctx, policy.municipalityId, async (tx, audit) => {
        const inserted = await insertActions(
          tx,
          policy.municipalityId,
          policy.id,
          result.actions.map((a) => actionValues(a, (g) => goalAreaLookup(plan, g))),
          ctx.now(),
        );
        await audit({
          action: "policy.action.import",
          entityType: "policy",
          entityId: policy.id,
          after: { count: inserted.length },
        });
        return inserted;
      });
      return { ok: true as const, imported: rows.length, errors: [], rows: rows.length };
    }),

  /** Puts the plan on a meeting's agenda: one item listing the actions changed since the last follow-up. */
  followUpOnAgenda: authedProcedure
    .input(z.object({ policyId: id(), meetingId: id() }))
    .mutation(async ({ ctx, input }) => {
      const { policy } = await editablePolicy(ctx, input.policyId);
      const { meeting } = await meetingFor(ctx, input.meetingId);
      if (meeting.municipalityId !== policy.municipalityId || meeting.councilId !== policy.councilId)
        throw notFound();
      authorize(ctx, "council.edit", meeting);
      unwrap(agendaEditable(meeting.status));
      const now = ctx.now();
      const plan = await loadPlan(ctx.db, policy.municipalityId, policy.id);
      const changed = await actionsChangedSince(
        ctx.db,
        policy.municipalityId,
        policy.id,
        policy.lastFollowUpAt,
      );
      const removed = await actionsRemovedSince(
        ctx.db,
        policy.municipalityId,
        policy.id,
        policy.lastFollowUpAt,
      );
      const latest = new Map(plan.actions.map((a) => [a.id, a.progress[0] ?? null]));
      const text = followUpAgendaItem({
        policyTitle: policy.title,
        since: policy.lastFollowUpAt ? localDate(policy.lastFollowUpAt) : null,
        changed: changed.map((a) => ({
          ...a,
          percent: latest.get(a.id)?.percent ?? null,
          latestProgress: latest.get(a.id)?.text ?? null,
        })),
        removed: removed.map((a) => a.handling),
        all: ruleActions(plan),
        today: localDate(now),
      });
      return change(ctx, policy.municipalityId, async (tx, audit) => {
        const item = await insertAgendaItem(tx, meeting.municipalityId, meeting.id, {
          title: text.title,
          plainSummary: text.plainSummary,
          summary: null,
          caseHistory: null,
          casePresentation: text.casePresentation,
          recommendation: text.recommendation,
          guests: null,
          closed: false,
          createdAt: now,
        });
        await updatePolicyRow(tx, policy.municipalityId, policy.id, { lastFollowUpAt: now, now });
        await audit({
          action: "policy.follow_up",
          entityType: "agenda_item",
          entityId: item.id,
          after: { policyId: policy.id, changed: changed.length, removed: removed.length },
        });
        return { item, changed: changed.length, removed: removed.length };
      });
    }),
});
