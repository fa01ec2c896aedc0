import {
  findAgendaItem,
  findAgendaItemOwner,
  insertAgendaItem,
  listAgendaItems,
  reorderAgendaItems,
  updateAgendaItemRow,
} from "@samraad/db/queries";
import {
  agendaEditable,
  agendaItemInput,
  checkReorder,
  decisionInput,
  decisionsEditable,
  reorderInput,
} from "@samraad/domain/meetings";
import { id } from "@samraad/domain/shared";
import { z } from "zod";
import type { Context } from "../context.ts";
import { notFound, unwrap } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, router } from "../trpc.ts";
import { meetingFor } from "./meetings.ts";

async function itemFor(ctx: Context, itemId: string) {
  const owner = await findAgendaItemOwner(ctx.db, itemId);
  if (!owner) throw notFound();
  const { meeting } = await meetingFor(ctx, owner.meetingId);
  authorize(ctx, "council.edit", meeting);
  const item = await findAgendaItem(ctx.db, meeting.municipalityId, itemId);
  if (!item) throw notFound();
  return { meeting, item };
}

const itemFields = (input: z.infer<typeof agendaItemInput>) => ({
  title: input.title,
  plainSummary: input.plainSummary ?? null,
  summary: input.summary ?? null,
  caseHistory: input.caseHistory ?? null,
  casePresentation: input.casePresentation ?? null,
  recommendation: input.recommendation ?? null,
  guests: input.guests ?? null,
  closed: input.closed,
});

export const agendaRouter = router({
  /** After the agenda is published, a new item is on the supplementary agenda (tillægsdagsorden). */
  add: authedProcedure.input(agendaItemInput).mutation(async ({ ctx, input }) => {
    const { meeting } = await meetingFor(ctx, input.meetingId);
    authorize(ctx, "council.edit", meeting);
    unwrap(agendaEditable(meeting.status));
    return change(ctx, meeting.municipalityId, async (tx, audit) => {
      const item = await insertAgendaItem(tx, meeting.municipalityId, meeting.id, {
        ...itemFields(input),
        createdAt: ctx.now(),
      });
      await audit({ action: "agenda_item.add", entityType: "agenda_item", entityId: item.id, after: item });
      return item;
    });
  }),

  update: authedProcedure
    .input(agendaItemInput.omit({ meetingId: true }).extend({ itemId: id() }))
    .mutation(async ({ ctx, input }) => {
      const { meeting, item } = await itemFor(ctx, input.itemId);
      unwrap(agendaEditable(meeting.status));
      return change(ctx, meeting.municipalityId, async (tx, audit) => {
        const after = await updateAgendaItemRow(
          tx,
          meeting.municipalityId,
          item.id,
          itemFields({ ...input, meetingId: meeting.id }),
        );
        await audit({
          action: "agenda_item.update",
          entityType: "agenda_item",
          entityId: item.id,
          before: item,
          after,
        });
        return after;
      });
    }),

  remove: authedProcedure.input(z.object({ itemId: id() })).mutation(async ({ ctx, input }) => {
    const { meeting, item } = await itemFor(ctx, input.itemId);
    unwrap(agendaEditable(meeting.status));
    return change(ctx, meeting.municipalityId, async (tx, audit) => {
      await updateAgendaItemRow(tx, meeting.municipalityId, item.id, { deletedAt: new Date() });
      await audit({
        action: "agenda_item.remove",
        entityType: "agenda_item",
        entityId: item.id,
        before: item,
      });
      return { removed: item.id };
    });
  }),

  /** Sets the whole order at once: drag and drop and the keyboard's "move up/down" both send the new order. */
  reorder: authedProcedure.input(reorderInput).mutation(async ({ ctx, input }) => {
    const { meeting } = await meetingFor(ctx, input.meetingId);
    authorize(ctx, "council.edit", meeting);
    unwrap(agendaEditable(meeting.status));
    return change(ctx, meeting.municipalityId, async (tx, audit) => {
      const before = await listAgendaItems(tx, meeting.municipalityId, meeting.id);
      unwrap(
        checkReorder(
          before.map((i) => i.id),
          input.itemIds,
        ),
      );
      await reorderAgendaItems(tx, meeting.municipalityId, meeting.id, input.itemIds);
      await audit({
        action: "agenda.reorder",
        entityType: "meeting",
        entityId: meeting.id,
        before: before.map((i) => i.id),
        after: input.itemIds,
      });
      return { itemIds: input.itemIds };
    });
  }),

  decide: authedProcedure.input(decisionInput).mutation(async ({ ctx, input }) => {
    const { meeting, item } = await itemFor(ctx, input.itemId);
    unwrap(decisionsEditable(meeting.status));
    return change(ctx, meeting.municipalityId, async (tx, audit) => {
      const after = await updateAgendaItemRow(tx, meeting.municipalityId, item.id, {
        decision: input.decision,
      });
      await audit({
        action: "agenda_item.decide",
        entityType: "agenda_item",
        entityId: item.id,
        before: item.decision,
        after: input.decision,
      });
      return after;
    });
  }),
});
