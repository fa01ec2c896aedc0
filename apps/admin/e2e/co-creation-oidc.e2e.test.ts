import { accessibilityViolations, launchBrowser } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { announcedAfter, demoVoteAdminPath, productAndBrowser, signInAs } from "./helpers.ts";

/*
 * Brønderslev's administrator plugs in the municipality's MitID broker on a vote's page: a wrong address is
 * explained at the field, the saved secret is never shown again, and the page passes axe in each state. A
 * council's secretary organises the vote but does not see the municipality-wide setting.
 */

const product = productAndBrowser();
const secret = "broker-hemmelighed-7f3a";

describe("the OpenID provider for voters in the admin app", () => {
  it("is set by an administrator, with field errors, a write-only secret and no axe violations", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "admin@broenderslev.demo");
    await page.goto(`${product.server.url}${await demoVoteAdminPath(product.server.db)}`);
    const section = page.getByRole("region", { name: "Log-ind for vælgere (OpenID Connect)" });
    await section.waitFor();
    expect(await section.textContent()).toContain(
      `${product.server.url}/kommuner/broenderslev/samskabelse/log-ind/retur`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await section.getByLabel("Udbyderens adresse (issuer URL)").fill("http://mitid-broker.example.dk");
    await section.getByRole("button", { name: "Gem udbyderen" }).click();
    const issuerError = section.locator(".form-error-message").filter({ hasText: "https://" });
    await issuerError.waitFor();
    expect(await section.locator(".form-error-message").allInnerTexts()).toEqual([
      "Fejl: Skriv udbyderens adresse med https:// (fx https://mitid-broker.example.dk)",
      "Fejl: Udfyld feltet",
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await section.getByLabel("Udbyderens adresse (issuer URL)").fill("https://mitid-broker.example.dk");
    await section.getByLabel("Klient-id").fill("samraad-broenderslev");
    await section.getByLabel("Klienthemmelighed").fill(secret);
    await announcedAfter(page, "Udbyderen er gemt", () =>
      section.getByRole("button", { name: "Gem udbyderen" }).click(),
    );
    await section.getByText("Der er gemt en hemmelighed.", { exact: false }).waitFor();
    expect(await section.getByLabel("Klienthemmelighed").inputValue()).toBe("");
    expect(await section.getByLabel("Klient-id").inputValue()).toBe("samraad-broenderslev");
    expect(await page.content()).not.toContain(secret);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it("is not shown to a council's secretary", async () => {
    const own = await launchBrowser();
    const page = await own.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await page.goto(`${product.server.url}${await demoVoteAdminPath(product.server.db)}`);
    await page.getByRole("heading", { level: 1, name: /^Forslag og afstemning/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Forslag" }).waitFor();
    expect(await page.getByRole("heading", { name: "Log-ind for vælgere (OpenID Connect)" }).count()).toBe(0);
    await own.close();
  }, 120_000);
});
