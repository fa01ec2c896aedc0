import { count, eq } from "@samraad/db";
import { meetings, people } from "@samraad/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFixture, outcome } from "./fixture.ts";

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
let f: Fixture;

beforeAll(async () => {
  f = await demoFixture(new Date("2026-11-23T09:00:00Z"));
});
afterAll(() => f.close());

describe("a secretary runs a meeting from plan to published minutes", () => {
  it("plans, builds, publishes, adds a supplementary item, decides, holds and publishes the minutes", async () => {
    const secretary = f.as(f.principals.secretary);
    const meeting = await secretary.meetings.create({
      councilId: f.handicapraad.id,
      date: "2027-01-12",
      time: "14:00",
      location: "Mødelokale 272, Brønderslev Rådhus",
    });
    // 14:00 in Copenhagen in winter is 13:00 UTC
    expect(meeting.startsAt.toISOString()).toBe("2027-01-12T13:00:00.000Z");

    const first = await secretary.agenda.add({
      meetingId: meeting.id,
      title: "Godkendelse af dagsorden",
      closed: false,
    });
    const second = await secretary.agenda.add({
      meetingId: meeting.id,
      title: "Budget 2027 for handicapområdet",
      recommendation: "Forvaltningen indstiller, at rådet drøfter budgettet.",
      closed: false,
    });
    const closed = await secretary.agenda.add({
      meetingId: meeting.id,
      title: "Klage over afgørelse om merudgifter",
      closed: true,
    });
    await secretary.agenda.reorder({ meetingId: meeting.id, itemIds: [second.id, first.id, closed.id] });

    // Before publication the public cannot see the meeting at all.
    expect(await outcome(() => f.as(null).meetings.get({ meetingId: meeting.id }))).toBe("NOT_FOUND");

    f.clock.now = new Date("2026-12-01T09:00:00Z");
    await secretary.meetings.transition({ meetingId: meeting.id, command: { type: "publish_agenda" } });
    f.clock.now = new Date("2026-12-02T09:00:00Z");
    const late = await secretary.agenda.add({
      meetingId: meeting.id,
      title: "Input til Nordjysk Socialaftale",
      closed: false,
    });

    const published = await f.as(null).meetings.get({ meetingId: meeting.id });
    expect(published.items.map((i) => i.title)).toEqual([
      "Budget 2027 for handicapområdet",
      "Godkendelse af dagsorden",
      "Lukket punkt",
      "Input til Nordjysk Socialaftale",
    ]);
    expect(published.items.find((i) => i.id === late.id)?.supplementary).toBe(true);
    expect(published.items.find((i) => i.id === first.id)?.supplementary).toBe(false);
    expect(JSON.stringify(published)).not.toContain("merudgifter");

    // Holding the meeting before it starts is refused with the time in Danish.
    const early = await outcome(() =>
      secretary.meetings.transition({ meetingId: meeting.id, command: { type: "mark_held" } }),
    );
    expect(early).toBe("BAD_REQUEST");

    f.clock.now = new Date("2027-01-12T15:00:00Z");
    await secretary.meetings.transition({ meetingId: meeting.id, command: { type: "mark_held" } });
    for (const item of [first, second, late]) {
      await secretary.agenda.decide({ itemId: item.id, decision: "Drøftet og taget til efterretning." });
    }
    // The minutes stay open for corrections for 8 days: publishing now is refused.
    expect(
      await outcome(() =>
        secretary.meetings.transition({ meetingId: meeting.id, command: { type: "publish_minutes" } }),
      ),
    ).toBe("BAD_REQUEST");

    f.clock.now = new Date("2027-01-21T12:00:00Z");
    const done = await secretary.meetings.transition({
      meetingId: meeting.id,
      command: { type: "publish_minutes" },
    });
    expect(done?.status).toBe("minutes_published");

    const minutes = await f.as(null).meetings.get({ meetingId: meeting.id });
    const budget = minutes.items.find((i) => i.id === second.id);
    expect(budget && "decision" in budget ? budget.decision : null).toBe(
      "Drøftet og taget til efterretning.",
    );
    // After the minutes, the agenda is locked.
    expect(
      await outcome(() => secretary.agenda.add({ meetingId: meeting.id, title: "For sent", closed: false })),
    ).toBe("CONFLICT");
  });

  it("cancels a planned meeting only with a reason, and then refuses further changes", async () => {
    f.clock.now = new Date("2026-11-23T09:00:00Z");
    const secretary = f.as(f.principals.secretary);
    const meeting = await secretary.meetings.create({
      councilId: f.handicapraad.id,
      date: "2027-02-02",
      time: "15:30",
      location: "Byrådssalen",
    });
    expect(
      await outcome(() =>
        secretary.meetings.transition({ meetingId: meeting.id, command: { type: "cancel", reason: "  " } }),
      ),
    ).toBe("BAD_REQUEST");
    await secretary.meetings.transition({
      meetingId: meeting.id,
      command: { type: "cancel", reason: "Formanden er syg" },
    });
    expect(
      await outcome(() =>
        secretary.meetings.transition({ meetingId: meeting.id, command: { type: "publish_agenda" } }),
      ),
    ).toBe("CONFLICT");
  });
});

