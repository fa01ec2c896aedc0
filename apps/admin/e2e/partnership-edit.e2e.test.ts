import { accessibilityViolations, launchBrowser } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { productAndBrowser, signInAs } from "./helpers.ts";

/* The organisation's partner keeps its partnership up to date by keyboard: people, tasks, publishing, termination. */

const product = productAndBrowser();

const organisation = "Forældreforeningen for børn med handicap, Randers";

describe("partnerships: editing people and tasks, publishing and terminating", () => {
  it("a partner edits and removes by keyboard, is refused for the municipality's people and before the evaluation", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "partner@forening.demo");
    await page.getByRole("navigation").getByRole("link", { name: "Partnerskaber" }).click();
    await page
      .getByRole("heading", { level: 2, name: "Forældrekursus for forældre til børn med handicap" })
      .waitFor();
    expect(await page.getByTestId("partnership-status").textContent()).toBe("Status: Aftalen er i kraft");
    const press = async (name: string) => {
      await page.getByRole("button", { name, exact: true }).focus();
      await page.keyboard.press("Enter");
    };

    // The municipality's people are not the organisation's to change.
    await press("Fjern Lise Holm");
    const summary = page.locator(".error-summary");
    await summary.getByText("Du kan kun ændre personer hos en partner, du selv hører til").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("error-summary");

    // Its own volunteer coordinator: a required name is an error at the field, then the change is saved.
    await press("Ret Ole Frivillig");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-edit-person-name");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await press("Gem personen");
    await page.locator("#f-edit-person-name-error").getByText("Udfyld feltet").waitFor();
    expect(await page.locator("#f-edit-person-name-error").textContent()).toBe("Fejl: Udfyld feltet");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator("#f-edit-person-name").fill("Ole Frivillig Hansen");
    await press("Gem personen");
    await page.getByText(`Ole Frivillig Hansen, ${organisation} (kontaktperson)`).waitFor();
    await press("Fjern Ole Frivillig Hansen");
    await expect.poll(() => page.getByText("Ole Frivillig Hansen,").count()).toBe(0);

    // A task moved and renamed, then removed from the board.
    await press("Ret Hold kontakt til familierne");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-edit-task-title");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Ring til familierne");
    await page.locator("#f-edit-task-dueOn").fill("2099-02-01");
    await press("Gem opgaven");
    await page.getByRole("button", { name: "Markér som udført: Ring til familierne" }).waitFor();
    expect(await page.getByRole("row", { name: /Ring til familierne/ }).textContent()).toContain(
      "1. februar 2099",
    );
    await press("Fjern Ring til familierne");
    await expect
      .poll(() => page.getByRole("button", { name: "Markér som udført: Ring til familierne" }).count())
      .toBe(0);

    // Terminating is the agreement's own term: only at the yearly evaluation, which is still weeks away.
    await page.getByLabel("Partneren der opsiger").selectOption({ label: organisation });
    await page.getByLabel("Begrundelse").fill("Vi har ikke frivillige nok");
    await press("Opsig aftalen");
    await summary.getByText(/^Aftalen kan først opsiges ved den årlige evaluering/).waitFor();
    expect(await page.getByTestId("partnership-status").textContent()).toBe("Status: Aftalen er i kraft");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Published and in force: the public page is one link away and shows no contact data.
    const publicLink = page.getByRole("link", { name: "Se den offentlige side" });
    const href = await publicLink.getAttribute("href");
    expect(href).toMatch(/^\/partnerskaber\/[0-9a-f-]{36}$/);
    await page.goto(`${product.server.url}${href}`);
    await page
      .getByRole("heading", { level: 1, name: "Forældrekursus for forældre til børn med handicap" })
      .waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered to the reader is the point
    expect(await page.locator("main").innerText()).not.toContain("Pia Partner");
    await page.close();
  }, 120_000);

  it("an official invites a person without a login; the person chooses a password by keyboard and signs in", async () => {
    const officialBrowser = await launchBrowser();
    const invitedBrowser = await launchBrowser();
    try {
      const official = await officialBrowser.context.newPage();
      await signInAs(official, product.server.url, "admin@randers.demo");
      await official.getByRole("navigation").getByRole("link", { name: "Partnerskaber" }).click();
      await official
        .getByRole("heading", { level: 2, name: "Forældrekursus for forældre til børn med handicap" })
        .waitFor();
      await official.getByLabel("Partner", { exact: true }).selectOption({ label: organisation });
      await official.getByLabel("Navn", { exact: true }).fill("Nina Ny");
      await official.getByLabel("E-mail", { exact: true }).fill("nina@forening.demo");
      await official.getByRole("button", { name: "Tilføj person" }).focus();
      await official.keyboard.press("Enter");
      const inviteButton = official.getByRole("button", { name: "Lav invitationslink til Nina Ny" });
      await inviteButton.waitFor();
      await inviteButton.focus();
      await official.keyboard.press("Enter");
      const linkField = official.getByLabel("Invitationslink til Nina Ny");
      await linkField.waitFor();
      await expect
        .poll(() => official.evaluate(() => document.activeElement?.getAttribute("readonly")))
        .toBe("");
      const url = await linkField.inputValue();
      expect(url).toMatch(/\/admin\/invitation\?token=[A-Za-z0-9]{32}$/);
      expect(await accessibilityViolations(official)).toEqual([]);

      const invited = await invitedBrowser.context.newPage();
      await invited.goto(url.replace(/^https?:\/\/[^/]+/, product.server.url));
      await invited.getByRole("heading", { level: 1, name: "Vælg din adgangskode" }).waitFor();
      expect(await accessibilityViolations(invited)).toEqual([]);
      await invited.getByLabel("Ny adgangskode").fill("nyt-kodeord-123");
      await invited.getByLabel("Gentag adgangskoden").fill("noget-andet-1");
      await invited.getByRole("button", { name: "Gem adgangskoden" }).focus();
      await invited.keyboard.press("Enter");
      await invited.locator(".error-summary").getByText("De to adgangskoder er ikke ens").waitFor();
      expect(await accessibilityViolations(invited)).toEqual([]);
      await invited.getByLabel("Gentag adgangskoden").fill("nyt-kodeord-123");
      await invited.getByRole("button", { name: "Gem adgangskoden" }).focus();
      await invited.keyboard.press("Enter");
      await invited.getByText("Din adgangskode er gemt.").waitFor();
      await invited.getByRole("link", { name: "Log ind" }).click();
      await invited.getByLabel("E-mail").fill("nina@forening.demo");
      await invited.getByLabel("Adgangskode").fill("nyt-kodeord-123");
      await invited.getByRole("button", { name: "Log ind" }).click();
      await invited.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();
      await invited.getByRole("navigation").getByRole("link", { name: "Partnerskaber" }).click();
      await invited
        .getByRole("heading", { level: 2, name: "Forældrekursus for forældre til børn med handicap" })
        .waitFor();
    } finally {
      await officialBrowser.close();
      await invitedBrowser.close();
    }
  }, 150_000);
});
