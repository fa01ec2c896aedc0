import { eq } from "@samraad/db";
import { findMunicipality } from "@samraad/db/queries";
import { emailOutbox } from "@samraad/db/schema";
import { composeMail } from "@samraad/domain/mail";
import { accessibilityViolations, type Browser, launchBrowser } from "@samraad/e2e";
import { startTestServer } from "@samraad/server/testing";
import { startTestSmtpServer } from "@samraad/server/testing/smtp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announcedAfter, PASSWORD } from "./helpers.ts";

/*
 * An administrator, with the keyboard alone, finds the emails Samråd gave up on (written into the outbox here
 * as the worker leaves them), sees each with its address masked and the reason, and sends one again: it
 * arrives at the local SMTP server and leaves the list. Another municipality's failures never show. axe runs
 * on each state.
 */

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

const mail = composeMail({
  subject: { da: "Spørgeskema: Tilgængelig by", en: "Questionnaire: Accessible town" },
  da: [{ link: { href: "http://localhost/evaluering/svar/PRIVAT-LINK", label: "Svar her" } }],
  en: [{ paragraph: "Answer here" }],
});

async function givenUp(slug: string, recipient: string, lastError: string) {
  const municipality = await findMunicipality(server.db, { slug });
  if (!municipality) throw new Error(`no ${slug}`);
  await server.db.insert(emailOutbox).values({
    municipalityId: municipality.id,
    kind: "evaluation.invitation",
    recipient,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    status: "failed",
    attempts: 8,
    lastError,
  });
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startTestServer({ smtpUrl: smtp.url });
  browser = await launchBrowser();
  await givenUp("broenderslev", "bedstemor@example.dk", "EENVELOPE 451");
  await givenUp("randers", "randers-borger@example.dk", "EENVELOPE 550");
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

/** What has focus, as a person hears it: its accessible name or its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute("aria-label") ?? el?.textContent ?? "").trim();
  });

/** Presses Tab until the focused element reads `name`; fails if it never does. */
async function tabTo(page: Page, name: string | RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (typeof name === "string" ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe("an administrator sends a failed email again", () => {
  it("lists her municipality's failed emails masked, with the reason, and re-queues one — keyboard only", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/admin/log-ind`);
    await page.getByLabel("E-mail").waitFor();
    await page.keyboard.press("Tab");
    while (!(await page.evaluate(() => document.activeElement?.getAttribute("type") === "email")))
      await page.keyboard.press("Tab");
    await page.keyboard.type("admin@broenderslev.demo");
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();

    await tabTo(page, "Fejlede e-mails");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "E-mails, der ikke kunne sendes" }).waitFor();
    const table = page.getByRole("table");
    await table.waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("b•••@example.dk");
    expect(text).toContain("Spørgeskema (invitation)");
    expect(text).toContain("Mailserveren afviste midlertidigt beskeden ved hvert forsøg (EENVELOPE 451)");
    expect(text).not.toContain("bedstemor");
    expect(text).not.toContain("PRIVAT-LINK");
    expect(text).not.toContain("randers");
    expect(await table.getByRole("row").count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);

    await tabTo(
      page,
      "Send igen: Spørgeskema: Tilgængelig by / Questionnaire: Accessible town til b•••@example.dk",
    );
    await announcedAfter(page, "Beskeden er sat i kø og sendes igen", () => page.keyboard.press("Enter"));
    const [arrived] = await smtp.waitFor("bedstemor@example.dk");
    expect(arrived?.text).toContain("PRIVAT-LINK");
    await page.getByText("Der er ingen e-mails, der ikke kunne sendes.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Randers' failure is untouched.
    const left = await server.db
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.status, "failed"));
    expect(left).toHaveLength(1);
  }, 120_000);
});
