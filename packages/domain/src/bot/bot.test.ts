import { describe, expect, it } from "vitest";
import type { Deadline } from "../deadlines/deadline.ts";
import { zonedInstant } from "../shared/calendar.ts";
import { deadlineAnswer, helpText, reminderText, unlinkedText } from "./answer.ts";
import { parseMention, parseSlashCommand } from "./command.ts";
import { isReminderDue, planReminders, reminderSendAt, reminderSlots, retryDelayMs } from "./reminders.ts";
import { channelLinkInput } from "./schemas.ts";

const hearing: Deadline = {
  id: "hearing_response:h1",
  kind: "hearing_response",
  title: {
    da: "Høringssvar: Input til handicappolitikken",
    en: "Hearing response: Input til handicappolitikken",
  },
  // Friday after the switch from summer time (25 October 2026) to winter time
  dueAt: zonedInstant("2026-10-30", "12:00"),
  councilId: "c1",
  municipalityId: "m1",
  target: { type: "hearing", id: "h1" },
  public: true,
};
const meeting: Deadline = {
  ...hearing,
  id: "meeting:m1",
  kind: "meeting",
  title: { da: "Møde i Handicaprådet", en: "Meeting of Handicaprådet" },
  dueAt: zonedInstant("2026-10-27", "14:00"),
  target: { type: "meeting", id: "m1" },
};

describe("the /frister command", () => {
  it("lists the next 30 days when nothing is typed", () => {
    expect(parseSlashCommand("")).toEqual({ kind: "deadlines", days: 30, locale: "da" });
  });
  it("lists the next 14 days for /frister 14", () => {
    expect(parseSlashCommand(" 14 ")).toEqual({ kind: "deadlines", days: 14, locale: "da" });
    expect(parseSlashCommand("14 dage")).toEqual({ kind: "deadlines", days: 14, locale: "da" });
  });
  it("answers in English when asked in English", () => {
    expect(parseSlashCommand("help")).toEqual({ kind: "help", locale: "en" });
    expect(parseSlashCommand("14 en")).toEqual({ kind: "deadlines", days: 14, locale: "en" });
    expect(parseSlashCommand("next 7 days")).toEqual({ kind: "deadlines", days: 7, locale: "en" });
  });
  it("explains usage for hjælp and for what it does not understand", () => {
    expect(parseSlashCommand("hjælp")).toEqual({ kind: "help", locale: "da" });
    expect(parseSlashCommand("Hjælp")).toEqual({ kind: "help", locale: "da" });
    expect(parseSlashCommand("0")).toMatchObject({ kind: "invalid" });
    expect(parseSlashCommand("9999")).toMatchObject({ kind: "invalid" });
    expect(parseSlashCommand("banan")).toEqual({ kind: "invalid", input: "banan", locale: "da" });
  });
});

describe("a mention of the bot", () => {
  it("is a question about deadlines, in the language it was asked", () => {
    expect(parseMention("<@U0SAMRAAD> hvad er de næste frister?")).toEqual({
      kind: "deadlines",
      days: 30,
      locale: "da",
    });
    expect(parseMention("<@U0SAMRAAD|samraad> what is due in the next 7 days?")).toEqual({
      kind: "deadlines",
      days: 7,
      locale: "en",
    });
    expect(parseMention("<@U0SAMRAAD> hjælp")).toEqual({ kind: "help", locale: "da" });
  });
});

describe("the answer", () => {
  const now = zonedInstant("2026-10-23", "12:00"); // summer time; the deadlines are in winter time
  it("names kind, title, Danish weekday date and relative days, with a link to the public page", () => {
    const answer = deadlineAnswer({
      councilName: "Handicaprådet",
      deadlines: [meeting, hearing],
      days: 14,
      now,
      locale: "da",
      publicUrl: "https://samraad.example.dk/",
    });
    expect(answer.heading).toBe("Frister for Handicaprådet de næste 14 dage");
    expect(answer.empty).toBeNull();
    expect(answer.lines).toEqual([
      {
        kind: "meeting",
        kindLabel: "Møde",
        title: "Møde i Handicaprådet",
        when: "tirsdag 27. oktober kl. 14:00",
        relative: "om 4 dage",
        url: "https://samraad.example.dk/moeder/m1",
      },
      {
        kind: "hearing_response",
        kindLabel: "Høringsfrist",
        title: "Høringssvar: Input til handicappolitikken",
        when: "fredag 30. oktober kl. 12:00",
        relative: "om 7 dage",
        url: "https://samraad.example.dk/hoeringer/h1",
      },
    ]);
  });
  it("says so when nothing is due, and speaks English when asked", () => {
    const answer = deadlineAnswer({
      councilName: "Handicaprådet",
      deadlines: [],
      days: 14,
      now,
      locale: "en",
      publicUrl: "https://x.dk",
    });
    expect(answer.empty).toBe("No deadlines in the next 14 days.");
    expect(answer.heading).toBe("Deadlines for Handicaprådet in the next 14 days");
  });
  it("tells an unlinked channel how an official links it", () => {
    const text = unlinkedText("slack", { teamId: "T1", channelId: "C1" }, "da");
    expect(text).toContain("ikke knyttet til et råd");
    expect(text).toContain("Chat-kanaler");
    expect(text).toContain("C1");
    expect(helpText.da).toContain("/frister 14");
  });
  it("words a reminder with the date on the far side of the daylight-saving change", () => {
    const r = reminderText({
      councilName: "Handicaprådet",
      deadline: hearing,
      now: reminderSendAt(hearing.dueAt, 7),
      locale: "da",
      publicUrl: "https://x.dk",
    });
    expect(r.heading).toBe("Påmindelse til Handicaprådet: Høringsfrist om 7 dage");
    expect(r.text).toContain("fredag 30. oktober kl. 12:00");
  });
});

