import type { OpenedDatabase } from "@samraad/db";
import { eq } from "@samraad/db";
import { seedDemoData } from "@samraad/db/demo";
import {
  claimDueReminders,
  encryptWebhookUrl,
  findChannelLink,
  listFailedReminders,
  listReminderDeliveries,
} from "@samraad/db/queries";
import { chatChannelLinks, meetings } from "@samraad/db/schema";
import { createTestDatabase } from "@samraad/db/testing";
import { reminderSendAt } from "@samraad/domain/bot";
import { zonedInstant } from "@samraad/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReminderTick, startReminderWorker } from "../src/index.ts";
import type { ReminderWorkerDeps } from "../src/reminders.ts";
import { broenderslevHandicapraad, startFakeSlack, startFakeTeamsReceiver, until } from "./fakes.ts";

const MIN = 60_000;
// Demo data is relative to its seeding time; the reminders under test are for meetings this test adds.
const seededAt = zonedInstant("2026-10-01", "09:00");
let opened: OpenedDatabase;
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let teams: Awaited<ReturnType<typeof startFakeTeamsReceiver>>;
let council: Awaited<ReturnType<typeof broenderslevHandicapraad>>;
let slackLinkId: string;
let teamsLinkId: string;

const deps = (now: Date, extra: Partial<ReminderWorkerDeps> = {}): ReminderWorkerDeps => ({
  db: opened.db,
  publicUrl: "https://samraad.example.dk",
  now: () => now,
  slack: { botToken: "xoxb-test-token", apiUrl: slack.apiUrl },
  lockMs: 2 * MIN,
  maxAttempts: 3,
  onError: (context, error) => {
    throw new Error(`${context}: ${String(error)}`);
  },
  ...extra,
});

