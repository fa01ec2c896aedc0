import { createHash } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import type { OpenedDatabase } from "../open.ts";
import {
  agendaItems,
  attachments,
  chatChannelLinks,
  councils,
  hearingResponses,
  hearings,
  meetings,
  memberships,
  municipalities,
  people,
  terms,
} from "../schema/index.ts";
import { createTestDatabase } from "../testing/index.ts";
import { buildDemoRows, type DemoSummary, demo, demoSecrets, seedDemoData } from "./seed.ts";
import { copenhagen, copenhagenDate, isWorkingDay } from "./time.ts";

const now = new Date();
const today = copenhagenDate(now);
let opened: OpenedDatabase;
let db: Database;
let summary: DemoSummary;

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  summary = await seedDemoData(db, now);
});

afterAll(async () => {
  await opened?.close();
});

const tables = {
  municipalities,
  councils,
  terms,
  people,
  memberships,
  meetings,
  agendaItems,
  attachments,
  hearings,
  hearingResponses,
  chatChannelLinks,
};

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

describe("copenhagen()", () => {
  it("converts wall-clock time in winter and summer", () => {
    expect(copenhagen("2019-12-03", "14:00").toISOString()).toBe("2019-12-03T13:00:00.000Z");
    expect(copenhagen("2026-06-10", "14:00").toISOString()).toBe("2026-06-10T12:00:00.000Z");
    // the last Sunday of March 2026 is the 29th; the last Sunday of October the 25th
    expect(copenhagen("2026-03-28", "12:00").toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(copenhagen("2026-03-29", "12:00").toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(copenhagen("2026-10-25", "12:00").toISOString()).toBe("2026-10-25T11:00:00.000Z");
  });
});

describe("demo seed", () => {
  it("reports what it added", () => {
    expect(summary).toMatchObject({ seeded: true, municipalities: 9 });
    expect(summary.councils).toBeGreaterThanOrEqual(9 + 5 + 1);
    expect(summary.meetings).toBeGreaterThan(50);
    expect(summary.hearings).toBeGreaterThan(30);
  });

  it("has Brønderslev's meeting of 3 December 2019 at 14:00 with the supplementary agenda item", async () => {
    const [m] = await db
      .select({ id: meetings.id, startsAt: meetings.startsAt, ...pick() })
      .from(meetings)
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .innerJoin(municipalities, eq(municipalities.id, meetings.municipalityId))
      .where(
        and(
          eq(municipalities.slug, demo.broenderslev.slug),
          eq(councils.slug, demo.broenderslev.councilSlug),
          eq(meetings.startsAt, new Date("2019-12-03T13:00:00Z")),
        ),
      );
    expect(m).toBeDefined();
    if (!m) return;
    expect(m.location).toBe("Mødelokale 272, Brønderslev Rådhus");
    expect(m.status).toBe("minutes_published");
    expect(m.responsibleEditor).toBe("Bente Nygaard Højer");
    expect(m.agendaPublishedAt && copenhagenDate(m.agendaPublishedAt)).toBe("2019-11-26");

    const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id));
    const supplementary = items.find((i) => i.title === "Input til Nordjysk Socialaftale 2021-2022");
    expect(supplementary).toBeDefined();
    if (!supplementary || !m.agendaPublishedAt) return;
    expect(supplementary.createdAt.getTime()).toBeGreaterThan(m.agendaPublishedAt.getTime());
    expect(supplementary.caseHistory).toBe("HAR/SS");
    expect(supplementary.guests).toContain("Henrik Aarup-Kristensen");
    expect(supplementary.casePresentation).toContain("Den gode alderdom for borgere med et handicap");
    expect(supplementary.recommendation).toMatch(/drøfter vision og fokusområder/);
    expect(supplementary.decision).toBeTruthy();
    // the ordinary items were on the agenda before it was published
    for (const item of items.filter((i) => i.id !== supplementary.id)) {
      expect(item.createdAt.getTime()).toBeLessThan(m.agendaPublishedAt.getTime());
    }

    const [hearing] = await db
      .select()
      .from(hearings)
      .where(eq(hearings.id, supplementary.hearingId ?? ""));
    expect(hearing?.requestingBody).toBe("Sekretariatet for Nordjysk Socialaftale");
    expect(hearing?.responseDeadline.toISOString()).toBe("2020-01-20T11:00:00.000Z");
    const [response] = await db
      .select()
      .from(hearingResponses)
      .where(eq(hearingResponses.hearingId, hearing?.id ?? ""));
    expect(response?.status).toBe("submitted");
  });

  it("links Brønderslev's Handicapråd to a Slack and a Teams channel", async () => {
    const links = await db
      .select({
        platform: chatChannelLinks.platform,
        teamId: chatChannelLinks.teamId,
        channelId: chatChannelLinks.channelId,
        slug: councils.slug,
      })
      .from(chatChannelLinks)
      .innerJoin(councils, eq(councils.id, chatChannelLinks.councilId));
    expect(links).toEqual(
      expect.arrayContaining([
        { platform: "slack", teamId: "T0DEMO", channelId: "C0HANDICAP", slug: "handicapraadet" },
        {
          platform: "teams",
          teamId: "",
          channelId: "19:demo-handicapraad@thread.tacv2",
          slug: "handicapraadet",
        },
      ]),
    );
  });

  it("gives every municipality a closed item, an unpublished draft agenda and a draft hearing response", async () => {
    const all = await db.select().from(municipalities);
    expect(all.map((m) => m.slug).sort()).toEqual([...demo.municipalitySlugs].sort());
    for (const m of all) {
      const [closed] = await db
        .select({ n: count() })
        .from(agendaItems)
        .where(and(eq(agendaItems.municipalityId, m.id), eq(agendaItems.closed, true)));
      expect(closed?.n, `${m.slug}: closed items`).toBeGreaterThanOrEqual(1);

      const planned = await db
        .select({ id: meetings.id, startsAt: meetings.startsAt })
        .from(meetings)
        .where(
          and(
            eq(meetings.municipalityId, m.id),
            eq(meetings.status, "planned"),
            isNull(meetings.agendaPublishedAt),
          ),
        );
      expect(planned.length, `${m.slug}: planned meetings`).toBeGreaterThanOrEqual(1);
      let withItems = 0;
      for (const p of planned) {
        expect(p.startsAt.getTime()).toBeGreaterThan(now.getTime());
        const [n] = await db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.meetingId, p.id));
        if ((n?.n ?? 0) > 0) withItems++;
      }
      expect(withItems, `${m.slug}: draft agendas with items`).toBeGreaterThanOrEqual(1);

      const [drafts] = await db
        .select({ n: count() })
        .from(hearingResponses)
        .where(and(eq(hearingResponses.municipalityId, m.id), eq(hearingResponses.status, "draft")));
      expect(drafts?.n, `${m.slug}: draft responses`).toBeGreaterThanOrEqual(1);
    }
  });

  it("lists its secrets for leak tests exactly as seeded", async () => {
    const secrets = demoSecrets(now);
    const closed = await db
      .select({ title: agendaItems.title })
      .from(agendaItems)
      .where(eq(agendaItems.closed, true));
    expect(new Set(closed.map((c) => c.title))).toEqual(new Set(secrets.closedItemTitles));
    const open = await db
      .select({ title: agendaItems.title })
      .from(agendaItems)
      .where(eq(agendaItems.closed, false));
    for (const title of secrets.closedItemTitles) expect(open.map((o) => o.title)).not.toContain(title);
    const drafts = await db
      .select({ body: hearingResponses.body })
      .from(hearingResponses)
      .where(eq(hearingResponses.status, "draft"));
    expect(new Set(drafts.map((d) => d.body))).toEqual(new Set(secrets.draftResponseBodies));
  });

  it("has open hearings ahead, an overdue one without a submitted response, and one that is not public", async () => {
    const all = await db.select().from(hearings);
    const open = all.filter((h) => h.responseDeadline > now);
    expect(open.length).toBeGreaterThanOrEqual(9);
    const soonest = Math.min(...open.map((h) => h.responseDeadline.getTime() - now.getTime())) / 86_400_000;
    expect(soonest).toBeLessThan(10);
    const responses = await db.select().from(hearingResponses);
    const overdue = all.filter(
      (h) =>
        h.responseDeadline < now &&
        h.responseDeadline.getTime() > now.getTime() - 6 * 86_400_000 &&
        !responses.some((r) => r.hearingId === h.id && r.status === "submitted"),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(all.some((h) => !h.public)).toBe(true);
    expect(responses.some((r) => r.status === "approved")).toBe(true);
  });

  it("places meetings on working days, relative to now, with the statuses they should have", async () => {
    const handicap = await db
      .select({ status: meetings.status, startsAt: meetings.startsAt, councilId: meetings.councilId })
      .from(meetings)
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .where(eq(councils.type, "handicapraad"));
    for (const m of handicap) expect(isWorkingDay(copenhagenDate(m.startsAt)), String(m.startsAt)).toBe(true);
    const byCouncil = new Map<string, typeof handicap>();
    for (const m of handicap) byCouncil.set(m.councilId, [...(byCouncil.get(m.councilId) ?? []), m]);
    expect(byCouncil.size).toBe(9);
    for (const list of byCouncil.values()) {
      const statuses = list.map((m) => m.status);
      expect(statuses.filter((s) => s === "minutes_published").length).toBeGreaterThanOrEqual(3);
      const held = list.find((m) => m.status === "held");
      expect(held && held.startsAt < now).toBe(true);
      const upcoming = list.find((m) => m.status === "agenda_published");
      expect(upcoming && upcoming.startsAt > now).toBe(true);
    }
    expect(handicap.some((m) => m.status === "cancelled")).toBe(true);
  });

  it("gives every Handicapråd but Viborg's a lawful composition: equal sides and a substitute for every member", async () => {
    const rows = await db
      .select({ membership: memberships, municipality: municipalities.slug })
      .from(memberships)
      .innerJoin(councils, eq(councils.id, memberships.councilId))
      .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
      .where(eq(councils.type, "handicapraad"));
    const active = rows.filter(
      ({ membership: m }) => m.startsOn <= today && (m.endsOn === null || m.endsOn >= today),
    );
    for (const slug of demo.municipalitySlugs) {
      const members = active.filter((r) => r.municipality === slug).map((r) => r.membership);
      const principals = members.filter(
        (m) => m.substituteForMembershipId === null && m.role !== "sekretaer",
      );
      const organisation = principals.filter((m) => m.side === "organisation").length;
      const municipal = principals.filter((m) => m.side === "municipal").length;
      const withoutSubstitute = principals.filter(
        (p) => !members.some((m) => m.substituteForMembershipId === p.id),
      ).length;
      expect(principals.filter((m) => m.role === "formand" && m.side === "organisation")).toHaveLength(1);
      expect(principals.filter((m) => m.role === "naestformand" && m.side === "municipal")).toHaveLength(1);
      expect(members.filter((m) => m.role === "sekretaer" && !m.votingRight)).toHaveLength(1);
      if (slug === demo.unbalanced.slug) {
        expect([organisation, municipal, withoutSubstitute]).toEqual([6, 5, 1]);
      } else {
        expect(organisation, slug).toBe(municipal);
        expect(organisation, slug).toBeGreaterThanOrEqual(3);
        expect(withoutSubstitute, slug).toBe(0);
      }
    }
    const current = await db.select().from(terms).where(eq(terms.name, demo.currentTerm.name));
    expect(current.length).toBeGreaterThanOrEqual(9);
    const hidden = await db.select({ n: count() }).from(people).where(eq(people.publicName, false));
    expect(hidden[0]?.n).toBeGreaterThan(0);
  });

  it("stores real PDFs with the right size and hash", async () => {
    const files = await db.select().from(attachments);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const bytes = Buffer.from(f.content);
      expect(f.mimeType).toBe("application/pdf");
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(bytes.byteLength).toBe(f.size);
      expect(createHash("sha512").update(bytes).digest("hex")).toBe(f.sha512);
      const text = bytes.toString("latin1");
      const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
      expect(text.slice(startxref, startxref + 4)).toBe("xref");
    }
  });

  it("never seeds twice: a second call returns seeded: false and changes nothing", async () => {
    const before = await rowCounts();
    const again = await seedDemoData(db, new Date(now.getTime() + 86_400_000));
    expect(again.seeded).toBe(false);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("demo rows for any `now`", () => {
  it("keep past things past, future things future, and meetings on working days, every day of a year", () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && problems.length < 20) problems.push(what);
    };
    const start = Date.UTC(2026, 10, 1, 5, 0);
    for (let day = 0; day < 400; day++) {
      // alternate early morning and late evening UTC (the latter is already tomorrow in Copenhagen)
      const at = new Date(start + day * 86_400_000 + (day % 2 === 0 ? 0 : 17.5 * 3_600_000));
      const rows = buildDemoRows(at);
      const label = at.toISOString();
      const meetingById = new Map(rows.meetings.map((m) => [m.id, m]));
      for (const m of rows.meetings) {
        const what = `${label}: ${m.status} meeting at ${m.startsAt.toISOString()}`;
        check(isWorkingDay(copenhagenDate(m.startsAt)), `${what} is not on a working day`);
        const past = m.status === "held" || m.status === "minutes_published" || m.status === "cancelled";
        check(m.startsAt < at === past, `${what} is on the wrong side of now`);
        for (const t of [m.agendaPublishedAt, m.minutesPublishedAt, m.heldAt, m.cancelledAt]) {
          if (t) check(t <= at, `${what} has a timestamp after now`);
        }
        if (m.agendaPublishedAt)
          check(m.agendaPublishedAt < m.startsAt, `${what}: agenda published after start`);
        if (m.minutesPublishedAt && m.heldAt)
          check(m.minutesPublishedAt > m.heldAt, `${what}: minutes before held`);
        if (m.status === "held") {
          check(
            at.getTime() - m.startsAt.getTime() < 8 * 86_400_000,
            `${what}: outside the correction window`,
          );
        }
      }
      for (const item of rows.agendaItems) {
        const m = meetingById.get(item.meetingId);
        if (!m || !item.createdAt) {
          check(false, `${label}: item without meeting or createdAt`);
          continue;
        }
        check(item.createdAt <= at, `${label}: item ${item.title} created after now`);
        // only the deliberate late additions fall after publication (the tillægsdagsorden)
        if (m.agendaPublishedAt && item.createdAt > m.agendaPublishedAt) {
          check(
            item.title === demo.broenderslev.supplementaryItemTitle || m.status === "agenda_published",
            `${label}: unexpected supplementary item ${item.title}`,
          );
        }
      }
      for (const h of rows.hearings)
        check(h.receivedOn <= copenhagenDate(at), `${label}: ${h.title} received in the future`);
      for (const r of rows.hearingResponses) {
        for (const t of [r.approvedAt, r.submittedAt, r.createdAt]) {
          if (t) check(t <= at, `${label}: response timestamp after now`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

function pick() {
  return {
    location: meetings.location,
    status: meetings.status,
    responsibleEditor: meetings.responsibleEditor,
    agendaPublishedAt: meetings.agendaPublishedAt,
  };
}
