import { count } from "@samraad/db";
import { demoCoCreation } from "@samraad/db/demo";
import { findPublicProcessBySlug, listRegistrations, registerForSession } from "@samraad/db/queries";
import { auditLog, coCreationProcesses, coCreationSessions } from "@samraad/db/schema";
import { type FieldError, fieldErrors } from "@samraad/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { demoFixture, outcome } from "./fixture.ts";

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
let f: Fixture;
const now = new Date();

async function failure(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    const e = error as { code?: string; cause?: unknown };
    const fields: FieldError[] = e.cause instanceof z.ZodError ? fieldErrors(e.cause) : [];
    const rule = e.cause as { rule?: string } | undefined;
    return {
      code: e.code,
      fields: fields.map((x) => `${x.field}:${x.code}`),
      messages: fields.map((x) => x.message),
      rule: rule?.rule,
    };
  }
  throw new Error("expected the call to fail");
}

async function stored() {
  const [p] = await f.db.select({ n: count() }).from(coCreationProcesses);
  const [s] = await f.db.select({ n: count() }).from(coCreationSessions);
  const [a] = await f.db.select({ n: count() }).from(auditLog);
  return { processes: p?.n, sessions: s?.n, audit: a?.n };
}

beforeAll(async () => {
  f = await demoFixture(now);
});
afterAll(() => f.close());

const inDays = (days: number) => {
  const d = new Date(now.getTime() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
};

describe("creating a process", () => {
  it("refuses bad input with Danish and English field errors and stores nothing", async () => {
    const before = await stored();
    const result = await failure(() =>
      f.as(f.principals.secretary).coCreation.create({
        municipalityId: f.broenderslev.id,
        councilId: f.handicapraad.id,
        title: "",
        purpose: "Formål",
        slug: "Med Mellemrum",
        phases: [{ kind: "vote", title: "Afstemning", startsOn: "2027-05-10", endsOn: "2027-05-01" }],
      }),
    );
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.fields).toEqual(
      expect.arrayContaining(["title:required", "slug:invalid_slug", "phases.0.endsOn:end_before_start"]),
    );
    expect(result.messages).toContainEqual({ da: "Udfyld feltet", en: "Fill in the field" });
    expect(await stored()).toEqual(before);
  });

  it("lets the Handicapråd's secretary create a process with phases, derives the slug, and refuses a taken one", async () => {
    const as = f.as(f.principals.secretary);
    const created = await as.coCreation.create({
      municipalityId: f.broenderslev.id,
      councilId: f.handicapraad.id,
      title: "Grønne stier for alle",
      purpose: "Borgerne udvikler idéer til stier, alle kan bruge.",
      phases: [
        { kind: "idea_development", title: "Idémøder", startsOn: inDays(-5), endsOn: inDays(20) },
        { kind: "vote", title: "Afstemning", startsOn: inDays(30), endsOn: inDays(31) },
      ],
    });
    expect(created.slug).toBe("groenne-stier-for-alle");
    expect(created.status).toBe("draft");
    const view = await as.coCreation.get({ processId: created.id });
    expect(view.phase).toMatchObject({ state: "running", current: { title: "Idémøder" } });
    expect(view.nextStatuses).toEqual(["published"]);

    const before = await stored();
    const taken = await failure(() =>
      as.coCreation.create({
        municipalityId: f.broenderslev.id,
        councilId: f.handicapraad.id,
        title: "Grønne stier for alle",
        purpose: "x",
      }),
    );
    expect(taken.fields).toEqual(["slug:slug_taken"]);
    expect(await stored()).toEqual(before);
  });

  it("refuses a secretary a process not linked to her council, and a council of another municipality", async () => {
    const secretary = f.as(f.principals.secretary);
    expect(
      await outcome(() =>
        secretary.coCreation.create({ municipalityId: f.broenderslev.id, title: "Uden råd", purpose: "x" }),
      ),
    ).toBe("FORBIDDEN");
    const admin = f.as(f.principals.adminBroenderslev);
    const wrong = await failure(() =>
      admin.coCreation.create({
        municipalityId: f.broenderslev.id,
        councilId: f.randersHandicapraad.id,
        title: "Forkert råd",
        purpose: "x",
      }),
    );
    expect(wrong.fields).toEqual(["councilId:invalid_option"]);
  });

  it("publishes a draft and archives it, but never takes a published process back to draft", async () => {
    const admin = f.as(f.principals.adminBroenderslev);
    const p = await admin.coCreation.create({
      municipalityId: f.broenderslev.id,
      title: "Status",
      purpose: "x",
    });
    expect(await findPublicProcessBySlug(f.db, f.broenderslev.id, p.slug)).toBeNull();
    await admin.coCreation.setStatus({ processId: p.id, status: "published" });
    expect((await findPublicProcessBySlug(f.db, f.broenderslev.id, p.slug))?.publishedAt).toBeInstanceOf(
      Date,
    );
    const back = await failure(() => admin.coCreation.setStatus({ processId: p.id, status: "draft" }));
    expect(back).toMatchObject({ code: "CONFLICT", rule: "co_creation.illegal_transition" });
    await admin.coCreation.setStatus({ processId: p.id, status: "archived" });
  });
});

