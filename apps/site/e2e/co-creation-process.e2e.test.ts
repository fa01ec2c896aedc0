import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { demoCoCreation } from "@samraad/db/demo";
import { accessibilityViolations, type Browser, launchBrowser } from "@samraad/e2e";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteWithDemo } from "../src/test-support.ts";

/*
 * A citizen signs up for an idea meeting in Brønderslev's "Tilgængelig by" with the keyboard alone and
 * JavaScript switched off: the process page, the sign-up form (first with a mistake), the receipt. Every page
 * on the way is axe-clean with JavaScript on and off, and reflows at 320 px.
 */

let env: Awaited<ReturnType<typeof siteWithDemo>>;
let server: ReturnType<typeof serve>;
let origin = "";
const b = demoCoCreation.broenderslev;
const processPath = `/kommuner/broenderslev/samskabelse/${b.slug}`;

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
    const el = document.activeElement;
    return { id: el?.id ?? "", text: el?.textContent?.trim() ?? "", role: el?.getAttribute("role") ?? "" };
  });

/** Presses Tab until the focused element matches, at most `max` times. */
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

/**
 * axe needs script in the page, so the pages a reader got with JavaScript off are kept as they arrived and
 * checked afterwards in a browser with script on (same origin, so the stylesheet loads too).
 */
const seenWithoutScript: { label: string; html: string }[] = [];
const keep = async (page: Page, label: string) => {
  seenWithoutScript.push({ label, html: await page.content() });
};

describe("signing up for a co-creation session in a browser", () => {
  it("works by keyboard alone without JavaScript, every page on the way axe-clean", async () => {
    await withBrowser({ javaScriptEnabled: false }, async ({ context }) => {
      const page = await context.newPage();
      await page.goto(`${origin}/kommuner/broenderslev/samskabelse`);
      await keep(page, "list (no JS)");
      await tabTo(page, (a) => a.text === b.title);
      await page.keyboard.press("Enter");
      await page.waitForURL(`${origin}${processPath}`);
      await keep(page, "process page (no JS)");

      await tabTo(page, (a) => a.text.startsWith("Tilmeld dig Idémøde 1"));
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/tilmelding\/[0-9a-f-]{36}$/);
      await keep(page, "sign-up form (no JS)");

      // Submit with a mistake: the form comes back with the error summary focused.
      await tabTo(page, (a) => a.id === "email");
      await page.keyboard.type("ikke-en-adresse");
      await tabTo(page, (a) => a.text === "Tilmeld");
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await active(page)).role).toBe("alert");
      expect((await active(page)).text).toContain("Der er fejl i formularen");
      expect(await page.title()).toMatch(/^Fejl: /);
      await keep(page, "sign-up form with errors (no JS)");

      // The summary's first link leads to the name field.
      await page.keyboard.press("Tab");
      expect((await active(page)).text).toBe("Udfyld feltet");
      await tabTo(page, (a) => a.id === "name");
      await page.keyboard.type("Kirsten Vang");
      await page.keyboard.press("Tab");
      expect((await active(page)).id).toBe("email");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("kirsten@example.dk");
      await page.keyboard.press("Tab");
      expect((await active(page)).id).toBe("needs");
      await page.keyboard.type("Jeg kommer med førerhund");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/samskabelse\/tilmelding\/[A-Za-z0-9_-]{32}$/);
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
      const receipt = await page.locator("main").innerText();
      expect(receipt).toContain("Tak, Kirsten Vang. Du er tilmeldt.");
      expect(receipt).not.toContain("førerhund");
      await keep(page, "receipt (no JS)");
    });
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const { label, html } of seenWithoutScript) {
        await page.goto(`${origin}/tilgaengelighed`);
        await page.setContent(html);
        await checkPage(page, label);
      }
    });
    expect(seenWithoutScript).toHaveLength(5);
  }, 240_000);

  it("has no axe violations with JavaScript on, and reflows at 320 px", async () => {
    const html = (await env.get(processPath)).text;
    const signUp = html.match(/href="([^"]*\/tilmelding\/[0-9a-f-]{36})"/)?.[1];
    if (!signUp) throw new Error("no sign-up link");
    const paths = ["/kommuner/broenderslev/samskabelse", processPath, signUp, "/soeg?q=midtby"];
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${origin}${path}`);
        await checkPage(page, path);
      }
      // The form's error state, reached by a plain submit.
      await page.goto(`${origin}${signUp}`);
      await page.click("button[type=submit]");
      await expect.poll(() => page.locator("#fejlopsummering").count()).toBe(1);
      await checkPage(page, "errors (JS)");
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
