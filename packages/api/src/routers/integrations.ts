import {
  deleteChannelLink,
  findChannelLinkById,
  insertChannelLink,
  listChannelLinks,
  listFailedReminders,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import { channelLinkInput } from "@samraad/domain/bot";
import { deadlineKindLabels, deadlineKinds } from "@samraad/domain/deadlines";
import { id } from "@samraad/domain/shared";
import { z } from "zod";
import type { Context } from "../context.ts";
import { forbidden, violation } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, router } from "../trpc.ts";
import { councilOr404 } from "./councils.ts";

/** Linking chat channels is the council's own business (its secretary) or the municipality's administrator's. */
function authorizeCouncilAdmin(ctx: Context, council: { municipalityId: string; id: string }) {
  const resource = { municipalityId: council.municipalityId, councilId: council.id };
  if (
    !can(ctx.principal, "municipality.administer", resource) &&
    !can(ctx.principal, "council.edit", resource)
  )
    throw forbidden();
}

/** A link as officials see it: the webhook URL is a credential, so only whether one is set. */
const linkOutput = z.object({
  id: z.string(),
  councilId: z.string(),
  platform: z.string(),
  teamId: z.string(),
  channelId: z.string(),
  webhookConfigured: z.boolean(),
  createdAt: z.string(),
});

const toWire = (l: Awaited<ReturnType<typeof listChannelLinks>>[number]): z.infer<typeof linkOutput> => ({
  id: l.id,
  councilId: l.councilId,
  platform: l.platform,
  teamId: l.teamId,
  channelId: l.channelId,
  webhookConfigured: l.webhookUrlEncrypted !== null,
  createdAt: l.createdAt.toISOString(),
});

const kindOf = (deadlineId: string) => deadlineKinds.find((k) => deadlineId.startsWith(`${k}:`));

export const integrationsRouter = router({
  list: authedProcedure
    .input(z.object({ councilId: id() }))
    .output(z.array(linkOutput))
    .query(async ({ ctx, input }) => {
      const council = await councilOr404(ctx, input.councilId);
      authorizeCouncilAdmin(ctx, council);
      return (await listChannelLinks(ctx.db, council.municipalityId, council.id)).map(toWire);
    }),

  link: authedProcedure.input(channelLinkInput).mutation(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    authorizeCouncilAdmin(ctx, council);
    return change(ctx, council.municipalityId, async (tx, audit) => {
      const created = await insertChannelLink(tx, council.municipalityId, {
        councilId: council.id,
        platform: input.platform,
        teamId: input.teamId,
        channelId: input.channelId,
        ...(input.webhookUrl ? { webhookUrl: input.webhookUrl } : {}),
      });
      if (!created)
        throw violation(
          "chat_link.taken",
          "Kanalen er allerede knyttet til et råd. Fjern den gamle kobling først.",
          "The channel is already linked to a council. Remove the old link first.",
        );
      const { webhookUrl: _secret, ...logged } = input;
      await audit({
        action: "chat_link.create",
        entityType: "chat_channel_link",
        entityId: created.id,
        after: { ...logged, webhookConfigured: Boolean(input.webhookUrl) },
      });
      return { id: created.id };
    });
  }),

  unlink: authedProcedure.input(z.object({ linkId: id() })).mutation(async ({ ctx, input }) => {
    const link = await findChannelLinkById(ctx.db, input.linkId);
    if (!link) throw violation("not_found", "Koblingen findes ikke", "The link does not exist");
    authorizeCouncilAdmin(ctx, { municipalityId: link.municipalityId, id: link.councilId });
    return change(ctx, link.municipalityId, async (tx, audit) => {
      await deleteChannelLink(tx, link.municipalityId, link.id);
      await audit({
        action: "chat_link.delete",
        entityType: "chat_channel_link",
        entityId: link.id,
        before: {
          platform: link.platform,
          teamId: link.teamId,
          channelId: link.channelId,
          councilId: link.councilId,
        },
      });
      return { id: link.id };
    });
  }),

  /** Reminders that could not be delivered after every retry, with the last error, so an official can act. */
  failedReminders: authedProcedure.input(z.object({ councilId: id() })).query(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    authorizeCouncilAdmin(ctx, council);
    const rows = await listFailedReminders(ctx.db, council.municipalityId, council.id);
    return rows.map((r) => {
      const kind = kindOf(r.deadlineId);
      return {
        id: r.id,
        platform: r.platform,
        channelId: r.channelId,
        deadlineId: r.deadlineId,
        kindLabel: kind ? deadlineKindLabels[kind] : null,
        offsetDays: r.offsetDays,
        dueAt: r.dueAt.toISOString(),
        sendAt: r.sendAt.toISOString(),
        attempts: r.attempts,
        lastError: r.lastError,
      };
    });
  }),
});
