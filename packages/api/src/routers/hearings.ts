import {
  findHearing,
  findHearingOwner,
  insertHearing,
  insertHearingComment,
  listHearingAttachments,
  listHearingComments,
  listHearings,
  saveResponseDraft,
  setResponseStatus,
  updateHearingRow,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import {
  hearingCommentInput,
  hearingInput,
  hearingResponseInput,
  hearingStatus,
  publicResponse,
  responseEditable,
  responseTransition,
} from "@samraad/domain/hearings";
import { id, zonedInstant } from "@samraad/domain/shared";
import { z } from "zod";
import type { Context } from "../context.ts";
import { notFound, unwrap } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, publicProcedure, router } from "../trpc.ts";
import { councilOr404 } from "./councils.ts";

type HearingRow = NonNullable<Awaited<ReturnType<typeof findHearing>>>;

/** A hearing as the caller may see it: the response text only when submitted, unless they work on it. */
function hearingView(row: HearingRow, internal: boolean, now: Date) {
  const response = row.responseStatus ? { status: row.responseStatus, body: row.responseBody ?? "" } : null;
  return {
    ...row,
    status: hearingStatus({ responseDeadline: row.responseDeadline, response }, now),
    responseBody: internal ? row.responseBody : response ? publicResponse(response) : null,
    responseStatus: internal || row.responseStatus === "submitted" ? row.responseStatus : null,
  };
}

async function hearingFor(ctx: Context, hearingId: string) {
  const owner = await findHearingOwner(ctx.db, hearingId);
  if (!owner) throw notFound();
  const hearing = await findHearing(ctx.db, owner.municipalityId, hearingId);
  if (!hearing) throw notFound();
  const internal = can(ctx.principal, "council.read_internal", owner);
  if (!internal && !hearing.public) throw notFound();
  return { hearing, internal, owner };
}

function hearingValues(input: z.infer<typeof hearingInput>) {
  return {
    councilId: input.councilId,
    title: input.title,
    plainSummary: input.plainSummary ?? null,
    description: input.description ?? null,
    requestingBody: input.requestingBody,
    receivedOn: input.receivedOn,
    responseDeadline: zonedInstant(input.deadlineDate, input.deadlineTime),
    public: input.public,
  };
}

export const hearingsRouter = router({
  list: publicProcedure.input(z.object({ councilId: id() })).query(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    const internal = can(ctx.principal, "council.read_internal", {
      municipalityId: council.municipalityId,
      councilId: council.id,
    });
    const rows = await listHearings(ctx.db, council.municipalityId, council.id);
    const now = ctx.now();
    return rows.filter((h) => internal || h.public).map((h) => hearingView(h, internal, now));
  }),

  get: publicProcedure.input(z.object({ hearingId: id() })).query(async ({ ctx, input }) => {
    const { hearing, internal } = await hearingFor(ctx, input.hearingId);
    const [attachments, comments] = await Promise.all([
      listHearingAttachments(ctx.db, hearing.municipalityId, hearing.id),
      internal ? listHearingComments(ctx.db, hearing.municipalityId, hearing.id) : Promise.resolve([]),
    ]);
    return {
      hearing: hearingView(hearing, internal, ctx.now()),
      attachments,
      comments,
      canEdit: can(ctx.principal, "council.edit", hearing),
      canCollaborate: can(ctx.principal, "hearing.collaborate", hearing),
    };
  }),

  register: authedProcedure.input(hearingInput).mutation(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    authorize(ctx, "council.edit", { municipalityId: council.municipalityId, councilId: council.id });
    return change(ctx, council.municipalityId, async (tx, audit) => {
      const hearing = await insertHearing(tx, council.municipalityId, hearingValues(input));
      await audit({
        action: "hearing.register",
        entityType: "hearing",
        entityId: hearing.id,
        after: hearing,
      });
      return hearing;
    });
  }),

  update: authedProcedure
    .input(hearingInput.safeExtend({ hearingId: id() }))
    .mutation(async ({ ctx, input }) => {
      const { hearing } = await hearingFor(ctx, input.hearingId);
      authorize(ctx, "council.edit", hearing);
      return change(ctx, hearing.municipalityId, async (tx, audit) => {
        const after = await updateHearingRow(tx, hearing.municipalityId, hearing.id, {
          ...hearingValues(input),
          councilId: hearing.councilId,
        });
        await audit({
          action: "hearing.update",
          entityType: "hearing",
          entityId: hearing.id,
          before: hearing,
          after,
        });
        return after;
      });
    }),

  /** Members and the secretary draft the response together; an approved response is reopened to change it. */
  saveResponse: authedProcedure.input(hearingResponseInput).mutation(async ({ ctx, input }) => {
    const { hearing } = await hearingFor(ctx, input.hearingId);
    authorize(ctx, "hearing.collaborate", hearing);
    unwrap(responseEditable(hearing.responseStatus));
    return change(ctx, hearing.municipalityId, async (tx, audit) => {
      const saved = await saveResponseDraft(tx, hearing.municipalityId, hearing.id, input.body);
      await audit({
        action: "hearing_response.save",
        entityType: "hearing",
        entityId: hearing.id,
        before: hearing.responseBody,
        after: input.body,
      });
      return saved;
    });
  }),

  /** approve / submit / reopen: only the secretary or an administrator; members draft and comment. */
  transitionResponse: authedProcedure
    .input(z.object({ hearingId: id(), command: z.enum(["approve", "submit", "reopen"]) }))
    .mutation(async ({ ctx, input }) => {
      const { hearing } = await hearingFor(ctx, input.hearingId);
      authorize(ctx, "council.edit", hearing);
      if (!hearing.responseStatus) throw notFound();
      const next = unwrap(responseTransition(hearing.responseStatus, input.command));
      const now = ctx.now();
      return change(ctx, hearing.municipalityId, async (tx, audit) => {
        const after = await setResponseStatus(tx, hearing.municipalityId, hearing.id, {
          status: next,
          ...(next === "approved" ? { approvedAt: now } : {}),
          ...(next === "submitted" ? { submittedAt: now } : {}),
          ...(next === "draft" ? { approvedAt: null } : {}),
        });
        await audit({
          action: `hearing_response.${input.command}`,
          entityType: "hearing",
          entityId: hearing.id,
          before: hearing.responseStatus,
          after: next,
        });
        return after;
      });
    }),

  comment: authedProcedure.input(hearingCommentInput).mutation(async ({ ctx, input }) => {
    const { hearing } = await hearingFor(ctx, input.hearingId);
    authorize(ctx, "hearing.collaborate", hearing);
    return change(ctx, hearing.municipalityId, async (tx, audit) => {
      const comment = await insertHearingComment(tx, hearing.municipalityId, {
        hearingId: hearing.id,
        authorUserId: ctx.principal.userId,
        authorName: ctx.principal.name,
        body: input.body,
      });
      await audit({
        action: "hearing.comment",
        entityType: "hearing",
        entityId: hearing.id,
        after: input.body,
      });
      return comment;
    });
  }),
});
