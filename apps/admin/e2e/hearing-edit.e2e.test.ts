import { formatDate } from "@samraad/domain/shared";
import { accessibilityViolations } from "@samraad/e2e";
import { signIn } from "@samraad/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { copenhagenDate, productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

// innerText, not textContent: the rendered line breaks keep "Vises offentligt" and "Ja" apart.
// biome-ignore lint/performance/useDomNodeTextContent: the layout-aware text is the point here
const facts = async (page: Page) => (await page.locator(".facts").innerText()).replace(/\s+/g, " ");

async function registerHearing(page: Page) {
  await page.getByRole("navigation").getByRole("link", { name: "Handicaprådet" }).click();
  await page.getByRole("heading", { level: 1, name: "Handicaprådet" }).waitFor();
  await page.getByRole("link", { name: "Registrér høring" }).click();
  await page.getByLabel("Emne").fill("Kvalitetsstandard for hjemmehjælp");
  await page.getByLabel("Afsender (hvem spørger)").fill("Ældre- og Sundhedsforvaltningen");
  await page.getByLabel("Modtaget").fill(copenhagenDate(0));
  await page.getByLabel("Høringsfrist (dato)").fill(copenhagenDate(14));
  await page.getByLabel("Høringsfrist (klokkeslæt)").fill("12:00");
  await page.getByRole("button", { name: "Registrér høring" }).click();
  await page.getByRole("heading", { level: 1, name: "Kvalitetsstandard for hjemmehjælp" }).waitFor();
}

describe("a registered hearing is corrected", () => {
  it("changes subject, sender, deadline and public flag, with errors at the fields", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await registerHearing(page);
    const hearingId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const councilId = (await page.locator(".breadcrumb a").getAttribute("href"))?.split("/").pop() ?? "";
    expect(await facts(page)).toContain("Vises offentligt Ja");

    // Opened from the keyboard; focus lands in the first field.
    await page.getByRole("button", { name: "Ret emne, afsender, frist og synlighed" }).focus();
    await page.keyboard.press("Enter");
    const form = page.locator("section", { has: page.getByRole("heading", { name: "Ret høringen" }) });
    await form.getByLabel("Emne").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-title");
    expect(await form.getByLabel("Høringsfrist (dato)").inputValue()).toBe(copenhagenDate(14));
    expect(await form.getByLabel("Høringsfrist (klokkeslæt)").inputValue()).toBe("12:00");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Empty subject (browser) and a deadline before the hearing arrived (API): both at their fields.
    await form.getByLabel("Emne").fill("");
    await form.getByRole("button", { name: "Gem ændringerne" }).click();
    await form.locator("#f-title-error").waitFor();
    await form.getByLabel("Emne").fill("Kvalitetsstandard for hjemmehjælp 2027");
    await form.getByLabel("Høringsfrist (dato)").fill(copenhagenDate(-3));
    await form.getByRole("button", { name: "Gem ændringerne" }).click();
    await form.locator("#f-deadlineDate-error").waitFor();
    expect(await form.locator(".error-summary a").first().getAttribute("href")).toBe("#f-deadlineDate");
    expect(await form.getByLabel("Høringsfrist (dato)").getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.locator("h1").textContent()).toBe("Kvalitetsstandard for hjemmehjælp");

    const deadline = copenhagenDate(30);
    await form.getByLabel("Afsender (hvem spørger)").fill("Social- og Sundhedsforvaltningen");
    await form.getByLabel("Høringsfrist (dato)").fill(deadline);
    await form.getByLabel("Høringsfrist (klokkeslæt)").fill("10:00");
    await form.getByLabel("Høringen må vises offentligt").uncheck();
    await form.getByRole("button", { name: "Gem ændringerne" }).click();
    await page.getByRole("heading", { level: 1, name: "Kvalitetsstandard for hjemmehjælp 2027" }).waitFor();
    const shown = await facts(page);
    expect(shown).toContain("Social- og Sundhedsforvaltningen");
    expect(shown).toContain(`${formatDate(new Date(`${deadline}T12:00:00Z`)).replace(/ \d{4}$/, "")}`);
    expect(shown).toContain("kl. 10:00");
    expect(shown).toContain("Vises offentligt Nej");
    // "Gemt" is announced after the reload and after focus moves back: poll rather than read once.
    await expect.poll(() => page.locator(".live").textContent()).toBe("Gemt");
    // Focus returns to the button that opened the form.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Ret emne, afsender, frist og synlighed");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();

    // No longer public: the public API no longer gives it out; a member may not change it.
    const input = encodeURIComponent(JSON.stringify({ hearingId }));
    const anonymous = await fetch(`${product.server.url}/trpc/hearings.get?input=${input}`);
    expect(anonymous.status).toBe(404);
    const cookie = await signIn(product.server.url, "medlem@broenderslev.demo");
    const update = await fetch(`${product.server.url}/trpc/hearings.update`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: product.server.url },
      body: JSON.stringify({
        hearingId,
        councilId,
        title: "Ændret af et medlem",
        requestingBody: "Medlemmet",
        receivedOn: copenhagenDate(0),
        deadlineDate: copenhagenDate(20),
        deadlineTime: "12:00",
        public: true,
      }),
    });
    expect(update.status).toBe(403);
  }, 120_000);
});
