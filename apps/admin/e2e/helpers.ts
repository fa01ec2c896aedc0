import type { Page } from "playwright-core";
import { expect } from "vitest";

export const PASSWORD = "samraad-demo";

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

export async function expectNoAxeViolations(page: Page, axeViolations: (p: Page) => Promise<string[]>) {
  expect(await axeViolations(page)).toEqual([]);
}
