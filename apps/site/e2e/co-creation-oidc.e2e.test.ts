import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Database } from "@samraad/db";
import { seedDemoData } from "@samraad/db/demo";
import { findMunicipality, saveOidcProvider } from "@samraad/db/queries";
import { createTestDatabase } from "@samraad/db/testing";
import { accessibilityViolations, type Browser, launchBrowser } from "@samraad/e2e";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite } from "../src/app.tsx";
import { seedSignedInVote, startTestProvider, type TestProvider } from "../src/test-oidc-provider.ts";

/*
 * A citizen votes signed in with OpenID Connect in a real browser with JavaScript switched off: a plain link to
 * the provider (a real oidc-provider with its plain login and consent forms), back to the ballot, "Du har valgt"
 * and the receipt. With JavaScript on (axe is a script), every new page is axe-clean: the signed-in ballot, the
 * confirmation, the receipt, "Du har allerede stemt — …" and the page for a cancelled sign-in.
 */

let opened: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
let server: ReturnType<typeof serve>;
let op: TestProvider;
let origin = "";
const once = "/kommuner/broenderslev/samskabelse/borgerbudget-mitid";
const revote = "/kommuner/broenderslev/samskabelse/borgerbudget-mitid-igen";

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  const now = new Date();
  await seedDemoData(db, now);
  // The site's public address is the port it listens on, so the broker must know it first.
  let site: ReturnType<typeof createSite> | null = null;
  await new Promise<void>((resolve) => {
    server = serve(
      {
        fetch: (request) => (site as ReturnType<typeof createSite>).fetch(request),
        port: 0,
        hostname: "127.0.0.1",
      },
      (info: AddressInfo) => {
        origin = `http://127.0.0.1:${info.port}`;
        resolve();
      },
    );
  });
  site = createSite({ db, now: () => new Date(), publicUrl: origin });
  op = await startTestProvider({
    redirectUris: [`${origin}/kommuner/broenderslev/samskabelse/log-ind/retur`],
    birthdates: { "karen@example.dk": "1961-03-14" },
  });
  const m = await findMunicipality(db, { slug: "broenderslev" });
  if (!m) throw new Error("no Brønderslev");
  await saveOidcProvider(
    db,
    m.id,
    { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret },
    now,
  );
  await seedSignedInVote(db, m.id, "borgerbudget-mitid", { allowRevote: false, now });
  await seedSignedInVote(db, m.id, "borgerbudget-mitid-igen", { allowRevote: true, now });
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await op?.close();
  await opened?.close();
});

async function withBrowser<T>(
  options: Parameters<typeof launchBrowser>[0],
  f: (browser: Browser) => Promise<T>,
) {
  const browser = await launchBrowser(options);
  // The provider's development pages load a web font from the internet; nothing here may leave the machine.
  await browser.context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => route.abort(),
  );
  try {
    return await f(browser);
  } finally {
    await browser.close();
  }
}

// biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
const mainText = (page: Page) => page.locator("main").innerText();

/**
 * From the vote page, through the provider's login and consent forms, back to the signed-in ballot. A provider
 * that still remembers the citizen (same browser) skips its forms, as a real broker's single sign-on does.
 */
async function signIn(page: Page, processPath: string, login: string) {
  const ballot = `${origin}${processPath}/afstemning/stem`;
  await page.goto(`${origin}${processPath}/afstemning`);
  await page.getByRole("link", { name: "Log ind og stem" }).click();
  for (let step = 0; step < 3; step++) {
    // Waiting for the URL rather than the load event: the provider's page asks for a web font that never comes.
    await expect.poll(() => page.url().startsWith(op.issuer) || page.url() === ballot).toBe(true);
    if (page.url() === ballot) return;
    const prompt = page.locator("input[name=prompt]");
    await prompt.waitFor({ state: "attached" });
    if ((await prompt.getAttribute("value")) === "login") {
      await page.fill("input[name=login]", login);
      await page.fill("input[name=password]", "hemmeligt");
    }
    const here = page.url();
    await page.click("button[type=submit]", { noWaitAfter: true });
    await expect.poll(() => page.url()).not.toBe(here);
  }
  await expect.poll(() => page.url()).toBe(ballot);
}

describe("voting signed in with OpenID Connect in a browser", () => {
  it("works without JavaScript: sign in, choose, confirm, cast; a second try is refused", async () => {
    await withBrowser({ javaScriptEnabled: false }, async ({ context }) => {
      const page = await context.newPage();
      await signIn(page, once, "karen@example.dk");
      expect(await mainText(page)).toContain("Du er logget ind og kan stemme uden stemmekode.");
      expect(await page.locator("#code").count()).toBe(0);

      // By keyboard: the first idea, the residence declaration, then "Se dit valg".
      await page.focus("#choices");
      await page.keyboard.press("Space");
      await page.focus("#eligibility");
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.title()).toMatch(/^Bekræft din stemme/);
      const confirmation = await mainText(page);
      expect(confirmation).toContain("Du har valgt:");
      expect(confirmation).toContain("Legeplads i parken");
      await page.getByRole("button", { name: "Afgiv stemme" }).click();
      await page.waitForURL(`${origin}${once}/afstemning/stem/kvittering`);
      expect(await mainText(page)).toContain("Tak – din stemme er talt med");

      // Signing in again: the identity has voted.
      await page.getByRole("button", { name: "Log ud" }).click();
      await page.waitForURL(`${origin}${once}/afstemning`);
      await signIn(page, once, "karen@example.dk");
      expect(await mainText(page)).toContain("Du har allerede stemt i denne afstemning.");
      expect(await page.locator("input[name=choices]").count()).toBe(0);
    });
  }, 180_000);

  it("has no axe violations on the new pages", async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      await signIn(page, revote, "anders@example.dk");
      expect(await accessibilityViolations(page), "signed-in ballot").toEqual([]);
      await page.click("button[type=submit]:has-text('Se dit valg')");
      await expect.poll(() => page.title()).toMatch(/^Fejl: /);
      expect(await accessibilityViolations(page), "signed-in ballot with errors").toEqual([]);
      await page.check("#choices");
      await page.check("#eligibility");
      await page.check("#declaresResidence");
      await page.click("button[type=submit]:has-text('Se dit valg')");
      await expect.poll(() => page.title()).toMatch(/^Bekræft din stemme/);
      expect(await accessibilityViolations(page), "confirmation").toEqual([]);
      await page.getByRole("button", { name: "Afgiv stemme" }).click();
      await page.waitForURL(`${origin}${revote}/afstemning/stem/kvittering`);
      expect(await accessibilityViolations(page), "receipt").toEqual([]);

      await signIn(page, revote, "anders@example.dk");
      expect(await mainText(page)).toContain(
        "Du har allerede stemt — du kan ændre din stemme indtil afstemningen lukker",
      );
      expect(await accessibilityViolations(page), "already voted, may change").toEqual([]);

      // Cancelling at the provider brings the citizen back to a page that says nothing was stored.
      // (Started without following the redirect: this browser's provider session would sign straight back in.)
      const started = await context.request.get(`${origin}${revote}/afstemning/log-ind`, { maxRedirects: 0 });
      const state = new URL(started.headers().location ?? "").searchParams.get("state") ?? "";
      await page.goto(
        `${origin}/kommuner/broenderslev/samskabelse/log-ind/retur?error=access_denied&state=${state}`,
      );
      expect(await mainText(page)).toContain("Du blev ikke logget ind.");
      expect(await accessibilityViolations(page), "cancelled sign-in").toEqual([]);
    });
  }, 180_000);
});