describe("reminder planning", () => {
  it("sends 7 days before at the same Copenhagen wall-clock time across the October change", () => {
    const sendAt = reminderSendAt(hearing.dueAt, 7);
    expect(sendAt).toEqual(zonedInstant("2026-10-23", "12:00"));
    expect(sendAt.toISOString()).toBe("2026-10-23T10:00:00.000Z");
    expect(hearing.dueAt.toISOString()).toBe("2026-10-30T11:00:00.000Z");
    expect(reminderSendAt(hearing.dueAt, 1).toISOString()).toBe("2026-10-29T11:00:00.000Z");
  });
  it("plans only what falls due in the lookahead, and nothing for a passed deadline", () => {
    const now = zonedInstant("2026-10-20", "09:00");
    expect(planReminders([hearing], [7, 1], now, 0)).toEqual([]);
    expect(planReminders([hearing], [7, 1], now, 4 * 86_400_000).map((s) => s.offsetDays)).toEqual([7]);
    expect(planReminders([hearing], [7, 1], zonedInstant("2026-10-30", "12:00"), 1e10)).toEqual([]);
  });
  it("skips the 7-day reminder once the 1-day reminder is due", () => {
    const late = zonedInstant("2026-10-29", "15:00");
    expect(reminderSlots(hearing, [7, 1], late).map((s) => s.offsetDays)).toEqual([1]);
    expect(
      reminderSlots(hearing, [1, 7, 7], zonedInstant("2026-10-24", "09:00")).map((s) => s.offsetDays),
    ).toEqual([1, 7]);
  });
  it("drops a stored reminder whose deadline moved, vanished or was superseded", () => {
    const now = zonedInstant("2026-10-23", "12:30");
    const slot = { deadlineId: hearing.id, offsetDays: 7, dueAt: hearing.dueAt };
    expect(isReminderDue(slot, hearing, [7, 1], now)).toBe(true);
    expect(isReminderDue(slot, undefined, [7, 1], now)).toBe(false);
    expect(isReminderDue(slot, { ...hearing, dueAt: zonedInstant("2026-11-06", "12:00") }, [7, 1], now)).toBe(
      false,
    );
    expect(isReminderDue(slot, hearing, [7, 1], zonedInstant("2026-10-29", "12:30"))).toBe(false);
    expect(isReminderDue(slot, hearing, [7, 1], zonedInstant("2026-10-23", "11:59"))).toBe(false);
  });
  it("backs off exponentially up to an hour", () => {
    expect([1, 2, 3, 10].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 3_600_000]);
  });
});

describe("linking a channel", () => {
  const councilId = "5a0e7c3e-0d3f-4a57-9a8e-2f4f3f7a1c11";
  it("accepts a Slack team and channel, and a Teams channel with an https webhook", () => {
    expect(
      channelLinkInput.safeParse({ councilId, platform: "slack", teamId: "T0DEMO", channelId: "C0HANDICAP" })
        .success,
    ).toBe(true);
    const teams = channelLinkInput.safeParse({
      councilId,
      platform: "teams",
      channelId: "19:demo-handicapraad@thread.tacv2",
      webhookUrl: "https://prod-01.westeurope.logic.azure.com/workflows/abc",
    });
    expect(teams.success && teams.data.teamId).toBe("");
  });
  it("refuses ids that are not Slack's or Teams', and a webhook URL without https", () => {
    const bad = channelLinkInput.safeParse({
      councilId,
      platform: "slack",
      teamId: "demo",
      channelId: "#handicap",
    });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["teamId", "channelId"]);
    expect(
      channelLinkInput.safeParse({
        councilId,
        platform: "teams",
        channelId: "19:x@thread.tacv2",
        webhookUrl: "http://x.dk",
      }).success,
    ).toBe(false);
  });
});
