import { eq } from "@samraad/db";
import { auditLog, chatChannelLinks, reminderDeliveries } from "@samraad/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFixture, outcome } from "../../test/fixture.ts";

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
let f: Fixture;

beforeAll(async () => {
  f = await demoFixture(new Date("2026-11-23T09:00:00Z"));
});
afterAll(() => f.close());

const workflowUrl =
  "https://prod-07.westeurope.logic.azure.com/workflows/0123/triggers/manual/run?sig=SECRET";

describe("linking chat channels to a council", () => {
  it("lets the council's secretary link a Teams channel, storing the webhook URL only encrypted", async () => {
    const secretary = f.as(f.principals.secretary);
    const before = await f.auditCount();
    const { id } = await secretary.integrations.link({
      councilId: f.handicapraad.id,
      platform: "teams",
      channelId: "19:ny-kanal@thread.tacv2",
      webhookUrl: workflowUrl,
    });
    expect(await f.auditCount()).toBe(before + 1);
    const links = await secretary.integrations.list({ councilId: f.handicapraad.id });
    const created = links.find((l) => l.id === id);
    expect(created).toMatchObject({ platform: "teams", webhookConfigured: true });
    expect(JSON.stringify(links)).not.toContain("SECRET");
    const [row] = await f.db
      .select({ sealed: chatChannelLinks.webhookUrlEncrypted })
      .from(chatChannelLinks)
      .where(eq(chatChannelLinks.id, id));
    expect(row?.sealed).not.toContain("SECRET");
    const [entry] = await f.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entry?.action).toBe("chat_link.create");
    expect(JSON.stringify(entry)).not.toContain("SECRET");
    // The demo's Slack and Teams links are there too.
    expect(links.map((l) => l.channelId)).toEqual(
      expect.arrayContaining(["C0HANDICAP", "19:demo-handicapraad@thread.tacv2"]),
    );
  });

  it("refuses a channel that is already linked, with a Danish message", async () => {
    const admin = f.as(f.principals.adminBroenderslev);
    const error = await admin.integrations
      .link({ councilId: f.aeldreraad.id, platform: "slack", teamId: "T0DEMO", channelId: "C0HANDICAP" })
      .catch((e: unknown) => e as { code: string; message: string });
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("allerede knyttet"),
    });
  });

  it("refuses malformed ids with field errors", async () => {
    const admin = f.as(f.principals.adminBroenderslev);
    expect(
      await outcome(() =>
        admin.integrations.link({
          councilId: f.handicapraad.id,
          platform: "slack",
          teamId: "x",
          channelId: "#kanal",
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("lets only the council's secretary or the municipality's administrator see and change links", async () => {
    const input = { councilId: f.handicapraad.id };
    expect(await outcome(() => f.as(f.principals.adminBroenderslev).integrations.list(input))).toBe("OK");
    expect(await outcome(() => f.as(f.principals.member).integrations.list(input))).toBe("FORBIDDEN");
    expect(await outcome(() => f.as(f.principals.adminRanders).integrations.list(input))).toBe("FORBIDDEN");
    expect(
      await outcome(() => f.as(f.principals.secretary).integrations.list({ councilId: f.aeldreraad.id })),
    ).toBe("FORBIDDEN");
    expect(await outcome(() => f.as(null).integrations.failedReminders(input))).toBe("UNAUTHORIZED");
    const link = (await f.as(f.principals.secretary).integrations.list(input))[0];
    expect(
      await outcome(() => f.as(f.principals.adminRanders).integrations.unlink({ linkId: link?.id ?? "" })),
    ).toBe("FORBIDDEN");
  });

  it("shows failed reminders with their last error, and unlinking removes the link", async () => {
    const secretary = f.as(f.principals.secretary);
    const links = await secretary.integrations.list({ councilId: f.handicapraad.id });
    const slack = links.find((l) => l.channelId === "C0HANDICAP");
    if (!slack) throw new Error("demo Slack link missing");
    const dueAt = new Date("2026-12-02T13:00:00Z");
    await f.db.insert(reminderDeliveries).values({
      municipalityId: f.broenderslev.id,
      channelLinkId: slack.id,
      deadlineId: "meeting:00000000-0000-4000-8000-000000000001",
      offsetDays: 7,
      dueAt,
      sendAt: new Date("2026-11-25T13:00:00Z"),
      status: "failed",
      attempts: 5,
      lastError: "Slack: channel_not_found",
    });
    const failed = await secretary.integrations.failedReminders({ councilId: f.handicapraad.id });
    expect(failed).toEqual([
      expect.objectContaining({
        platform: "slack",
        channelId: "C0HANDICAP",
        kindLabel: { da: "Møde", en: "Meeting" },
        attempts: 5,
        lastError: "Slack: channel_not_found",
      }),
    ]);
    expect(
      await f
        .as(f.principals.adminRanders)
        .integrations.failedReminders({ councilId: f.randersHandicapraad.id }),
    ).toEqual([]);

    await secretary.integrations.unlink({ linkId: slack.id });
    const after = await secretary.integrations.list({ councilId: f.handicapraad.id });
    expect(after.map((l) => l.id)).not.toContain(slack.id);
  });
});