describe("sessions and registrations", () => {
  async function demoProcessId() {
    const p = await findPublicProcessBySlug(f.db, f.broenderslev.id, demoCoCreation.broenderslev.slug);
    if (!p) throw new Error("no demo process");
    return p.id;
  }

  it("adds a session from Danish date and times, with field errors for impossible ones", async () => {
    const as = f.as(f.principals.secretary);
    const processId = await demoProcessId();
    const before = await stored();
    const bad = await failure(() =>
      as.coCreation.addSession({
        processId,
        title: "Aftenmøde",
        date: "2027-02-30",
        startTime: "25:00",
        place: "",
        capacity: 0,
      }),
    );
    expect(bad.fields).toEqual(
      expect.arrayContaining([
        "date:invalid_date",
        "startTime:invalid_time",
        "place:required",
        "capacity:too_small",
      ]),
    );
    expect(await stored()).toEqual(before);
    const session = await as.coCreation.addSession({
      processId,
      title: "Aftenmøde",
      date: "2027-02-03",
      startTime: "19:00",
      endTime: "21:00",
      place: "Rådhuset",
      hearingLoop: true,
      capacity: 20,
      registrationDeadlineOn: "2027-02-01",
    });
    expect(session.startsAt.toISOString()).toBe("2027-02-03T18:00:00.000Z");
    expect(session.registrationDeadline?.toISOString()).toBe("2027-02-01T11:00:00.000Z");
    expect(session).toMatchObject({ hearingLoop: true, stepFree: false, waitingList: true });
  });

  it("shows organisers the needs and exports them as CSV; a council member gets neither", async () => {
    const processId = await demoProcessId();
    const list = await f.as(f.principals.secretary).coCreation.registrations({ processId });
    expect(list.find((r) => r.name === "Jens Madsen")?.needs).toBe("Tegnsprogstolk, tak");
    const { filename, csv } = await f
      .as(f.principals.adminBroenderslev)
      .coCreation.registrationsCsv({ processId });
    expect(filename).toBe("tilmeldinger-tilgaengelig-by.csv");
    expect(csv).toContain("Tegnsprogstolk, tak");
    expect(csv).toContain("På venteliste");
    expect(await outcome(() => f.as(f.principals.member).coCreation.registrations({ processId }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await outcome(() => f.as(f.principals.adminRanders).coCreation.registrationsCsv({ processId })),
    ).toBe("NOT_FOUND");
  });

  it("moves the first on the waiting list up when an organiser cancels a seat", async () => {
    const processId = await demoProcessId();
    const as = f.as(f.principals.secretary);
    const walk = (await as.coCreation.registrations({ processId })).filter(
      (r) => r.sessionTitle === demoCoCreation.broenderslev.fullSessionTitle,
    );
    const seat = walk.find((r) => r.status === "confirmed");
    if (!seat) throw new Error("no confirmed seat");
    const result = await as.coCreation.cancelRegistration({ registrationId: seat.id });
    expect(result.promoted).toEqual(["Mette Poulsen"]);
    const after = await listRegistrations(f.db, f.broenderslev.id, processId);
    expect(after.find((r) => r.name === "Mette Poulsen")?.status).toBe("confirmed");
  });

  it("moves waiting people up when the capacity grows", async () => {
    const as = f.as(f.principals.adminBroenderslev);
    const p = await as.coCreation.create({
      municipalityId: f.broenderslev.id,
      title: "Kapacitet",
      purpose: "x",
    });
    await as.coCreation.setStatus({ processId: p.id, status: "published" });
    const fields = { title: "Møde", date: inDays(20), startTime: "10:00", place: "Hallen", capacity: 1 };
    const s = await as.coCreation.addSession({ processId: p.id, ...fields });
    for (const name of ["a", "b", "c"]) {
      await f.db.transaction((tx) =>
        registerForSession(
          tx,
          f.broenderslev.id,
          { sessionId: s.id, name, email: `${name}@example.dk` },
          now,
          true,
        ),
      );
    }
    const updated = await as.coCreation.updateSession({ sessionId: s.id, ...fields, capacity: 2 });
    expect(updated.promoted).toBe(1);
    const view = await as.coCreation.get({ processId: p.id });
    expect(view.sessions[0]).toMatchObject({ confirmed: 2, waiting: 1 });
    await as.coCreation.cancelSession({ sessionId: s.id });
    expect(await failure(() => as.coCreation.cancelSession({ sessionId: s.id }))).toMatchObject({
      code: "CONFLICT",
    });
  });

  it("lists only what the caller organises: the secretary sees her council's processes, Randers none of Brønderslev's", async () => {
    const mine = await f.as(f.principals.secretary).coCreation.list({ municipalityId: f.broenderslev.id });
    expect(mine.map((p) => p.slug)).toEqual(
      expect.arrayContaining([demoCoCreation.broenderslev.slug, demoCoCreation.broenderslev.draftSlug]),
    );
    expect(mine.every((p) => p.councilId === f.handicapraad.id)).toBe(true);
    expect(
      await outcome(() =>
        f.as(f.principals.adminRanders).coCreation.list({ municipalityId: f.broenderslev.id }),
      ),
    ).toBe("FORBIDDEN");
  });
});
