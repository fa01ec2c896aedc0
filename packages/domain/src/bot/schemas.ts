import { z } from "zod";
import { id, oneOf } from "../shared/schemas.ts";

export const chatPlatforms = ["slack", "teams"] as const;

const SLACK_TEAM = /^[TE][A-Z0-9]{2,}$/;
const SLACK_CHANNEL = /^[CG][A-Z0-9]{2,}$/;
const TEAMS_CHANNEL = /^19:[^\s]+@thread\.(tacv2|skype)$/;

/**
 * Linking a chat channel to a council. Slack: the workspace (team) id and the channel id, both shown in Slack
 * under the channel's details. Teams: the channel id from "Get link to channel", optionally the tenant id, and
 * the incoming-webhook or Workflows URL that reminders are posted to (https only; it is a credential).
 */
export const channelLinkInput = z
  .object({
    councilId: id(),
    platform: oneOf(chatPlatforms),
    teamId: z.string({ error: "invalid_type" }).trim().max(100, { error: "too_long" }).default(""),
    channelId: z
      .string({ error: "invalid_type" })
      .trim()
      .min(1, { error: "required" })
      .max(200, { error: "too_long" }),
    webhookUrl: z
      .url({ protocol: /^https$/, error: "invalid_format" })
      .max(2000, { error: "too_long" })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.platform === "slack") {
      if (!SLACK_TEAM.test(v.teamId))
        ctx.addIssue({ code: "custom", path: ["teamId"], message: "invalid_format" });
      if (!SLACK_CHANNEL.test(v.channelId))
        ctx.addIssue({ code: "custom", path: ["channelId"], message: "invalid_format" });
      if (v.webhookUrl) ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "invalid" });
    } else if (!TEAMS_CHANNEL.test(v.channelId)) {
      ctx.addIssue({ code: "custom", path: ["channelId"], message: "invalid_format" });
    }
  });

export type ChannelLinkInput = z.infer<typeof channelLinkInput>;
