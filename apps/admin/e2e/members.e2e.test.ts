import { accessibilityViolations } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

describe("members, substitutes and the audit log", () => {
  it("adds a member with a personal substitute, promotes the substitute and keeps the history", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "admin@broenderslev.demo");
    await page.getByRole("navigation").getByRole("link", { name: "Handicaprådet" }).click();
    await page.getByRole("link", { name: "Medlemmer og sammensætning" }).click();
    await page.getByRole("heading", { level: 1, name: /^Medlemmer – Handicaprådet/ }).waitFor();
    await page.getByRole("heading", { name: "Sammensætning" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await accessibilityViolations(page)).toEqual([]);

    // A seat that does not fit the side: a clear error at the field, nobody added.
    const rowsBefore = await page.locator("section", { hasText: "Historik" }).locator("tbody tr").count();
    await page.getByLabel("Navn").fill("Karen Jensen");
    await page.getByLabel("Side").selectOption("organisation");
    await page.getByLabel("Plads").selectOption("politician");
    await page.getByRole("button", { name: "Tilføj medlem" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator("#f-seat-error").textContent()).toContain("Pladsen passer ikke til siden");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.locator("section", { hasText: "Historik" }).locator("tbody tr").count()).toBe(
      rowsBefore,
    );

    await page.getByLabel("Plads").selectOption("dh");
    await page.getByRole("button", { name: "Tilføj medlem" }).click();
    await page.getByRole("rowheader", { name: "Karen Jensen" }).first().waitFor();

    await page.getByLabel("Navn").fill("Ole Hansen");
    await page.getByLabel("Plads").selectOption("dh");
    await page.getByLabel("Stedfortræder for").selectOption({ label: "Karen Jensen" });
    await page.getByRole("button", { name: "Tilføj medlem" }).click();
    const karenRow = page
      .locator("section", { hasText: "Nuværende medlemmer" })
      .getByRole("row", { name: /Karen Jensen/ });
    await karenRow.getByText("Ole Hansen").or(page.locator(".error-summary")).first().waitFor();
    expect(await page.locator(".error-summary").allTextContents()).toEqual([]);

    await karenRow.getByRole("button", { name: /Lad stedfortræderen overtage/ }).click();
    await page.getByRole("status").getByText("Stedfortræderen har overtaget pladsen").waitFor();
    const current = page.locator("section", { hasText: "Nuværende medlemmer" });
    await current.getByRole("rowheader", { name: "Ole Hansen" }).waitFor();
    const history = page.locator("section", { hasText: "Historik" });
    // Karen's seat ended; Ole sat first as her substitute, then in the seat.
    expect(await history.getByRole("rowheader", { name: "Karen Jensen" }).count()).toBe(1);
    expect(await history.getByRole("rowheader", { name: "Ole Hansen" }).count()).toBe(2);
    expect(await current.getByRole("rowheader", { name: "Karen Jensen" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Ole took the seat today, so ending it today is refused with the domain's reason …
    await current
      .getByRole("row", { name: /Ole Hansen/ })
      .getByRole("button", { name: /Afslut medlemskab/ })
      .click();
    await page
      .locator(".error-summary")
      .getByText(/kan ikke slutte før/)
      .waitFor();
    // … while a member who has sat for a while leaves: the seat ends yesterday and they leave the list.
    const leaving = (await current.getByRole("rowheader").first().textContent())?.trim() ?? "";
    await current
      .getByRole("row", { name: new RegExp(leaving) })
      .first()
      .getByRole("button", { name: /Afslut medlemskab/ })
      .click();
    await page.getByRole("status").getByText("Medlemskabet er afsluttet").waitFor();
    await expect.poll(() => current.getByRole("rowheader", { name: leaving, exact: true }).count()).toBe(0);
    expect(await history.getByRole("rowheader", { name: leaving, exact: true }).count()).toBeGreaterThan(0);

    // Every change is in the audit log, which only administrators may read.
    await page.getByRole("navigation").getByRole("link", { name: "Revisionslog" }).click();
    await page.getByRole("heading", { level: 1, name: "Revisionslog" }).waitFor();
    await page.getByText("membership.promote_substitute").waitFor();
    expect(await page.getByText("membership.add").count()).toBeGreaterThanOrEqual(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  }, 180_000);

  it("creates a council, starts its first term and renames it", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "admin@broenderslev.demo");
    await page.getByRole("navigation").getByRole("link", { name: "Opret råd" }).click();
    await page.getByRole("heading", { level: 1, name: "Opret råd" }).waitFor();
    await page.getByRole("button", { name: "Opret råd" }).click();
    expect(await page.locator("#f-name-error").textContent()).toContain("Udfyld feltet");
    await page.getByLabel("Navn").fill("Seniorrådet");
    await page.getByLabel("Type").selectOption("aeldreraad");
    await page.getByRole("button", { name: "Opret råd" }).click();
    await page.getByRole("heading", { level: 1, name: "Seniorrådet" }).waitFor();
    // The empty state invites the first meeting.
    await page.getByText("Ingen møder endnu — opret det første.").waitFor();
    expect(await page.getByRole("navigation").getByRole("link", { name: "Seniorrådet" }).count()).toBe(1);
    await page.waitForLoadState("networkidle");
    expect(await accessibilityViolations(page)).toEqual([]);

    // A term that ends before it starts is refused at the field.
    await page.getByLabel("Startdato").fill("2026-01-01");
    await page.getByLabel("Slutdato").fill("2025-12-31");
    await page.getByRole("button", { name: "Start funktionsperiode" }).click();
    await page.locator("#f-endsOn-error").waitFor();
    expect(await page.locator("#f-endsOn-error").textContent()).toContain(
      "Slutningen skal ligge efter starten",
    );
    await page.getByLabel("Slutdato").fill("2029-12-31");
    await page.getByRole("button", { name: "Start funktionsperiode" }).click();
    await page.getByText("1. januar 2026 – 31. december 2029").waitFor();

    await page.getByLabel("Navn", { exact: true }).last().fill("Seniorrådet i Brønderslev");
    await page.getByRole("button", { name: "Gem rådet" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Seniorrådet i Brønderslev" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("keeps the audit log from a secretary", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    expect(await page.getByRole("navigation").getByRole("link", { name: "Revisionslog" }).count()).toBe(0);
    await page.goto(`${product.server.url}/admin/log`);
    await page.getByText("Kun administratorer kan læse revisionsloggen").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
