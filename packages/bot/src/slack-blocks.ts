import type { DeadlineAnswer, DeadlineLine } from "@samraad/domain/bot";
import { lineAsText } from "@samraad/domain/bot";
import type { BotReply } from "./answer.ts";

// Slack mrkdwn treats &, < and > as control characters; titles come from officials and must stay literal.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

type Block = Record<string, unknown>;

export function lineBlock(line: DeadlineLine): { type: "section"; text: { type: "mrkdwn"; text: string } } {
  return {
    type: "section",
    text: {
      type: "mrkdwn",
      text: `*${escapeMrkdwn(line.kindLabel)}* · <${line.url}|${escapeMrkdwn(line.title)}>\n${escapeMrkdwn(line.when)} (${escapeMrkdwn(line.relative)})`,
    },
  };
}

export function answerBlocks(answer: DeadlineAnswer): { text: string; blocks: Block[] } {
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: answer.heading.slice(0, 150) } },
  ];
  if (answer.empty) blocks.push({ type: "section", text: { type: "plain_text", text: answer.empty } });
  // Slack allows 50 blocks per message; the list is capped at 40 lines before it gets here.
  for (const line of answer.lines) blocks.push(lineBlock(line));
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(answer.footer) }] });
  // `text` is the notification and screen-reader fallback, so it carries the whole answer in plain words.
  const text = [answer.heading, ...(answer.empty ? [answer.empty] : answer.lines.map(lineAsText))].join("\n");
  return { text, blocks };
}

export function replyBlocks(reply: BotReply): { text: string; blocks: Block[] } {
  if (reply.kind === "deadlines") return answerBlocks(reply.answer);
  return { text: reply.text, blocks: [{ type: "section", text: { type: "mrkdwn", text: reply.text } }] };
}
