import {
  cancelRegistrationById,
  cancelSessionRow,
  councilInMunicipality,
  findPhaseOwner,
  findProcess,
  findProcessOwner,
  findRegistrationOwner,
  findSessionOwner,
  insertPhases,
  insertProcess,
  insertSession,
  listPhases,
  listProcesses,
  listRegistrations,
  listSessions,
  processSlugTaken,
  queuePromotionNotices,
  removePhaseRow,
  type SessionValues,
  setProcessStatus,
  updateProcessRow,
  updateSessionRow,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import {
  canChangeStatus,
  currentPhase,
  phaseInput,
  processInput,
  processSlug,
  processStatuses,
  processStatusLabels,
  processUpdateInput,
  registrationsCsv,
  type SessionInput,
  sessionInput,
  sessionInstants,
  sessionUpdateInput,
} from "@samraad/domain/co-creation";
import { id, oneOf } from "@samraad/domain/shared";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../context.ts";
import { forbidden, notFound, violation } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, router } from "../trpc.ts";

/*
 * Organising co-creation processes: the administrator of the municipality or the secretary of the council a
 * process is linked to (`coCreation.manage`). Everything here is for organisers; the public site reads the
 * published processes straight from the queries and never sees registrations' needs or emails.
 */

type Owner = { municipalityId: string; councilId: string | null };

/** Another municipality's process is not found rather than forbidden: its existence is not public either. */
function authorizeManage(ctx: Context, owner: Owner): void {
  if (!can(ctx.principal, "coCreation.manage", owner)) {
    const sameMunicipality = ctx.principal?.grants.some((g) => g.municipalityId === owner.municipalityId);
    throw sameMunicipality ? forbidden() : notFound();
  }
}

export async function processOwner(ctx: Context, processId: string) {
  const owner = await findProcessOwner(ctx.db, processId);
  if (!owner) throw notFound();
  authorizeManage(ctx, owner);
  return owner;
}

/** A field error found after parsing (it needs stored data), as the same 400 with field errors as .input(). */
function fieldFailure(field: string, code: string): TRPCError {
  const parsed = z
    .unknown()
    .superRefine((_, c) => c.addIssue({ code: "custom", message: code, path: [field] }))
    .safeParse(null);
  return new TRPCError({ code: "BAD_REQUEST", message: "invalid input", cause: parsed.error });
}

async function checkCouncil(ctx: Context, municipalityId: string, councilId: string | undefined) {
  if (councilId && !(await councilInMunicipality(ctx.db, municipalityId, councilId))) {
    throw fieldFailure("councilId", "invalid_option");
  }
}

function sessionValues(input: Omit<SessionInput, "processId">): SessionValues {
  const { startsAt, endsAt, registrationDeadline } = sessionInstants(input);
  return {
    title: input.title,
    description: input.description || null,
    startsAt,
    endsAt,
    place: input.place,
    address: input.address || null,
    stepFree: input.stepFree,
    hearingLoop: input.hearingLoop,
    signLanguageOnRequest: input.signLanguageOnRequest,
    childcare: input.childcare,
    accessibilityNote: input.accessibilityNote || null,
    capacity: input.capacity ?? null,
    registrationDeadline,
    waitingList: input.waitingList,
  };
}

