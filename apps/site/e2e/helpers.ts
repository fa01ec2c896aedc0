import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Browser, launchBrowser } from "@samraad/e2e";
import { afterAll, beforeAll } from "vitest";
import { siteWithDemo } from "../src/test-support.ts";

type DemoSite = Awaited<ReturnType<typeof siteWithDemo>>;

/**
 * The public site alone on a real port, on a fresh database with the demo data, for the tests of one file:
 * started before them (a file's own `beforeAll` runs after this one), closed after them.
 */
export function servedDemoSite() {
  let env: DemoSite | undefined;
  let server: ReturnType<typeof serve> | undefined;
  let origin = "";
  beforeAll(async () => {
    env = await siteWithDemo();
    const site = env.site;
    await new Promise<void>((resolve) => {
      server = serve({ fetch: site.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
        origin = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await env?.close();
  });
  return {
    /** the database and site, for a test that needs ids from the demo data */
    get env(): DemoSite {
      if (!env) throw new Error("the site starts in beforeAll: use it inside a test or a later hook");
      return env;
    },
    /** http://127.0.0.1:<port> */
    get origin() {
      return origin;
    },
  };
}

/** A fresh Chromium for one test (script on or off, a narrow viewport …), closed whatever happens. */
export async function withBrowser<T>(
  options: Parameters<typeof launchBrowser>[0],
  f: (browser: Browser) => Promise<T>,
): Promise<T> {
  const browser = await launchBrowser(options);
  try {
    return await f(browser);
  } finally {
    await browser.close();
  }
}