describe("bad input and failures change nothing", () => {
  it("rejects a meeting with a bad date and no place, field by field, and stores nothing", async () => {
    const before = (await f.db.select({ n: count() }).from(meetings))[0]?.n;
    const error = await f
      .as(f.principals.secretary)
      .meetings.create({ councilId: f.handicapraad.id, date: "2027-02-30", time: "25:00", location: "" })
      .then(
        () => null,
        (e: unknown) => e as { code: string; cause: { issues: { path: string[]; message: string }[] } },
      );
    expect(error?.code).toBe("BAD_REQUEST");
    const fields = error?.cause.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort();
    expect(fields).toEqual(["date:invalid_date", "location:required", "time:invalid_time"]);
    expect((await f.db.select({ n: count() }).from(meetings))[0]?.n).toBe(before);
  });

  it("rolls back the new person when adding the membership fails halfway", async () => {
    const peopleBefore = (await f.db.select({ n: count() }).from(people))[0]?.n;
    const auditBefore = await f.auditCount();
    const result = await outcome(() =>
      f.as(f.principals.secretary).members.add({
        councilId: f.handicapraad.id,
        person: { name: "Karen Stedfortræder", publicName: true },
        side: "organisation",
        seat: "dh",
        role: "medlem",
        votingRight: true,
        startsOn: "2026-12-01",
        // a principal that does not exist: the person is inserted first, then the write fails
        substituteForMembershipId: "00000000-0000-4000-8000-000000000000",
      }),
    );
    expect(result).toBe("NOT_FOUND");
    expect((await f.db.select({ n: count() }).from(people))[0]?.n).toBe(peopleBefore);
    expect(await f.auditCount()).toBe(auditBefore);
    expect(await f.db.select().from(people).where(eq(people.name, "Karen Stedfortræder"))).toEqual([]);
  });
});

describe("what the public sees", () => {
  it("shows a draft response to the council's members but never to the public", async () => {
    const hearing = f.hearings.find((h) => h.responseStatus === "draft" && h.public);
    if (!hearing) throw new Error("no public hearing with a draft response in the demo");
    const asPublic = await f.as(null).hearings.get({ hearingId: hearing.id });
    expect(asPublic.hearing.responseBody).toBeNull();
    expect(asPublic.hearing.responseStatus).toBeNull();
    expect(asPublic.comments).toEqual([]);
    const asMember = await f.as(f.principals.member).hearings.get({ hearingId: hearing.id });
    expect(asMember.hearing.responseBody).toBe(hearing.responseBody);
  });

  it("hides a non-public hearing from the public and from other municipalities", async () => {
    const hidden = f.hearings.find((h) => !h.public);
    if (!hidden) throw new Error("no non-public hearing in the demo");
    expect(await outcome(() => f.as(null).hearings.get({ hearingId: hidden.id }))).toBe("NOT_FOUND");
    expect(await outcome(() => f.as(f.principals.adminRanders).hearings.get({ hearingId: hidden.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => f.as(f.principals.member).hearings.get({ hearingId: hidden.id }))).toBe("OK");
    const publicList = await f.as(null).hearings.list({ councilId: f.handicapraad.id });
    expect(publicList.some((h) => h.id === hidden.id)).toBe(false);
  });

  it("gives the public only public deadlines, and the council all of them, soonest first", async () => {
    f.clock.now = new Date("2026-11-23T09:00:00Z");
    const input = { municipalityId: f.broenderslev.id, councilId: f.handicapraad.id };
    const forPublic = await f.as(null).deadlines.upcoming(input);
    const forMember = await f.as(f.principals.member).deadlines.upcoming(input);
    expect(forPublic.length).toBeGreaterThan(0);
    expect(forPublic.every((d) => d.public)).toBe(true);
    expect(forMember.length).toBeGreaterThan(forPublic.length);
    const due = forMember.map((d) => d.dueAt);
    expect([...due].sort()).toEqual(due);
    expect(forMember.every((d) => d.dueAt >= "2026-11-23T09:00:00.000Z")).toBe(true);
  });

  it("lists only published meetings to the public, drafts to the council", async () => {
    const forPublic = await f.as(null).meetings.list({ councilId: f.handicapraad.id });
    const forSecretary = await f.as(f.principals.secretary).meetings.list({ councilId: f.handicapraad.id });
    expect(forPublic.some((m) => m.status === "planned")).toBe(false);
    expect(forSecretary.some((m) => m.status === "planned")).toBe(true);
  });
});
