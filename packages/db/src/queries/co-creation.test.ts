import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import { demoCoCreation } from "../demo/co-creation.ts";
import { seedDemoData } from "../demo/seed.ts";
import type { OpenedDatabase } from "../open.ts";
import { createTestDatabase } from "../testing/index.ts";
import {
  cancelRegistration,
  findProcess,
  findPublicProcessBySlug,
  findRegistrationByToken,
  insertProcess,
  insertSession,
  listProcesses,
  listRegistrations,
  listSessions,
  registerForSession,
  searchPublicIdeas,
  searchPublicProcesses,
  setProcessStatus,
  waitingPositionOf,
} from "./co-creation.ts";
import { upcomingDeadlinesFor } from "./deadlines.ts";
import { findMunicipality } from "./municipalities.ts";

const now = new Date();
let opened: OpenedDatabase;
let db: Database;

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  await seedDemoData(db, now);
});
afterAll(() => opened.close());

async function municipalityId(slug: string) {
  const m = await findMunicipality(db, { slug });
  if (!m) throw new Error(`no ${slug}`);
  return m.id;
}

const sessionValues = (startsAt: Date, capacity: number | null) => ({
  title: "Workshop",
  description: null,
  startsAt,
  endsAt: null,
  place: "Rådhuset",
  address: null,
  stepFree: true,
  hearingLoop: false,
  signLanguageOnRequest: false,
  childcare: false,
  accessibilityNote: null,
  capacity,
  registrationDeadline: null,
  waitingList: true,
});

const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe("demo processes", () => {
  it("has the four reference cases in their municipalities and Brønderslev's own, all public", async () => {
    for (const c of Object.values(demoCoCreation)) {
      const p = await findPublicProcessBySlug(db, await municipalityId(c.municipality), c.slug);
      expect(p?.title).toBe(c.title);
    }
  });

  it("keeps the draft off the public list and public address, but organisers see it", async () => {
    const m = await municipalityId("broenderslev");
    expect(await findPublicProcessBySlug(db, m, demoCoCreation.broenderslev.draftSlug)).toBeNull();
    const publicList = await listProcesses(db, m, { publicOnly: true });
    expect(publicList.map((p) => p.slug)).toEqual([demoCoCreation.broenderslev.slug]);
    expect((await listProcesses(db, m)).map((p) => p.slug)).toContain(demoCoCreation.broenderslev.draftSlug);
  });

  it("has a full walk with one person waiting, and the organisers see needs", async () => {
    const m = await municipalityId("broenderslev");
    const p = await findPublicProcessBySlug(db, m, demoCoCreation.broenderslev.slug);
    if (!p) throw new Error("no process");
    const sessions = await listSessions(db, m, p.id);
    const walk = sessions.find((s) => s.title === demoCoCreation.broenderslev.fullSessionTitle);
    expect(walk).toMatchObject({ capacity: 3, confirmed: 3, waiting: 1 });
    const registrations = await listRegistrations(db, m, p.id);
    expect(registrations.find((r) => r.name === "Lone Kristensen")?.needs).toBe("Bruger rollator");
  });

  it("never finds another municipality's process", async () => {
    const odense = await municipalityId("odense");
    const m = await municipalityId("broenderslev");
    const bolbro = await findPublicProcessBySlug(db, odense, demoCoCreation.bolbro.slug);
    if (!bolbro) throw new Error("no Bolbro");
    expect(await findProcess(db, m, bolbro.id)).toBeNull();
    expect(await listSessions(db, m, bolbro.id)).toEqual([]);
    expect(await listRegistrations(db, m, bolbro.id)).toEqual([]);
  });
});