async function addMeeting(title: string, startsAt: Date) {
  const [row] = await opened.db
    .insert(meetings)
    .values({
      municipalityId: council.municipalityId,
      councilId: council.councilId,
      title,
      startsAt,
      location: "Rådhuset, mødelokale 2",
      status: "planned",
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error("meeting not inserted");
  return row.id;
}

const slackPostsAbout = (title: string) => slack.posts.filter((p) => p.text.includes(title));
const teamsPostsAbout = (title: string) =>
  teams.received.filter((r) => JSON.stringify(r.body).includes(title));
const ledger = async (linkId: string, meetingId: string) =>
  (await listReminderDeliveries(opened.db, linkId)).filter((r) => r.deadlineId === `meeting:${meetingId}`);

beforeAll(async () => {
  opened = await createTestDatabase();
  await seedDemoData(opened.db, seededAt);
  council = await broenderslevHandicapraad(opened.db);
  slack = await startFakeSlack();
  teams = await startFakeTeamsReceiver();
  const slackLink = await findChannelLink(opened.db, "slack", "T0DEMO", "C0HANDICAP");
  const teamsLink = await findChannelLink(opened.db, "teams", "", "19:demo-handicapraad@thread.tacv2");
  if (!slackLink || !teamsLink) throw new Error("demo links missing");
  slackLinkId = slackLink.id;
  teamsLinkId = teamsLink.id;
  await opened.db
    .update(chatChannelLinks)
    .set({ webhookUrlEncrypted: await encryptWebhookUrl(opened.db, `${teams.url}/webhookb2/handicapraad`) })
    .where(eq(chatChannelLinks.id, teamsLinkId));
});

afterAll(async () => {
  await slack?.close();
  await teams?.close();
  await opened?.close();
});

describe("reminders before a deadline", () => {
  it("stores the Teams webhook URL encrypted, never in clear", async () => {
    const [row] = await opened.db
      .select({ sealed: chatChannelLinks.webhookUrlEncrypted })
      .from(chatChannelLinks)
      .where(eq(chatChannelLinks.id, teamsLinkId));
    expect(row?.sealed).toMatch(/^v1\./);
    expect(row?.sealed).not.toContain("webhookb2");
  });

  it("posts exactly once per offset with two workers at once and a restart in the middle", async () => {
    const title = "Temamøde om tilgængelighed";
    // Friday 30 October 2026 at 14:00, after the change to winter time on 25 October.
    const dueAt = zonedInstant("2026-10-30", "14:00");
    const meetingId = await addMeeting(title, dueAt);
    const sevenDays = reminderSendAt(dueAt, 7);
    expect(sevenDays.toISOString()).toBe("2026-10-23T12:00:00.000Z"); // 14:00 summer time

    // The day before: planned in the ledger, nothing sent yet.
    await runReminderTick(deps(new Date(sevenDays.getTime() - 12 * 60 * MIN)));
    expect(slackPostsAbout(title)).toEqual([]);
    expect((await ledger(slackLinkId, meetingId)).map((r) => [r.offsetDays, r.status])).toEqual([
      [7, "pending"],
    ]);

    // Two workers at the same moment, then a loop worker stopped and a new one started (a restart).
    const at = new Date(sevenDays.getTime() + MIN);
    await Promise.all([runReminderTick(deps(at)), runReminderTick(deps(at))]);
    const first = startReminderWorker(deps(at, { intervalMs: 10 }));
    await new Promise((r) => setTimeout(r, 100));
    await first.stop();
    const second = startReminderWorker(deps(new Date(at.getTime() + 5 * MIN), { intervalMs: 10 }));
    await new Promise((r) => setTimeout(r, 100));
    await second.stop();

    expect(slackPostsAbout(title)).toHaveLength(1);
    expect(teamsPostsAbout(title)).toHaveLength(1);
    const post = slackPostsAbout(title)[0];
    expect(post?.channel).toBe("C0HANDICAP");
    expect(post?.text).toContain(`Påmindelse til ${council.councilName}: Møde om 7 dage`);
    expect(post?.text).toContain("fredag 30. oktober kl. 14:00");
    expect(post?.metadata).toMatchObject({ event_type: "samraad_reminder" });
    expect(JSON.stringify(teamsPostsAbout(title)[0]?.body)).toContain(
      "application/vnd.microsoft.card.adaptive",
    );

    // The 1-day reminder: once, at Thursday 14:00 winter time.
    const oneDay = reminderSendAt(dueAt, 1);
    expect(oneDay.toISOString()).toBe("2026-10-29T13:00:00.000Z");
    await Promise.all([
      runReminderTick(deps(new Date(oneDay.getTime() + MIN))),
      runReminderTick(deps(new Date(oneDay.getTime() + 2 * MIN))),
    ]);
    await runReminderTick(deps(new Date(oneDay.getTime() + 3 * 60 * MIN)));
    expect(slackPostsAbout(title).map((p) => p.text.split("\n")[0])).toEqual([
      `Påmindelse til ${council.councilName}: Møde om 7 dage`,
      `Påmindelse til ${council.councilName}: Møde i morgen`,
    ]);
    expect(teamsPostsAbout(title)).toHaveLength(2);
    expect((await ledger(slackLinkId, meetingId)).map((r) => [r.offsetDays, r.status, r.attempts])).toEqual([
      [7, "sent", 1],
      [1, "sent", 1],
    ]);
  });

  it("retries a reminder whose worker crashed mid-send only after its lock expires, and then once", async () => {
    const title = "Dialogmøde med Ældrerådet";
    const dueAt = zonedInstant("2026-11-20", "10:00");
    const meetingId = await addMeeting(title, dueAt);
    const at = new Date(reminderSendAt(dueAt, 7).getTime() + MIN);
    await runReminderTick(deps(new Date(at.getTime() - 2 * MIN)));
    // A worker claims the due rows and dies before posting or marking anything.
    const claimed = await claimDueReminders(opened.db, at, 2 * MIN, 100);
    expect(claimed.some((c) => c.deadlineId === `meeting:${meetingId}`)).toBe(true);

    await runReminderTick(deps(new Date(at.getTime() + MIN)));
    expect(slackPostsAbout(title)).toEqual([]);

    await runReminderTick(deps(new Date(at.getTime() + 3 * MIN)));
    await runReminderTick(deps(new Date(at.getTime() + 4 * MIN)));
    expect(slackPostsAbout(title)).toHaveLength(1);
    const [row] = await ledger(slackLinkId, meetingId);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("reschedules a moved meeting and sends nothing for a cancelled one", async () => {
    const moved = "Møde der flyttes";
    const cancelled = "Møde der aflyses";
    const dueAt = zonedInstant("2026-12-04", "13:00");
    const movedId = await addMeeting(moved, dueAt);
    const cancelledId = await addMeeting(cancelled, dueAt);
    const sevenDays = reminderSendAt(dueAt, 7);
    await runReminderTick(deps(new Date(sevenDays.getTime() - 6 * 60 * MIN)));
    expect((await ledger(slackLinkId, movedId)).map((r) => r.status)).toEqual(["pending"]);

    const newDueAt = zonedInstant("2026-12-11", "13:00");
    await opened.db.update(meetings).set({ startsAt: newDueAt }).where(eq(meetings.id, movedId));
    await opened.db
      .update(meetings)
      .set({ status: "cancelled", cancelledAt: sevenDays, cancellationReason: "Formanden er syg" })
      .where(eq(meetings.id, cancelledId));

    // At the old moment: the old rows are cancelled and nothing goes out.
    await runReminderTick(deps(new Date(sevenDays.getTime() + MIN)));
    expect(slackPostsAbout(moved)).toEqual([]);
    expect(slackPostsAbout(cancelled)).toEqual([]);
    expect((await ledger(slackLinkId, cancelledId)).map((r) => r.status)).toEqual(["cancelled"]);
    expect((await ledger(slackLinkId, movedId)).map((r) => [r.dueAt.toISOString(), r.status])).toEqual([
      [dueAt.toISOString(), "cancelled"],
    ]);

    // At the new moment: one reminder with the new date.
    const newSevenDays = reminderSendAt(newDueAt, 7);
    await runReminderTick(deps(new Date(newSevenDays.getTime() - 60 * MIN)));
    await runReminderTick(deps(new Date(newSevenDays.getTime() + MIN)));
    await runReminderTick(deps(new Date(newSevenDays.getTime() + 2 * MIN)));
    expect(slackPostsAbout(moved)).toHaveLength(1);
    expect(slackPostsAbout(moved)[0]?.text).toContain("fredag 11. december kl. 13:00");
    expect(slackPostsAbout(cancelled)).toEqual([]);
    expect(teamsPostsAbout(cancelled)).toEqual([]);
  });

  it("retries a failed post with backoff, and after the last attempt shows it to officials as failed", async () => {
    const title = "Møde hvor Slack svigter";
    const dueAt = zonedInstant("2027-01-15", "12:00");
    const meetingId = await addMeeting(title, dueAt);
    const at = new Date(reminderSendAt(dueAt, 7).getTime() + MIN);
    await runReminderTick(deps(new Date(at.getTime() - 10 * MIN)));
    slack.failNext("channel_not_found", 100);
    teams.state.status = 500;
    try {
      await runReminderTick(deps(at));
      let [row] = await ledger(slackLinkId, meetingId);
      expect(row).toMatchObject({ status: "retry", attempts: 1, lastError: "Slack: channel_not_found" });
      // Within the backoff (1 minute after the first attempt) nothing is tried again.
      await runReminderTick(deps(new Date(at.getTime() + 30_000)));
      [row] = await ledger(slackLinkId, meetingId);
      expect(row?.attempts).toBe(1);
      await runReminderTick(deps(new Date(at.getTime() + 2 * MIN)));
      await runReminderTick(deps(new Date(at.getTime() + 5 * MIN)));
      [row] = await ledger(slackLinkId, meetingId);
      expect(row).toMatchObject({ status: "failed", attempts: 3, lastError: "Slack: channel_not_found" });
      const [teamsRow] = await ledger(teamsLinkId, meetingId);
      expect(teamsRow).toMatchObject({ status: "failed", lastError: "Teams webhook answered HTTP 500" });
      expect(teamsRow?.lastError).not.toContain(teams.url);

      await runReminderTick(deps(new Date(at.getTime() + 60 * MIN)));
      expect(slackPostsAbout(title)).toEqual([]);
      const failed = await listFailedReminders(opened.db, council.municipalityId, council.councilId);
      expect(
        failed
          .filter((f) => f.deadlineId === `meeting:${meetingId}`)
          .map((f) => f.platform)
          .sort(),
      ).toEqual(["slack", "teams"]);
    } finally {
      slack.failNext("", 0);
      teams.state.status = 200;
    }
  });

  it("delivers after a transient failure, exactly once", async () => {
    const title = "Møde efter kortvarig fejl";
    const dueAt = zonedInstant("2027-02-05", "16:00");
    const meetingId = await addMeeting(title, dueAt);
    const at = new Date(reminderSendAt(dueAt, 7).getTime() + MIN);
    await runReminderTick(deps(new Date(at.getTime() - 10 * MIN)));
    slack.failNext("ratelimited", 1);
    const worker = startReminderWorker(deps(at, { intervalMs: 10 }));
    await until(() => (slack.posts.some((p) => p.text.includes(title)) ? true : undefined), 500).catch(
      () => {},
    );
    await worker.stop();
    await runReminderTick(deps(new Date(at.getTime() + 2 * MIN)));
    await runReminderTick(deps(new Date(at.getTime() + 10 * MIN)));
    expect(slackPostsAbout(title)).toHaveLength(1);
    expect((await ledger(slackLinkId, meetingId))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("reminders without a way to post", () => {
  it("marks planned reminders failed, visibly, when the Slack token is gone", async () => {
    const title = "Møde uden Slack-token";
    const dueAt = zonedInstant("2027-03-05", "10:00");
    const meetingId = await addMeeting(title, dueAt);
    const at = new Date(reminderSendAt(dueAt, 7).getTime() + MIN);
    await runReminderTick(deps(new Date(at.getTime() - 10 * MIN)));
    await runReminderTick(deps(at, { slack: { apiUrl: slack.apiUrl } }));
    expect(slackPostsAbout(title)).toEqual([]);
    expect((await ledger(slackLinkId, meetingId))[0]).toMatchObject({
      status: "failed",
      lastError: "SLACK_BOT_TOKEN is not configured",
    });
    // Teams still has its webhook and gets its reminder.
    expect(teamsPostsAbout(title)).toHaveLength(1);
  });
});
