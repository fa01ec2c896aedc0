import { demoCoCreation, demoVotes } from "@samraad/db/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapse, readable, siteWithDemo } from "./test-support.ts";

const words = (html: string) => collapse(readable(html.replace(/<[^>]+>/g, " ")));
const ideasPage = `/kommuner/broenderslev/samskabelse/${demoCoCreation.broenderslev.slug}/forslag`;

let env: Awaited<ReturnType<typeof siteWithDemo>>;

beforeAll(async () => {
  env = await siteWithDemo();
}, 120_000);
afterAll(() => env.close());

describe("the site search finds published ideas", () => {
  it("lists a published idea with its process and links to it on the process's ideas page", async () => {
    const html = (await env.get("/soeg?q=teleslynge")).text;
    const text = words(html);
    expect(text).toContain("Forslag i samskabelsesforløb");
    expect(text).toContain("Forslag · Brønderslev Kommune · Tilgængelig by – borgerne bestemmer");
    const href = html.match(
      /href="([^"]*\/forslag#forslag-[0-9a-f-]{36})"[^>]*>\s*Teleslynge i bibliotekets mødesal/,
    )?.[1];
    expect(href?.startsWith(`${ideasPage}#forslag-`)).toBe(true);
    // The link lands on the idea itself.
    const [path, anchor] = (href ?? "").split("#");
    const target = await env.get(path ?? "");
    expect(target.status).toBe(200);
    expect(target.text).toContain(`id="${anchor}"`);
    expect(words(`<li ${target.text.split(`id="${anchor}"`)[1] ?? ""}`)).toMatch(
      /^Teleslynge i bibliotekets mødesal/,
    );
  });

  it("speaks English on the English site", async () => {
    const html = (await env.get("/soeg?q=teleslynge&lang=en")).text;
    expect(words(html)).toContain("Ideas in co-creation processes");
    expect(html).toMatch(/href="[^"]*\/forslag\?lang=en#forslag-/);
  });

  it("never finds a pending or rejected idea", async () => {
    for (const q of ["lydfyr", "fadøl"]) {
      const text = words((await env.get(`/soeg?q=${encodeURIComponent(q)}`)).text);
      expect(text).not.toContain("Forslag i samskabelsesforløb");
    }
    const pending = words((await env.get(`/soeg?q=${encodeURIComponent("fodgængerovergangen")}`)).text);
    expect(pending).not.toContain(demoVotes.broenderslev.pendingIdea);
  });
});