describe("sign-up and the waiting list", () => {
  it("seats people up to the capacity, then queues them; a cancellation moves the first in line up", async () => {
    const m = await municipalityId("randers");
    const { process, session } = await db.transaction(async (tx) => {
      const process = await insertProcess(tx, m, {
        councilId: null,
        slug: "venteliste",
        title: "Venteliste",
        purpose: "Test",
        audience: null,
        area: null,
      });
      await setProcessStatus(tx, m, process.id, "published", now);
      const session = await insertSession(tx, m, process.id, sessionValues(inDays(10), 2));
      return { process, session };
    });
    const signUp = (name: string, at: Date) =>
      db.transaction((tx) =>
        registerForSession(tx, m, { sessionId: session.id, name, email: `${name}@example.dk` }, at, true),
      );
    const a = await signUp("a", inDays(0));
    const b = await signUp("b", new Date(now.getTime() + 1000));
    const c = await signUp("c", new Date(now.getTime() + 2000));
    const d = await signUp("d", new Date(now.getTime() + 3000));
    const statuses = [a, b, c, d].map((r) => (r && "registration" in r ? r.registration.status : null));
    expect(statuses).toEqual(["confirmed", "confirmed", "waiting", "waiting"]);
    if (!b || !("registration" in b) || !c || !("registration" in c) || !d || !("registration" in d)) return;
    expect(await waitingPositionOf(db, session.id, d.registration.id)).toBe(2);

    const cancelled = await db.transaction((tx) =>
      cancelRegistration(tx, b.registration.cancelToken, inDays(1)),
    );
    expect(cancelled?.promoted.map((r) => r.name)).toEqual(["c"]);
    expect((await findRegistrationByToken(db, c.registration.cancelToken))?.status).toBe("confirmed");
    expect(await waitingPositionOf(db, session.id, d.registration.id)).toBe(1);

    const again = await db.transaction((tx) => cancelRegistration(tx, b.registration.cancelToken, inDays(1)));
    expect(again?.promoted).toEqual([]);
    const [counted] = await listSessions(db, m, process.id);
    expect(counted).toMatchObject({ confirmed: 2, waiting: 1 });
    expect(await db.transaction((tx) => cancelRegistration(tx, "unknown-token", now))).toBeNull();
  });

  it("counts concurrent sign-ups for the last places exactly: 20 at once for 5 places", async () => {
    const m = await municipalityId("randers");
    const session = await db.transaction(async (tx) => {
      const process = await insertProcess(tx, m, {
        councilId: null,
        slug: "samtidig",
        title: "Samtidig",
        purpose: "Test",
        audience: null,
        area: null,
      });
      return insertSession(tx, m, process.id, sessionValues(inDays(10), 5));
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction((tx) =>
          registerForSession(
            tx,
            m,
            { sessionId: session.id, name: `p${i}`, email: `p${i}@example.dk` },
            now,
            true,
          ),
        ),
      ),
    );
    const statuses = results.map((r) => (r && "registration" in r ? r.registration.status : "refused"));
    expect(statuses.filter((s) => s === "confirmed")).toHaveLength(5);
    expect(statuses.filter((s) => s === "waiting")).toHaveLength(15);
  });

  it("refuses after the deadline and for a process that does not take sign-ups, storing nothing", async () => {
    const m = await municipalityId("randers");
    const { process, session } = await db.transaction(async (tx) => {
      const process = await insertProcess(tx, m, {
        councilId: null,
        slug: "lukket",
        title: "Lukket",
        purpose: "Test",
        audience: null,
        area: null,
      });
      return { process, session: await insertSession(tx, m, process.id, sessionValues(inDays(1), 5)) };
    });
    const input = { sessionId: session.id, name: "x", email: "x@example.dk" };
    const late = await db.transaction((tx) => registerForSession(tx, m, input, inDays(2), true));
    expect(late?.outcome).toEqual({ ok: false, reason: "deadline_passed" });
    const closed = await db.transaction((tx) => registerForSession(tx, m, input, now, false));
    expect(closed?.outcome).toEqual({ ok: false, reason: "process_not_open" });
    expect(await listRegistrations(db, m, process.id)).toEqual([]);
    const elsewhere = await db.transaction((tx) => registerForSession(tx, process.id, input, now, true));
    expect(elsewhere).toBeNull();
  });
});

describe("deadlines, search", () => {
  it("puts the sign-up deadlines of Brønderslev's published process on the Handicapråd's list, not the draft's", async () => {
    const m = await municipalityId("broenderslev");
    const deadlines = await upcomingDeadlinesFor(db, { municipalityId: m, publicOnly: true }, now, {
      kinds: ["co_creation_registration"],
    });
    const titles = deadlines.map((d) => d.title.da);
    expect(titles).toHaveLength(3);
    expect(titles[0]).toContain("Tilgængelig by – borgerne bestemmer");
    expect(titles.join()).not.toContain("Fritidsliv");
  });

  it("finds public processes by words in their purpose, never drafts", async () => {
    const hits = await searchPublicProcesses(db, "budgettet Bolbro");
    expect(hits.map((h) => h.slug)).toContain(demoCoCreation.bolbro.slug);
    expect(await searchPublicProcesses(db, "foreningslivet")).toEqual([]);
  });

  it("finds published ideas by words in their title or description, never pending or rejected ones", async () => {
    const hits = await searchPublicIdeas(db, "teleslynge");
    expect(hits.map((h) => h.title)).toEqual(["Teleslynge i bibliotekets mødesal"]);
    expect(hits[0]).toMatchObject({
      processSlug: demoCoCreation.broenderslev.slug,
      municipalitySlug: demoCoCreation.broenderslev.municipality,
    });
    // By a word of its description alone (Danish stemming: "kørestole" finds "kørestol").
    expect((await searchPublicIdeas(db, "kørestol")).map((h) => h.title)).toContain(
      "Ramper ved butikkerne på Algade",
    );
    // The demo's pending idea (Lydfyr …) and rejected one (Gratis fadøl …) exist, and are never found.
    expect(await searchPublicIdeas(db, "lydfyr")).toEqual([]);
    expect(await searchPublicIdeas(db, "fadøl")).toEqual([]);
  });
});
