import {
  findDraft,
  findMunicipality,
  insertEvaluation,
  insertInvitations,
  invitationTokenHash,
  listPartnerships,
  listResponses,
} from "@samraad/db/queries";
import { partnersMeetingQuestionnaire } from "@samraad/domain/evaluations";
import { accessibilityViolations } from "@samraad/e2e";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { servedDemoSite, withBrowser } from "./helpers.ts";

/*
 * A partner answers the two-part evaluation-meeting questionnaire, one part per page, with JavaScript off and the
 * keyboard alone at 320 px: a mistake on page 1, then Next, a break (the same link brings them back to page 2),
 * Back (page 1 kept its answers), and Send. axe runs on each page as it arrived, in a browser with script on.
 */

const served = servedDemoSite();
let municipalityId = "";
let evaluationId = "";
const token = "sider-i-browseren-til-partnerne-0001";
const path = `/evaluering/svar/${token}`;

beforeAll(async () => {
  const db = served.env.db;
  const randers = await findMunicipality(db, { slug: "randers" });
  if (!randers) throw new Error("no Randers");
  municipalityId = randers.id;
  const [partnership] = await listPartnerships(db, { municipalityIds: [randers.id], partnershipIds: [] });
  if (!partnership) throw new Error("no partnership");
  evaluationId = await insertEvaluation(db, randers.id, {
    councilId: null,
    subjectType: "partnership",
    subjectId: partnership.id,
    kind: "end_of_course",
    title: "Partnernes evalueringsmøde",
    periodStart: "2026-01-01",
    periodEnd: "2026-11-30",
    status: "collecting",
    responsibles: { sendsQuestionnaire: "A", chasesAnswers: "B", writesSummary: "C" },
    questionnaire: partnersMeetingQuestionnaire,
    closesOn: "2099-12-31",
  });
  await insertInvitations(db, randers.id, evaluationId, [
    { tokenHash: invitationTokenHash(token), label: null },
  ]);
}, 120_000);

const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      id: el?.id ?? "",
      text: el?.textContent?.trim() ?? "",
      role: el?.getAttribute("role") ?? "",
      value: el?.value ?? "",
    };
  });

async function tabTo(page: Page, matches: (a: { id: string; text: string }) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (matches(await active(page))) return;
  }
  throw new Error("never reached the element by Tab");
}

/** Tab to a question's first option and choose it with Space (radios) — the keyboard's own way. */
async function chooseFirst(page: Page, questionId: string) {
  await tabTo(page, (a) => a.id === `q-${questionId}`);
  await page.keyboard.press("Space");
}

const seenWithoutScript: { label: string; html: string }[] = [];
const keep = async (page: Page, label: string) => {
  seenWithoutScript.push({ label, html: await page.content() });
};

describe("a long questionnaire in a browser without JavaScript", () => {
  it("is answered page by page by keyboard alone, resumed with the same link, and sent once", async () => {
    const origin = served.origin;
    await withBrowser(
      { javaScriptEnabled: false, viewport: { width: 320, height: 800 } },
      async (browser) => {
        let page = await browser.context.newPage();
        await page.goto(`${origin}${path}`);
        expect(await page.title()).toMatch(/Side 1 af 2/);
        expect(await page.getByTestId("page-progress").textContent()).toBe("Side 1 af 2");
        await keep(page, "page 1 (no JS)");

        // Next without the required answer: the page comes back with the error summary focused.
        await tabTo(page, (a) => a.text === "Næste side");
        await page.keyboard.press("Enter");
        await expect.poll(async () => (await active(page)).role).toBe("alert");
        expect(await page.title()).toMatch(/^Fejl: /);
        expect((await active(page)).text).toContain("Der er problemer i formularen");
        await keep(page, "page 1 with errors (no JS)");

        await page.keyboard.press("Tab");
        expect((await active(page)).text).toBe("Skriv et svar");
        await tabTo(page, (a) => a.id === "q-participants_gain");
        await page.keyboard.type("Viden om rettigheder og et netværk");
        await chooseFirst(page, "partners_satisfied_outcome");
        await tabTo(page, (a) => a.text === "Næste side");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.title()).toMatch(/Side 2 af 2/);
        expect(await page.locator("main h2").last().textContent()).toBe("Del 2: Samarbejdet");
        await keep(page, "page 2 (no JS)");

        // A break: the tab is closed, and the same link opens page 2 again.
        await page.close();
        page = await browser.context.newPage();
        await page.goto(`${origin}${path}`);
        expect(await page.getByTestId("page-progress").textContent()).toBe("Side 2 af 2");

        // Back: page 1 still holds the answers.
        await tabTo(page, (a) => a.text === "Forrige side");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.title()).toMatch(/Side 1 af 2/);
        await tabTo(page, (a) => a.id === "q-participants_gain");
        expect((await active(page)).value).toBe("Viden om rettigheder og et netværk");
        await tabTo(page, (a) => a.text === "Næste side");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.title()).toMatch(/Side 2 af 2/);

        for (const id of ["cooperation", "roles", "value", "continue"]) await chooseFirst(page, id);
        await tabTo(page, (a) => a.id === "q-next_steps");
        await page.keyboard.type("Nyt hold til foråret");
        await tabTo(page, (a) => a.text === "Send dine svar");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.title()).toMatch(/^Tak for dine svar/);
        await keep(page, "thank you (no JS)");
      },
    );

    const [response] = await listResponses(served.env.db, municipalityId, evaluationId);
    expect(response?.answers).toMatchObject({
      participants_gain: "Viden om rettigheder og et netværk",
      partners_satisfied_outcome: 1,
      cooperation: 1,
      roles: "yes",
      value: true,
      continue: true,
      next_steps: "Nyt hold til foråret",
    });
    // The draft that held page 1 under the link is gone with the response.
    expect(await findDraft(served.env.db, evaluationId, invitationTokenHash(token))).toBeNull();

    await withBrowser({ viewport: { width: 320, height: 800 } }, async (checker) => {
      const page = await checker.context.newPage();
      for (const { label, html } of seenWithoutScript) {
        await page.goto(`${origin}/tilgaengelighed`);
        await page.setContent(html);
        expect(await accessibilityViolations(page), label).toEqual([]);
        expect(
          await page.evaluate(
            () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          ),
          label,
        ).toBe(true);
      }
    });
    expect(seenWithoutScript).toHaveLength(4);
  }, 240_000);
});
