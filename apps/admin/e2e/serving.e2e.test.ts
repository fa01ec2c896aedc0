import { accessibilityViolations } from "@samraad/e2e";
import { describe, expect, it } from "vitest";
import { productAndBrowser, signInAs } from "./helpers.ts";

const product = productAndBrowser();

describe("the admin app as served by the product", () => {
  it("answers every client-side route with the app, and caches hashed assets for a year", async () => {
    const deep = await fetch(`${product.server.url}/admin/moeder/findes-ikke`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get("cache-control")).toBe("no-cache");
    const html = await deep.text();
    expect(html).toContain('<html lang="da">');
    const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${product.server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${product.server.url}/admin/assets/findes-ikke.js`)).status).toBe(404);
  });

  it("shows a clear page for an unknown address, and switches to English", async () => {
    const page = await product.browser.context.newPage();
    await signInAs(page, product.server.url, "admin@broenderslev.demo");
    await page.goto(`${product.server.url}/admin/findes/ikke`);
    await page.getByRole("heading", { level: 1, name: "Siden findes ikke" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("button", { name: "Dansk" }).click();
    await page.getByRole("heading", { level: 1, name: "Siden findes ikke" }).waitFor();
    await page.close();
  });
});
