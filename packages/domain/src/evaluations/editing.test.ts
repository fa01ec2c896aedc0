import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import { canEdit, closingDateStillOpen, type EditablePart, editableParts } from "./editing.ts";
import {
  criterionUpdateSchema,
  evaluationDetailsSchema,
  measurementUpdateSchema,
  questionnaireUpdateSchema,
} from "./inputs.ts";
import { conclude, followUpActions, linkFollowUps } from "./lifecycle.ts";
import type { EvaluationStatus } from "./model.ts";

const uuid = "3f2a1c4e-1111-4222-8333-444455556666";
const process = { type: "co_creation_process" as const, id: uuid };
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? "ok" : r.error?.code);

describe("what can change after planning", () => {
  it("follows the status: details, criteria and measurements until concluded, questions only while planned", () => {
    const table = (status: EvaluationStatus, responses = 0) =>
      Object.fromEntries(
        editableParts.map((part: EditablePart) => [
          part,
          code(canEdit(part, { status, subject: process }, responses)),
        ]),
      );
    expect(table("planned")).toEqual({ details: "ok", criteria: "ok", measurements: "ok", questions: "ok" });
    expect(table("collecting")).toEqual({
      details: "ok",
      criteria: "ok",
      measurements: "ok",
      questions: "evaluation.not_editable",
    });
    expect(Object.values(table("concluded"))).toEqual(Array(4).fill("evaluation.concluded_locked"));
  });

  it("keeps the questions once anyone has answered, and says why in Danish", () => {
    const refused = canEdit("questions", { status: "planned", subject: process }, 1);
    expect(refused.ok ? "" : refused.error.message.da).toBe(
      "Spørgsmålene kan kun ændres, mens evalueringen er planlagt, og før nogen har svaret",
    );
  });

  it("leaves a policy's criteria to the policy, but lets its measurements be corrected", () => {
    const goal = { type: "policy_goal" as const, id: uuid };
    expect(code(canEdit("criteria", { status: "planned", subject: goal }, 0))).toBe(
      "evaluation.policy_criteria",
    );
    expect(code(canEdit("measurements", { status: "collecting", subject: goal }, 0))).toBe("ok");
  });

  it("will not move a collecting evaluation's closing date into the past", () => {
    expect(code(closingDateStillOpen({ status: "collecting" }, "2026-11-22", "2026-11-23"))).toBe(
      "evaluation.closes_in_past",
    );
    expect(code(closingDateStillOpen({ status: "collecting" }, "2026-11-23", "2026-11-23"))).toBe("ok");
    expect(code(closingDateStillOpen({ status: "planned" }, null, "2026-11-23"))).toBe("ok");
  });

  it("checks corrected details, criteria and measurements field by field, in Danish", () => {
    const details = evaluationDetailsSchema.safeParse({
      evaluationId: uuid,
      title: " ",
      periodStart: "2026-06-01",
      periodEnd: "2026-01-01",
      sendsQuestionnaire: "Konsulent",
      chasesAnswers: "Konsulent",
      writesSummary: "",
    });
    expect(
      details.success ? [] : fieldErrors(details.error).map((e) => `${e.field}: ${e.message.da}`),
    ).toEqual([
      "title: Udfyld feltet",
      "writesSummary: Udfyld feltet",
      "periodEnd: Slutningen skal ligge efter starten",
    ]);
    const period = evaluationDetailsSchema.safeParse({
      evaluationId: uuid,
      title: "Evaluering",
      periodStart: "2026-06-01",
      periodEnd: "2026-01-01",
      sendsQuestionnaire: "A",
      chasesAnswers: "B",
      writesSummary: "C",
    });
    expect(period.success ? [] : fieldErrors(period.error).map((e) => e.field)).toEqual(["periodEnd"]);
    expect(
      criterionUpdateSchema.safeParse({ evaluationId: uuid, criterionId: "x", target: "" }).success,
    ).toBe(false);
    const measured = measurementUpdateSchema.safeParse({
      evaluationId: uuid,
      measurementId: uuid,
      measuredOn: "2026-13-01",
      value: "40 %",
    });
    expect(measured.success ? [] : fieldErrors(measured.error).map((e) => e.field)).toEqual(["measuredOn"]);
  });
});

