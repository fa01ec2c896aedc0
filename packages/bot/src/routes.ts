import type { Database } from "@samraad/db";
import { parseMention, parseSlashCommand } from "@samraad/domain/bot";
import { WebClient } from "@slack/web-api";
import { type Context, Hono } from "hono";
import { answerCommand } from "./answer.ts";
import { replyBlocks } from "./slack-blocks.ts";
import { teamsMessage } from "./teams-card.ts";
import { verifySlackSignature, verifyTeamsSignature } from "./verify.ts";

export type BotDeps = {
  db: Database;
  publicUrl: string;
  now?: () => Date;
  slack?: { signingSecret?: string | undefined; botToken?: string | undefined; apiUrl?: string | undefined };
  teams?: { webhookSecret?: string | undefined };
  /** where background failures go (never secrets); console.error by default */
  onError?: (context: string, error: unknown) => void;
};

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** A Slack client that leaves retrying to the caller: the reminder ledger retries with its own backoff. */
export function slackClient(token: string, apiUrl: string | undefined) {
  return new WebClient(token, {
    slackApiUrl: apiUrl ?? DEFAULT_SLACK_API_URL,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
}

const notConfigured = (c: Context, what: string) =>
  c.json(
    {
      error: `${what} is not configured on this server, so its requests cannot be verified and are refused. See packages/bot/README.md.`,
    },
    503,
  );

const refused = (c: Context, message: string, status: 400 | 401) => c.json({ error: message }, status);

// Slack retries an event it thinks we missed; one process remembers what it has handled for a while.
const SEEN_EVENTS_MAX = 2000;

/**
 * The chat endpoints, mounted under /integrations: every request is verified on its raw body before anything
 * is parsed or looked up, so a forged request has no side effects.
 */
export function createBotRoutes(deps: BotDeps) {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  const onError = deps.onError ?? ((context, error) => console.error(`[bot] ${context}:`, errorText(error)));
  const seenEvents = new Set<string>();

  async function verifiedSlack(c: Context): Promise<{ raw: string } | Response> {
    const signingSecret = deps.slack?.signingSecret;
    if (!signingSecret) return notConfigured(c, "SLACK_SIGNING_SECRET");
    const raw = await c.req.text();
    const verdict = verifySlackSignature({
      signingSecret,
      timestamp: c.req.header("x-slack-request-timestamp"),
      signature: c.req.header("x-slack-signature"),
      rawBody: raw,
      now: now(),
    });
    return verdict.ok ? { raw } : refused(c, verdict.message, verdict.status);
  }

  app.post("/slack/commands", async (c) => {
    const verified = await verifiedSlack(c);
    if (verified instanceof Response) return verified;
    const form = new URLSearchParams(verified.raw);
    // Slack checks the certificate of a command URL now and then with a body of just `ssl_check=1`.
    if (form.get("ssl_check") === "1") return c.body(null, 200);
    const teamId = form.get("team_id");
    const channelId = form.get("channel_id");
    if (!teamId || !channelId)
      return refused(c, "Malformed slash command: team_id and channel_id are required form fields.", 400);
    const command = parseSlashCommand(form.get("text") ?? "");
    const reply = await answerCommand(
      { db: deps.db, now: now(), publicUrl: deps.publicUrl },
      { platform: "slack", teamId, channelId },
      command,
    );
    // Ephemeral: the person asked, so only they see the answer; the channel hears from the bot in reminders.
    return c.json({ response_type: "ephemeral", ...replyBlocks(reply) });
  });

  app.post("/slack/events", async (c) => {
    const verified = await verifiedSlack(c);
    if (verified instanceof Response) return verified;
    let body: unknown;
    try {
      body = JSON.parse(verified.raw);
    } catch {
      return refused(c, "Malformed event: the body is not JSON.", 400);
    }
    const event = slackEnvelope(body);
    if (!event) return refused(c, "Malformed event: expected url_verification or event_callback.", 400);
    if (event.type === "url_verification") return c.json({ challenge: event.challenge });
    if (event.type === "ignored") return c.body(null, 200);

    if (seenEvents.has(event.eventId)) return c.body(null, 200, { "X-Slack-No-Retry": "1" });
    seenEvents.add(event.eventId);
    if (seenEvents.size > SEEN_EVENTS_MAX) {
      const oldest = seenEvents.values().next().value;
      if (oldest !== undefined) seenEvents.delete(oldest);
    }

    const botToken = deps.slack?.botToken;
    if (!botToken) {
      onError("slack app_mention", new Error("SLACK_BOT_TOKEN is not configured; cannot answer mentions"));
      return c.body(null, 200);
    }
    // Slack wants the 200 within 3 seconds; the answer goes out afterwards through chat.postMessage.
    const at = now();
    void (async () => {
      const reply = await answerCommand(
        { db: deps.db, now: at, publicUrl: deps.publicUrl },
        { platform: "slack", teamId: event.teamId, channelId: event.channel },
        parseMention(event.text),
      );
      await slackClient(botToken, deps.slack?.apiUrl).chat.postMessage({
        channel: event.channel,
        ...replyBlocks(reply),
        ...(event.threadTs ? { thread_ts: event.threadTs } : {}),
        unfurl_links: false,
      });
    })().catch((error) => onError("slack app_mention reply", error));
    return c.body(null, 200);
  });

  app.post("/teams/webhook", async (c) => {
    const secret = deps.teams?.webhookSecret;
    if (!secret) return notConfigured(c, "TEAMS_WEBHOOK_SECRET");
    const raw = await c.req.text();
    const verdict = verifyTeamsSignature({
      secret,
      authorization: c.req.header("authorization"),
      rawBody: raw,
    });
    if (!verdict.ok) return refused(c, verdict.message, verdict.status);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return refused(c, "Malformed activity: the body is not JSON.", 400);
    }
    const activity = teamsActivity(body);
    if (!activity) return refused(c, "Malformed activity: channelData.channel.id is required.", 400);
    const reply = await answerCommand(
      { db: deps.db, now: now(), publicUrl: deps.publicUrl },
      { platform: "teams", teamId: activity.tenantId, channelId: activity.channelId },
      teamsCommand(activity),
    );
    return c.json(teamsMessage(reply));
  });

  return app;
}

type SlackEnvelope =
  | { type: "url_verification"; challenge: string }
  | { type: "ignored" }
  | {
      type: "app_mention";
      eventId: string;
      teamId: string;
      channel: string;
      text: string;
      threadTs?: string;
    };

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function slackEnvelope(body: unknown): SlackEnvelope | null {
  const b = obj(body);
  if (!b) return null;
  if (b.type === "url_verification") {
    const challenge = str(b.challenge);
    return challenge ? { type: "url_verification", challenge } : null;
  }
  if (b.type !== "event_callback") return null;
  const event = obj(b.event);
  const eventId = str(b.event_id);
  const teamId = str(b.team_id);
  if (!event || !eventId || !teamId) return null;
  if (event.type !== "app_mention") return { type: "ignored" };
  const channel = str(event.channel);
  if (!channel) return null;
  const threadTs = str(event.thread_ts);
  return {
    type: "app_mention",
    eventId,
    teamId,
    channel,
    text: str(event.text) ?? "",
    ...(threadTs ? { threadTs } : {}),
  };
}

type TeamsActivity = { text: string; channelId: string; tenantId: string; locale: string };

function teamsActivity(body: unknown): TeamsActivity | null {
  const channelData = obj(obj(body)?.channelData);
  const channelId = str(obj(channelData?.channel)?.id);
  if (!channelId) return null;
  return {
    text: str(obj(body)?.text) ?? "",
    channelId,
    tenantId: str(obj(channelData?.tenant)?.id) ?? "",
    locale: str(obj(body)?.locale) ?? "",
  };
}

/**
 * Teams sends the message as HTML with the mention as `<at>Samråd</at>`, and the sender's client language in
 * `locale`: an English Teams gets English answers, whatever words were used.
 */
function teamsCommand(activity: TeamsActivity) {
  const text = activity.text
    .replace(/<at>.*?<\/at>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ");
  const command = parseMention(text);
  return /^en\b/i.test(activity.locale) ? { ...command, locale: "en" as const } : command;
}

/** An error as one line without request details (the Slack SDK's errors can carry headers with the token). */
export function errorText(error: unknown): string {
  const data = obj(obj(error)?.data);
  const slackError = str(data?.error);
  if (slackError) return `Slack: ${slackError}`;
  const code = str(obj(error)?.code);
  const message = error instanceof Error ? error.message : String(error);
  return (code ? `${code}: ${message}` : message).slice(0, 500);
}
