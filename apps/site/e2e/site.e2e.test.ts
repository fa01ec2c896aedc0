import { and, eq } from "@samraad/db";
import { demo } from "@samraad/db/demo";
import { hearingResponses, hearings, meetings } from "@samraad/db/schema";
import { accessibilityViolations, tabOrder } from "@samraad/e2e";
import { beforeAll, describe, expect, it } from "vitest";
import { servedDemoSite, withBrowser } from "./helpers.ts";

/*
 * The site alone on a real port, in Debian's Chromium: axe (WCAG 2.2 A/AA), no JavaScript, 320 px reflow and
 * the keyboard, on every page type.
 */

const served = servedDemoSite();
const pages: Record<string, string> = {};

beforeAll(async () => {
  const [minutes] = await served.env.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.startsAt, demo.broenderslev.historicMeetingStartsAt));
  const [hearing] = await served.env.db
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

describe("every page type in a real browser", () => {
  it("has no axe violations (WCAG 2.2 A/AA)", async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${served.origin}${path}`);
        expect(await accessibilityViolations(page), name).toEqual([]);
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
        await page.goto(`${served.origin}${path}`);
        // innerText, not textContent: what is rendered to the reader is the point.
        // biome-ignore lint/performance/useDomNodeTextContent: see above
        expect(await page.locator("main").innerText(), name).toContain(expectations[name]);
      }
      // The search form works without JavaScript: a plain GET.
      await page.goto(`${served.origin}/`);
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
        await page.goto(`${served.origin}${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, name).toBeLessThanOrEqual(320);
      }
    });
  }, 120_000);

  it("lands the first Tab on the skip link, which moves focus to main", async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${served.origin}${path}`);
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
        await page.goto(`${served.origin}${pages[name]}`);
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
