import {
  findMeeting,
  findMeetingOwner,
  insertMeeting,
  listAgendaItems,
  listItemAttachments,
  listMeetings,
  updateMeetingRow,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import {
  isMeetingPublic,
  isSupplementaryItem,
  meetingInput,
  meetingTransition,
  publicItemView,
} from "@samraad/domain/meetings";
import { clockTime, id, isoDate, requiredText, zonedInstant } from "@samraad/domain/shared";
import { z } from "zod";
import type { Context } from "../context.ts";
import { notFound, unwrap } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, publicProcedure, router } from "../trpc.ts";
import { councilOr404 } from "./councils.ts";

function canReadInternal(ctx: Context, owner: { municipalityId: string; councilId: string }) {
  return can(ctx.principal, "council.read_internal", owner);
}

/** The meeting, or 404 — also for a meeting the caller may not see (an unpublished agenda is not public). */
export async function meetingFor(ctx: Context, meetingId: string) {
  const owner = await findMeetingOwner(ctx.db, meetingId);
  if (!owner) throw notFound();
  const meeting = await findMeeting(ctx.db, owner.municipalityId, meetingId);
  if (!meeting) throw notFound();
  const internal = canReadInternal(ctx, owner);
  if (!internal && !isMeetingPublic(meeting)) throw notFound();
  return { meeting, internal };
}

const commandInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("publish_agenda") }),
  z.object({ type: z.literal("mark_held") }),
  z.object({ type: z.literal("publish_minutes") }),
  z.object({ type: z.literal("cancel"), reason: requiredText(1000) }),
  z.object({ type: z.literal("reschedule"), date: isoDate(), time: clockTime() }),
]);

export const meetingsRouter = router({
  /** The public sees published meetings only; the council's own people see drafts too. */
  list: publicProcedure.input(z.object({ councilId: id() })).query(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    const rows = await listMeetings(ctx.db, council.municipalityId, council.id, { order: "desc" });
    const internal = canReadInternal(ctx, { municipalityId: council.municipalityId, councilId: council.id });
    return internal ? rows : rows.filter((m) => isMeetingPublic(m));
  }),

  /** A meeting with its agenda: closed items reduced to "Lukket punkt" unless the caller may read them. */
  get: publicProcedure.input(z.object({ meetingId: id() })).query(async ({ ctx, input }) => {
    const { meeting, internal } = await meetingFor(ctx, input.meetingId);
    const items = await listAgendaItems(ctx.db, meeting.municipalityId, meeting.id);
    const visible = internal
      ? items.map((item) => ({ ...item, visibility: "internal" as const }))
      : items.map((item) => ({ ...publicItemView(item, meeting), visibility: "public" as const }));
    const visibleIds = internal ? items.map((i) => i.id) : items.filter((i) => !i.closed).map((i) => i.id);
    const attachments = await listItemAttachments(ctx.db, meeting.municipalityId, visibleIds);
    return {
      meeting,
      canEdit: can(ctx.principal, "council.edit", meeting),
      items: visible.map((item) => ({
        ...item,
        supplementary: isSupplementaryItem(
          items.find((i) => i.id === item.id) ?? { createdAt: new Date(0) },
          meeting.agendaPublishedAt,
        ),
        attachments: attachments.filter((a) => a.agendaItemId === item.id),
      })),
    };
  }),

  create: authedProcedure.input(meetingInput).mutation(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    authorize(ctx, "council.edit", { municipalityId: council.municipalityId, councilId: council.id });
    return change(ctx, council.municipalityId, async (tx, audit) => {
      const meeting = await insertMeeting(tx, council.municipalityId, {
        councilId: council.id,
        title: input.title ?? null,
        startsAt: zonedInstant(input.date, input.time),
        endsAt: input.endTime ? zonedInstant(input.date, input.endTime) : null,
        location: input.location,
      });
      await audit({ action: "meeting.create", entityType: "meeting", entityId: meeting.id, after: meeting });
      return meeting;
    });
  }),

  update: authedProcedure
    .input(
      z.object({
        meetingId: id(),
        title: z.string().trim().max(200).nullable().optional(),
        location: requiredText(300).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { meeting } = await meetingFor(ctx, input.meetingId);
      authorize(ctx, "council.edit", meeting);
      return change(ctx, meeting.municipalityId, async (tx, audit) => {
        const after = await updateMeetingRow(tx, meeting.municipalityId, meeting.id, {
          ...(input.title !== undefined ? { title: input.title || null } : {}),
          ...(input.location !== undefined ? { location: input.location } : {}),
        });
        await audit({
          action: "meeting.update",
          entityType: "meeting",
          entityId: meeting.id,
          before: meeting,
          after,
        });
        return after;
      });
    }),

  /** Moves the meeting along its lifecycle; the domain's state machine says what is allowed. */
  transition: authedProcedure
    .input(z.object({ meetingId: id(), command: commandInput }))
    .mutation(async ({ ctx, input }) => {
      const { meeting } = await meetingFor(ctx, input.meetingId);
      authorize(ctx, "council.edit", meeting);
      const items = await listAgendaItems(ctx.db, meeting.municipalityId, meeting.id);
      const command =
        input.command.type === "reschedule"
          ? { type: "reschedule" as const, startsAt: zonedInstant(input.command.date, input.command.time) }
          : input.command;
      const now = ctx.now();
      const result = unwrap(
        meetingTransition(
          { status: meeting.status, startsAt: meeting.startsAt, items },
          command,
          now,
          meeting,
        ),
      );
      const { event } = result;
      return change(ctx, meeting.municipalityId, async (tx, audit) => {
        const after = await updateMeetingRow(tx, meeting.municipalityId, meeting.id, {
          status: result.status,
          startsAt: result.startsAt,
          ...(event.type === "rescheduled" && meeting.endsAt
            ? { endsAt: new Date(meeting.endsAt.getTime() + (event.to.getTime() - event.from.getTime())) }
            : {}),
          ...(event.type === "agenda_published" ? { agendaPublishedAt: event.at } : {}),
          ...(event.type === "held" ? { heldAt: event.at } : {}),
          ...(event.type === "minutes_published"
            ? { minutesPublishedAt: event.at, responsibleEditor: ctx.principal.name }
            : {}),
          ...(event.type === "cancelled" ? { cancelledAt: event.at, cancellationReason: event.reason } : {}),
        });
        await audit({
          action: `meeting.${event.type}`,
          entityType: "meeting",
          entityId: meeting.id,
          before: meeting,
          after,
        });
        return after;
      });
    }),
});
