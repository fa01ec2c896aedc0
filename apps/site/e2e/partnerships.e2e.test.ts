import { findMunicipality, listPartnerships } from "@samraad/db/queries";
import { accessibilityViolations } from "@samraad/e2e";
import { beforeAll, describe, expect, it } from "vitest";
import { servedDemoSite, withBrowser } from "./helpers.ts";

/* The public partnership pages in Debian's Chromium, with and without JavaScript. */

const served = servedDemoSite();
let demoId = "";

beforeAll(async () => {
  const randers = await findMunicipality(served.env.db, { slug: "randers" });
  const [demo] = await listPartnerships(served.env.db, {
    municipalityIds: [randers?.id ?? ""],
    partnershipIds: [],
  });
  demoId = demo?.id ?? "";
}, 120_000);

const paths = () => [
  `/partnerskaber/${demoId}`,
  `/partnerskaber/${demoId}?lang=en`,
  "/partnerskaber",
  "/kommuner/randers/partnerskaber",
];

describe("the public partnership pages in a real browser", () => {
  it("has no axe violations (WCAG 2.2 A/AA) with JavaScript on", async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const path of paths()) {
        await page.goto(`${served.origin}${path}`);
        expect(await accessibilityViolations(page), path).toEqual([]);
      }
    });
  }, 120_000);

  it("has no axe violations with JavaScript off, and reads the same", async () => {
    // axe is itself a script, so it cannot run where scripts are off: render each page with JavaScript off, then
    // scan exactly that document in a second tab on the same origin (so the stylesheet and contrast are the same).
    const rendered: Record<string, string> = {};
    await withBrowser({ javaScriptEnabled: false }, async ({ context }) => {
      const page = await context.newPage();
      for (const path of paths()) {
        await page.goto(`${served.origin}${path}`);
        rendered[path] = await page.content();
        // biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
        expect(await page.locator("main h1").innerText(), path).not.toBe("");
      }
      await page.goto(`${served.origin}/partnerskaber/${demoId}`);
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
      const main = await page.locator("main").innerText();
      expect(main).toContain("Sådan deltager du");
      expect(main).not.toContain("48.000");
    });
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const path of paths()) {
        await page.goto(`${served.origin}/tilgaengelighed`);
        await page.setContent(rendered[path] ?? "", { waitUntil: "load" });
        expect(await accessibilityViolations(page), path).toEqual([]);
      }
    });
  }, 180_000);

  it("reflows at 320 px without horizontal scrolling, and is reached from the list by keyboard", async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`${served.origin}/partnerskaber/${demoId}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.goto(`${served.origin}/kommuner/randers/partnerskaber`);
      const link = page.locator(`main a[href="/partnerskaber/${demoId}"]`);
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        if (await link.evaluate((a) => a === document.activeElement)) break;
      }
      await page.keyboard.press("Enter");
      await expect.poll(() => page.url()).toBe(`${served.origin}/partnerskaber/${demoId}`);
    });
  }, 120_000);
});
