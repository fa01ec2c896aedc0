import { accessibilityViolations } from "@samraad/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { announcedAfter, copenhagenDate, h1, productAndBrowser, signInAs, trpcAnswer } from "./helpers.ts";

// The server's clock can be moved forward, so a meeting planned for tomorrow can be held and its
// correction window can pass within one test.
let shiftDays = 0;
const product = productAndBrowser({ now: () => new Date(Date.now() + shiftDays * 86_400_000) });

async function openHandicapraad(page: Page) {
  await page.getByRole("navigation").getByRole("link", { name: "Handicaprådet" }).click();
  await page.getByRole("heading", { level: 1, name: "Handicaprådet" }).waitFor();
}

async function agendaTitles(page: Page) {
  return (await page.locator(".agenda-item h3").allTextContents()).map((s) =>
    s.replace(/^\d+\.\s*/, "").trim(),
  );
}

describe("a secretary runs a meeting from plan to minutes", () => {
  it("plans a meeting, builds and publishes the agenda, records decisions and publishes the minutes", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await openHandicapraad(page);
    await page.waitForLoadState("networkidle");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Planlæg møde" }).click();
    await page.getByRole("heading", { level: 1, name: "Planlæg møde" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A bad date: the field says what is wrong, the summary takes focus, and no meeting is made.
    const before = (await page.evaluate(() => document.title)) as string;
    await page.getByLabel("Dato").fill("31-02-2026");
    await page.getByLabel("Starttid").fill("14:00");
    await page.getByLabel("Sted", { exact: true }).fill("Rådhuset, mødelokale 1");
    await page.getByRole("button", { name: "Opret møde" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("Skriv en gyldig dato");
    expect(await page.locator("#f-date-error").textContent()).toContain("Fejl:");
    // Focus moves to the summary in a microtask after it renders: poll.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain("error-summary");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.title)).toBe(before);

    const date = copenhagenDate(1);
    await page.getByLabel("Dato").fill(date);
    await page.getByRole("button", { name: "Opret møde" }).click();
    await page.getByRole("heading", { level: 1, name: /^Møde / }).waitFor();
    expect(await page.locator(".facts").textContent()).toContain("Planlagt");
    expect(await page.locator("main").textContent()).toContain("Ingen punkter på dagsordenen endnu");

    for (const [title, closed] of [
      ["Godkendelse af dagsorden", false],
      ["Personsag om hjælpemidler", true],
      ["Tilgængelighed i svømmehallen", false],
    ] as const) {
      await page.getByLabel("Overskrift").fill(title);
      if (closed) await page.getByLabel(/Lukket punkt/).check();
      await page.getByRole("button", { name: "Tilføj punkt" }).click();
      await page.locator(".agenda-item h3", { hasText: title }).waitFor();
    }
    expect(await page.locator(".agenda-item", { hasText: "Personsag" }).textContent()).toContain(
      "Lukket punkt",
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // Reorder with the buttons …
    await page.getByRole("button", { name: "Flyt op: punkt 3" }).click();
    await expect
      .poll(() => agendaTitles(page))
      .toEqual(["Godkendelse af dagsorden", "Tilgængelighed i svømmehallen", "Personsag om hjælpemidler"]);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("flyttet til plads 2");
    // … and by drag and drop.
    await page.locator(".agenda-item").nth(2).dragTo(page.locator(".agenda-item").nth(0));
    await expect
      .poll(() => agendaTitles(page))
      .toEqual(["Personsag om hjælpemidler", "Godkendelse af dagsorden", "Tilgængelighed i svømmehallen"]);
    await page.reload();
    await page.locator(".agenda-item").first().waitFor();
    expect((await agendaTitles(page))[0]).toBe("Personsag om hjælpemidler");

    // Edit an item.
    // The add-item form has an "Overskrift" too: fill the edit form's own field, once it is there.
    await page.getByRole("button", { name: "Redigér: punkt 3" }).click();
    const editForm = page
      .locator(".agenda-item")
      .nth(2)
      .locator("form.inline-form", {
        has: page.getByRole("button", { name: "Gem punkt" }),
      });
    await editForm.getByLabel("Overskrift").fill("Tilgængelighed i den nye svømmehal");
    await editForm.getByRole("button", { name: "Gem punkt" }).click();
    await page.locator(".agenda-item h3", { hasText: "den nye svømmehal" }).waitFor();

    // Attachments: a PDF is stored; a program is refused with the domain's Danish reason.
    await page.getByLabel("Bilag til punkt 2").setInputFiles({
      name: "notat.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% Samråd test\n"),
    });
    await page.locator(".agenda-item").nth(1).getByRole("button", { name: "Upload" }).click();
    await page.locator(".agenda-item").nth(1).getByText("notat.pdf").waitFor();
    await page.getByLabel("Bilag til punkt 2").setInputFiles({
      name: "virus.exe",
      mimeType: "application/x-msdownload",
      buffer: Buffer.from("MZ"),
    });
    await page.locator(".agenda-item").nth(1).getByRole("button", { name: "Upload" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("Bilag skal være PDF");
    expect(await page.locator(".agenda-item").nth(1).getByText("virus.exe").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Offentliggør dagsorden" }).click();
    await page.locator(".facts", { hasText: "Dagsorden offentliggjort" }).waitFor();

    // After publication a new item goes on the supplementary agenda.
    await page.getByRole("heading", { name: "Tilføj punkt til tillægsdagsorden" }).waitFor();
    await page.getByLabel("Overskrift").fill("Orientering om busterminalen");
    await page.getByRole("button", { name: "Tilføj punkt" }).click();
    await page.locator(".agenda-item", { hasText: "Orientering om busterminalen" }).waitFor();
    expect(await page.locator(".agenda-item", { hasText: "busterminalen" }).textContent()).toContain(
      "Tillægsdagsorden",
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // The meeting day comes; it is held; decisions are recorded.
    shiftDays = 2;
    await page.getByRole("button", { name: "Markér som afholdt" }).click();
    await page.locator(".facts", { hasText: "Afholdt" }).waitFor();
    for (const n of [2, 3, 4]) {
      await page.getByLabel(`Beslutning for punkt ${n}`).fill(`Rådet tog punkt ${n} til efterretning.`);
      // The live region still says "Gemt" from the previous change: wait for this save's own "Gemt", said
      // after the API accepted the decision and the meeting was reloaded.
      const decided = trpcAnswer(page, "agenda.decide");
      await announcedAfter(page, "Gemt", () =>
        page
          .locator(".agenda-item")
          .nth(n - 1)
          .getByRole("button", { name: "Gem beslutning" })
          .click(),
      );
      expect((await decided).status()).toBe(200);
      await expect
        .poll(() => page.getByLabel(`Beslutning for punkt ${n}`).inputValue())
        .toContain("efterretning");
    }

    // Too early: the API's Danish message about the correction window is shown.
    await page.getByRole("button", { name: "Offentliggør referat" }).click();
    await page.locator(".error-summary", { hasText: "åbent for rettelser" }).waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("åbent for rettelser");
    expect(await accessibilityViolations(page)).toEqual([]);

    shiftDays = 30;
    await page.getByRole("button", { name: "Offentliggør referat" }).click();
    await page.locator(".facts", { hasText: "Referat offentliggjort" }).waitFor();
    expect(await page.getByRole("button", { name: /Flyt/ }).count()).toBe(0);
    // The three decisions were saved: the published minutes show them.
    const minutes = (await page.locator("main").textContent()) ?? "";
    for (const n of [2, 3, 4]) expect(minutes).toContain(`Rådet tog punkt ${n} til efterretning.`);
    shiftDays = 0;
    await page.close();
  }, 180_000);

  it("cancels a meeting with a reason in an accessible dialog", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    await openHandicapraad(page);
    await page.getByRole("link", { name: "Planlæg møde" }).click();
    await page.getByLabel("Dato").fill(copenhagenDate(20));
    await page.getByLabel("Starttid").fill("10:00");
    await page.getByLabel("Sted", { exact: true }).fill("Rådhuset");
    await page.getByRole("button", { name: "Opret møde" }).click();
    await page.getByRole("heading", { level: 1, name: /^Møde / }).waitFor();
    await page.getByRole("button", { name: "Aflys mødet" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Aflys mødet" }).click();
    expect(await dialog.locator(".error-summary").textContent()).toContain("Udfyld feltet");
    await dialog.getByLabel("Begrundelse").fill("Formanden er syg");
    await dialog.getByRole("button", { name: "Aflys mødet" }).click();
    await page.locator(".facts", { hasText: "Aflyst" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Mødet er aflyst: Formanden er syg");
    await page.close();
  });

  it("refuses a Brønderslev secretary Randers' council, in the page and in the API", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "sekretaer@broenderslev.demo");
    const randers = await page.evaluate(async () => {
      const list = await (await fetch("/trpc/municipalities.list")).json();
      const municipality = list.result.data.find((m: { slug: string }) => m.slug === "randers");
      const input = encodeURIComponent(JSON.stringify({ municipalityId: municipality.id }));
      const councils = await (await fetch(`/trpc/councils.list?input=${input}`)).json();
      return councils.result.data[0].id as string;
    });
    await page.goto(`${product.server.url}/admin/raad/${randers}`);
    // The app decides after loading the session and the council: poll the heading rather than read the first.
    await expect.poll(() => h1(page)).toBe("Ingen adgang");
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    expect(await page.locator("main").textContent()).toContain("Du har ikke adgang til dette råd");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${product.server.url}/admin/raad/${randers}/moeder/nyt`);
    await expect.poll(() => h1(page)).toBe("Ingen adgang");
    const status = await page.evaluate(async (councilId) => {
      const response = await fetch("/trpc/meetings.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ councilId, date: "2030-01-10", time: "14:00", location: "Randers Rådhus" }),
      });
      return response.status;
    }, randers);
    expect(status).toBe(403);
    await page.close();
  });
});
