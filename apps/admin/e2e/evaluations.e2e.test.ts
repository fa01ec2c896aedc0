import { accessibilityViolations, type Browser, launchBrowser } from "@samraad/e2e";
import { startTestServer } from "@samraad/server/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "./helpers.ts";

/*
 * Evaluations end to end on the seeded demo: a parent answers the Randers partnership's questionnaire with
 * JavaScript off and the keyboard alone (first with a mistake); then the municipality's official concludes the
 * yearly evaluation with the decision to terminate, the partnership's status follows, and the published results
 * are readable on the public site. axe runs on every new page (with JavaScript on: axe is itself a script).
 */

const DAY = 86_400_000;
let offset = 0;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
// The demo's links are derived from a fixed word (packages/db/src/demo/evaluations.ts); 14 and 15 are unanswered.
const link = (i: number) => `/evaluering/svar/demo-evaluering-randers-${i}`;

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(Date.now() + offset) });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      id: el?.id ?? "",
      text: el?.textContent?.trim() ?? "",
      role: el?.getAttribute("role") ?? "",
      checked: el?.checked ?? false,
    };
  });

async function tabTo(page: Page, matches: (a: { id: string; text: string }) => boolean, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (matches(await active(page))) return;
  }
  throw new Error("never reached the element by Tab");
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe("a parent answers the questionnaire", () => {
  it("without JavaScript, by keyboard alone at 320 px, told first that the answers are anonymous", async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    try {
      const page = await noScript.context.newPage();
      await page.goto(`${server.url}${link(14)}`);
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main.indexOf("Dine svar er anonyme")).toBeGreaterThan(-1);
      expect(main.indexOf("Dine svar er anonyme")).toBeLessThan(
        main.indexOf("Hvor tilfreds er du alt i alt"),
      );
      expect(await fitsWidth(page)).toBe(true);

      // Only the first question, then send: the form comes back with the error summary focused.
      await tabTo(page, (a) => a.id === "q-overall");
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
      await tabTo(page, (a) => a.text === "Send dine svar");
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await active(page)).role).toBe("alert");
      expect(await page.title()).toMatch(/^Fejl: /);
      expect(await page.locator("main").textContent()).toContain("Fejl: Vælg et svar");
      // The summary's first link leads to the first unanswered question; the answer given is kept.
      await page.keyboard.press("Tab");
      expect((await active(page)).text).toBe("Vælg et svar");
      expect(await page.locator("#q-overall-4").isChecked()).toBe(true);

      for (const id of ["q-content", "q-network"]) {
        await tabTo(page, (a) => a.id === id);
        await page.keyboard.press("Space");
        for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
      }
      await tabTo(page, (a) => a.id === "q-useful");
      await page.keyboard.press("Space");
      await tabTo(page, (a) => a.id === "q-childcare");
      await page.keyboard.press("Space");
      await tabTo(page, (a) => a.id === "q-recommend");
      await page.keyboard.press("Space");
      await tabTo(page, (a) => a.id === "q-better");
      await page.keyboard.type("Mere tid til spørgsmål");
      await tabTo(page, (a) => a.text === "Send dine svar");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.title()).toMatch(/^Tak for dine svar/);
      expect(await fitsWidth(page)).toBe(true);

      // The link is used up.
      await page.goto(`${server.url}${link(14)}`);
      await expect.poll(() => page.title()).toMatch(/^Du har allerede svaret/);
    } finally {
      await noScript.close();
    }
  }, 120_000);

  it("has no axe violations on the questionnaire, its error state and the thank-you page", async () => {
    const narrow = await launchBrowser({ viewport: { width: 320, height: 800 } });
    try {
      const page = await narrow.context.newPage();
      await page.goto(`${server.url}${link(15)}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Send dine svar" }).click();
      await expect.poll(() => page.title()).toMatch(/^Fejl: /);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.goto(`${server.url}/evaluering/tak`);
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await narrow.close();
    }
  }, 120_000);
});

describe("an official runs the yearly evaluation to its decision", () => {
  it("opens the evaluation, hands out links, concludes with 'terminate', and the partnership's status follows", async () => {
    const page = await browser.context.newPage();
    await signInAs(page, server.url, "admin@randers.demo");
    await page.getByRole("navigation").getByRole("link", { name: "Evalueringer" }).click();
    await page.getByRole("heading", { level: 1, name: "Evalueringer" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Planlæg en evaluering" }).waitFor();
    await page.getByLabel("Hvad evalueres").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Årlig evaluering af forældrekurset" }).click();
    await page.getByRole("heading", { level: 1, name: "Årlig evaluering af forældrekurset" }).waitFor();
    // 14 demo answers and the parent's above.
    await expect
      .poll(() => page.getByTestId("response-rate").textContent())
      .toBe("15 af 16 har svaret (94 %)");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Antal links").fill("2");
    await page.getByRole("button", { name: "Lav links" }).click();
    await expect.poll(() => page.getByTestId("invitation-links").locator("li").count()).toBe(2);
    await expect
      .poll(() => page.getByTestId("response-rate").textContent())
      .toBe("15 af 18 har svaret (83 %)");
    expect(await page.getByTestId("invitation-links").textContent()).toContain(
      `${server.url}/evaluering/svar/`,
    );

    // The evaluation meeting, on or after the agreement's evaluation date (three weeks ahead in the demo).
    offset = 22 * DAY;
    await page
      .getByLabel("Partnernes tilfredshed med samarbejdet")
      .fill("Godt samarbejde om børnepasningen.");
    await page
      .getByLabel("Samlet vurdering")
      .fill("Forældrene er tilfredse, men kommunen afslutter indsatsen.");
    await page.getByLabel("Partnerskabet ophører").check();
    await page.getByLabel("Partneren, der opsiger").selectOption({ label: "Randers Kommune" });
    await page.getByLabel("Begrundelse for at opsige").fill("Indsatsen overgår til et andet tilbud.");
    await page.getByRole("button", { name: "Afslut evalueringen" }).click();
    await expect.poll(() => page.getByTestId("evaluation-status").textContent()).toBe("Status: Afsluttet");
    await page.getByTestId("partnership-terminated").waitFor();
    expect(await page.getByTestId("decision").textContent()).toContain("Partnerskabet ophører");

    await page.getByRole("button", { name: "Offentliggør resultatet" }).click();
    await expect
      .poll(() => page.getByTestId("published-state").textContent())
      .toBe("Resultatet er offentliggjort");
    expect(await accessibilityViolations(page)).toEqual([]);
    const evaluationPath = new URL(page.url()).pathname.replace(/^\/admin/, "");

    await page.getByRole("link", { name: "Åbn rapporten" }).click();
    await page.getByRole("heading", { level: 1, name: /^Evalueringsrapport: / }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Partnerskabet ophører");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("navigation").getByRole("link", { name: "Partnerskaber" }).click();
    await expect
      .poll(() => page.getByTestId("partnership-status").first().textContent())
      .toContain("Aftalen er opsagt");

    // The published results on the public site.
    await page.goto(`${server.url}${evaluationPath}`);
    await page.getByRole("heading", { level: 1, name: "Årlig evaluering af forældrekurset" }).waitFor();
    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).toContain("Partnerskabet ophører");
    expect(await page.getByTestId("answer-table").count()).toBeGreaterThan(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
    offset = 0;
  }, 180_000);
});
