import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { can, type Principal } from "../access/rules.ts";
import { fieldErrors } from "../shared/messages.ts";
import {
  canChangeStatus,
  currentPhase,
  isPublicProcess,
  phaseTiming,
  processInput,
  processSlug,
} from "./process.ts";

const phases = [
  { id: "a", startsOn: "2026-03-01", endsOn: "2026-03-31" },
  { id: "b", startsOn: "2026-04-01", endsOn: "2026-05-31" },
  { id: "c", startsOn: "2026-09-01", endsOn: "2026-09-30" },
];
/** Noon in Copenhagen on a date. */
const on = (date: string) => new Date(`${date}T10:00:00Z`);

describe("current phase", () => {
  it("is the phase whose dates include today, computed from the dates", () => {
    expect(currentPhase(phases, on("2026-03-15"))).toMatchObject({
      state: "running",
      current: { id: "a" },
      next: { id: "b" },
    });
    expect(currentPhase(phases, on("2026-05-31"))).toMatchObject({ state: "running", current: { id: "b" } });
  });

  it("says not started, between phases and finished", () => {
    expect(currentPhase(phases, on("2026-02-01"))).toMatchObject({ state: "not_started", next: { id: "a" } });
    expect(currentPhase(phases, on("2026-07-01"))).toMatchObject({ state: "between", next: { id: "c" } });
    expect(currentPhase(phases, on("2026-10-01"))).toMatchObject({ state: "finished", current: null });
    expect(currentPhase([], on("2026-10-01")).state).toBe("no_phases");
  });

  it("uses the date in Copenhagen: 23:30 UTC on 31 March is already 1 April in Denmark", () => {
    expect(currentPhase(phases, new Date("2026-03-31T23:30:00Z")).current?.id).toBe("b");
    expect(currentPhase(phases, new Date("2026-03-31T21:30:00Z")).current?.id).toBe("a");
  });

  it("when phases overlap, the one that started last is current", () => {
    const overlapping = [...phases, { id: "d", startsOn: "2026-03-20", endsOn: "2026-04-10" }];
    expect(currentPhase(overlapping, on("2026-03-25")).current?.id).toBe("d");
  });

  it("marks each phase past, current or future", () => {
    expect(phases.map((p) => phaseTiming(p, on("2026-04-02")))).toEqual(["past", "current", "future"]);
  });

  it("never names a phase that does not include today (property)", () => {
    const date = fc
      .integer({ min: 0, max: 800 })
      .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(date, fc.integer({ min: 0, max: 60 })), { maxLength: 6 }),
        date,
        (specs, today) => {
          const ps = specs.map(([start, len], i) => ({
            id: `p${i}`,
            startsOn: start,
            endsOn: new Date(Date.parse(start) + len * 86_400_000).toISOString().slice(0, 10),
          }));
          const result = currentPhase(ps, on(today));
          if (result.current) {
            expect(result.current.startsOn <= today && today <= result.current.endsOn).toBe(true);
          } else {
            expect(ps.some((p) => p.startsOn <= today && today <= p.endsOn)).toBe(false);
          }
        },
      ),
    );
  });
});

describe("process input", () => {
  it("needs a title and a purpose, and phases that end after they start", () => {
    const parsed = processInput.safeParse({
      title: " ",
      purpose: "",
      phases: [{ kind: "vote", title: "Afstemning", startsOn: "2026-09-10", endsOn: "2026-09-01" }],
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = fieldErrors(parsed.error).map((e) => `${e.field}:${e.code}`);
    expect(errors).toEqual(
      expect.arrayContaining(["title:required", "purpose:required", "phases.0.endsOn:end_before_start"]),
    );
  });

  it("refuses a slug that is not a plain URL segment", () => {
    const parsed = processInput.safeParse({ title: "A", purpose: "B", slug: "Bolbro Bestemmer" });
    expect(parsed.success).toBe(false);
    expect(processInput.safeParse({ title: "A", purpose: "B", slug: "bolbro-bestemmer" }).success).toBe(true);
  });

  it("keeps the site's own address under /samskabelse/ free: a typed one is taken, a derived one is lengthened", () => {
    const parsed = processInput.safeParse({ title: "A", purpose: "B", slug: "tilmelding" });
    expect(parsed.error && fieldErrors(parsed.error).map((e) => `${e.field}:${e.code}`)).toEqual([
      "slug:slug_taken",
    ]);
    expect(processSlug({ title: "Tilmelding" })).toBe("tilmelding-forloeb");
  });

  it("derives the slug from the title with Danish letters spelt out", () => {
    expect(processSlug({ title: "Tænk hvis … i Jobcentret" })).toBe("taenk-hvis-i-jobcentret");
    expect(processSlug({ title: "X", slug: "eget-navn" })).toBe("eget-navn");
  });
});

describe("status", () => {
  it("publishes a draft, archives a published process, never turns a published one back into a draft", () => {
    expect(canChangeStatus("draft", "published")).toBe(true);
    expect(canChangeStatus("published", "archived")).toBe(true);
    expect(canChangeStatus("archived", "published")).toBe(true);
    expect(canChangeStatus("published", "draft")).toBe(false);
    expect(canChangeStatus("draft", "archived")).toBe(false);
  });

  it("shows only published and archived processes in public", () => {
    expect(isPublicProcess("draft")).toBe(false);
    expect(isPublicProcess("published")).toBe(true);
    expect(isPublicProcess("archived")).toBe(true);
  });
});

describe("who organises a process", () => {
  const m = "m1";
  const principal = (
    role: "administrator" | "secretary" | "member",
    councilId: string | null,
  ): Principal => ({
    userId: "u",
    name: "U",
    grants: [{ municipalityId: m, role, councilId }],
  });

  it("is the municipality's administrator or the secretary of the linked council", () => {
    expect(
      can(principal("administrator", null), "coCreation.manage", { municipalityId: m, councilId: null }),
    ).toBe(true);
    expect(
      can(principal("secretary", "c1"), "coCreation.manage", { municipalityId: m, councilId: "c1" }),
    ).toBe(true);
  });

  it("is not a secretary of another council, a member, or another municipality's administrator", () => {
    expect(
      can(principal("secretary", "c2"), "coCreation.manage", { municipalityId: m, councilId: "c1" }),
    ).toBe(false);
    expect(
      can(principal("secretary", "c1"), "coCreation.manage", { municipalityId: m, councilId: null }),
    ).toBe(false);
    expect(can(principal("member", "c1"), "coCreation.manage", { municipalityId: m, councilId: "c1" })).toBe(
      false,
    );
    expect(
      can(principal("administrator", null), "coCreation.manage", { municipalityId: "m2", councilId: null }),
    ).toBe(false);
  });
});
