import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import {
  placeRegistration,
  promotions,
  type QueuedRegistration,
  registrationClosesAt,
  registrationInput,
  sessionCounts,
  sessionInput,
  sessionInstants,
  waitingPosition,
} from "./sessions.ts";

const startsAt = new Date("2026-09-20T08:00:00Z");
const session = {
  startsAt,
  capacity: 2,
  registrationDeadline: new Date("2026-09-18T10:00:00Z"),
  waitingList: true,
};
const before = new Date("2026-09-10T10:00:00Z");

describe("placing a sign-up", () => {
  it("gives a seat while there is room, then the waiting list", () => {
    expect(placeRegistration(session, 0, before)).toEqual({ ok: true, status: "confirmed" });
    expect(placeRegistration(session, 1, before)).toEqual({ ok: true, status: "confirmed" });
    expect(placeRegistration(session, 2, before)).toEqual({ ok: true, status: "waiting" });
  });

  it("refuses when full and the session keeps no waiting list", () => {
    expect(placeRegistration({ ...session, waitingList: false }, 2, before)).toEqual({
      ok: false,
      reason: "full",
    });
  });

  it("has no limit without a capacity", () => {
    expect(placeRegistration({ ...session, capacity: null }, 10_000, before)).toEqual({
      ok: true,
      status: "confirmed",
    });
  });

  it("closes at the deadline, not a moment later", () => {
    const deadline = session.registrationDeadline;
    expect(placeRegistration(session, 0, new Date(deadline.getTime() - 1)).ok).toBe(true);
    expect(placeRegistration(session, 0, deadline)).toEqual({ ok: false, reason: "deadline_passed" });
  });

  it("closes when the session starts if no deadline is set, or the deadline is after the start", () => {
    expect(registrationClosesAt({ startsAt, registrationDeadline: null })).toEqual(startsAt);
    expect(
      registrationClosesAt({ startsAt, registrationDeadline: new Date("2026-09-21T00:00:00Z") }),
    ).toEqual(startsAt);
    expect(placeRegistration({ ...session, registrationDeadline: null }, 0, startsAt).ok).toBe(false);
  });

  it("refuses for a cancelled session and for a process that does not take sign-ups", () => {
    expect(placeRegistration({ ...session, cancelledAt: before }, 0, before)).toEqual({
      ok: false,
      reason: "session_cancelled",
    });
    expect(placeRegistration(session, 0, before, false)).toEqual({ ok: false, reason: "process_not_open" });
  });
});

const reg = (id: string, status: QueuedRegistration["status"], minute: number): QueuedRegistration => ({
  id,
  status,
  createdAt: new Date(Date.UTC(2026, 8, 1, 12, minute)),
});

describe("the waiting list", () => {
  it("moves up the earliest waiting sign-up when a place becomes free", () => {
    const list = [
      reg("a", "cancelled", 0),
      reg("b", "confirmed", 1),
      reg("d", "waiting", 3),
      reg("c", "waiting", 2),
    ];
    expect(promotions(list, 2)).toEqual(["c"]);
    expect(promotions(list, 3)).toEqual(["c", "d"]);
    expect(promotions(list, 1)).toEqual([]);
    expect(promotions(list, null)).toEqual(["c", "d"]);
  });

  it("tells a waiting person their place in the queue", () => {
    const list = [reg("b", "confirmed", 1), reg("d", "waiting", 3), reg("c", "waiting", 2)];
    expect(waitingPosition(list, "c")).toBe(1);
    expect(waitingPosition(list, "d")).toBe(2);
    expect(waitingPosition(list, "b")).toBeNull();
  });

  it("never fills more places than the capacity and never skips someone earlier (property)", () => {
    const status = fc.constantFrom<QueuedRegistration["status"]>("confirmed", "waiting", "cancelled");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(status, fc.integer({ min: 0, max: 50 })), { maxLength: 30 }),
        fc.integer({ min: 1, max: 20 }),
        (specs, capacity) => {
          const list = specs.map(([s, minute], i) => reg(`r${String(i).padStart(2, "0")}`, s, minute));
          const promoted = promotions(list, capacity);
          const confirmed = list.filter((r) => r.status === "confirmed").length;
          expect(confirmed + promoted.length).toBeLessThanOrEqual(Math.max(capacity, confirmed));
          const waiting = list.filter((r) => r.status === "waiting");
          for (const id of promoted) {
            const p = list.find((r) => r.id === id) as QueuedRegistration;
            for (const w of waiting) {
              if (!promoted.includes(w.id))
                expect(w.createdAt.getTime()).toBeGreaterThanOrEqual(p.createdAt.getTime());
            }
          }
          const counts = sessionCounts(list, capacity);
          expect(counts.free).toBe(Math.max(0, capacity - confirmed));
        },
      ),
    );
  });
});

describe("session input", () => {
  const valid = {
    processId: "00000000-0000-4000-8000-000000000001",
    title: "Idémøde 1",
    date: "2026-09-20",
    startTime: "19:00",
    endTime: "21:00",
    place: "Bolbro Fritidscenter",
  };

  it("turns Danish date and times into instants (summer time)", () => {
    const parsed = sessionInput.parse(valid);
    const {
      startsAt: s,
      endsAt,
      registrationDeadline,
    } = sessionInstants({ ...parsed, registrationDeadlineOn: "2026-09-18" });
    expect(s.toISOString()).toBe("2026-09-20T17:00:00.000Z");
    expect(endsAt?.toISOString()).toBe("2026-09-20T19:00:00.000Z");
    expect(registrationDeadline?.toISOString()).toBe("2026-09-18T10:00:00.000Z");
    expect(parsed.waitingList).toBe(true);
  });

  it("refuses an end before the start and a deadline after the session", () => {
    const parsed = sessionInput.safeParse({
      ...valid,
      endTime: "18:00",
      registrationDeadlineOn: "2026-09-21",
      capacity: 0,
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error).map((e) => `${e.field}:${e.code}`)).toEqual(
      expect.arrayContaining([
        "endTime:end_before_start",
        "registrationDeadlineOn:deadline_after_session",
        "capacity:too_small",
      ]),
    );
  });
});

describe("registration input", () => {
  it("needs a name and a valid email; needs are optional", () => {
    const parsed = registrationInput.safeParse({
      sessionId: "00000000-0000-4000-8000-000000000001",
      name: "",
      email: "ikke-en-mail",
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = fieldErrors(parsed.error);
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(["name:required", "email:invalid_email"]);
    expect(errors[1]?.message.da).toBe("Skriv en gyldig e-mailadresse");
    expect(
      registrationInput.safeParse({
        sessionId: "00000000-0000-4000-8000-000000000001",
        name: "Else",
        email: " else@example.dk ",
      }).data?.email,
    ).toBe("else@example.dk");
  });

  it("reports a missing email as required", () => {
    const parsed = registrationInput.safeParse({
      sessionId: "00000000-0000-4000-8000-000000000001",
      name: "Else",
      email: "",
    });
    expect(parsed.error && fieldErrors(parsed.error).map((e) => e.code)).toEqual(["required"]);
  });
});
