import { demoPolicy } from "@samraad/db/demo";
import { accessibilityViolations } from "@samraad/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  announcedAfter,
  copenhagenDate,
  PASSWORD,
  productAndBrowser,
  signInAs,
  trpcAnswer,
} from "./helpers.ts";

const product = productAndBrowser();

/** What has focus, as a person hears it: the element's aria-label, its label, or its text. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (el.getAttribute("aria-label") ?? labelled ?? el.textContent ?? "").trim();
  });
}

async function tabTo(page: Page, name: string | RegExp, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (typeof name === "string" ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe("the action plan with the keyboard alone", () => {
  it("a secretary builds a plan with 3 actions, updates a status inline, and the page passes axe", async () => {
    const page = await product.browser.context.newPage();
    await page.goto(`${product.server.url}/admin/`);
    await page.getByRole("heading", { level: 1, name: "Log ind" }).waitFor();
    await tabTo(page, "E-mail");
    await page.keyboard.type("sekretaer@broenderslev.demo");
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();

    await tabTo(page, "Handicaprådet");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Handicaprådet" }).waitFor();
    await tabTo(page, "Handicappolitik og handlingsplan");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Handicappolitik" }).waitFor();
    // The newest policy is the draft under consultation in the council, with one action so far.
    await page.getByRole("heading", { level: 2, name: demoPolicy.draftTitle }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const actions = [
      ["Kortlægning af ventetider på hjælpemidler", "Sun", "Pia Holm"],
      ["Brugerpanel om hjælpemidler", "Soc", "Ole Friis"],
      ["Tilgængelig ansøgning om hjælpemidler på kommunens hjemmeside", "Adm", "Lone Berg"],
    ] as const;
    for (const [i, [handling, sector, owner]] of actions.entries()) {
      await tabTo(page, "Handling");
      await page.keyboard.type(handling);
      await tabTo(page, "Tovholder (navn)");
      await page.keyboard.type(owner);
      await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("Sektor");
      await page.keyboard.type(sector);
      await tabTo(page, "Hvor");
      await page.keyboard.type("Brønderslev Rådhus");
      await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("Frist");
      // The draft's period starts on 1 January next year; the actions fall due in its first spring.
      await page.keyboard.type(`${Number(copenhagenDate(0).slice(0, 4)) + 1}-03-0${i + 1}`);
      await page.keyboard.press("Enter");
      await page.getByRole("rowheader", { name: handling }).waitFor();
      // Focus returns to the first field, ready for the next action (after the reload that adds the row).
      await expect.poll(() => focused(page)).toBe("Handling");
      await page.keyboard.press("Shift+Tab");
    }
    const rows = page.locator("table tbody tr");
    expect(await rows.count()).toBe(4);
    await expect
      .poll(() => page.getByRole("row", { name: /Brugerpanel om hjælpemidler/ }).textContent())
      .toContain("Ole Friis, Social");
    // The conference's bar of 3 concrete actions is now met: no such finding any more.
    await expect.poll(() => page.locator("main").textContent()).not.toContain("sæt mindst 3 i værk");

    // An inline status change, by keyboard: postpone needs a reason.
    await page.keyboard.press("Home");
    await tabTo(page, "Ny status for Brugerpanel om hjælpemidler");
    await page.keyboard.type("Uds");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Afventer budgetforhandlingerne");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Opdatér status for Brugerpanel om hjælpemidler");
    // The select already shows what was typed, so its value proves nothing: wait for the API's acceptance
    // (announced only on success) and for the reload, so the next step does not race the re-render.
    const reloaded = trpcAnswer(page, "policy.get");
    await announcedAfter(page, "Status ændret til udskudt", () => page.keyboard.press("Enter"));
    await reloaded;
    const id = await rowId(page, "Brugerpanel om hjælpemidler");
    await expect.poll(() => page.locator(`#status-${id}`).inputValue()).toBe("postponed");
    await page
      .getByRole("row", { name: /Brugerpanel om hjælpemidler/ })
      .locator("input")
      .waitFor();
    expect(await page.locator(`#reason-${id}`).inputValue()).toBe("Afventer budgetforhandlingerne");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Reorder by keyboard: the last action moves up one place, and focus stays on its button.
    const last = "Tilgængelig ansøgning om hjælpemidler på kommunens hjemmeside";
    await page.keyboard.press("Home");
    await tabTo(page, `Flyt ${last} op`);
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await page.locator("table tbody tr th").allTextContents()).slice(-2))
      .toEqual([last, "Brugerpanel om hjælpemidler"]);
  }, 180_000);
});

describe("CSV import of an action plan", () => {
  it("shows the row errors before anything is saved, then imports a good file all at once", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await page.getByRole("link", { name: "Handicaprådet" }).first().click();
    await page.getByRole("link", { name: "Handicappolitik og handlingsplan" }).click();
    await page.getByRole("heading", { level: 2, name: demoPolicy.draftTitle }).waitFor();
    const before = await page.locator("table tbody tr").count();
    const next = Number(copenhagenDate(0).slice(0, 4)) + 1;
    const header = "Handling;Mål;Tovholder;Hvor/når;Status";
    const bad = `${header}\nKursus;;Ole (Marketing);Rådhuset, ${next}-05-01;\n;;Lise (Social);${next}-05-02;\n`;
    await page
      .getByLabel("CSV-fil")
      .setInputFiles({ name: "plan.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Kontrollér filen" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "intet er importeret" });
    await alert.waitFor();
    expect(await alert.locator("tbody tr").allTextContents()).toEqual([
      "1TovholderVælg en af kommunens sektorer (fx social, sundhed, skole)",
      "2HandlingUdfyld feltet",
    ]);
    expect(await page.locator("table").first().locator("tbody tr").count()).toBe(before);
    expect(await accessibilityViolations(page)).toEqual([]);

    const good = `${header}\nKursus i tilgængelig kommunikation;;Ole Friis (Social);Rådhuset, 1. maj ${next};\nBrugerpanel;;Lise Berg (Sundhed);${next}-05-02;I gang\n`;
    await page
      .getByLabel("CSV-fil")
      .setInputFiles({ name: "plan.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "Kontrollér filen" }).click();
    await page.getByText("2 handlinger er klar til import. Intet er gemt endnu.").waitFor();
    await page.getByRole("button", { name: "Importér", exact: true }).click();
    await page.getByRole("rowheader", { name: "Kursus i tilgængelig kommunikation" }).waitFor();
    expect(await page.locator("table").first().locator("tbody tr").count()).toBe(before + 2);
  }, 120_000);
});

describe("adopting the policy", () => {
  it("refuses to adopt without date and body, in Danish, then adopts", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await page.getByRole("link", { name: "Handicaprådet" }).first().click();
    await page.getByRole("link", { name: "Handicappolitik og handlingsplan" }).click();
    await page.getByRole("heading", { level: 2, name: demoPolicy.draftTitle }).waitFor();
    await page.getByLabel("Status", { exact: true }).selectOption("adopted");
    await page.getByRole("button", { name: "Gem status" }).click();
    await page.getByText("Angiv hvornår og af hvem politikken er vedtaget").first().waitFor();
    await page.getByLabel("Vedtaget den").fill(copenhagenDate(0));
    await page.getByLabel("Vedtaget af").fill("Byrådet");
    await page.getByRole("button", { name: "Gem status" }).click();
    await expect.poll(() => page.getByLabel("Status", { exact: true }).inputValue()).toBe("adopted");
    await expect.poll(() => page.locator(".error-summary").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});

describe("editing and removing with the keyboard", () => {
  it("edits an action's fields with errors at the fields and in the summary, then removes it after confirming", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await page.getByRole("link", { name: "Handicaprådet" }).first().click();
    await page.getByRole("link", { name: "Handicappolitik og handlingsplan" }).click();
    await page.getByRole("heading", { level: 2, name: demoPolicy.draftTitle }).waitFor();
    const next = Number(copenhagenDate(0).slice(0, 4)) + 1;
    const first = "Temamøde om tilgængelighed";
    const renamed = "Temamøde om tilgængelige bygninger";
    await page.getByLabel("Handling", { exact: true }).last().fill(first);
    await page.getByLabel("Frist", { exact: true }).last().fill(`${next}-04-01`);
    await page.getByRole("button", { name: "Tilføj handling" }).click();
    await page.getByRole("rowheader", { name: first }).waitFor();

    // Open the editor by keyboard: focus moves to its heading.
    await page.getByRole("button", { name: `Redigér ${first}` }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe(`Redigér handling: ${first}`);
    expect(await page.locator("#f-edit-handling").inputValue()).toBe(first);
    expect(await accessibilityViolations(page)).toEqual([]);

    // An empty Handling: the summary takes focus and the field says "Fejl: Udfyld feltet".
    await tabTo(page, "Handling");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Backspace");
    await tabTo(page, "Frist");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("2001-01-01");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#f-edit-handling-error").textContent()).toBe("Fejl: Udfyld feltet");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ""))
      .toContain("error-summary");
    // The summary's link takes the keyboard to the field.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-edit-handling");
    await page.keyboard.type(renamed);
    // The editor's own owner field comes after Handling (the add form's is further down).
    await tabTo(page, "Tovholder (navn)", 6);
    await page.keyboard.type("Pia Holm");

    // The server's rule: a due date before the policy's period starts, in Danish at the field and in the summary.
    await page.keyboard.press("Enter");
    const dueError = "Datoen kan ikke ligge før politikkens periode begynder";
    await expect.poll(() => page.locator("#f-edit-dueOn-error").textContent()).toBe(`Fejl: ${dueError}`);
    expect(await page.locator(".error-summary a").allTextContents()).toEqual([dueError]);
    expect(await page.locator("#f-edit-handling-error").count()).toBe(0);
    expect(await page.getByRole("rowheader", { name: first }).count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ""))
      .toContain("error-summary");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-edit-dueOn");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(`${next}-04-15`);
    await page.keyboard.press("Enter");
    await page.getByRole("rowheader", { name: renamed }).waitFor();
    await expect
      .poll(() => page.getByRole("row", { name: new RegExp(renamed) }).textContent())
      .toContain(`15. april ${next}`);
    expect(await page.getByRole("row", { name: new RegExp(renamed) }).textContent()).toContain("Pia Holm");
    // The editor closes and focus returns to the row's edit button.
    await expect.poll(() => focused(page)).toBe(`Redigér ${renamed}`);
    expect(await page.locator("#action-editor").count()).toBe(0);

    // Remove: the dialog opens on Enter, Escape keeps the action and returns focus to the button.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe(`Fjern ${renamed}`);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Fjern handlingen?" });
    await dialog.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => focused(page)).toBe(`Fjern ${renamed}`);
    expect(await page.getByRole("rowheader", { name: renamed }).count()).toBe(1);
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await tabTo(page, "Ja, fjern", 5);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("rowheader", { name: renamed }).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe("Handlingsplan");

    // A focus area with a goal is refused, with the rule's Danish words in the dialog; nothing is removed.
    await page.getByRole("button", { name: "Fjern Hjælpemidler" }).focus();
    await page.keyboard.press("Enter");
    const areaDialog = page.getByRole("dialog", { name: "Fjern fokusområdet?" });
    await areaDialog.waitFor();
    await tabTo(page, "Ja, fjern", 5);
    await page.keyboard.press("Enter");
    await expect.poll(() => areaDialog.textContent()).toContain("Fokusområdet har 1 mål");
    await page.keyboard.press("Escape");
    await areaDialog.waitFor({ state: "detached" });
    // The page behind the dialog is hidden from assistive technology until the dialog has gone: wait for that.
    await expect.poll(() => page.getByRole("button", { name: "Fjern Hjælpemidler" }).count()).toBe(1);
    await expect.poll(() => focused(page)).toBe("Fjern Hjælpemidler");
  }, 180_000);
});

async function rowId(page: Page, handling: string): Promise<string> {
  const id = await page
    .getByRole("row", { name: new RegExp(handling) })
    .locator("select")
    .getAttribute("id");
  return id?.replace("status-", "") ?? "";
}
