import { accessibilityViolations, launchBrowser } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { announcedAfter, productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

describe("partnerships: the organisation's partner works in its one partnership", () => {
  it("sees the steps, the agreement in force and the warning, and signs the waiting amendment by keyboard", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "partner@forening.demo");
    await page.getByRole("navigation").getByRole("link", { name: "Partnerskaber" }).click();
    await page.getByRole("heading", { level: 1, name: "Partnerskaber" }).waitFor();
    await page
      .getByRole("heading", { level: 2, name: "Forældrekursus for forældre til børn med handicap" })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).toContain("6 familier er rekrutteret; et netværk bør have mindst 8");
    expect(body).toContain("Trin 1: Den bærende idé");
    expect(body).toContain("Aftalen er i kraft siden");
    expect(body).toContain("Styregruppen er sammensat efter modellen.");
    expect(body).toContain("Udkast – mangler underskrift fra Pia Partner");

    const download = page.getByRole("link", { name: "Hent aftalen som Word-dokument (DOCX)" });
    expect(await download.getAttribute("href")).toMatch(/^\/api\/partnerships\/[0-9a-f-]{36}\/aftale\.docx$/);

    // The partner may sign only for its organisation: exactly one sign button, and it is the organisation's.
    const signButtons = page.getByRole("button", { name: /^Underskriv for/ });
    expect(await signButtons.count()).toBe(1);
    const sign = page.getByRole("button", {
      name: "Underskriv for Forældreforeningen for børn med handicap, Randers",
    });
    await sign.focus();
    await page.keyboard.press("Enter");
    await page.getByText("Udkast – mangler underskrift").waitFor({ state: "detached" });
    await page
      .getByRole("heading", { name: "Tillæg 2: Tilskud fra puljen til frivilligt socialt arbejde" })
      .waitFor();
    expect(await page.locator("main").textContent()).toContain(
      "Tillæg 2: Tilskud fra puljen til frivilligt socialt arbejde",
    );
    await expect.poll(() => page.getByRole("button", { name: /^Underskriv for/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The board filtered to one person shows only that person's tasks.
    await page.getByLabel("Vis opgaver for").selectOption({ label: "Lise Holm" });
    await expect
      .poll(() =>
        page.getByRole("button", { name: "Markér som udført: Hold kontakt til familierne" }).count(),
      )
      .toBe(0);
    await expect
      .poll(() => page.getByRole("button", { name: /^Markér som udført: Send tilfredshedsskema/ }).count())
      .toBe(1);
    await page.getByLabel("Vis opgaver for").selectOption({ label: "Alle" });

    // A task marked done by keyboard shows its date.
    const markDone = page.getByRole("button", { name: "Markér som udført: Hold kontakt til familierne" });
    await markDone.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Genåbn: Hold kontakt til familierne" }).waitFor();
    await page.close();
  }, 90_000);
});

describe("partnerships: an official and an organisation set one up by the model and both sign", () => {
  it("creates, answers, writes a section, names the signatories, and both sign — from the keyboard", async () => {
    const official = await product.browser.context.newPage();
    await signInAs(official, product.server.url, "admin@randers.demo");
    // The yearly evaluation of the demo partnership is on the official's dashboard, linking to the partnerships.
    const evaluation = official.getByRole("link", {
      name: /Årlig evaluering: Forældrekursus for forældre til børn med handicap/,
    });
    await evaluation.waitFor();
    expect(await evaluation.getAttribute("href")).toBe("/admin/partnerskaber");
    await official.getByRole("navigation").getByRole("link", { name: "Partnerskaber" }).click();
    await official.getByRole("heading", { level: 1, name: "Partnerskaber" }).waitFor();
    const summary = official.locator("summary", { hasText: "Opret partnerskab" });
    await summary.focus();
    await official.keyboard.press("Enter");
    // Nothing filled in: the error summary names both fields, nothing is created.
    const create = official.getByRole("button", { name: "Opret partnerskab" });
    await create.focus();
    await official.keyboard.press("Enter");
    await official.locator(".error-summary").waitFor();
    expect(await official.locator("#f-newTitle-error").textContent()).toContain("Udfyld feltet");
    expect(await accessibilityViolations(official)).toEqual([]);

    await official.getByLabel("Partnerskabets navn").fill("Søskendegruppe i Randers");
    await official.getByLabel("Brugerorganisation").fill("Søskendeforeningen");
    await create.focus();
    await official.keyboard.press("Enter");
    await official.getByRole("heading", { level: 2, name: "Søskendegruppe i Randers" }).waitFor();

    const step1 = official.locator("section", { has: official.getByRole("heading", { name: /^Trin 1/ }) });
    await step1.getByLabel("Mål: Hvad vil vi opnå sammen?").fill("Søskende til børn med handicap mødes");
    await step1.getByRole("button", { name: "Gem svar" }).focus();
    await official.keyboard.press("Enter");
    await official.getByRole("heading", { name: "Trin 1: Den bærende idé – 5 ubesvarede" }).waitFor();

    const task = official.locator("section", { has: official.getByRole("heading", { name: "§ 2 Opgaven" }) });
    await task.getByLabel("Opgaven", { exact: true }).fill("Søskendegrupper og forældrecafé");
    await task.getByRole("button", { name: "Gem afsnittet" }).focus();
    // "Gemt" is still on screen from the step's answer: wait for this save's own announcement.
    await announcedAfter(official, "Gemt", () => official.keyboard.press("Enter"));

    const addPerson = async (partner: string, name: string, email: string, capacity: string) => {
      await official.getByLabel("Partner", { exact: true }).selectOption({ label: partner });
      await official.getByLabel("Navn", { exact: true }).fill(name);
      await official.getByLabel("E-mail", { exact: true }).fill(email);
      await official.getByLabel("Stilling eller rolle").fill(capacity);
      await official.getByLabel("Underskriver for partneren").check();
      await official.getByRole("button", { name: "Tilføj person" }).focus();
      await official.keyboard.press("Enter");
      await official.getByText(`${name}, ${partner} (underskriver)`).waitFor();
    };
    await addPerson("Randers Kommune", "Rasmus Administrator", "admin@randers.demo", "Direktør");
    await addPerson("Søskendeforeningen", "Pia Partner", "partner@forening.demo", "Formand");
    expect(await accessibilityViolations(official)).toEqual([]);

    await official
      .getByLabel("Aftalens varighed")
      .selectOption({ label: "Fortløbende med årlig evaluering" });
    await official.getByLabel("Dato for årlig evaluering eller slutdato").fill("2027-09-01");
    await official.getByRole("button", { name: "Gem datoen" }).focus();
    await announcedAfter(official, "Gemt", () => official.keyboard.press("Enter"));

    // A task of its own on the work schedule, with a deadline.
    await official.getByLabel("Fase").selectOption({ label: "Før kursusforløbet" });
    await official.getByLabel("Opgave", { exact: true }).fill("Book lokale på biblioteket");
    await official.getByLabel("Ansvarlig person").fill("Lise Holm");
    await official.getByLabel("Frist").fill("2027-02-01");
    await official.getByRole("button", { name: "Tilføj opgave" }).focus();
    await official.keyboard.press("Enter");
    await official.getByRole("button", { name: "Markér som udført: Book lokale på biblioteket" }).waitFor();

    await official.getByRole("button", { name: "Underskriv for Randers Kommune" }).focus();
    await official.keyboard.press("Enter");
    await official.getByText("Aftalen er ikke i kraft: den mangler underskrift fra Pia Partner.").waitFor();

    // The organisation's partner, in a browser of her own, signs for the organisation only.
    const second = await launchBrowser();
    try {
      const partner = await second.context.newPage();
      await signInAs(partner, product.server.url, "partner@forening.demo");
      await partner.getByRole("navigation").getByRole("link", { name: "Partnerskaber" }).click();
      await partner.getByLabel("Vælg partnerskab").selectOption({ label: "Søskendegruppe i Randers" });
      await partner.getByRole("heading", { level: 2, name: "Søskendegruppe i Randers" }).waitFor();
      expect(await partner.getByRole("button", { name: /^Underskriv for/ }).count()).toBe(1);
      await partner.getByRole("button", { name: "Underskriv for Søskendeforeningen" }).focus();
      await partner.keyboard.press("Enter");
      await partner.getByText(/^Aftalen er i kraft siden/).waitFor();
      expect(await accessibilityViolations(partner)).toEqual([]);
    } finally {
      await second.close();
    }
    await official.reload();
    await official.getByRole("heading", { level: 1, name: "Partnerskaber" }).waitFor();
    await official.getByLabel("Vælg partnerskab").selectOption({ label: "Søskendegruppe i Randers" });
    // The first partnership (in force too) stays on screen until the chosen one has loaded: wait for it first.
    await official.getByRole("heading", { level: 2, name: "Søskendegruppe i Randers" }).waitFor();
    await official.getByText(/^Aftalen er i kraft siden/).waitFor();
    await official.close();
  }, 120_000);
});
