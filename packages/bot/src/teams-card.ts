import type { DeadlineAnswer } from "@samraad/domain/bot";
import type { BotReply } from "./answer.ts";

const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

/** An Adaptive Card (schema 1.4, what Teams renders) with one fact block per deadline. */
export function answerCard(answer: DeadlineAnswer) {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    body: [
      {
        type: "TextBlock",
        text: answer.heading,
        weight: "Bolder",
        size: "Medium",
        wrap: true,
        style: "heading",
      },
      ...(answer.empty ? [{ type: "TextBlock", text: answer.empty, wrap: true }] : []),
      ...answer.lines.map((line) => ({
        type: "Container",
        separator: true,
        items: [
          { type: "TextBlock", text: `**${line.kindLabel}**: [${line.title}](${line.url})`, wrap: true },
          { type: "TextBlock", text: `${line.when} (${line.relative})`, wrap: true, spacing: "None" },
        ],
      })),
      { type: "TextBlock", text: answer.footer, wrap: true, isSubtle: true, size: "Small" },
    ],
  };
}

/** The reply activity to an outgoing webhook (Teams shows `text` in notifications and to screen readers). */
export function teamsMessage(reply: BotReply) {
  if (reply.kind === "text") return { type: "message", text: reply.text.replace(/\n/g, "\n\n") };
  return {
    type: "message",
    text: reply.answer.heading,
    attachments: [{ contentType: ADAPTIVE_CARD, content: answerCard(reply.answer) }],
  };
}

export function cardMessage(card: ReturnType<typeof answerCard>, summary: string) {
  return {
    type: "message",
    summary,
    attachments: [{ contentType: ADAPTIVE_CARD, contentUrl: null, content: card }],
  };
}
