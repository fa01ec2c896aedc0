import type { Database } from "@samraad/db";
import { type ChatPlatform, findChannelLink, upcomingDeadlinesFor } from "@samraad/db/queries";
import {
  type BotCommand,
  type DeadlineAnswer,
  deadlineAnswer,
  helpText,
  invalidText,
  unlinkedText,
} from "@samraad/domain/bot";

/** What either chat adapter shows: a list of deadlines, or a short text (help, unlinked, not understood). */
export type BotReply = { kind: "deadlines"; answer: DeadlineAnswer } | { kind: "text"; text: string };

export type AnswerContext = { db: Database; now: Date; publicUrl: string };

/**
 * The one "answer the question" function both adapters call. Only public deadlines: a Slack or Teams channel
 * can hold guests (single-channel guests, external organisations), so it gets what the public site shows.
 */
export async function answerCommand(
  ctx: AnswerContext,
  channel: { platform: ChatPlatform; teamId: string; channelId: string },
  command: BotCommand,
): Promise<BotReply> {
  if (command.kind === "help") return { kind: "text", text: helpText[command.locale] };
  if (command.kind === "invalid") return { kind: "text", text: invalidText(command.input, command.locale) };
  const link =
    (await findChannelLink(ctx.db, channel.platform, channel.teamId, channel.channelId)) ??
    // Teams links may be stored without the tenant: the channel id is unique and the HMAC secret names the team.
    (channel.platform === "teams" && channel.teamId !== ""
      ? await findChannelLink(ctx.db, "teams", "", channel.channelId)
      : null);
  if (!link) return { kind: "text", text: unlinkedText(channel.platform, channel, command.locale) };
  const deadlines = await upcomingDeadlinesFor(
    ctx.db,
    { municipalityId: link.municipalityId, councilIds: [link.councilId], publicOnly: true },
    ctx.now,
    { horizonDays: command.days, limit: 40 },
  );
  return {
    kind: "deadlines",
    answer: deadlineAnswer({
      councilName: link.councilName,
      deadlines,
      days: command.days,
      now: ctx.now,
      locale: command.locale,
      publicUrl: ctx.publicUrl,
    }),
  };
}
