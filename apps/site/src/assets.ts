import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/*
 * The stylesheet is read once at module load and served under a content-hashed URL, so browsers may cache
 * it for a year and a new deploy is a new URL.
 */
const source = readFileSync(new URL("./assets/site.css", import.meta.url), "utf8");
// The source is formatted for people; the wire gets it without lint comments and whitespace.
const css = source
  .replace(/\/\* biome-ignore[^*]*\*\//g, "")
  .replace(/\s+/g, " ")
  .replace(/\s*([{};,>])\s*/g, "$1")
  .trim();
const hash = createHash("sha256").update(css).digest("hex").slice(0, 12);

export const stylesheet = { path: `/assets/site.${hash}.css`, body: css } as const;
