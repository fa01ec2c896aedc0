import { demoPolicy } from "@samraad/db/demo";
import { accessibilityViolations } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { servedDemoSite, withBrowser } from "./helpers.ts";

/* The policy page ("fra ord til handling") in Debian's Chromium, with and without JavaScript. */

const served = servedDemoSite();

const paths = [
  "/kommuner/randers/handicappolitik",
  "/kommuner/broenderslev/handicappolitik",
  "/kommuner/favrskov/handicappolitik?lang=en",
];

describe("the public policy page in a real browser", () => {
  it("has no axe violations (WCAG 2.2 A/AA) with JavaScript on", async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${served.origin}${path}`);
        expect(await accessibilityViolations(page), path).toEqual([]);
      }
    });
  }, 120_000);

  it("has no axe violations with JavaScript off", async () => {
    // axe is itself a script, so it cannot run where scripts are off: render each page with JavaScript off, then
    // scan exactly that document in a second tab on the same origin (so the stylesheet and contrast are the same).
    const rendered: Record<string, string> = {};
    await withBrowser({ javaScriptEnabled: false }, async ({ context }) => {
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${served.origin}${path}`);
        rendered[path] = await page.content();
        // biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
        expect(await page.locator("main h1").innerText(), path).not.toBe("");
      }
    });
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${served.origin}/tilgaengelighed`);
        await page.setContent(rendered[path] ?? "", { waitUntil: "load" });
        expect(await accessibilityViolations(page), path).toEqual([]);
      }
    });
  }, 180_000);

  it("shows the chart's numbers in the table, and the same in the chart's text alternative", async () => {
    await withBrowser({ javaScriptEnabled: false }, async ({ context }) => {
      const page = await context.newPage();
      await page.goto(`${served.origin}/kommuner/broenderslev/handicappolitik`);
      const chart = await page
        .locator("[data-testid=progress-chart] g")
        .evaluateAll((gs) =>
          gs.map((g) => [
            g.getAttribute("data-area"),
            g.getAttribute("data-percent"),
            g.querySelectorAll("text")[1]?.textContent?.replace(" %", ""),
          ]),
        );
      const table = await page
        .locator("[data-testid=progress-table] tbody tr")
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.querySelector("th")?.textContent,
            r.querySelector("td")?.textContent?.replace(" %", ""),
          ]),
        );
      expect(chart.length).toBeGreaterThanOrEqual(3);
      expect(chart.length).toBe(table.length);
      expect(chart.map(([area, percent, shown]) => [area, percent, shown])).toEqual(
        table.map(([area, percent]) => [area, percent, percent]),
      );
      const description = await page.locator("[data-testid=progress-chart] desc").textContent();
      for (const [area, percent] of table) expect(description).toContain(`${area}: ${percent} %`);
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
      const main = await page.locator("main").innerText();
      expect(main).toContain("Den gode alderdom for borgere med et handicap");
      expect(main).toContain("Forsinket: fristen var");
      expect(main).not.toContain(demoPolicy.draftActionHandling);
    });
  }, 120_000);
});
