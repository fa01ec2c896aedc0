import { accessibilityViolations, type Browser, launchBrowser } from "@samraad/e2e";
import { startTestServer } from "@samraad/server/testing";
import { startTestSmtpServer } from "@samraad/server/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announcedAfter, signInAs } from "./helpers.ts";

/*
 * An official emails the questionnaire from the evaluation page (the server has SMTP_URL, pointing at a local
 * SMTP server started here): a bad address is named at its field, the invitations arrive with their own links,
 * and a reminder reaches the two who have not answered. axe runs on each new state.
 */

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startTestServer({ smtpUrl: smtp.url });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

const linkIn = (text: string | undefined) =>
  /http:\/\/[^\s]+\/evaluering\/svar\/[A-Za-z0-9_-]+/.exec(text ?? "")?.[0];

describe("an official sends the questionnaire by email", () => {
  it("names a bad address, sends each recipient a link of their own, and reminds those who have not answered", async () => {
    const page = await browser.context.newPage();
    await signInAs(page, server.url, "admin@randers.demo");
    await page.getByRole("navigation").getByRole("link", { name: "Evalueringer" }).click();
    await page.getByRole("link", { name: "Årlig evaluering af forældrekurset" }).click();
    await page.getByRole("heading", { level: 2, name: "Send spørgeskemaet på e-mail" }).waitFor();
    const addresses = page.getByLabel("E-mailadresser");

    await addresses.fill("mor@example.dk\nikke-en-adresse");
    await page.getByRole("button", { name: "Send invitationer" }).click();
    const fieldError = page.locator(".form-error-message", { hasText: "«ikke-en-adresse»" });
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain("Skriv en gyldig e-mailadresse");
    expect(await addresses.getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(smtp.received).toHaveLength(0);

    await addresses.fill("mor@example.dk\nfar@example.dk");
    await announcedAfter(page, "Spørgeskemaet er sendt til 2 modtagere", () =>
      page.getByRole("button", { name: "Send invitationer" }).click(),
    );
    await expect
      .poll(() => page.getByTestId("email-counts").textContent())
      .toBe("2 links er sendt på e-mail; 2 af dem er ikke besvaret endnu.");
    expect(await accessibilityViolations(page)).toEqual([]);
    const [mor] = await smtp.waitFor("mor@example.dk");
    const [far] = await smtp.waitFor("far@example.dk");
    const links = [linkIn(mor?.text), linkIn(far?.text)];
    expect(links[0]).toBeTruthy();
    expect(new Set(links).size).toBe(2);

    // The link opens the questionnaire.
    const citizen = await browser.context.newPage();
    await citizen.goto(links[0] ?? "");
    expect(await citizen.locator("main").textContent()).toContain("Hvor tilfreds er du alt i alt");
    await citizen.close();

    await announcedAfter(page, "Påmindelse sendt til 2 modtagere", () =>
      page.getByRole("button", { name: "Send påmindelse til dem, der ikke har svaret" }).click(),
    );
    const [, reminder] = await smtp.waitFor("far@example.dk", 2);
    expect(reminder?.subject).toMatch(/^Påmindelse: Årlig evaluering af forældrekurset/);
    await smtp.waitFor("mor@example.dk", 2);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
