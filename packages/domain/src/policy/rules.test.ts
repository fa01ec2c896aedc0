import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import { actionTransition, isPublicAction, policyTransition } from "./lifecycle.ts";
import { type ActionStatus, actionStatuses, type PolicyAction, sectors } from "./model.ts";
import { isConcrete, isOverdue, planFindings, planProgress, progressOf, sectorCoverage } from "./rules.ts";
import { actionInput, policyInput, progressInput } from "./schemas.ts";

const today = "2026-11-23";
let n = 0;
function action(overrides: Partial<PolicyAction> = {}): PolicyAction {
  n += 1;
  return {
    id: `a${n}`,
    handling: `Handling ${n}`,
    focusAreaId: null,
    goalId: null,
    goalText: null,
    ownerName: "Mette Hansen",
    ownerSector: "social",
    place: "Rådhuset",
    startsOn: null,
    dueOn: "2026-12-03",
    status: "not_started",
    statusReason: null,
    published: true,
    percent: null,
    ...overrides,
  };
}

describe("concrete actions (the conference's bar of at least 3)", () => {
  it("given 2 concrete actions, when checked, then a finding (not an error) asks for at least 3", () => {
    const findings = planFindings({ actions: [action(), action()] }, today);
    const finding = findings.find((f) => f.code === "policy.too_few_concrete_actions");
    expect(finding?.severity).toBe("warning");
    expect(finding?.message.da).toContain("mindst 3");
  });

  it("given 3 concrete actions, when checked, then there is no such finding", () => {
    const findings = planFindings({ actions: [action(), action(), action()] }, today);
    expect(findings.map((f) => f.code)).not.toContain("policy.too_few_concrete_actions");
  });

  it("given an action without owner, when checked, then it is not concrete and says what is missing", () => {
    const loose = action({ ownerName: null, ownerSector: null });
    expect(isConcrete(loose)).toBe(false);
    const finding = planFindings({ actions: [loose] }, today).find((f) => f.code === "action.not_concrete");
    expect(finding?.subject).toEqual({ type: "action", id: loose.id });
    expect(finding?.message.da).toContain("tovholder");
  });

  it("given an action without a date, when checked, then it is not concrete", () => {
    const undated = action({ dueOn: null });
    const finding = planFindings({ actions: [undated] }, today).find((f) => f.code === "action.not_concrete");
    expect(finding?.message.en).toContain("missing date");
  });

  it("given dropped actions, when counting, then they do not count towards the 3", () => {
    const plan = {
      actions: [action(), action(), action({ status: "dropped", statusReason: "Ingen midler" })],
    };
    expect(planFindings(plan, today).map((f) => f.code)).toContain("policy.too_few_concrete_actions");
  });
});

describe("overdue actions", () => {
  it("given a due date yesterday and not done, then it is overdue and flagged", () => {
    const late = action({ dueOn: "2026-11-22", status: "in_progress" });
    expect(isOverdue(late, today)).toBe(true);
    expect(planFindings({ actions: [late] }, today).map((f) => f.code)).toContain("action.overdue");
  });
  it("given a due date today, then it is not yet overdue", () => {
    expect(isOverdue(action({ dueOn: today }), today)).toBe(false);
  });
  it("given a passed date but done or dropped, then it is not overdue", () => {
    expect(isOverdue(action({ dueOn: "2026-01-01", status: "done" }), today)).toBe(false);
    expect(isOverdue(action({ dueOn: "2026-01-01", status: "dropped" }), today)).toBe(false);
  });
  it("given a postponed action past its date, then it is still overdue (shown honestly)", () => {
    expect(isOverdue(action({ dueOn: "2026-01-01", status: "postponed" }), today)).toBe(true);
  });
});

describe("sector coverage", () => {
  it("given actions owned by social and skole, then the other six sectors own none", () => {
    const coverage = sectorCoverage([action({ ownerSector: "social" }), action({ ownerSector: "skole" })]);
    expect(coverage.covered).toEqual(["social", "skole"]);
    expect(coverage.uncovered).toHaveLength(sectors.length - 2);
    expect(coverage.finding?.message.da).toContain("kultur og fritid");
  });
  it("given every sector owns an action, then there is no finding", () => {
    expect(sectorCoverage(sectors.map((s) => action({ ownerSector: s }))).finding).toBeNull();
  });
  it("given the only action of a sector is dropped, then that sector is uncovered", () => {
    const coverage = sectorCoverage([action({ ownerSector: "sundhed", status: "dropped" })]);
    expect(coverage.uncovered).toContain("sundhed");
  });
});

