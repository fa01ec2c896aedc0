import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { demoBallotCodes, demoCoCreation } from "@samraad/db/demo";
import { accessibilityViolations, type Browser, launchBrowser } from "@samraad/e2e";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteWithDemo } from "../src/test-support.ts";

/*
 * A citizen votes in Brønderslev's open demo vote with a paper ballot code, by keyboard alone and with
 * JavaScript switched off: the ballot (first with mistakes), the "Du har valgt" confirmation, the receipt.
 * Every page on the way, the ideas page and Bolbro's published result are axe-clean and reflow at 320 px.
 * axe runs with JavaScript on only: it is itself a script, and in a page with scripts disabled it never
 * returns. The pages carry no script of their own, so what axe sees is what a no-script reader gets.
 */

let env: Awaited<ReturnType<typeof siteWithDemo>>;
let server: ReturnType<typeof serve>;
let origin = "";
const votePath = `/kommuner/broenderslev/samskabelse/${demoCoCreation.broenderslev.slug}/afstemning`;
const ideasPath = `/kommuner/broenderslev/samskabelse/${demoCoCreation.broenderslev.slug}/forslag`;
const resultPath = `/kommuner/${demoCoCreation.bolbro.municipality}/samskabelse/${demoCoCreation.bolbro.slug}/resultat`;

beforeAll(async () => {
  env = await siteWithDemo();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: env.site.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await env?.close();
});

async function withBrowser<T>(
  options: Parameters<typeof launchBrowser>[0],
  f: (browser: Browser) => Promise<T>,
) {
  const browser = await launchBrowser(options);
  try {
    return await f(browser);
  } finally {
    await browser.close();
  }
}

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

async function tabTo(page: Page, matches: (a: { id: string; text: string }) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (matches(await active(page))) return;
  }
  throw new Error("never reached the element by Tab");
}

async function checkPage(page: Page, label: string) {
  expect(await accessibilityViolations(page), label).toEqual([]);
}

describe("voting with a paper ballot code in a browser", () => {
  it("works by keyboard alone without JavaScript, with a confirmation before the ballot is cast", async () => {
    await withBrowser({ javaScriptEnabled: false }, async ({ context }) => {
      const page = await context.newPage();
      await page.goto(`${origin}${votePath}`);

      // A mistyped code and no declarations: the form comes back with the error summary focused.
      await tabTo(page, (a) => a.id === "code");
      await page.keyboard.type("KAGE-MAND");
      await tabTo(page, (a) => a.id === "choices");
      await page.keyboard.press("Space");
      await tabTo(page, (a) => a.text === "Se dit valg");
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await active(page)).role).toBe("alert");
      expect((await active(page)).text).toContain("Der er problemer i formularen");
      expect(await page.title()).toMatch(/^Fejl: /);

      // The summary links to the code field; the ticked idea is still ticked.
      await page.keyboard.press("Tab");
      expect((await active(page)).text).toContain("Stemmekoden har ikke den rigtige form");
      await tabTo(page, (a) => a.id === "code");
      await page.keyboard.press("Control+A");
      await page.keyboard.type(demoBallotCodes[0].toLowerCase());
      await page.keyboard.press("Tab");
      expect(await active(page)).toMatchObject({ id: "choices", checked: true });
      await tabTo(page, (a) => a.id === "eligibility");
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      expect((await active(page)).id).toBe("declaresResidence");
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      expect((await active(page)).text).toBe("Se dit valg");
      await page.keyboard.press("Enter");

      await expect.poll(() => page.title()).toMatch(/^Bekræft din stemme/);
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
      const confirmation = await page.locator("main").innerText();
      expect(confirmation).toContain("Du har valgt:");
      expect(confirmation).toContain("Ramper ved butikkerne på Algade");
      await tabTo(page, (a) => a.text === "Afgiv stemme");
      await page.keyboard.press("Enter");

      await page.waitForURL(`${origin}${votePath}/kvittering`);
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
      expect(await page.locator("main").innerText()).toContain("Tak – din stemme er talt med");

      // The same code again is refused.
      await page.goto(`${origin}${votePath}`);
      await page.fill("#code", demoBallotCodes[0]);
      await page.check("#choices");
      await page.check("#eligibility");
      await page.check("#declaresResidence");
      await page.click("button[type=submit]");
      await expect.poll(() => page.title()).toMatch(/^Fejl: /);
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
      expect(await page.locator("main").innerText()).toContain("Koden er allerede brugt");
    });
  }, 180_000);

  it("has no axe violations with JavaScript on, and reflows at 320 px", async () => {
    const paths = [ideasPath, votePath, resultPath];
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${origin}${path}`);
        await checkPage(page, path);
      }
      // The idea form's error state and the confirmation page, reached by plain submits.
      await page.goto(`${origin}${ideasPath}`);
      await page.click("button[type=submit]");
      await expect.poll(() => page.title()).toMatch(/^Fejl: /);
      await checkPage(page, "idea form with errors (JS)");
      await page.goto(`${origin}${votePath}`);
      await page.fill("#code", demoBallotCodes[1]);
      await page.check("#choices");
      await page.check("#eligibility");
      await page.check("#declaresResidence");
      await page.click("button[type=submit]");
      await expect.poll(() => page.title()).toMatch(/^Bekræft din stemme/);
      await checkPage(page, "confirmation (JS)");
      await page.click("button[value=cast]");
      await page.waitForURL(`${origin}${votePath}/kvittering`);
      await checkPage(page, "receipt (JS)");
    });
    await withBrowser({ viewport: { width: 320, height: 640 } }, async ({ context }) => {
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${origin}${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, path).toBeLessThanOrEqual(320);
      }
    });
  }, 180_000);
});
