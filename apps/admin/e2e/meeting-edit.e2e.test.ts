import { formatDate } from "@samraad/domain/shared";
import { accessibilityViolations } from "@samraad/e2e";
import { signIn } from "@samraad/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { copenhagenDate, productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

const dayText = (isoDate: string) => formatDate(new Date(`${isoDate}T12:00:00Z`));

async function planMeeting(page: Page, date: string) {
  await page.getByRole("navigation").getByRole("link", { name: "Handicaprådet" }).click();
  await page.getByRole("heading", { level: 1, name: "Handicaprådet" }).waitFor();
  await page.getByRole("link", { name: "Planlæg møde" }).click();
  await page.getByLabel("Dato").fill(date);
  await page.getByLabel("Starttid").fill("14:00");
  await page.getByLabel("Sted", { exact: true }).fill("Rådhuset, mødelokale 1");
  await page.getByRole("button", { name: "Opret møde" }).click();
  await page.getByRole("heading", { level: 1, name: `Møde ${dayText(date)}` }).waitFor();
}

const facts = async (page: Page) => ((await page.locator(".facts").textContent()) ?? "").replace(/\s+/g, " ");

describe("a planned meeting is moved and its place and title changed", () => {
  it("reschedules with field errors for a bad date and a time in the past", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    const planned = copenhagenDate(10);
    await planMeeting(page, planned);
    const form = page.locator("section", { has: page.getByRole("heading", { name: "Flyt mødet" }) });
    expect(await form.getByLabel("Ny dato").inputValue()).toBe(planned);
    expect(await form.getByLabel("Nyt starttidspunkt").inputValue()).toBe("14:00");
    expect(await accessibilityViolations(page)).toEqual([]);

    // A date that does not exist: the API's field error at the date field, and in the summary.
    await form.getByLabel("Ny dato").fill("2026-02-30");
    await form.getByRole("button", { name: "Flyt mødet" }).click();
    await form.locator("#f-rescheduleDate-error").waitFor();
    expect(await form.locator(".error-summary").textContent()).toContain("Skriv en gyldig dato");
    expect(await form.getByLabel("Ny dato").getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Yesterday: the domain's refusal, at the date field too; the meeting stays where it was.
    await form.getByLabel("Ny dato").fill(copenhagenDate(-1));
    await form.getByRole("button", { name: "Flyt mødet" }).click();
    await form
      .locator("#f-rescheduleDate-error", { hasText: "kun flyttes til et tidspunkt i fremtiden" })
      .waitFor();
    expect(await form.locator(".error-summary a").first().getAttribute("href")).toBe("#f-rescheduleDate");
    expect(await page.locator("h1").textContent()).toBe(`Møde ${dayText(planned)}`);

    // A real move, by keyboard: Enter in the time field submits the form.
    const moved = copenhagenDate(24);
    await form.getByLabel("Ny dato").fill(moved);
    await form.getByLabel("Nyt starttidspunkt").fill("09:30");
    await form.getByLabel("Nyt starttidspunkt").press("Enter");
    await page.getByRole("heading", { level: 1, name: `Møde ${dayText(moved)}` }).waitFor();
    expect(await facts(page)).toContain("kl. 09:30");
    // Announced after the reload that renders the new heading: poll, and the old errors must go.
    await expect.poll(() => page.locator(".live").textContent()).toBe("Mødet er flyttet");
    await expect.poll(() => form.locator(".error-summary").count()).toBe(0);
    await page.close();
  }, 120_000);

  it("changes place and title; an empty place is refused at the field", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await planMeeting(page, copenhagenDate(12));
    const meetingId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const form = page.locator("section", { has: page.getByRole("heading", { name: "Ret sted og titel" }) });
    await form.getByLabel("Sted").fill("   ");
    await form.getByRole("button", { name: "Gem mødet" }).click();
    await form.locator("#f-meetingLocation-error").waitFor();
    expect(await form.locator(".error-summary").textContent()).toContain("Udfyld feltet");
    expect(await facts(page)).toContain("Rådhuset, mødelokale 1");

    await form.getByLabel("Sted").fill("Byrådssalen");
    await form.getByLabel("Titel (valgfri)").fill("Temamøde om tilgængelighed");
    await form.getByRole("button", { name: "Gem mødet" }).click();
    await page.locator(".facts", { hasText: "Byrådssalen" }).waitFor();
    expect(await facts(page)).toContain("TitelTemamøde om tilgængelighed");
    await expect.poll(() => form.locator(".error-summary").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A title longer than the API allows: its Danish message at the title field.
    await form.getByLabel("Titel (valgfri)").fill("x".repeat(201));
    await form.getByRole("button", { name: "Gem mødet" }).click();
    await form.locator("#f-meetingTitle-error").waitFor();
    expect(await facts(page)).toContain("Temamøde om tilgængelighed");

    // The council page lists the meeting by its new title.
    await page.getByRole("link", { name: "Møder" }).first().click();
    // Wait for the council page itself, so the link found below is the council's list, not the old page.
    await page.getByRole("heading", { level: 1, name: "Handicaprådet" }).waitFor();
    await page.getByRole("link", { name: "Temamøde om tilgængelighed" }).waitFor();
    await page.close();

    // A member may read the meeting but the API refuses her a change.
    const cookie = await signIn(product.server.url, "medlem@broenderslev.demo");
    const response = await fetch(`${product.server.url}/trpc/meetings.update`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: product.server.url },
      body: JSON.stringify({ meetingId, location: "Hjemme" }),
    });
    expect(response.status).toBe(403);
  });
});