describe("progress", () => {
  it("given 1 of 4 done and one half-way, then 37 % (rounded down)", () => {
    const p = progressOf(
      [action({ status: "done" }), action({ status: "in_progress", percent: 50 }), action(), action()],
      today,
    );
    expect(p.percent).toBe(37);
    expect(p.counts.done).toBe(1);
  });
  it("given dropped actions, then they leave the denominator", () => {
    const p = progressOf([action({ status: "done" }), action({ status: "dropped" })], today);
    expect(p).toMatchObject({ percent: 100, total: 1 });
  });
  it("given an action in progress at 100 %, then the plan is not 100 % until it is marked done", () => {
    expect(progressOf([action({ status: "in_progress", percent: 100 })], today).percent).toBe(99);
  });
  it("given no actions, then 0 %", () => {
    expect(progressOf([], today).percent).toBe(0);
  });
  it("given focus areas, then each area counts its goals' actions and the total is computed the same way", () => {
    const plan = {
      focusAreas: [
        { id: "f1", title: "Den gode alderdom for borgere med et handicap" },
        { id: "f2", title: "Flere borgere med behov for hjælp i socialpsykiatrien" },
      ],
      goals: [{ id: "g1", focusAreaId: "f1", title: "Mål 1" }],
      actions: [
        action({ goalId: "g1", status: "done" }),
        action({ goalId: "g1" }),
        action({ focusAreaId: "f2", status: "done" }),
        action({ goalText: "Eget mål" }),
      ],
    };
    const { overall, byFocusArea } = planProgress(plan, today);
    expect(byFocusArea.map((a) => [a.title, a.progress.percent])).toEqual([
      ["Den gode alderdom for borgere med et handicap", 50],
      ["Flere borgere med behov for hjælp i socialpsykiatrien", 100],
      ["Øvrige handlinger", 0],
    ]);
    expect(overall.percent).toBe(50);
  });

  const arbitraryAction = fc.record({
    status: fc.constantFrom(...actionStatuses),
    percent: fc.option(fc.integer({ min: -50, max: 200 }), { nil: null }),
    dueOn: fc.option(fc.constantFrom("2026-01-01", "2026-12-31"), { nil: null }),
  });

  it("property: never above 100 % nor below 0 %", () => {
    fc.assert(
      fc.property(fc.array(arbitraryAction, { maxLength: 30 }), (actions) => {
        const p = progressOf(actions, today).percent;
        return p >= 0 && p <= 100;
      }),
    );
  });

  it("property: completing any action never lowers progress (monotone in completed actions)", () => {
    fc.assert(
      fc.property(fc.array(arbitraryAction, { minLength: 1, maxLength: 30 }), fc.nat(), (actions, k) => {
        const i = k % actions.length;
        const completed = actions.map((a, j) => (j === i ? { ...a, status: "done" as ActionStatus } : a));
        return progressOf(completed, today).percent >= progressOf(actions, today).percent;
      }),
    );
  });

  it("property: 100 % exactly when every counted action is done", () => {
    fc.assert(
      fc.property(fc.array(arbitraryAction, { minLength: 1, maxLength: 30 }), (actions) => {
        const p = progressOf(actions, today);
        const allDone = p.total > 0 && p.counts.done === p.total;
        return (p.percent === 100) === allDone;
      }),
    );
  });
});

describe("policy status", () => {
  const draft = { status: "draft" as const, adoptedOn: null, adoptedBy: null };
  it("given a draft, when sent to consultation, then it is in consultation", () => {
    expect(policyTransition(draft, "in_consultation")).toEqual({ ok: true, value: "in_consultation" });
  });
  it("given a draft without adoption date, when adopted, then it is refused", () => {
    const result = policyTransition(draft, "adopted");
    expect(result.ok ? null : result.error.code).toBe("policy.adoption_incomplete");
  });
  it("given a complete draft, when adopted, then it is adopted", () => {
    expect(policyTransition({ ...draft, adoptedOn: "2026-06-01", adoptedBy: "Byrådet" }, "adopted").ok).toBe(
      true,
    );
  });
  it("given an expired policy, when reopened, then it is refused", () => {
    const result = policyTransition({ status: "expired", adoptedOn: null, adoptedBy: null }, "draft");
    expect(result.ok ? null : result.error.code).toBe("policy.illegal_transition");
  });
});

describe("action status", () => {
  it("given in progress, when postponed without a reason, then refused", () => {
    const r = actionTransition("in_progress", "postponed", "  ");
    expect(r.ok ? null : r.error.code).toBe("action.reason_required");
  });
  it("given in progress, when postponed with a reason, then the reason is kept", () => {
    expect(actionTransition("in_progress", "postponed", "Afventer budget")).toEqual({
      ok: true,
      value: { status: "postponed", reason: "Afventer budget" },
    });
  });
  it("given dropped, when marked done, then refused", () => {
    expect(actionTransition("dropped", "done", null).ok).toBe(false);
  });
  it("given done, when reopened, then in progress and the reason is cleared", () => {
    expect(actionTransition("done", "in_progress", "x")).toEqual({
      ok: true,
      value: { status: "in_progress", reason: null },
    });
  });
});

