import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Without the networking flags Chromium floods this machine's closed network at every start.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type Browser = { context: BrowserContext; close(): Promise<void> };

/** A real headless Chromium with a fresh profile; `javaScriptEnabled: false` for the no-JS journeys. */
export async function launchBrowser(
  options: {
    javaScriptEnabled?: boolean;
    viewport?: { width: number; height: number };
    locale?: string;
  } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "samraad-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? "da-DK",
    timezoneId: "Europe/Copenhagen",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe-core's WCAG 2.2 A/AA violations on the page as it is now, as readable lines (empty when none). */
async function axeEngineViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")} — ${n.failureSummary ?? ""}`,
    ),
  );
}

const htmlCodeSniffer = readFileSync(
  createRequire(import.meta.url).resolve("@pa11y/html_codesniffer/build/HTMLCS.js"),
  "utf8",
);

/**
 * HTML_CodeSniffer's WCAG 2 AA errors (the engine behind pa11y), as readable lines. Its warnings and notices ask
 * for a human judgement and are left out. Run inside the page as pa11y runs it.
 */
async function htmlCodeSnifferErrors(page: Page): Promise<string[]> {
  // The checker is a script that defines the global HTMLCS; a string is evaluated as a script, as pa11y injects it
  // (this works with the page's own JavaScript turned off, too).
  await page.evaluate(htmlCodeSniffer);
  return page.evaluate(async () => {
    type Message = { type: number; code: string; msg: string; element?: Element };
    type Sniffer = {
      process(standard: string, d: Document, done: () => void): void;
      getMessages(): Message[];
    };
    const sniffer = (window as unknown as { HTMLCS: Sniffer }).HTMLCS;
    await new Promise<void>((done) => sniffer.process("WCAG2AA", document, done));
    const ERROR = 1;
    return sniffer
      .getMessages()
      .filter((m) => m.type === ERROR)
      .map((m) => `htmlcs ${m.code}: ${m.msg} — ${m.element?.outerHTML.slice(0, 120) ?? ""}`);
  });
}

/**
 * WCAG 2.2 A/AA problems on the page as it is now, from two independent engines: axe-core (tags wcag2a … wcag22aa)
 * and HTML_CodeSniffer (WCAG2AA errors). Readable lines; empty when neither finds anything.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  return [...(await axeEngineViolations(page)), ...(await htmlCodeSnifferErrors(page))];
}

/** Presses Tab until focus leaves the page or `max` presses; returns what received focus, in order. */
export async function tabOrder(
  page: Page,
  max = 200,
): Promise<{ tag: string; text: string; href: string | null }[]> {
  const seen: { tag: string; text: string; href: string | null }[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return {
        tag: el.tagName.toLowerCase(),
        text: (el.textContent ?? (el as HTMLInputElement).value ?? "").trim().slice(0, 80),
        href: el.getAttribute("href"),
      };
    });
    if (!focused) break;
    const last = seen.at(-1);
    if (seen.length > 2 && last && focused.href === seen[0]?.href && focused.text === seen[0]?.text) break;
    seen.push(focused);
  }
  return seen;
}
