import { accessibilityViolations } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { announcedAfter, productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

const processTitle = "Tilgængelig by – borgerne bestemmer";
const session = "Idémøde 1: Hvor er det svært at komme frem?";

describe("co-creation: the process ends in a signed cooperation agreement", () => {
  it("edits a session (first with a mistake), starts the agreement and signs it, by keyboard", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "admin@broenderslev.demo");
    await page.goto(`${product.server.url}/admin/samskabelse`);
    await page.getByRole("link", { name: processTitle }).click();
    await page.getByRole("heading", { level: 2, name: "Resultat / samarbejdsaftale" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Edit the process: an emptied title is refused at the field; a new area is saved.
    await page.getByText("Redigér forløbet", { exact: true }).focus();
    await page.keyboard.press("Enter");
    const title = page.locator("#f-process-title");
    await expect.poll(() => title.inputValue()).toBe(processTitle);
    await title.fill("");
    await page.locator("#f-process-area").fill("Brønderslev midtby og stationsområdet");
    await page.getByRole("button", { name: "Gem forløbet" }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("alert")
      .filter({ has: page.locator('a[href="#f-process-title"]') })
      .waitFor();
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityViolations(page)).toEqual([]);
    await title.fill(processTitle);
    await announcedAfter(page, "Gemt", async () => {
      await page.getByRole("button", { name: "Gem forløbet" }).focus();
      await page.keyboard.press("Enter");
    });
    await expect.poll(() => title.getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("#f-process-area").inputValue()).toBe("Brønderslev midtby og stationsområdet");

    // Edit the session: the form opens with the stored values, focus on its first field.
    await page.getByRole("button", { name: `Redigér ${session}` }).focus();
    await page.keyboard.press("Enter");
    const start = page.locator("#f-edit-session-startTime");
    await expect.poll(() => start.inputValue()).toBe("17:00");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-edit-session-title");
    await start.fill("25:00");
    await page.getByRole("button", { name: "Gem mødet" }).focus();
    await page.keyboard.press("Enter");
    const summary = page
      .getByRole("alert")
      .filter({ has: page.locator('a[href="#f-edit-session-startTime"]') });
    await summary.waitFor();
    expect(await start.getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityViolations(page)).toEqual([]);

    await start.fill("16:30");
    await page.locator("#f-edit-session-capacity").fill("80");
    await announcedAfter(page, "Gemt", async () => {
      await page.getByRole("button", { name: "Gem mødet" }).focus();
      await page.keyboard.press("Enter");
    });
    const card = page
      .locator("li.card")
      .filter({ has: page.getByRole("heading", { level: 3, name: session }) });
    await expect.poll(() => card.textContent()).toContain("16:30");
    expect(await card.textContent()).toContain("af 80 pladser");

    // The outcome: no organisation is refused at the field; then the agreement is started.
    const organisations = page.getByLabel("Organisationer, der underskriver sammen med kommunen");
    await page.getByRole("button", { name: "Start samarbejdsaftalen" }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("alert")
      .filter({ has: page.locator('a[href="#f-agreement-organisations"]') })
      .waitFor();
    expect(await organisations.getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityViolations(page)).toEqual([]);
    await organisations.fill("Frivilligcenter Brønderslev");
    await page.getByRole("button", { name: "Start samarbejdsaftalen" }).focus();
    await page.keyboard.press("Enter");
    const status = page.getByTestId("agreement-status");
    await expect
      .poll(() => status.textContent())
      .toBe(`Samarbejdsaftale: ${processTitle} – Under forberedelse`);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Drafting and signing are the partnership's own screen.
    await page.getByRole("link", { name: /^Åbn samarbejdsaftalen/ }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: processTitle }).waitFor();
    await page.getByText(`Samarbejdsaftale – resultat af samskabelsesforløbet ${processTitle}`).waitFor();
    // § 3 asks what a cooperation agreement must settle: who the volunteers are and how they are recruited.
    expect(await page.locator("#f-section-content-hint").textContent()).toContain(
      "Hvem er de frivillige? · Hvordan rekrutteres de frivillige?",
    );
    await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Brønderslev Kommune" });
    await page.getByLabel("Navn", { exact: true }).fill("Anne Administrator");
    await page.getByLabel("E-mail", { exact: true }).fill("admin@broenderslev.demo");
    await page.getByLabel("Stilling eller rolle").fill("Socialdirektør");
    await page.getByLabel("Underskriver for partneren").check();
    await page.getByRole("button", { name: "Tilføj person" }).focus();
    await page.keyboard.press("Enter");
    const sign = page.getByRole("button", { name: "Underskriv for Brønderslev Kommune" });
    await sign.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await sign.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => sign.count()).toBe(0);

    // Back on the process, the signature shows, and who still has to sign.
    await page.getByRole("link", { name: `resultat af samskabelsesforløbet ${processTitle}` }).focus();
    await page.keyboard.press("Enter");
    const signed = page.getByText(/^Underskrevet af Anne Administrator, Socialdirektør/);
    await signed.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 240_000);

  it("shows Gribskov's signed agreement on the public process page, axe-clean", async () => {
    const page = await product.browser.context.newPage();
    await page.goto(`${product.server.url}/kommuner/gribskov/samskabelse/it-frivillige`);
    await page.getByRole("heading", { level: 2, name: "Resultat af forløbet" }).waitFor();
    await page.getByRole("link", { name: /^Læs samarbejdsaftalen/ }).click();
    await page.getByRole("heading", { level: 1, name: "IT-frivillige på sociale tilbud" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goBack();
    await page.getByRole("heading", { level: 2, name: "Resultat af forløbet" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