describe("input field errors", () => {
  const policyId = "11111111-1111-4111-8111-111111111111";
  const errorsOf = (input: unknown, start: string | null = "2026-01-01") => {
    const r = actionInput(start).safeParse(input);
    return r.success ? [] : fieldErrors(r.error);
  };
  it("given an empty Handling, then a required error in Danish and English", () => {
    const [e] = errorsOf({ policyId, handling: "  " });
    expect(e).toMatchObject({ field: "handling", code: "required", message: { da: "Udfyld feltet" } });
  });
  it("given an unknown sector, then unknown_sector on ownerSector", () => {
    const [e] = errorsOf({ policyId, handling: "Kursus", ownerSector: "marketing" });
    expect(e?.field).toBe("ownerSector");
    expect(e?.code).toBe("unknown_sector");
    expect(e?.message.en).toContain("sectors");
  });
  it("given a due date before the policy's start, then due_before_policy_start on dueOn", () => {
    const [e] = errorsOf({ policyId, handling: "Kursus", dueOn: "2025-12-31" });
    expect(e).toMatchObject({ field: "dueOn", code: "due_before_policy_start" });
  });
  it("given postponed without reason, then reason_required", () => {
    expect(errorsOf({ policyId, handling: "Kursus", status: "postponed" })[0]?.code).toBe("reason_required");
  });
  it("given a policy period that ends before it starts, then end_before_start on periodTo", () => {
    const r = policyInput.safeParse({
      councilId: policyId,
      title: "Handicappolitik",
      periodFrom: "2026-01-01",
      periodTo: "2025-01-01",
    });
    expect(r.success ? [] : fieldErrors(r.error).map((e) => [e.field, e.code])).toEqual([
      ["periodTo", "end_before_start"],
    ]);
  });
  it("given a progress percent above 100, then too_big with the limit", () => {
    const r = progressInput.safeParse({
      actionId: policyId,
      on: today,
      text: "Godt i gang",
      status: "in_progress",
      percent: 120,
    });
    expect(r.success ? null : fieldErrors(r.error)[0]?.message.da).toBe("Tallet må højst være 100");
  });
});

describe("follow-up on the agenda", () => {
  it("given two changed actions since the last follow-up, then the item lists only them and the overall progress", async () => {
    const { followUpAgendaItem } = await import("./follow-up.ts");
    const item = followUpAgendaItem({
      policyTitle: "Randers Kommunes handicappolitik",
      since: "2026-09-01",
      changed: [
        {
          handling: "Kursus",
          ownerName: "Mette Dahl",
          ownerSector: "social",
          dueOn: "2026-12-03",
          status: "postponed",
          statusReason: "Underviseren er syg",
          percent: null,
          latestProgress: null,
        },
      ],
      all: [action({ status: "done" }), action({ status: "postponed" })],
      today,
    });
    expect(item.title).toBe("Opfølgning på handlingsplanen: Randers Kommunes handicappolitik");
    expect(item.plainSummary).toBe(
      "1 handling er ændret siden opfølgningen 1. september 2026. Planen er samlet 50 % gennemført.",
    );
    expect(item.casePresentation).toContain(
      "• Kursus: Udskudt (Underviseren er syg). Tovholder: Mette Dahl, Social. Frist: 3. december 2026",
    );
  });

  it("given an action removed since the last follow-up, then the item says so, so the council sees what went", async () => {
    const { followUpAgendaItem } = await import("./follow-up.ts");
    const item = followUpAgendaItem({
      policyTitle: "Randers Kommunes handicappolitik",
      since: "2026-09-01",
      changed: [],
      removed: ["Temadag om BPA", "Boligtjek"],
      all: [action({ status: "done" })],
      today,
    });
    expect(item.plainSummary).toBe(
      "0 handlinger er ændret siden opfølgningen 1. september 2026. 2 handlinger er fjernet. Planen er samlet 100 % gennemført.",
    );
    expect(item.casePresentation).toBe(
      "Ingen handlinger er ændret siden opfølgningen 1. september 2026.\n\nFjernet fra planen siden opfølgningen 1. september 2026:\n\n• Temadag om BPA\n• Boligtjek",
    );
  });
});

describe("which actions citizens see", () => {
  it("shows a published action of an adopted policy, and nothing of a draft, a consultation or an expired policy", () => {
    expect(isPublicAction({ published: true }, { status: "adopted" })).toBe(true);
    expect(isPublicAction({ published: false }, { status: "adopted" })).toBe(false);
    for (const status of ["draft", "in_consultation", "expired"] as const) {
      expect(isPublicAction({ published: true }, { status })).toBe(false);
    }
  });
});
