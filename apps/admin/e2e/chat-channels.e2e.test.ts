import { eq } from "@samraad/db";
import { chatChannelLinks, reminderDeliveries } from "@samraad/db/schema";
import { accessibilityViolations, launchBrowser } from "@samraad/e2e";
import { signIn } from "@samraad/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

async function openChatChannels(page: Page): Promise<string> {
  await page.getByRole("navigation").getByRole("link", { name: "Handicaprådet" }).click();
  await page.getByRole("heading", { level: 1, name: "Handicaprådet" }).waitFor();
  await page.getByRole("link", { name: "Chat-kanaler (Slack og Teams)" }).click();
  await page.getByRole("heading", { level: 1, name: "Chat-kanaler – Handicaprådet" }).waitFor();
  await page.locator("table").waitFor();
  return page.url();
}

const rows = async (page: Page) =>
  (await page.locator("table tbody tr").allTextContents()).map((s) => s.replace(/\s+/g, " "));

describe("Chat-kanaler: the council's Slack and Teams links", () => {
  it("a secretary sees the demo links, links a Slack channel and unlinks it again", async () => {
    // A reminder that failed after every retry, as the worker leaves it: the page must show it in Danish.
    const [slackLink] = await product.server.db
      .select()
      .from(chatChannelLinks)
      .where(eq(chatChannelLinks.channelId, "C0HANDICAP"));
    if (!slackLink) throw new Error("the demo Slack link is missing");
    await product.server.db.insert(reminderDeliveries).values({
      municipalityId: slackLink.municipalityId,
      channelLinkId: slackLink.id,
      deadlineId: "hearing_response:00000000-0000-4000-8000-000000000001",
      offsetDays: 7,
      dueAt: new Date("2026-12-04T11:00:00Z"),
      sendAt: new Date("2026-11-27T11:00:00Z"),
      status: "failed",
      attempts: 5,
      lastError: "Slack: channel_not_found",
    });

    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await openChatChannels(page);
    const before = await rows(page);
    expect(before).toHaveLength(2);
    expect(before.find((r) => r.includes("C0HANDICAP"))).toContain("T0DEMO");
    expect(before.find((r) => r.includes("C0HANDICAP"))).toContain("Slack");
    expect(before.find((r) => r.includes("19:demo-handicapraad@thread.tacv2"))).toContain("Microsoft Teams");
    const failed = await page
      .locator("section", { hasText: "Påmindelser der ikke kunne sendes" })
      .textContent();
    expect(failed).toContain("Høringsfrist: fredag 4. december kl. 12:00");
    expect(failed).toContain("7 dage før");
    expect(failed).toContain("skulle sendes 27. november 2026, kl. 12:00");
    expect(failed).toContain("5 forsøg");
    expect(failed).toContain("Sidste fejl: Slack: channel_not_found");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Empty and malformed ids: the browser catches the empty one, the API's fieldErrors the malformed one.
    await page.getByRole("button", { name: "Tilknyt Slack-kanal" }).click();
    await page.locator(".error-summary").first().waitFor();
    expect(await page.locator("#f-slackTeamId-error").textContent()).toContain("Udfyld feltet");
    await page.getByLabel("Slack workspace-id (team-id)").fill("T0DEMO");
    await page.getByLabel("Slack kanal-id").fill("nyt kanalnavn");
    await page.getByRole("button", { name: "Tilknyt Slack-kanal" }).click();
    // The first submit's errors are still on screen until the API answers: wait for the new ones, not any.
    await expect.poll(() => page.locator("#f-slackTeamId-error").count()).toBe(0);
    await expect
      .poll(() => page.locator("#f-slackChannelId-error").textContent())
      .not.toContain("Udfyld feltet");
    expect(await page.getByLabel("Slack kanal-id").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".error-summary a").first().getAttribute("href")).toBe("#f-slackChannelId");
    // The summary is focused in a microtask after it renders, and the click had moved focus to the button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain("error-summary");
    expect(await accessibilityViolations(page)).toEqual([]);
    await expect.poll(() => rows(page)).toHaveLength(2);

    // Linked with the keyboard: the submit button is reached and pressed without the mouse.
    await page.getByLabel("Slack kanal-id").fill("C0NYKANAL");
    await page.getByLabel("Slack kanal-id").press("Enter");
    await page.locator("table tbody tr", { hasText: "C0NYKANAL" }).waitFor();
    // Announced after the list is reloaded, so it may come just after the row.
    await expect.poll(() => page.locator(".live").textContent()).toBe("Kanalen er tilknyttet");
    await expect.poll(() => rows(page)).toHaveLength(3);

    // The same channel again: the API's Danish refusal, nothing added.
    await page.getByLabel("Slack workspace-id (team-id)").fill("T0DEMO");
    await page.getByLabel("Slack kanal-id").fill("C0NYKANAL");
    await page.getByRole("button", { name: "Tilknyt Slack-kanal" }).click();
    await page.locator(".error-summary", { hasText: "allerede knyttet" }).waitFor();
    await expect.poll(() => rows(page)).toHaveLength(3);

    // Unlink in a dialog, by keyboard: "Behold koblingen" keeps it, "Fjern koblingen" removes it.
    const trigger = page.getByRole("button", { name: "Fjern koblingen til Slack C0NYKANAL" });
    await trigger.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Fjern koblingen?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Slack C0NYKANAL får ikke længere svar");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => rows(page)).toHaveLength(3);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Fjern koblingen til Slack C0NYKANAL");
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    // Focus starts inside the dialog, on its first button: Enter confirms.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Fjern koblingen");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await page.locator("table tbody tr", { hasText: "C0NYKANAL" }).waitFor({ state: "detached" });
    await expect.poll(() => rows(page)).toHaveLength(2);
    await expect.poll(() => page.locator(".live").textContent()).toBe("Koblingen er fjernet");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("h-links");

    // A Teams channel with a webhook for reminders: the URL is a credential and is never shown back.
    await page.getByLabel("Teams kanal-id").fill("19:ny-kanal@thread.tacv2");
    await page.getByLabel("Webhook-adresse til påmindelser (valgfri)").fill("http://ikke-sikker.example");
    await page.getByRole("button", { name: "Tilknyt Teams-kanal" }).click();
    await page.locator("#f-teamsWebhookUrl-error").waitFor();
    await page.getByLabel("Webhook-adresse til påmindelser (valgfri)").fill("https://hooks.example/abc");
    await page.getByRole("button", { name: "Tilknyt Teams-kanal" }).click();
    const teamsRow = page.locator("table tbody tr", { hasText: "19:ny-kanal@thread.tacv2" });
    await teamsRow.waitFor();
    expect(await teamsRow.textContent()).toContain("Sendes via webhook");
    expect(await page.locator("main").textContent()).not.toContain("hooks.example");
    expect(await accessibilityViolations(page)).toEqual([]);

    // In English too, with the dates still written by the domain's formatter.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Chat channels – Handicaprådet" }).waitFor();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("main").textContent()).toContain("Reminders that could not be sent");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Dansk" }).click();
    await page.close();
  }, 180_000);

  it("a member gets 'Ingen adgang', and the API refuses her too", async () => {
    const secretary = await product.browser.context.newPage();
    await signInAs(secretary, product.server.url, "sekretaer@broenderslev.demo");
    const address = await openChatChannels(secretary);
    await secretary.close();
    const councilId = new URL(address).pathname.split("/")[3] ?? "";

    const { context, close } = await launchBrowser();
    try {
      const page = await context.newPage();
      await signInAs(page, product.server.url, "medlem@broenderslev.demo");
      await page.getByRole("navigation").getByRole("link", { name: "Handicaprådet" }).click();
      await page.getByRole("heading", { level: 1, name: "Handicaprådet" }).waitFor();
      expect(await page.getByRole("link", { name: /Chat-kanaler/ }).count()).toBe(0);
      await page.goto(address);
      await page.getByRole("heading", { level: 1, name: "Ingen adgang" }).waitFor();
      expect(await page.locator("main").textContent()).not.toContain("C0HANDICAP");
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await close();
    }

    const cookie = await signIn(product.server.url, "medlem@broenderslev.demo");
    const input = encodeURIComponent(JSON.stringify({ councilId }));
    const list = await fetch(`${product.server.url}/trpc/integrations.list?input=${input}`, {
      headers: { cookie },
    });
    expect(list.status).toBe(403);
  });
});