describe("a policy follow-up's next steps", () => {
  const steps = [
    { title: "Flere lyttemøder i landdistrikterne", dueOn: "2027-03-01", asAction: true },
    { title: "Drøft resultatet i rådet", dueOn: null, asAction: false },
  ];
  const conclusion = { notes: {}, summary: "Målene er delvist nået.", decision: null, nextSteps: steps };

  it("become unpublished actions in the action plan when the meeting chose so, under the goal evaluated", () => {
    expect(followUpActions({ type: "policy", id: uuid }, conclusion)).toEqual([
      {
        handling: "Flere lyttemøder i landdistrikterne",
        dueOn: "2027-03-01",
        goalId: null,
        published: false,
      },
    ]);
    expect(followUpActions({ type: "policy_goal", id: uuid }, conclusion)[0]?.goalId).toBe(uuid);
  });

  it("are no actions for a partnership or a process, and concluding such an evaluation with one is refused", () => {
    expect(followUpActions(process, conclusion)).toEqual([]);
    const refused = conclude(
      { status: "collecting", kind: "process_evaluation", subject: process },
      conclusion,
    );
    expect(code(refused)).toBe("evaluation.actions_policy_only");
    const policy = { status: "collecting" as const, kind: "policy_follow_up" as const };
    expect(code(conclude({ ...policy, subject: { type: "policy", id: uuid } }, conclusion))).toBe("ok");
  });
});

describe("editing the questions", () => {
  const base = { evaluationId: uuid };
  it("accepts the question types the questionnaire renders, with optional English and easy-read words", () => {
    const parsed = questionnaireUpdateSchema.parse({
      ...base,
      questions: [
        {
          id: "tryg",
          type: "yes_no",
          required: true,
          text: { da: "Føler du dig tryg?", easyRead: "Er du tryg?" },
        },
        { id: "ord", type: "free_text", required: false, text: { da: "Andet?", en: "Anything else?" } },
      ],
    });
    expect(parsed.questions[1]).toMatchObject({ type: "free_text", maxLength: 4000 });
  });

  it("refuses two questions with the same key, a choice question with one choice, and an empty text", () => {
    const result = questionnaireUpdateSchema.safeParse({
      ...base,
      questions: [
        { id: "a", type: "yes_no", required: true, text: { da: "Et" } },
        { id: "a", type: "yes_no", required: true, text: { da: "" } },
        {
          id: "b",
          type: "single_choice",
          required: true,
          text: { da: "Tre" },
          choices: [{ value: "x", label: { da: "X" } }],
        },
      ],
    });
    expect(result.success ? [] : fieldErrors(result.error).map((e) => `${e.field}: ${e.message.da}`)).toEqual(
      [
        "questions.1.text.da: Udfyld feltet",
        "questions.2.choices: Vælg mindst 2",
        "questions.1.id: Det samme punkt står der flere gange",
      ],
    );
  });
});

describe("next steps that became actions or tasks", () => {
  const steps = [
    { title: "Flere lyttemøder", dueOn: "2027-03-01", asAction: true },
    { title: "Drøft resultatet i rådet", dueOn: null, asAction: false },
    { title: "Nyt hold i foråret", dueOn: null, asAction: true },
  ];
  const conclusion = { notes: {}, summary: "Delvist nået.", decision: null, nextSteps: steps };

  it("point each step chosen as an action at the action it became, in order, and leave the others alone", () => {
    const linked = linkFollowUps("policy", conclusion, ["a1", "a2"]);
    expect(linked.nextSteps.map((s) => s.followUp ?? null)).toEqual([
      { type: "policy_action", id: "a1" },
      null,
      { type: "policy_action", id: "a2" },
    ]);
  });

  it("point every step of a partnership that goes on at its task, and none of one that ends", () => {
    const going = linkFollowUps("partnership", { ...conclusion, decision: "continue" }, ["t1", "t2", "t3"]);
    expect(going.nextSteps.map((s) => s.followUp?.id)).toEqual(["t1", "t2", "t3"]);
    expect(going.nextSteps[0]?.followUp?.type).toBe("partnership_task");
    const ended = linkFollowUps("partnership", { ...conclusion, decision: "terminate" }, []);
    expect(ended.nextSteps.some((s) => s.followUp)).toBe(false);
    expect(linkFollowUps("co_creation_process", conclusion, []).nextSteps).toEqual(steps);
  });
});
