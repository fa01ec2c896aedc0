import {
  findMunicipality,
  insertEvaluation,
  listPartnerships,
  listPolicies,
  loadPlan,
} from "@samraad/db/queries";
import { evaluations } from "@samraad/db/schema";
import { parentCourseQuestionnaire } from "@samraad/domain/evaluations";
import { accessibilityViolations } from "@samraad/e2e";
import { beforeAll, describe, expect, it } from "vitest";
import { copenhagenDate, productAndBrowser, signInAs } from "./helpers.ts";

/*
 * An official corrects a planned evaluation in the admin app: its title (first with a mistake), its questions
 * (a wording, an optional question removed, a new yes/no question), a criterion and a measurement (corrected,
 * then removed). Once it is open for answers the questions can no longer be edited. axe runs with the edit
 * forms open.
 */

const product = productAndBrowser();
let evaluationId: string;

beforeAll(async () => {
  const { server } = product;
  const randers = await findMunicipality(server.db, { slug: "randers" });
  if (!randers) throw new Error("no Randers");
  const [partnership] = await listPartnerships(server.db, {
    municipalityIds: [randers.id],
    partnershipIds: [],
  });
  if (!partnership) throw new Error("no partnership");
  evaluationId = await insertEvaluation(server.db, randers.id, {
    councilId: null,
    subjectType: "partnership",
    subjectId: partnership.id,
    kind: "end_of_course",
    title: "Forældrekursus, efterår",
    periodStart: copenhagenDate(-90),
    periodEnd: copenhagenDate(0),
    responsibles: {
      sendsQuestionnaire: "Konsulenten",
      chasesAnswers: "Formanden",
      writesSummary: "Konsulenten",
    },
    questionnaire: parentCourseQuestionnaire,
    closesOn: copenhagenDate(14),
  });
}, 120_000);

const stored = async () =>
  (await product.server.db.select().from(evaluations)).find((e) => e.id === evaluationId);

describe("editing an evaluation after planning", () => {
  it("corrects details, questions, criteria and measurements while the rules allow it", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "admin@randers.demo");
    await page.goto(`${product.server.url}/admin/evalueringer/${evaluationId}`);
    await page.getByRole("heading", { level: 1, name: "Forældrekursus, efterår" }).waitFor();

    // Details: an empty title is refused at the field, then the corrected title is saved.
    await page.getByText("Ret titel, periode og ansvarlige").click();
    const title = page.getByRole("textbox", { name: "Titel" });
    await title.fill("");
    await page.getByRole("button", { name: "Gem ændringerne" }).click();
    await expect
      .poll(() => page.locator(".form-error-message").first().textContent())
      .toContain("Udfyld feltet");
    await title.fill("Forældrekursus, efterår 2026");
    await page.getByRole("textbox", { name: "Hvem rykker for svar?" }).fill("Foreningens sekretær");
    await page.getByRole("button", { name: "Gem ændringerne" }).click();
    await page.getByRole("heading", { level: 1, name: "Forældrekursus, efterår 2026" }).waitFor();
    expect((await stored())?.responsibles.chasesAnswers).toBe("Foreningens sekretær");

    // Questions: a wording, the optional last question removed, a yes/no question added.
    await page.getByText("Ret spørgsmålene").click();
    await page
      .getByLabel("Spørgsmål 1 på dansk")
      .fill("Hvor tilfreds er du alt i alt med efterårets kursus?");
    await page.getByRole("button", { name: "Fjern spørgsmål 7" }).click();
    await expect.poll(() => page.getByTestId("question-editor").count()).toBe(6);
    await page.getByLabel("Slags spørgsmål").selectOption("yes_no");
    await page.getByLabel("Det nye spørgsmål på dansk").fill("Vil du deltage igen?");
    await page.getByRole("button", { name: "Tilføj et spørgsmål" }).click();
    await expect.poll(() => page.getByTestId("question-editor").count()).toBe(7);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Gem spørgsmålene" }).click();
    await page.getByRole("heading", { level: 3, name: "Vil du deltage igen?" }).waitFor();
    const questions = (await stored())?.questionnaire.questions ?? [];
    expect(questions.map((q) => q.text.da)).toEqual([
      "Hvor tilfreds er du alt i alt med efterårets kursus?",
      ...parentCourseQuestionnaire.questions.slice(1, 6).map((q) => q.text.da),
      "Vil du deltage igen?",
    ]);

    // A criterion and its measurement: corrected, then removed.
    await page.getByRole("textbox", { name: "Indikator" }).fill("Forældre pr. hold");
    await page.getByRole("textbox", { name: "Udgangspunkt (valgfrit)" }).fill("8");
    await page.getByRole("textbox", { name: "Mål", exact: true }).fill("12");
    await page.getByRole("button", { name: "Tilføj", exact: true }).click();
    await page.getByTestId("criterion-item").waitFor();
    await page.getByLabel("Målt den (ÅÅÅÅ-MM-DD)").fill(copenhagenDate(0));
    await page.getByRole("textbox", { name: "Værdi" }).fill("9");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await page.getByTestId("measurement-item").waitFor();
    await expect
      .poll(() => page.getByTestId("criteria").locator("tbody td").last().textContent())
      .toBe("Delvist opfyldt");
    await page.getByTestId("measurement-item").getByRole("button", { name: /^Ret/ }).click();
    const fix = page.getByTestId("measurement-item").locator("form");
    await fix.getByRole("textbox", { name: "Værdi" }).fill("13");
    expect(await accessibilityViolations(page)).toEqual([]);
    await fix.getByRole("button", { name: "Gem" }).click();
    await expect
      .poll(() => page.getByTestId("criteria").locator("tbody td").last().textContent())
      .toBe("Opfyldt");
    await page
      .getByTestId("measurement-item")
      .getByRole("button", { name: /^Fjern/ })
      .click();
    await expect.poll(() => page.getByTestId("measurement-item").count()).toBe(0);
    await expect
      .poll(() => page.getByTestId("criteria").locator("tbody td").last().textContent())
      .toBe("Ikke målt");

    // Once open for answers, the questions are fixed: the editor is gone.
    await page.getByRole("button", { name: "Åbn for svar" }).click();
    await expect
      .poll(() => page.getByTestId("evaluation-status").textContent())
      .toBe("Status: Indsamler svar");
    expect(await page.getByText("Ret spørgsmålene").count()).toBe(0);
    expect(await page.getByText("Ret titel, periode og ansvarlige").count()).toBe(1);
    await page.close();
  }, 180_000);
});

