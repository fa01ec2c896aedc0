import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { and, eq } from "@samraad/db";
import { demo } from "@samraad/db/demo";
import { hearingResponses, hearings, meetings } from "@samraad/db/schema";
import { axeViolations, type Browser, launchBrowser, tabOrder } from "@samraad/e2e";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteWithDemo } from "../src/test-support.ts";

/*
 * The site alone on a real port, in Debian's Chromium: axe (WCAG 2.2 A/AA), no JavaScript, 320 px reflow and
 * the keyboard, on every page type.
 */

let env: Awaited<ReturnType<typeof siteWithDemo>>;
let server: ReturnType<typeof serve>;
let origin = "";
const pages: Record<string, string> = {};

beforeAll(async () => {
  env = await siteWithDemo();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: env.site.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  const [minutes] = await env.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.startsAt, demo.broenderslev.historicMeetingStartsAt));
  const [hearing] = await env.db
    .select({ id: hearings.id })
    .from(hearings)
    .innerJoin(hearingResponses, eq(hearingResponses.hearingId, hearings.id))
    .where(and(eq(hearings.title, demo.broenderslev.hearingTitle), eq(hearingResponses.status, "submitted")));
  if (!minutes || !hearing) throw new Error("demo data is missing the historic meeting or hearing");
  Object.assign(pages, {
    front: "/",
    municipality: `/kommuner/${demo.broenderslev.slug}`,
    council: `/kommuner/${demo.broenderslev.slug}/${demo.broenderslev.councilSlug}`,
    meeting: `/moeder/${minutes.id}`,
    hearing: `/hoeringer/${hearing.id}`,
    search: "/soeg?q=socialaftale",
    accessibility: "/tilgaengelighed",
    notFound: "/kommuner/atlantis",
    english: `/kommuner/${demo.broenderslev.slug}/${demo.broenderslev.councilSlug}?lang=en`,
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

describe("every page type in a real browser", () => {
  it("has no axe violations (WCAG 2.2 A/AA)", async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${origin}${path}`);
        expect(await axeViolations(page), name).toEqual([]);
      }
    });
  }, 120_000);

  it("shows its content with JavaScript switched off", async () => {
    await withBrowser({ javaScriptEnabled: false }, async ({ context }) => {
      const page = await context.newPage();
      const expectations: Record<string, string> = {
        front: "Find dit råd",
        municipality: "Råd i Brønderslev",
        council: "Kommende møder",
        meeting: "3. december 2019, kl. 14:00",
        hearing: "Rådets høringssvar",
        search: "Dagsordenspunkt",
        accessibility: "Fortæl os om et problem",
        notFound: "Siden findes ikke",
        english: "Upcoming meetings",
      };
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${origin}${path}`);
        // innerText, not textContent: what is rendered to the reader is the point.
        // biome-ignore lint/performance/useDomNodeTextContent: see above
        expect(await page.locator("main").innerText(), name).toContain(expectations[name]);
      }
      // The search form works without JavaScript: a plain GET.
      await page.goto(`${origin}/`);
      await page.fill("#front-search", "egenmestring");
      await page.press("#front-search", "Enter");
      await page.waitForURL(/\/soeg\?q=egenmestring/);
      expect(await page.locator("main mark").count()).toBeGreaterThan(0);
    });
  }, 120_000);

  it("reflows at 320 CSS px without horizontal scrolling", async () => {
    await withBrowser({ viewport: { width: 320, height: 640 } }, async ({ context }) => {
      const page = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${origin}${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, name).toBeLessThanOrEqual(320);
      }
    });
  }, 120_000);

  it("lands the first Tab on the skip link, which moves focus to main", async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${origin}${path}`);
        await page.keyboard.press("Tab");
        const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
        expect(first, name).toBe(name === "english" ? "Skip to content" : "Gå til indhold");
        await page.keyboard.press("Enter");
        // Following the skip link is a (same-document) navigation: poll until focus has arrived.
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id), { message: name })
          .toBe("main");
      }
    });
  }, 120_000);

  it("reaches every link by Tab, each with a visible focus outline", async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const name of ["front", "council", "meeting", "search"] as const) {
        await page.goto(`${origin}${pages[name]}`);
        const links = await page.evaluate(
          () => [...document.querySelectorAll("a[href], input:not([type=hidden]), button")].length,
        );
        const order = await tabOrder(page, links + 5);
        expect(order.length, name).toBe(links);
        // Focus one control after another and read its computed outline.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        for (let i = 0; i < Math.min(links, 40); i++) {
          await page.keyboard.press("Tab");
          const outline = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el) return null;
            const style = getComputedStyle(el);
            return { width: Number.parseFloat(style.outlineWidth), style: style.outlineStyle };
          });
          expect(outline?.style, `${name} #${i}`).not.toBe("none");
          expect(outline?.width ?? 0, `${name} #${i}`).toBeGreaterThanOrEqual(2);
        }
      }
    });
  }, 180_000);
});
