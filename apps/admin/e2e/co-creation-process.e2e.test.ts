import { accessibilityViolations } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { announcedAfter, copenhagenDate, productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

describe("co-creation: the Handicapråd's secretary organises a process", () => {
  it("creates a process (first with a mistake), adds a session with accessibility facts and publishes it", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await page.getByRole("navigation").getByRole("link", { name: "Samskabelse" }).click();
    await page.getByRole("heading", { level: 1, name: "Samskabelse" }).waitFor();
    await page.getByRole("link", { name: "Tilgængelig by – borgerne bestemmer" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Fritidsliv for alle (kladde)");
    expect(await accessibilityViolations(page)).toEqual([]);

    // A purpose but no title: the error summary takes focus and links to the field.
    await page.getByLabel("Formål").fill("Unge med handicap udvikler idéer til fritidstilbud.");
    await page.getByRole("button", { name: "Opret forløb" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Udfyld feltet" });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
    expect(await page.locator(".form-error-message").first().textContent()).toContain("Udfyld feltet");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Titel", { exact: true }).fill("Fritid uden forhindringer");
    await page.getByRole("button", { name: "Opret forløb" }).click();
    await page.getByRole("heading", { level: 1, name: "Fritid uden forhindringer" }).waitFor();
    expect(page.url()).toMatch(/\/admin\/samskabelse\/[0-9a-f-]{36}$/);
    expect(await page.locator("main").textContent()).toContain("Status: Kladde");

    // A session, by keyboard: open the disclosure, fill the fields, tick two facts in their fieldset.
    await page.getByText("Tilføj møde", { exact: true }).first().focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("Mødets navn").fill("Værksted i Kulturhuset");
    await page.getByLabel("Dato (ÅÅÅÅ-MM-DD)").fill(copenhagenDate(30));
    await page.getByLabel("Starttid (TT:MM)").fill("17:00");
    await page.getByLabel("Sted", { exact: true }).fill("Kulturhuset, sal 2");
    await page.getByRole("group", { name: "Tilgængelighed på stedet" }).getByLabel("Teleslynge").check();
    await page.getByRole("group", { name: "Tilgængelighed på stedet" }).getByLabel("Børnepasning").check();
    await page.getByLabel("Antal pladser (tom: ingen grænse)").fill("12");
    await announcedAfter(page, "Gemt", () => page.getByRole("button", { name: "Tilføj møde" }).click());
    await page.getByRole("heading", { level: 3, name: "Værksted i Kulturhuset" }).waitFor();
    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).toContain("0 af 12 pladser · 0 på venteliste");
    expect(body).toContain("Teleslynge · Børnepasning");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Offentliggør" }).click();
    await page.getByText("Status: Offentliggjort").waitFor();
    expect(await page.getByRole("link", { name: "Se den offentlige side" }).getAttribute("href")).toBe(
      "/kommuner/broenderslev/samskabelse/fritid-uden-forhindringer",
    );
  }, 180_000);

  it("sees who signed up with their needs, and a cancellation moves the waiting list", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await page.goto(`${product.server.url}/admin/samskabelse`);
    await page.getByRole("link", { name: "Tilgængelig by – borgerne bestemmer" }).click();
    await page.getByRole("heading", { level: 2, name: "Tilmeldinger" }).waitFor();
    await page.getByRole("cell", { name: "Tegnsprogstolk, tak" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Nuværende fase: Invitation");
    expect(await accessibilityViolations(page)).toEqual([]);

    await announcedAfter(page, "Mette Poulsen er rykket op fra ventelisten.", () =>
      page.getByRole("button", { name: "Afmeld Lone Kristensen" }).click(),
    );
    await expect
      .poll(async () =>
        page.getByRole("row").filter({ hasText: "Mette Poulsen" }).getByRole("cell").nth(3).textContent(),
      )
      .toBe("Tilmeldt");
    expect(await page.getByRole("button", { name: "Hent tilmeldinger som CSV" }).isVisible()).toBe(true);
  }, 120_000);
});
