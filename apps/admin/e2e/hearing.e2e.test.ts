import { accessibilityViolations, launchBrowser } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { copenhagenDate, productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

describe("hearings: the secretary registers, members comment, the secretary approves and submits", () => {
  it("runs a hearing from registration to a submitted response", async () => {
    const secretary = await product.browser.context.newPage();
    await signInAs(secretary, product.server.url, "sekretaer@broenderslev.demo");
    await secretary.getByRole("navigation").getByRole("link", { name: "Handicaprådet" }).click();
    await secretary.getByRole("link", { name: "Registrér høring" }).click();
    await secretary.getByRole("heading", { level: 1, name: "Registrér høring" }).waitFor();
    expect(await accessibilityViolations(secretary)).toEqual([]);

    // A deadline before the hearing was received: a field error, nothing registered.
    await secretary.getByLabel("Emne").fill("Ny hjælpemiddelpolitik");
    await secretary.getByLabel("Afsender (hvem spørger)").fill("Social- og Sundhedsforvaltningen");
    await secretary.getByLabel("Modtaget").fill(copenhagenDate(0));
    await secretary.getByLabel("Høringsfrist (dato)").fill(copenhagenDate(-3));
    await secretary.getByRole("button", { name: "Registrér høring" }).click();
    await secretary.locator(".error-summary").waitFor();
    expect(await secretary.locator("#f-deadlineDate-error").textContent()).toContain(
      "Høringsfristen kan ikke ligge før modtagelsesdatoen",
    );
    expect(await accessibilityViolations(secretary)).toEqual([]);

    await secretary.getByLabel("Høringsfrist (dato)").fill(copenhagenDate(14));
    await secretary.getByRole("button", { name: "Registrér høring" }).click();
    await secretary.getByRole("heading", { level: 1, name: "Ny hjælpemiddelpolitik" }).waitFor();
    const hearingUrl = secretary.url();
    await secretary.getByLabel("Tilføj dokument").setInputFiles({
      name: "høringsbrev.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n"),
    });
    await secretary.getByRole("button", { name: "Upload" }).click();
    await secretary.getByText("høringsbrev.pdf").waitFor();
    await secretary.getByLabel("Svarets tekst").fill("Handicaprådet bakker op om politikken.");
    await secretary.getByRole("button", { name: "Gem udkast" }).click();
    await secretary.getByText("Udkast", { exact: true }).waitFor();
    expect(await accessibilityViolations(secretary)).toEqual([]);

    // A member drafts and comments, but cannot approve: no button, and the API refuses.
    // Its own browser profile, so the two people's session cookies stay apart.
    const member = await launchBrowser();
    const memberPage = await member.context.newPage();
    await signInAs(memberPage, product.server.url, "medlem@broenderslev.demo");
    await memberPage.goto(hearingUrl);
    await memberPage.getByRole("heading", { level: 1, name: "Ny hjælpemiddelpolitik" }).waitFor();
    expect(await memberPage.getByRole("button", { name: "Godkend svaret" }).count()).toBe(0);
    expect(await memberPage.locator("main").textContent()).toContain(
      "Sekretæren godkender og indsender svaret",
    );
    await memberPage.getByLabel("Din kommentar").fill("Husk at nævne kørestolsbrugere.");
    await memberPage.getByRole("button", { name: "Tilføj kommentar" }).click();
    await memberPage.getByText("Husk at nævne kørestolsbrugere.").waitFor();
    expect(await accessibilityViolations(memberPage)).toEqual([]);
    const hearingId = hearingUrl.split("/").pop() ?? "";
    const refused = await memberPage.evaluate(async (id) => {
      const response = await fetch("/trpc/hearings.transitionResponse", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ hearingId: id, command: "approve" }),
      });
      return response.status;
    }, hearingId);
    expect(refused).toBe(403);

    await secretary.reload();
    await expect.poll(() => secretary.locator("header").textContent()).toContain("Logget ind som");
    expect(await secretary.locator("header").textContent()).not.toMatch(/medlem/i);
    await secretary.getByText("Husk at nævne kørestolsbrugere.").waitFor();
    await secretary.getByRole("button", { name: "Godkend svaret" }).click();
    await secretary.getByText("Godkendt", { exact: true }).waitFor();
    await secretary.getByRole("button", { name: "Markér som indsendt" }).click();
    await secretary.getByText("Indsendt", { exact: true }).waitFor();
    expect(await secretary.locator(".response").textContent()).toContain("bakker op om politikken");
    expect(await accessibilityViolations(secretary)).toEqual([]);
    await memberPage.close();
    await member.close();
    await secretary.close();
  }, 180_000);
});
