import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import { median, SMALL_GROUP_LIMIT, summarise, wholePercentages } from "./aggregate.ts";
import { type Criterion, criteriaTally, criterionOutcome, readNumber } from "./criteria.ts";
import {
  acceptsAnswers,
  canCreateInvitations,
  conclude,
  followUpTasks,
  kindFitsSubject,
  openForAnswers,
} from "./lifecycle.ts";
import { answersFromForm, type ResponseAnswers, responseSchema } from "./questionnaire.ts";
import { parentCourseQuestionnaire, partnersMeetingQuestionnaire } from "./templates.ts";

const answer = (overrides: ResponseAnswers = {}): ResponseAnswers => ({
  overall: 4,
  content: 5,
  network: 3,
  useful: ["network"],
  childcare: true,
  recommend: "yes",
  better: "",
  ...overrides,
});

describe("whole percentages", () => {
  it("add up to exactly 100 whenever anyone answered, each within one point of the exact share", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 8 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const percents = wholePercentages(counts);
        if (total === 0) return percents.every((p) => p === 0);
        return (
          percents.reduce((a, b) => a + b, 0) === 100 &&
          percents.every((p, i) => Math.abs(p - ((counts[i] ?? 0) * 100) / total) < 1)
        );
      }),
    );
  });

  it("splits three equal groups 34/33/33, the same way every time", () => {
    expect(wholePercentages([1, 1, 1])).toEqual([34, 33, 33]);
  });

  it("takes the median of an even count as the mean of the middle two", () => {
    expect(median([1, 5, 2, 4])).toBe(3);
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe("summarising answers", () => {
  it("does not break down a question that fewer than five people answered, but says how many did", () => {
    const summary = summarise(parentCourseQuestionnaire, [answer(), answer(), answer(), answer()]);
    expect(summary.respondents).toBe(4);
    for (const q of summary.questions) expect(q.suppressed).toBe(true);
    expect(summary.questions.find((q) => q.questionId === "overall")?.answered).toBe(4);
  });

  it("breaks down every question with five or more answers, whatever the answers", () => {
    const arbitraryResponse = fc.record({
      overall: fc.integer({ min: 1, max: 5 }),
      content: fc.integer({ min: 1, max: 5 }),
      network: fc.integer({ min: 1, max: 5 }),
      useful: fc.subarray(["knowledge", "rights", "network", "energy"]),
      childcare: fc.boolean(),
      recommend: fc.constantFrom("yes", "maybe", "no"),
      better: fc.string({ minLength: 1, maxLength: 20 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryResponse, { minLength: 0, maxLength: 30 }), (responses) => {
        const summary = summarise(parentCourseQuestionnaire, responses);
        for (const q of summary.questions) {
          if (q.answered < SMALL_GROUP_LIMIT) {
            if (!q.suppressed) return false;
            continue;
          }
          if (q.suppressed) return false;
          if (q.type === "single_choice" || q.type === "scale" || q.type === "yes_no") {
            const sum = q.rows.reduce((a, r) => a + r.percent, 0);
            const counted = q.rows.reduce((a, r) => a + r.count, 0);
            if (sum !== 100 || counted !== q.answered) return false;
          }
          if (q.type === "scale" && (q.mean < 1 || q.mean > 5 || q.median < 1 || q.median > 5)) return false;
          if (q.type === "free_text" && q.texts.length !== q.answered) return false;
        }
        return true;
      }),
    );
  });

  it("gives counts, percentages, mean and median for a scale, and lists free texts in an order that hides who wrote first", () => {
    const responses = [1, 2, 4, 5, 5, 5].map((overall, i) =>
      answer({ overall, better: i === 0 ? "Mere tid til spørgsmål" : i === 1 ? "Bedre kaffe" : "" }),
    );
    const summary = summarise(parentCourseQuestionnaire, responses);
    const overall = summary.questions.find((q) => q.questionId === "overall");
    if (overall?.type !== "scale" || overall.suppressed) throw new Error("expected a scale result");
    expect(overall.rows.map((r) => r.count)).toEqual([1, 1, 0, 1, 3]);
    expect(overall.rows.reduce((a, r) => a + r.percent, 0)).toBe(100);
    expect(overall.mean).toBe(3.7);
    expect(overall.median).toBe(4.5);
    // Two free texts only: fewer than five, so not listed.
    expect(summary.questions.find((q) => q.questionId === "better")?.suppressed).toBe(true);
  });

  it("counts people per option for multiple choice, so shares need not add up to 100", () => {
    const responses = Array.from({ length: 5 }, () => answer({ useful: ["network", "rights"] }));
    const useful = summarise(parentCourseQuestionnaire, responses).questions.find(
      (q) => q.questionId === "useful",
    );
    if (useful?.type !== "multiple_choice" || useful.suppressed) throw new Error("expected choices");
    expect(useful.rows.find((r) => r.value === "network")).toEqual({
      value: "network",
      count: 5,
      percent: 100,
    });
    expect(useful.rows.find((r) => r.value === "rights")?.percent).toBe(100);
  });
});

describe("a response to a questionnaire", () => {
  const schema = responseSchema(parentCourseQuestionnaire);

  it("is taken when every required question has a valid answer", () => {
    const parsed = schema.safeParse(answer({ better: "Flere netværksmøder" }));
    expect(parsed.success).toBe(true);
  });

  it("says 'Vælg et svar' at every unanswered required question, and refuses unknown options and out-of-range steps", () => {
    const parsed = schema.safeParse({
      ...answer(),
      overall: undefined,
      recommend: "kanske",
      content: 9,
      childcare: undefined,
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const byField = Object.fromEntries(fieldErrors(parsed.error).map((e) => [e.field, e.code]));
    expect(byField).toMatchObject({
      overall: "answer_required",
      childcare: "answer_required",
      recommend: "invalid_option",
      content: "invalid_scale",
    });
  });

  it("reads a browser form's strings, including repeated checkboxes and an empty optional text", () => {
    const answers = answersFromForm(parentCourseQuestionnaire, {
      overall: "4",
      content: "5",
      network: "2",
      useful: ["knowledge", "energy"],
      childcare: "no",
      recommend: "maybe",
      better: "",
    });
    expect(schema.parse(answers)).toEqual({
      overall: 4,
      content: 5,
      network: 2,
      useful: ["knowledge", "energy"],
      childcare: false,
      recommend: "maybe",
    });
    const tampered = answersFromForm(parentCourseQuestionnaire, {
      ...answers,
      overall: "4.5",
      childcare: "måske",
    } as never);
    expect(schema.safeParse(tampered).success).toBe(false);
  });

  it("ships the partners' meeting questions from the model, continuing and next steps required", () => {
    const texts = partnersMeetingQuestionnaire.questions.map((q) => q.text.da);
    expect(texts).toContain("Partnernes tilfredshed med samarbejdet");
    expect(texts).toContain("Er partnerne interesseret i at fortsætte partnerskabet?");
    expect(texts).toContain("Næste skridt?");
    const ids = partnersMeetingQuestionnaire.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("success criteria", () => {
  const criterion = (baseline: string | null, target: string): Criterion => ({
    id: "c1",
    indicator: "Andel af skoler med trinfri adgang",
    baseline,
    target,
    unit: "%",
  });
  const measured = (value: string, measuredOn = "2026-06-30") => [{ criterionId: "c1", measuredOn, value }];

  it("reads Danish numbers: decimal comma, thousands point, units and words around them", () => {
    expect(readNumber("40 %")).toBe(40);
    expect(readNumber("3,5 timer")).toBe(3.5);
    expect(readNumber("1.250 borgere")).toBe(1250);
    expect(readNumber("alle skoler")).toBeNull();
    expect(readNumber("fra 2020 til 40")).toBeNull();
  });

  it("is met at the target, partly met on the way, not met when it has not moved — upwards and downwards", () => {
    expect(criterionOutcome(criterion("40 %", "80 %"), measured("80"))).toBe("met");
    expect(criterionOutcome(criterion("40 %", "80 %"), measured("95"))).toBe("met");
    expect(criterionOutcome(criterion("40 %", "80 %"), measured("55"))).toBe("partly_met");
    expect(criterionOutcome(criterion("40 %", "80 %"), measured("40"))).toBe("not_met");
    expect(criterionOutcome(criterion("40 %", "80 %"), measured("30"))).toBe("not_met");
    // Waiting time in weeks should fall.
    expect(criterionOutcome(criterion("12 uger", "4 uger"), measured("4"))).toBe("met");
    expect(criterionOutcome(criterion("12 uger", "4 uger"), measured("8"))).toBe("partly_met");
    expect(criterionOutcome(criterion("12 uger", "4 uger"), measured("13"))).toBe("not_met");
    expect(criterionOutcome(criterion(null, "10"), measured("10"))).toBe("met");
    expect(criterionOutcome(criterion(null, "10"), measured("9"))).toBe("not_met");
  });

  it("uses the latest measurement, and leaves a text criterion to an official's judgement", () => {
    const history = [...measured("80", "2025-12-31"), ...measured("50", "2026-06-30")];
    expect(criterionOutcome(criterion("40", "80"), history)).toBe("partly_met");
    expect(criterionOutcome(criterion("40", "80"), [])).toBe("not_measured");
    const text = { ...criterion("nogle skoler", "alle skoler") };
    expect(criterionOutcome(text, measured("de fleste"))).toBe("not_measured");
    expect(criterionOutcome({ ...text, judgement: "partly_met" }, measured("de fleste"))).toBe("partly_met");
  });

  it("never calls a criterion met when the latest value is further from the target than the baseline", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (b, t, v) => {
          fc.pre(b !== t);
          const outcome = criterionOutcome(criterion(String(b), String(t)), measured(String(v)));
          const worse = Math.abs(v - t) > Math.abs(b - t) && Math.sign(v - b) !== Math.sign(t - b);
          return !worse || outcome === "not_met";
        },
      ),
    );
    expect(
      criteriaTally([criterion("40", "80"), { ...criterion("40", "80"), id: "c2" }], measured("80")),
    ).toEqual({
      met: 1,
      partly_met: 0,
      not_met: 0,
      not_measured: 1,
    });
  });
});

describe("an evaluation's course", () => {
  const yearly = {
    status: "collecting" as const,
    subject: { type: "partnership" as const, id: "p1" },
    kind: "partnership_yearly" as const,
  };
  const conclusion = {
    notes: {},
    summary: "Samarbejdet fungerer.",
    decision: "continue" as const,
    nextSteps: [],
  };

  it("opens for answers only with questions and a closing date not yet passed, and takes answers until that day ends", () => {
    expect(openForAnswers({ status: "planned", closesOn: "2026-12-01" }, 0, "2026-11-23").ok).toBe(false);
    expect(openForAnswers({ status: "planned", closesOn: "2026-11-22" }, 5, "2026-11-23").ok).toBe(false);
    expect(openForAnswers({ status: "planned", closesOn: "2026-12-01" }, 5, "2026-11-23").ok).toBe(true);
    expect(openForAnswers({ status: "collecting", closesOn: "2026-12-01" }, 5, "2026-11-23").ok).toBe(false);
    expect(acceptsAnswers({ status: "collecting", closesOn: "2026-12-01" }, "2026-12-01")).toBe(true);
    expect(acceptsAnswers({ status: "collecting", closesOn: "2026-12-01" }, "2026-12-02")).toBe(false);
    expect(acceptsAnswers({ status: "planned", closesOn: "2026-12-01" }, "2026-11-30")).toBe(false);
  });

  it("makes a partnership's yearly evaluation decide, and no other evaluation", () => {
    expect(conclude(yearly, conclusion).ok).toBe(true);
    const undecided = conclude(yearly, { ...conclusion, decision: null });
    expect(undecided.ok ? "" : undecided.error.code).toBe("evaluation.decision_required");
    const course = conclude({ ...yearly, kind: "end_of_course" }, conclusion);
    expect(course.ok ? "" : course.error.code).toBe("evaluation.decision_not_allowed");
    const twice = conclude({ ...yearly, status: "concluded" }, conclusion);
    expect(twice.ok ? "" : twice.error.message.da).toContain("kun afsluttes");
  });

  it("hands out links until concluded, and carries a continuing partnership's next steps into its schedule", () => {
    expect(canCreateInvitations({ status: "collecting" }).ok).toBe(true);
    const refused = canCreateInvitations({ status: "concluded" });
    expect(refused.ok ? "" : refused.error.message.da).toContain("afsluttet");
    const steps = [{ title: "Nyt hold i foråret", dueOn: "2027-02-01" }];
    expect(followUpTasks("partnership", { decision: "continue", nextSteps: steps })).toEqual([
      { phase: "after_course", title: "Nyt hold i foråret", dueOn: "2027-02-01" },
    ]);
    expect(followUpTasks("partnership", { decision: "terminate", nextSteps: steps })).toEqual([]);
    expect(followUpTasks("co_creation_process", { decision: null, nextSteps: steps })).toEqual([]);
  });

  it("fits kinds to subjects", () => {
    expect(kindFitsSubject({ subject: { type: "partnership", id: "p" }, kind: "partnership_yearly" })).toBe(
      true,
    );
    expect(kindFitsSubject({ subject: { type: "policy", id: "p" }, kind: "partnership_yearly" })).toBe(false);
  });
});
