import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import { answerPage, formFromAnswers, pageNumber, pageOfFirst, questionnairePages } from "./pages.ts";
import type { Question } from "./questionnaire.ts";
import { parentCourseQuestionnaire, partnersMeetingQuestionnaire } from "./templates.ts";

const yesNo = (id: string, section?: string): Question => ({
  id,
  type: "yes_no",
  required: true,
  text: { da: `Spørgsmål ${id}` },
  ...(section ? { section: { da: section } } : {}),
});

describe("a questionnaire in pages", () => {
  it("keeps a short questionnaire without sections on one page", () => {
    const pages = questionnairePages(parentCourseQuestionnaire);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.questions).toHaveLength(parentCourseQuestionnaire.questions.length);
  });

  it("starts a page at each section: the partners' meeting is answered in its two parts", () => {
    const pages = questionnairePages(partnersMeetingQuestionnaire);
    expect(pages.map((p) => p.section?.da)).toEqual(["Del 1: Deltagernes udbytte", "Del 2: Samarbejdet"]);
    expect(pages.map((p) => p.questions.length)).toEqual([4, 6]);
  });

  it("continues a long section on the next page under the same heading", () => {
    const questions = [yesNo("a", "Første del"), ...["b", "c", "d", "e"].map((id) => yesNo(id))];
    const pages = questionnairePages({ questions }, 2);
    expect(pages.map((p) => p.questions.map((q) => q.id))).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(pages.map((p) => p.section?.da)).toEqual(["Første del", "Første del", "Første del"]);
  });

  it("puts every question on exactly one page, in order, never more than the limit on a page", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (starts, per) => {
          const questions = starts.map((s, i) => yesNo(`q${i}`, s ? `Del ${i}` : undefined));
          const pages = questionnairePages({ questions }, per);
          const flat = pages.flatMap((p) => p.questions.map((q) => q.id));
          return (
            flat.join() === questions.map((q) => q.id).join() &&
            pages.every((p) => p.questions.length <= per) &&
            pages.every((p, i) => i === 0 || p.questions.length > 0)
          );
        },
      ),
    );
  });

  it("reads a page number from a URL within the questionnaire", () => {
    expect(pageNumber("2", 4)).toBe(2);
    expect(pageNumber("9", 4)).toBe(4);
    expect(pageNumber("0", 4)).toBe(1);
    expect(pageNumber("to", 4)).toBe(1);
    expect(pageNumber(undefined, 4)).toBe(1);
  });
});

describe("answering one page", () => {
  const [first, second] = questionnairePages(partnersMeetingQuestionnaire);
  if (!first || !second) throw new Error("two pages expected");

  it("keeps the answers of earlier pages and replaces this page's", () => {
    const saved = { participants_gain: "Viden", cooperation: 2 };
    const { answers, error } = answerPage(second, saved, {
      cooperation: "5",
      roles: "yes",
      value: "no",
      continue: "yes",
      next_steps: "  Nyt hold  ",
    });
    expect(error).toBeNull();
    expect(answers).toEqual({
      participants_gain: "Viden",
      cooperation: 5,
      roles: "yes",
      value: false,
      continue: true,
      next_steps: "Nyt hold",
    });
  });

  it("reports 'Vælg et svar' for a required question left empty, and keeps the valid answers", () => {
    const { answers, error } = answerPage(second, {}, { cooperation: "4", next_steps: "Mere tid" });
    expect(error && fieldErrors(error).map((e) => `${e.field}: ${e.message.da}`)).toEqual([
      "roles: Vælg et svar",
      "value: Vælg et svar",
      "continue: Vælg et svar",
    ]);
    expect(answers).toEqual({ cooperation: 4, next_steps: "Mere tid" });
  });

  it("drops an earlier answer the respondent has now cleared", () => {
    const { answers } = answerPage(first, { improvements: "Før" }, { participants_gain: "Viden" });
    expect(answers).toEqual({ participants_gain: "Viden" });
  });

  it("finds the first page with a missing answer", () => {
    const pages = questionnairePages(partnersMeetingQuestionnaire);
    expect(pageOfFirst(pages, ["continue"])).toBe(2);
    expect(pageOfFirst(pages, ["continue", "participants_gain"])).toBe(1);
  });

  it("fills a page in again from what was saved", () => {
    const form = formFromAnswers(parentCourseQuestionnaire.questions, {
      overall: 4,
      useful: ["rights", "network"],
      childcare: false,
      better: "Kortere aftener",
    });
    expect(form).toEqual({
      overall: ["4"],
      useful: ["rights", "network"],
      childcare: ["no"],
      better: ["Kortere aftener"],
    });
  });
});
