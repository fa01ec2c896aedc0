import { seedDemoData } from "@samraad/db/demo";
import { createTestDatabase } from "@samraad/db/testing";
import { createSite } from "./app.tsx";

/** A fixed "now" inside the demo's current term, so dates in assertions do not drift. */
export const testNow = new Date("2026-11-23T10:00:00Z");
export const publicUrl = "https://samraad.test";

/** A fresh database with the demo data and the site on top of it, as a citizen would reach it. */
export async function siteWithDemo() {
  const opened = await createTestDatabase();
  await seedDemoData(opened.db, testNow);
  const site = createSite({ db: opened.db, now: () => testNow, publicUrl });
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await site.request(path, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  return { db: opened.db, site, get, close: opened.close };
}

const entities: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};

/** Page text as a reader gets it: entities decoded, whitespace collapsed (HTML, iCal folding and escapes). */
export function readable(body: string): string {
  return body
    .replace(/\r\n[ \t]/g, "")
    .replace(/\\([,;\\])/g, "$1")
    .replace(/\\n/gi, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e)
    .replace(/\s+/g, " ");
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
