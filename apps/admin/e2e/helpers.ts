import { demoCoCreation } from "@samraad/db/demo";
import { findMunicipality, findPublicVoteProcessBySlug } from "@samraad/db/queries";
import { type Browser, launchBrowser } from "@samraad/e2e";
import { startTestServer } from "@samraad/server/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

export const PASSWORD = "samraad-demo";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The whole product on a fresh demo database, and Debian's Chromium, for the tests of one file: started before
 * them, closed after them. Read `server` and `browser` inside the tests (they exist once the file's setup has run).
 */
export function productAndBrowser(options: Parameters<typeof startTestServer>[0] = {}) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the product starts in beforeAll: use it inside a test");
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}

/** Signs in through the sign-in form, as a person would, and waits for the overview. */
export async function signInAs(page: Page, url: string, email: string) {
  await page.goto(`${url}/admin/log-ind`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode").fill(PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  const overview = page.getByRole("heading", { level: 1, name: "Overblik" });
  const refused = page.locator(".error-summary");
  await overview.or(refused).first().waitFor();
  if (await refused.isVisible()) throw new Error(`sign-in refused: ${await refused.textContent()}`);
}

export async function h1(page: Page): Promise<string> {
  return (await page.locator("h1").first().textContent())?.trim() ?? "";
}

/** A calendar date n days from today in Copenhagen, as the form wants it (YYYY-MM-DD). */
export function copenhagenDate(days: number): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

export async function expectNoAxeViolations(
  page: Page,
  accessibilityViolations: (p: Page) => Promise<string[]>,
) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/**
 * Runs `action` and waits until the live region says `text` AFTER it. The live region keeps its last words
 * ("Gemt" stays "Gemt"), so waiting for the text alone passes at once when the previous change said the same.
 * A MutationObserver records what the region says from now on; the page's own DOM is left untouched.
 */
export async function announcedAfter(page: Page, text: string, action: () => Promise<unknown>) {
  await page.evaluate(() => {
    const w = window as unknown as { __said?: string[]; __sayObserver?: MutationObserver };
    w.__sayObserver?.disconnect();
    const said: string[] = [];
    w.__said = said;
    const region = document.querySelector(".live");
    if (!region) throw new Error("no live region on the page");
    w.__sayObserver = new MutationObserver(() => said.push(region.textContent ?? ""));
    w.__sayObserver.observe(region, { childList: true, characterData: true, subtree: true });
  });
  await action();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __said?: string[] }).__said ?? []))
    .toContain(text);
}

/** Resolves with the answer to the app's next tRPC call of `procedure` (batched calls included). */
export function trpcAnswer(page: Page, procedure: string) {
  return page.waitForResponse((r) =>
    new URL(r.url()).pathname
      .replace(/^\/trpc\//, "")
      .split(",")
      .includes(procedure),
  );
}

/** The admin page of Brønderslev's open demo vote. */
export async function demoVoteAdminPath(db: TestServer["db"]): Promise<string> {
  const m = await findMunicipality(db, { slug: demoCoCreation.broenderslev.municipality });
  const p = m ? await findPublicVoteProcessBySlug(db, m.id, demoCoCreation.broenderslev.slug) : null;
  if (!p) throw new Error("no demo process");
  return `/admin/samskabelse/${p.id}/afstemning`;
}
