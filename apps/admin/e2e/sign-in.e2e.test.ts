import { accessibilityViolations } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { copenhagenDate, h1, PASSWORD, productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

describe("signing in to the admin app", () => {
  it("refuses a wrong password with a clear Danish error and signs nobody in", async () => {
    const page = await product.browser.context.newPage();
    await page.goto(`${product.server.url}/admin/`);
    await expect.poll(() => h1(page)).toBe("Log ind");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("E-mail").fill("sekretaer@broenderslev.demo");
    await page.getByLabel("Adgangskode").fill("forkert-kodeord");
    await page.getByRole("button", { name: "Log ind" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Forkert e-mail eller adgangskode");
    // The summary takes focus, and the field says "Fejl:" and is linked to its message.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain("error-summary");
    const email = page.getByLabel("E-mail");
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain("Fejl:");
    expect(await accessibilityViolations(page)).toEqual([]);
    const session = await page.evaluate(async () => (await fetch("/api/auth/get-session")).json());
    expect(session).toBeNull();
    await page.close();
  });

  it("asks for the empty fields before trying", async () => {
    const page = await product.browser.context.newPage();
    await page.goto(`${product.server.url}/admin/log-ind`);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary li").allTextContents()).toEqual([
      "Udfyld feltet",
      "Udfyld feltet",
    ]);
    await page.close();
  });

  for (const [email, role, council] of [
    ["admin@broenderslev.demo", "Administrator", true],
    ["sekretaer@broenderslev.demo", "Sekretær", true],
    ["medlem@broenderslev.demo", "Rådsmedlem", true],
    ["admin@randers.demo", "Administrator", true],
  ] as const) {
    it(`signs in ${email} and shows their overview, then signs out`, async () => {
      const page = await product.browser.context.newPage();
      await signInAs(page, product.server.url, email);
      expect(await page.locator("main").textContent()).toContain(role);
      expect(await page.getByRole("heading", { name: "Kommende frister" }).count()).toBe(1);
      expect(await page.getByRole("heading", { name: "Åbne høringer" }).count()).toBe(1);
      if (council) expect(await page.getByRole("navigation").getByRole("link").count()).toBeGreaterThan(1);
      await page.getByRole("heading", { name: "Næste møder" }).waitFor();
      await page.waitForLoadState("networkidle");
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Log ud" }).click();
      await page.getByRole("heading", { level: 1, name: "Log ind" }).waitFor();
      const session = await page.evaluate(async () => (await fetch("/api/auth/get-session")).json());
      expect(session).toBeNull();
      await page.close();
    });
  }

  it("shows overdue hearings with words, not colour alone", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    // A hearing whose deadline passed three days ago, registered through the API.
    await page.evaluate(
      async ({ received, deadline }) => {
        const me = await (await fetch("/trpc/session.me")).json();
        await fetch("/trpc/hearings.register", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            councilId: me.result.data.councils[0].id,
            title: "Glemt høring om parkering",
            requestingBody: "Teknik og Miljø",
            receivedOn: received,
            deadlineDate: deadline,
          }),
        });
      },
      { received: copenhagenDate(-20), deadline: copenhagenDate(-3) },
    );
    await page.reload();
    const hearings = page.locator("section", { has: page.getByRole("heading", { name: "Åbne høringer" }) });
    const overdue = hearings.getByRole("listitem").filter({ hasText: "Glemt høring om parkering" });
    await overdue.waitFor();
    // The words say it, not only the red edge; overdue hearings come first.
    expect(await overdue.textContent()).toContain("Fristen er overskredet");
    expect(await hearings.getByRole("listitem").first().textContent()).toContain("Glemt høring om parkering");
    expect(await hearings.textContent()).toMatch(/Frist: [a-zæøå]+dag \d+\. [a-z]+( \d{4})? kl\. \d\d:\d\d/);
    await page.waitForLoadState("networkidle");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("keeps the password out of the page after signing in", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "medlem@broenderslev.demo");
    expect(await page.content()).not.toContain(PASSWORD);
    await page.close();
  });
});
