import type { Database } from "@samraad/db";
import {
  type ClaimedReminder,
  cancelClaimedReminder,
  cancelStaleReminders,
  claimDueReminders,
  decryptWebhookUrl,
  listAllChannelLinks,
  markReminderFailed,
  markReminderSent,
  planReminderDeliveries,
  upcomingDeadlinesFor,
} from "@samraad/db/queries";
import { isReminderDue, planReminders, reminderText, retryDelayMs } from "@samraad/domain/bot";
import type { Deadline } from "@samraad/domain/deadlines";
import { startPeriodic } from "./periodic.ts";
import { errorText, slackClient } from "./routes.ts";
import { lineBlock } from "./slack-blocks.ts";
import { answerCard, cardMessage } from "./teams-card.ts";

export type ReminderWorkerDeps = {
  db: Database;
  publicUrl: string;
  now?: () => Date;
  slack?: { botToken?: string | undefined; apiUrl?: string | undefined };
  /** how often the loop runs; a minute is plenty for reminders counted in days */
  intervalMs?: number;
  /** how long a claim holds before another worker may take the row over (after a crash) */
  lockMs?: number;
  /** attempts before a reminder is marked failed and shown to officials */
  maxAttempts?: number;
  batchSize?: number;
  /** plan rows this far ahead so the ledger shows what is coming */
  lookaheadMs?: number;
  fetch?: typeof fetch;
  onError?: (context: string, error: unknown) => void;
};

export type TickResult = {
  planned: number;
  cancelled: number;
  sent: number;
  failed: number;
  retried: number;
};

type Link = Awaited<ReturnType<typeof listAllChannelLinks>>[number];

/**
 * One pass of the reminder loop: plan the ledger rows for every linked channel, then claim, re-check and send
 * the due ones. Safe to run in any number of processes at once: planning is insert-on-conflict-do-nothing on
 * the ledger's unique key, and a claim is an atomic `UPDATE … FOR UPDATE SKIP LOCKED`.
 */
export async function runReminderTick(deps: ReminderWorkerDeps): Promise<TickResult> {
  const db = deps.db;
  const now = (deps.now ?? (() => new Date()))();
  const result: TickResult = { planned: 0, cancelled: 0, sent: 0, failed: 0, retried: 0 };

  // A link can only be reminded through a channel we can post to: Slack needs the bot token, Teams a webhook URL.
  const allLinks = await listAllChannelLinks(db);
  const undeliverable = new Map(allLinks.map((l) => [l.id, l]));
  const links = allLinks.filter((l) =>
    l.platform === "slack"
      ? Boolean(deps.slack?.botToken)
      : l.platform === "teams" && Boolean(l.webhookUrlEncrypted),
  );
  const linksById = new Map(links.map((l) => [l.id, l]));
  for (const id of linksById.keys()) undeliverable.delete(id);
  const deadlinesByCouncil = await loadDeadlines(db, links, now);

  for (const link of links) {
    const deadlines = deadlinesByCouncil.get(link.councilId) ?? [];
    const slots = planReminders(deadlines, link.reminderOffsetsDays, now, deps.lookaheadMs ?? 86_400_000);
    result.planned += await planReminderDeliveries(
      db,
      slots.map((s) => ({ ...s, municipalityId: link.municipalityId, channelLinkId: link.id })),
    );
    result.cancelled += await cancelStaleReminders(
      db,
      link.id,
      deadlines.map((d) => ({ deadlineId: d.id, dueAt: d.dueAt })),
    );
  }

  const maxAttempts = deps.maxAttempts ?? 5;
  for (;;) {
    const claims = await claimDueReminders(db, now, deps.lockMs ?? 5 * 60_000, deps.batchSize ?? 20);
    if (claims.length === 0) break;
    for (const claim of claims) {
      const cannotPost = undeliverable.get(claim.channelLinkId);
      if (cannotPost) {
        // Planned while it could be posted, and the token or webhook URL is gone since: tell the officials.
        const what = cannotPost.platform === "slack" ? "SLACK_BOT_TOKEN is not configured" : "no webhook URL";
        await markReminderFailed(db, claim, what, null);
        result.failed++;
        continue;
      }
      const link = linksById.get(claim.channelLinkId);
      const deadline = deadlinesByCouncil.get(link?.councilId ?? "")?.find((d) => d.id === claim.deadlineId);
      // Re-checked against this tick's deadlines: a meeting cancelled or moved since planning sends nothing.
      if (!link || !deadline || !isReminderDue(claim, deadline, link.reminderOffsetsDays, now)) {
        await cancelClaimedReminder(db, claim);
        result.cancelled++;
        continue;
      }
      try {
        await deliver(deps, link, deadline, claim, now);
        await markReminderSent(db, claim, now);
        result.sent++;
      } catch (error) {
        const last = claim.attempts >= maxAttempts;
        await markReminderFailed(
          db,
          claim,
          errorText(error),
          last ? null : new Date(now.getTime() + retryDelayMs(claim.attempts)),
        );
        if (last) result.failed++;
        else result.retried++;
      }
    }
  }
  return result;
}