describe("concluding a policy follow-up", () => {
  it("turns a ticked next step into an unpublished action of the goal in the policy's action plan", async () => {
    const broenderslev = await findMunicipality(product.server.db, { slug: "broenderslev" });
    if (!broenderslev) throw new Error("no Brønderslev");
    const [policy] = await listPolicies(product.server.db, broenderslev.id, { publicOnly: true });
    if (!policy) throw new Error("no adopted policy");
    const plan = async () => loadPlan(product.server.db, broenderslev.id, policy.id);
    const goal = (await plan()).goals[0];
    if (!goal) throw new Error("no goal");
    const followUpId = await insertEvaluation(product.server.db, broenderslev.id, {
      councilId: policy.councilId,
      subjectType: "policy_goal",
      subjectId: goal.id,
      kind: "policy_follow_up",
      title: "Opfølgning på målet",
      periodStart: copenhagenDate(-180),
      periodEnd: copenhagenDate(0),
      status: "collecting",
      responsibles: {
        sendsQuestionnaire: "Sekretæren",
        chasesAnswers: "Sekretæren",
        writesSummary: "Konsulenten",
      },
      questionnaire: parentCourseQuestionnaire,
      closesOn: copenhagenDate(7),
    });
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "admin@broenderslev.demo");
    await page.goto(`${product.server.url}/admin/evalueringer/${followUpId}`);
    await page.getByRole("heading", { level: 1, name: "Opfølgning på målet" }).waitFor();
    await page.getByLabel("Samlet vurdering").fill("Målet er delvist nået.");
    await page.getByLabel("Næste skridt 1").fill("Lyttemøder i landdistrikterne");
    await page.getByLabel("Frist for skridt 1 (ÅÅÅÅ-MM-DD)").fill(copenhagenDate(90));
    await page.getByLabel("Skridt 1 bliver en handling i politikkens handleplan").check();
    await page.getByLabel("Næste skridt 2").fill("Drøft resultatet i rådet");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Afslut evalueringen" }).click();
    await expect.poll(() => page.getByTestId("evaluation-status").textContent()).toBe("Status: Afsluttet");
    const actions = (await plan()).actions.filter((a) => a.goalId === goal.id);
    expect(actions.map((a) => a.handling)).toContain("Lyttemøder i landdistrikterne");
    expect(actions.map((a) => a.handling)).not.toContain("Drøft resultatet i rådet");
    expect(actions.find((a) => a.handling === "Lyttemøder i landdistrikterne")).toMatchObject({
      dueOn: copenhagenDate(90),
      published: false,
    });
    await page.close();
  }, 180_000);
});