export const coCreationRouter = router({
  /** The processes the caller may organise in a municipality, with their current phase. */
  list: authedProcedure.input(z.object({ municipalityId: id() })).query(async ({ ctx, input }) => {
    const organiser = ctx.principal.grants.some(
      (g) =>
        g.municipalityId === input.municipalityId && (g.role === "administrator" || g.role === "secretary"),
    );
    if (!organiser) throw forbidden();
    const rows = await listProcesses(ctx.db, input.municipalityId);
    const mine = rows.filter((p) => can(ctx.principal, "coCreation.manage", p));
    return Promise.all(
      mine.map(async (p) => {
        const phases = await listPhases(ctx.db, p.municipalityId, p.id);
        return { ...p, statusLabel: processStatusLabels[p.status], phase: currentPhase(phases, ctx.now()) };
      }),
    );
  }),

  /** A process with its phases (the current one computed), sessions with counts, and the allowed status moves. */
  get: authedProcedure.input(z.object({ processId: id() })).query(async ({ ctx, input }) => {
    const owner = await processOwner(ctx, input.processId);
    const process = await findProcess(ctx.db, owner.municipalityId, input.processId);
    if (!process) throw notFound();
    const [phases, sessions] = await Promise.all([
      listPhases(ctx.db, owner.municipalityId, process.id),
      listSessions(ctx.db, owner.municipalityId, process.id),
    ]);
    return {
      process: { ...process, statusLabel: processStatusLabels[process.status] },
      phases,
      phase: currentPhase(phases, ctx.now()),
      sessions,
      nextStatuses: processStatuses.filter((s) => canChangeStatus(process.status, s)),
    };
  }),

  create: authedProcedure
    .input(processInput.extend({ municipalityId: id() }))
    .mutation(async ({ ctx, input }) => {
      const owner = { municipalityId: input.municipalityId, councilId: input.councilId ?? null };
      authorizeManage(ctx, owner);
      await checkCouncil(ctx, input.municipalityId, input.councilId);
      const slug = processSlug(input);
      if (await processSlugTaken(ctx.db, input.municipalityId, slug))
        throw fieldFailure("slug", "slug_taken");
      return change(ctx, input.municipalityId, async (tx, audit) => {
        const row = await insertProcess(
          tx,
          input.municipalityId,
          {
            councilId: owner.councilId,
            slug,
            title: input.title,
            purpose: input.purpose,
            audience: input.audience || null,
            area: input.area || null,
          },
          input.phases,
        );
        await audit({
          action: "co_creation.create",
          entityType: "co_creation_process",
          entityId: row.id,
          after: row,
        });
        return row;
      });
    }),

  update: authedProcedure.input(processUpdateInput).mutation(async ({ ctx, input }) => {
    const owner = await processOwner(ctx, input.processId);
    // Moving a process to another council needs the right over that council too.
    authorizeManage(ctx, { municipalityId: owner.municipalityId, councilId: input.councilId ?? null });
    await checkCouncil(ctx, owner.municipalityId, input.councilId);
    const slug = processSlug(input);
    if (await processSlugTaken(ctx.db, owner.municipalityId, slug, input.processId)) {
      throw fieldFailure("slug", "slug_taken");
    }
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const before = await findProcess(tx, owner.municipalityId, input.processId);
      const row = await updateProcessRow(tx, owner.municipalityId, input.processId, {
        councilId: input.councilId ?? null,
        slug,
        title: input.title,
        purpose: input.purpose,
        audience: input.audience || null,
        area: input.area || null,
      });
      if (!row) throw notFound();
      await audit({
        action: "co_creation.update",
        entityType: "co_creation_process",
        entityId: row.id,
        before,
        after: row,
      });
      return row;
    });
  }),

  /** Publish, archive or reopen; a published process never goes back to draft. */
  setStatus: authedProcedure
    .input(z.object({ processId: id(), status: oneOf(processStatuses) }))
    .mutation(async ({ ctx, input }) => {
      const owner = await processOwner(ctx, input.processId);
      if (!canChangeStatus(owner.status, input.status)) {
        throw violation(
          "co_creation.illegal_transition",
          `Forløbet kan ikke gå fra ${processStatusLabels[owner.status].da.toLowerCase()} til ${processStatusLabels[input.status].da.toLowerCase()}`,
          `The process cannot go from ${processStatusLabels[owner.status].en.toLowerCase()} to ${processStatusLabels[input.status].en.toLowerCase()}`,
        );
      }
      return change(ctx, owner.municipalityId, async (tx, audit) => {
        const row = await setProcessStatus(
          tx,
          owner.municipalityId,
          input.processId,
          input.status,
          ctx.now(),
        );
        if (!row) throw notFound();
        await audit({
          action: "co_creation.status",
          entityType: "co_creation_process",
          entityId: row.id,
          before: { status: owner.status },
          after: { status: row.status },
        });
        return row;
      });
    }),

  addPhase: authedProcedure
    .input(phaseInput.and(z.object({ processId: id() })))
    .mutation(async ({ ctx, input }) => {
      const owner = await processOwner(ctx, input.processId);
      return change(ctx, owner.municipalityId, async (tx, audit) => {
        const [row] = await insertPhases(tx, owner.municipalityId, input.processId, [input]);
        if (!row) throw notFound();
        await audit({
          action: "co_creation.add_phase",
          entityType: "co_creation_phase",
          entityId: row.id,
          after: row,
        });
        return row;
      });
    }),

  removePhase: authedProcedure.input(z.object({ phaseId: id() })).mutation(async ({ ctx, input }) => {
    const owner = await findPhaseOwner(ctx.db, input.phaseId);
    if (!owner) throw notFound();
    authorizeManage(ctx, owner);
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const row = await removePhaseRow(tx, owner.municipalityId, input.phaseId, ctx.now());
      if (!row) throw notFound();
      await audit({
        action: "co_creation.remove_phase",
        entityType: "co_creation_phase",
        entityId: row.id,
        before: row,
      });
      return { ok: true };
    });
  }),

  addSession: authedProcedure.input(sessionInput).mutation(async ({ ctx, input }) => {
    const owner = await processOwner(ctx, input.processId);
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const row = await insertSession(tx, owner.municipalityId, input.processId, sessionValues(input));
      await audit({
        action: "co_creation.add_session",
        entityType: "co_creation_session",
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }),

  /** Saves a session; when the capacity grows, people move up from the waiting list at once. */
  updateSession: authedProcedure.input(sessionUpdateInput).mutation(async ({ ctx, input }) => {
    const owner = await findSessionOwner(ctx.db, input.sessionId);
    if (!owner) throw notFound();
    authorizeManage(ctx, owner);
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const result = await updateSessionRow(
        tx,
        owner.municipalityId,
        input.sessionId,
        sessionValues(input),
        ctx.now(),
      );
      if (!result) throw notFound();
      if (ctx.email) await queuePromotionNotices(tx, ctx.email, result.promoted, ctx.now());
      await audit({
        action: "co_creation.update_session",
        entityType: "co_creation_session",
        entityId: input.sessionId,
        after: { ...result.session, promoted: result.promoted.map((r) => r.id) },
      });
      return { session: result.session, promoted: result.promoted.length };
    });
  }),

  cancelSession: authedProcedure.input(z.object({ sessionId: id() })).mutation(async ({ ctx, input }) => {
    const owner = await findSessionOwner(ctx.db, input.sessionId);
    if (!owner) throw notFound();
    authorizeManage(ctx, owner);
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const row = await cancelSessionRow(tx, owner.municipalityId, input.sessionId, ctx.now());
      if (!row) {
        throw violation(
          "co_creation.illegal_transition",
          "Mødet er allerede aflyst",
          "The session is already cancelled",
        );
      }
      await audit({
        action: "co_creation.cancel_session",
        entityType: "co_creation_session",
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }),

  /** Everyone signed up, with needs (diet, access) — for the organisers only. */
  registrations: authedProcedure.input(z.object({ processId: id() })).query(async ({ ctx, input }) => {
    const owner = await processOwner(ctx, input.processId);
    return listRegistrations(ctx.db, owner.municipalityId, input.processId);
  }),

  /** The registrations as a CSV file for Danish Excel. */
  registrationsCsv: authedProcedure.input(z.object({ processId: id() })).query(async ({ ctx, input }) => {
    const owner = await processOwner(ctx, input.processId);
    const process = await findProcess(ctx.db, owner.municipalityId, input.processId);
    if (!process) throw notFound();
    const rows = await listRegistrations(ctx.db, owner.municipalityId, input.processId);
    return { filename: `tilmeldinger-${process.slug}.csv`, csv: registrationsCsv(rows) };
  }),

  /** An organiser cancels a sign-up (the person phoned in); the first on the waiting list moves up. */
  cancelRegistration: authedProcedure
    .input(z.object({ registrationId: id() }))
    .mutation(async ({ ctx, input }) => {
      const owner = await findRegistrationOwner(ctx.db, input.registrationId);
      if (!owner) throw notFound();
      authorizeManage(ctx, owner);
      return change(ctx, owner.municipalityId, async (tx, audit) => {
        const result = await cancelRegistrationById(
          tx,
          owner.municipalityId,
          input.registrationId,
          ctx.now(),
        );
        if (!result) throw notFound();
        if (ctx.email) await queuePromotionNotices(tx, ctx.email, result.promoted, ctx.now());
        await audit({
          action: "co_creation.cancel_registration",
          entityType: "co_creation_registration",
          entityId: input.registrationId,
          after: { status: "cancelled", promoted: result.promoted.map((r) => r.id) },
        });
        return { promoted: result.promoted.map((r) => r.name) };
      });
    }),
});
