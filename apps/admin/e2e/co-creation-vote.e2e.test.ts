import { demoCoCreation, demoVotes } from "@samraad/db/demo";
import { accessibilityViolations } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { announcedAfter, demoVoteAdminPath, productAndBrowser, signInAs } from "./helpers.ts";

/*
 * The secretary of Brønderslev's Handicapråd organises the open demo vote: publishes the pending idea,
 * makes a batch of ballot codes and downloads the printable sheet, then closes the vote and sees the result.
 * The screen passes axe in each state.
 */

const product = productAndBrowser();

describe("organising a citizen-run budget in the admin app", () => {
  it("moderates an idea, prints codes, closes the vote and shows the result, axe-clean throughout", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await page.goto(`${product.server.url}${await demoVoteAdminPath(product.server.db)}`);
    await page.getByRole("heading", { level: 1, name: /^Forslag og afstemning/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The pending idea becomes public.
    const pending = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: demoVotes.broenderslev.pendingIdea }) });
    await expect.poll(() => pending.locator(".tag").textContent()).toBe("Afventer");
    await announcedAfter(page, "Offentliggjort", () =>
      pending.getByRole("button", { name: `Offentliggør ${demoVotes.broenderslev.pendingIdea}` }).click(),
    );
    await expect.poll(() => pending.locator(".tag").textContent()).toBe("Offentliggjort");

    // A new batch of 24 codes, and its printable sheet.
    await page.getByLabel("Antal nye koder").fill("24");
    await announcedAfter(page, "Stemmekoderne er lavet", () =>
      page.getByRole("button", { name: "Lav stemmekoder" }).click(),
    );
    await expect
      .poll(() =>
        page
          .getByRole("row")
          .filter({ hasText: /^2\s*24\s*0/ })
          .count(),
      )
      .toBe(1);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Hent PDF til print (Bunke 2)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`stemmekoder-${demoCoCreation.broenderslev.slug}-bunke-2.pdf`);
    expect(await accessibilityViolations(page)).toEqual([]);

    // While open there are no totals; closing shows the result and the publish button.
    await expect
      .poll(() => page.getByText("Stemmetallene vises først, når afstemningen er lukket.").count())
      .toBe(1);
    await announcedAfter(page, "Afstemningen er lukket", () =>
      page.getByRole("button", { name: "Luk afstemningen nu" }).click(),
    );
    await page.getByRole("heading", { level: 3, name: "Resultat" }).waitFor();
    await page.getByRole("button", { name: "Offentliggør resultatet" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
