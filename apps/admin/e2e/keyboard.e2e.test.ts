import { accessibilityViolations } from "@samraad/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { copenhagenDate, PASSWORD, productAndBrowser } from "./helpers.ts";

const product = productAndBrowser();

/** What has focus, as a person hears it: the element's accessible text or its label. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (el.getAttribute("aria-label") ?? labelled ?? el.textContent ?? "").trim();
  });
}

/** Presses Tab until the focused element reads `name`; fails if it never does. */
async function tabTo(page: Page, name: string | RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (typeof name === "string" ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

const tagOfFocus = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? "");

describe("the whole meeting flow with the keyboard alone", () => {
  it("signs in, plans a meeting, builds, reorders and publishes the agenda without a mouse", async () => {
    const page = await product.browser.context.newPage();
    await page.goto(`${product.server.url}/admin/`);
    await page.getByRole("heading", { level: 1, name: "Log ind" }).waitFor();
    // The skip link comes first.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Gå til indhold");

    await tabTo(page, "E-mail");
    await page.keyboard.type("sekretaer@broenderslev.demo");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Adgangskode");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();

    await tabTo(page, "Handicaprådet");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Handicaprådet" }).waitFor();
    // Focus moves to the new page's heading.
    await expect.poll(() => tagOfFocus(page)).toBe("H1");

    await tabTo(page, "Planlæg møde");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Planlæg møde" }).waitFor();
    await tabTo(page, "Dato");
    await page.keyboard.type(copenhagenDate(10));
    await page.keyboard.press("Tab");
    await page.keyboard.type("16:30");
    await tabTo(page, "Sted");
    await page.keyboard.type("Rådhuset, byrådssalen");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /^Møde / }).waitFor();

    for (const title of ["Meddelelser", "Budget 2027"]) {
      await tabTo(page, "Overskrift");
      await page.keyboard.type(title);
      await page.keyboard.press("Enter");
      await page.locator(".agenda-item h3", { hasText: title }).waitFor();
    }
    await tabTo(page, "Flyt op: punkt 2");
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await page.locator(".agenda-item h3").allTextContents()).map((s) => s.trim()))
      .toEqual(["1. Budget 2027", "2. Meddelelser"]);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("flyttet til plads 1");

    await page.keyboard.press("Shift+Tab");
    await tabTo(page, "Offentliggør dagsorden", 80).catch(async () => {
      // The publish button sits above the agenda: wrap around from the end of the page.
      await tabTo(page, "Offentliggør dagsorden", 120);
    });
    await page.keyboard.press("Enter");
    await page.locator(".facts", { hasText: "Dagsorden offentliggjort" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
