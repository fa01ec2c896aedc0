import { upcomingDeadlines } from "@samraad/domain/deadlines";
import { and, eq, gt, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "../database.ts";
import { seedDemoData } from "../demo/seed.ts";
import { knownVersionsOf } from "../known-versions.ts";
import type { OpenedDatabase } from "../open.ts";
import { councils, meetings, municipalities } from "../schema/index.ts";
import { countQueries } from "../testing/count-queries.ts";
import { createTestDatabase, rowsOf } from "../testing/index.ts";
import { contentVersion, meetingContentVersion } from "./content-version.ts";
import { loadDeadlineSources, upcomingDeadlinesFor } from "./deadlines.ts";
import { findMunicipality } from "./municipalities.ts";

const now = new Date();
const DAY = 86_400_000;
let opened: OpenedDatabase;
let db: Database;
let broenderslev: string;
let randers: string;

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  await seedDemoData(db, now);
  broenderslev = (await findMunicipality(db, { slug: "broenderslev" }))?.id ?? "";
  randers = (await findMunicipality(db, { slug: "randers" }))?.id ?? "";
});
afterAll(() => opened.close());

/** Runs a statement as another process would: PGlite's own client, or a second PostgreSQL connection. */
async function writeFromOutside(statement: string) {
  if (opened.pglite) {
    await opened.pglite.query(statement);
    return;
  }
  const source = inject("samraadTestDb");
  if (source.kind !== "postgres") throw new Error("a PostgreSQL run without its URL");
  const [current] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`));
  const url = new URL(source.url);
  url.pathname = `/${current?.name}`;
  const other = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await other.unsafe(statement);
  } finally {
    await other.end();
  }
}

const version = async (id: string) => (await contentVersion(db, id)) ?? Number.NaN;

async function someUpcomingMeeting(municipalityId: string) {
  const [m] = await db
    .select()
    .from(meetings)
    .where(
      and(eq(meetings.municipalityId, municipalityId), gt(meetings.startsAt, new Date(now.getTime() + DAY))),
    )
    .limit(1);
  if (!m) throw new Error("the demo has no upcoming meeting");
  return m;
}

describe("a municipality's content version", () => {
  it("rises once for a committed change of many rows, and only for that municipality", async () => {
    const [before, other] = [await version(broenderslev), await version(randers)];
    await db.transaction(async (tx) => {
      await tx
        .update(meetings)
        .set({ title: sql`${meetings.title}` })
        .where(eq(meetings.municipalityId, broenderslev));
      await tx
        .update(councils)
        .set({ name: sql`${councils.name}` })
        .where(eq(councils.municipalityId, broenderslev));
    });
    expect(await version(broenderslev)).toBe(before + 1);
    expect(await version(randers)).toBe(other);
  });

  it("does not move when the change is rolled back", async () => {
    const before = await version(broenderslev);
    const meeting = await someUpcomingMeeting(broenderslev);
    await expect(
      db.transaction(async (tx) => {
        await tx.update(meetings).set({ title: "Kladde" }).where(eq(meetings.id, meeting.id));
        throw new Error("crash halfway");
      }),
    ).rejects.toThrow("crash halfway");
    expect(await version(broenderslev)).toBe(before);
  });

  it("rises when the municipality itself is renamed, and is found from a meeting", async () => {
    const before = await version(randers);
    await db.update(municipalities).set({ name: "Randers Kommune" }).where(eq(municipalities.id, randers));
    expect(await version(randers)).toBe(before + 1);
    const meeting = await someUpcomingMeeting(randers);
    expect(await meetingContentVersion(db, meeting.id)).toEqual({
      municipalityId: randers,
      version: before + 1,
    });
    expect(await meetingContentVersion(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("is known without a read once read, and a change from outside this handle arrives by announcement", async () => {
    const before = await version(broenderslev);
    const counter = countQueries(db);
    try {
      expect(await version(broenderslev)).toBe(before);
      expect(counter.take()).toBe(0);
    } finally {
      counter.restore();
    }
    // Another process (a second server, psql): a connection of its own, past this handle's statement log.
    // Only the announcement can teach this handle the new number: nothing here reads the database meanwhile.
    await writeFromOutside(`update municipalities set name = name where id = '${broenderslev}'`);
    await expect.poll(() => knownVersionsOf(db)?.known(broenderslev)).toBe(before + 1);
    expect(await version(broenderslev)).toBe(before + 1);
  });

  // A new table must decide: either its rows are content (and raise the version), or it is listed here with why.
  const untracked = {
    audit_log: "written with every change; shows nothing that is cached",
    reminder_deliveries: "the reminder worker's ledger",
    co_creation_ballot_codes: "used while voting; nothing cached reads them",
    co_creation_ballots: "secret ballots, counted only after the vote closes",
    co_creation_voters: "who has voted; nothing cached reads them",
    co_creation_oidc_providers: "a municipality's sign-in settings; nothing cached reads them",
    evaluation_invitations: "single-use links and whether they answered; nothing cached reads them",
    evaluation_responses: "anonymous answers, shown only after the evaluation stops collecting",
    evaluation_drafts: "a respondent's answers between pages, read only through the link",
    email_outbox: "email waiting for the outbox worker; nothing cached reads it",
    evaluation_invitation_emails: "who a questionnaire link was emailed to; nothing cached reads it",
  };

  it("is raised by every table that holds a municipality's content", async () => {
    const rows = rowsOf<{ name: string; tracked: boolean }>(
      await db.execute(sql`
      select c.table_name as name,
        exists (select 1 from pg_trigger t where t.tgrelid = (quote_ident(c.table_name))::regclass
          and t.tgname = 'samraad_content_version') as tracked
      from information_schema.columns c
      join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
      where c.table_schema = current_schema() and c.column_name = 'municipality_id' and tb.table_type = 'BASE TABLE'
      order by 1`),
    );
    const notTracked = rows.filter((r) => !r.tracked).map((r) => r.name);
    expect(notTracked.sort()).toEqual(Object.keys(untracked).sort());
    expect(rows.length).toBeGreaterThan(20);
  });
});

describe("deadlines kept between questions", () => {
  it("answers a repeated question without asking the database, and sees a change at once", async () => {
    const scope = { municipalityId: broenderslev };
    const first = await upcomingDeadlinesFor(db, scope, now);
    const counter = countQueries(db);
    try {
      expect(await upcomingDeadlinesFor(db, scope, now)).toEqual(first);
      expect(counter.take()).toBe(0);

      // Moved by someone else (another process, psql): the next answer has the new time.
      const meeting = await someUpcomingMeeting(broenderslev);
      const movedTo = new Date(meeting.startsAt.getTime() + 7 * DAY);
      await db.update(meetings).set({ startsAt: movedTo }).where(eq(meetings.id, meeting.id));
      counter.take();
      const after = await upcomingDeadlinesFor(db, scope, now);
      const held = after.find((d) => d.target.id === meeting.id && d.kind === "meeting");
      expect(held?.dueAt).toEqual(movedTo);
    } finally {
      counter.restore();
    }
  });

  it("gives, at any later time, exactly what a fresh load at that time gives", async () => {
    for (const scope of [
      { municipalityId: broenderslev },
      { municipalityId: broenderslev, publicOnly: true },
      { municipalityId: randers },
    ]) {
      await upcomingDeadlinesFor(db, scope, now);
      for (const days of [0.5, 3, 15, 40, 70, 200]) {
        const later = new Date(now.getTime() + days * DAY);
        const fresh = upcomingDeadlines(await loadDeadlineSources(db, scope, later), later, {
          publicOnly: scope.publicOnly ?? false,
        });
        expect(await upcomingDeadlinesFor(db, scope, later)).toEqual(fresh);
        expect(await upcomingDeadlinesFor(db, scope, later, { horizonDays: 10, limit: 3 })).toEqual(
          fresh.filter((d) => d.dueAt.getTime() <= later.getTime() + 10 * DAY).slice(0, 3),
        );
      }
    }
  });

  it("does not answer an earlier time from a list loaded later", async () => {
    const scope = { municipalityId: randers };
    await upcomingDeadlinesFor(db, scope, new Date(now.getTime() + 30 * DAY));
    const fresh = upcomingDeadlines(await loadDeadlineSources(db, scope, now), now);
    expect(await upcomingDeadlinesFor(db, scope, now)).toEqual(fresh);
  });
});
