import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import { conclusionSchema, evaluationPlanSchema } from "./inputs.ts";
import { canPublish } from "./lifecycle.ts";

const uuid = "3f2a1c4e-1111-4222-8333-444455556666";
const plan = {
  municipalityId: uuid,
  subjectType: "partnership",
  subjectId: uuid,
  kind: "partnership_yearly",
  title: "Årlig evaluering 2026",
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  template: "parent_course",
  sendsQuestionnaire: "Kommunens konsulent",
  chasesAnswers: "Foreningens kontaktperson",
  writesSummary: "Kommunens konsulent",
  closesOn: "2026-11-30",
  reminderDates: ["2026-11-20"],
};

describe("planning an evaluation", () => {
  it("accepts a plan from a template, anonymous unless said otherwise", () => {
    const parsed = evaluationPlanSchema.parse(plan);
    expect(parsed.responseMode).toBe("anonymous");
  });

  it("refuses a period that ends before it starts and a reminder after the closing date, in Danish", () => {
    const result = evaluationPlanSchema.safeParse({
      ...plan,
      periodEnd: "2025-12-31",
      reminderDates: ["2026-12-01"],
    });
    expect(result.success).toBe(false);
    const errors = result.success ? [] : fieldErrors(result.error);
    expect(errors.map((e) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ["periodEnd", "end_before_start"],
        ["reminderDates", "reminder_after_close"],
      ]),
    );
    const template = evaluationPlanSchema.safeParse({ ...plan, template: "unknown" });
    expect(template.success ? [] : fieldErrors(template.error).map((e) => [e.field, e.code])).toEqual([
      ["template", "invalid_option"],
    ]);
    expect(errors.find((e) => e.field === "reminderDates")?.message.da).toBe(
      "En påmindelse skal ligge senest på svarfristen",
    );
  });
});

describe("concluding and publishing", () => {
  it("asks for the partner and a reason when the decision is to terminate", () => {
    const result = conclusionSchema.safeParse({
      evaluationId: uuid,
      summary: "Godt år",
      decision: "terminate",
    });
    const errors = result.success ? [] : fieldErrors(result.error);
    expect(errors.map((e) => [e.field, e.code]).sort()).toEqual([
      ["terminatingPartnerId", "required"],
      ["terminationReason", "termination_reason_required"],
    ]);
    expect(
      conclusionSchema.safeParse({ evaluationId: uuid, summary: "Godt år", decision: "continue" }).success,
    ).toBe(true);
  });

  it("publishes results only from a concluded evaluation", () => {
    expect(canPublish({ status: "collecting" }).ok).toBe(false);
    expect(canPublish({ status: "concluded" }).ok).toBe(true);
  });
});