async function loadDeadlines(db: Database, links: Link[], now: Date): Promise<Map<string, Deadline[]>> {
  const byMunicipality = new Map<string, { councilIds: Set<string>; maxOffset: number }>();
  for (const link of links) {
    const entry = byMunicipality.get(link.municipalityId) ?? { councilIds: new Set<string>(), maxOffset: 0 };
    entry.councilIds.add(link.councilId);
    entry.maxOffset = Math.max(entry.maxOffset, ...link.reminderOffsetsDays);
    byMunicipality.set(link.municipalityId, entry);
  }
  const out = new Map<string, Deadline[]>();
  for (const [municipalityId, { councilIds, maxOffset }] of byMunicipality) {
    // Public deadlines only, as in the answers: a channel may have guests.
    const deadlines = await upcomingDeadlinesFor(
      db,
      { municipalityId, councilIds: [...councilIds], publicOnly: true },
      now,
      { horizonDays: maxOffset + 2 },
    );
    for (const d of deadlines) out.set(d.councilId, [...(out.get(d.councilId) ?? []), d]);
  }
  return out;
}

async function deliver(
  deps: ReminderWorkerDeps,
  link: Link,
  deadline: Deadline,
  claim: ClaimedReminder,
  now: Date,
) {
  const reminder = reminderText({
    councilName: link.councilName,
    deadline,
    now,
    locale: "da",
    publicUrl: deps.publicUrl,
  });
  if (link.platform === "slack") {
    const token = deps.slack?.botToken;
    if (!token) throw new Error("SLACK_BOT_TOKEN is not configured");
    const { line } = reminder;
    await slackClient(token, deps.slack?.apiUrl).chat.postMessage({
      channel: link.channelId,
      text: reminder.text,
      blocks: [
        { type: "header", text: { type: "plain_text", text: reminder.heading.slice(0, 150) } },
        lineBlock(line),
      ],
      unfurl_links: false,
      // The ledger row's id travels with the message, so a duplicate after a crash can be recognised.
      metadata: { event_type: "samraad_reminder", event_payload: { delivery_id: claim.id } },
    });
    return;
  }
  if (!link.webhookUrlEncrypted) throw new Error("no incoming-webhook URL for this Teams channel");
  const url = await decryptWebhookUrl(deps.db, link.webhookUrlEncrypted);
  const card = answerCard({ heading: reminder.heading, lines: [reminder.line], empty: null, footer: "" });
  card.body = card.body.filter((b) => !("text" in b && b.text === ""));
  const response = await (deps.fetch ?? fetch)(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(cardMessage(card, reminder.heading)),
    signal: AbortSignal.timeout(10_000),
  });
  // The URL itself is a credential: the error names only the status.
  if (!response.ok) throw new Error(`Teams webhook answered HTTP ${response.status}`);
}

/** The loop the server starts. `stop()` waits for a running pass, so a shutdown never cuts a send in half. */
export function startReminderWorker(deps: ReminderWorkerDeps): { stop: () => Promise<void> } {
  const onError =
    deps.onError ?? ((context, error) => console.error(`[reminders] ${context}:`, errorText(error)));
  return startPeriodic(
    () => runReminderTick(deps),
    deps.intervalMs ?? 60_000,
    (error) => onError("tick", error),
  );
}
