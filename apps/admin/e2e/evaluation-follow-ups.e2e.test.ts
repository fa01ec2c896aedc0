import {
  findCouncil,
  findMunicipality,
  insertActions,
  insertEvaluation,
  listPolicies,
} from "@samraad/db/queries";
import { partnersMeetingQuestionnaire } from "@samraad/domain/evaluations";
import { accessibilityViolations } from "@samraad/e2e";
import { beforeAll, describe, expect, it } from "vitest";
import { productAndBrowser, signInAs } from "./helpers.ts";

/*
 * A concluded policy follow-up whose first next step became an (unpublished) action in the action plan: the
 * admin report names the action and links to the policy's action plan; the published results on the public
 * site say a step became an action without naming the unpublished one. axe runs on both.
 */

const product = productAndBrowser();
let evaluationId: string;
let councilId: string;

beforeAll(async () => {
  const { server } = product;
  const broenderslev = await findMunicipality(server.db, { slug: "broenderslev" });
  if (!broenderslev) throw new Error("no Brønderslev");
  const [policy] = await listPolicies(server.db, broenderslev.id, { publicOnly: true });
  if (!policy?.councilId) throw new Error("no adopted policy in Brønderslev");
  councilId = policy.councilId;
  const handicapraad = await findCouncil(server.db, broenderslev.id, { slug: "handicapraadet" });
  const [action] = await insertActions(
    server.db,
    broenderslev.id,
    policy.id,
    [
      {
        focusAreaId: null,
        goalId: null,
        goalText: null,
        handling: "Lyttemøder i landdistrikterne, planlagt",
        ownerName: null,
        ownerSector: null,
        place: null,
        startsOn: null,
        dueOn: null,
        status: "not_started",
        statusReason: null,
        published: false,
      },
    ],
    new Date(),
  );
  if (!action) throw new Error("no action");
  evaluationId = await insertEvaluation(server.db, broenderslev.id, {
    councilId: handicapraad?.id ?? null,
    subjectType: "policy",
    subjectId: policy.id,
    kind: "policy_follow_up",
    title: "Opfølgning på handicappolitikken 2026",
    periodStart: "2026-01-01",
    periodEnd: "2026-06-30",
    status: "concluded",
    published: true,
    responsibles: { sendsQuestionnaire: "A", chasesAnswers: "B", writesSummary: "C" },
    questionnaire: partnersMeetingQuestionnaire,
    conclusion: {
      notes: {},
      summary: "Målene er delvist nået.",
      decision: null,
      nextSteps: [
        {
          title: "Flere lyttemøder",
          dueOn: null,
          asAction: true,
          followUp: { type: "policy_action", id: action.id },
        },
        { title: "Drøft resultatet i rådet", dueOn: null, asAction: false },
      ],
    },
  });
}, 120_000);
describe("a concluded evaluation's follow-up", () => {
  it("is named and linked in the admin report, and only mentioned on the public page while unpublished", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "admin@broenderslev.demo");
    await page.goto(`${product.server.url}/admin/evalueringer/${evaluationId}/rapport`);
    await page.getByRole("heading", { level: 1, name: /^Evalueringsrapport: / }).waitFor();
    const followUps = page.getByTestId("follow-up");
    expect(await followUps.count()).toBe(1);
    expect(await followUps.first().textContent()).toBe(
      "Blev til en handling i handleplanen: Lyttemøder i landdistrikterne, planlagt (ikke offentliggjort endnu)",
    );
    const link = followUps.first().getByRole("link", { name: "Lyttemøder i landdistrikterne, planlagt" });
    expect(await link.getAttribute("href")).toBe(`/admin/raad/${councilId}/handicappolitik`);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${product.server.url}/evalueringer/${evaluationId}`);
    await page.getByRole("heading", { level: 1, name: "Opfølgning på handicappolitikken 2026" }).waitFor();
    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).toContain(
      "Flere lyttemøder – Blev til en handling i handleplanen (ikke offentliggjort endnu)",
    );
    expect(body).not.toContain("Lyttemøder i landdistrikterne, planlagt");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
