import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestServer } from "../src/testing.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// biome-ignore lint/suspicious/noExplicitAny: tests read tRPC's JSON envelope loosely
type Json = any;

const trpcGet = (
  path: string,
  input: unknown,
  cookie?: string,
): Promise<{ status: number; json(): Promise<Json> }> =>
  fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: cookie ? { cookie } : {},
  });

const trpcPost = (path: string, input: unknown, cookie?: string) =>
  fetch(`${server.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(input),
  });

describe("the server", () => {
  it("answers the health check once migrations have run, naming the database", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: server.kind });
  });

  it("shows the demo's upcoming deadlines to the public through tRPC over HTTP", async () => {
    const municipalities = await (await trpcGet("municipalities.list", undefined)).json();
    const broenderslev = municipalities.result.data.find((m: { slug: string }) => m.slug === "broenderslev");
    const response = await trpcGet("deadlines.upcoming", { municipalityId: broenderslev.id });
    expect(response.status).toBe(200);
    const deadlines = (await response.json()).result.data as { dueAt: string; kindLabel: { da: string } }[];
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.every((d) => new Date(d.dueAt) > new Date())).toBe(true);
    expect(deadlines.map((d) => d.kindLabel.da)).toContain("Høringsfrist");
  });

  it("refuses a wrong password with 401 and sets no session", async () => {
    const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ email: "admin@broenderslev.demo", password: "forkert-kodeord" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie().some((c) => c.includes("session_token="))).toBe(false);
  });

  it("signs in with a demo account, carries the role, and signs out", async () => {
    const cookie = await signIn(server.url, "sekretaer@broenderslev.demo");
    const mine = await trpcGet("deadlines.mine", {}, cookie);
    expect(mine.status).toBe(200);
    expect((await mine.json()).result.data.length).toBeGreaterThan(0);

    const out = await fetch(`${server.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie, origin: server.url, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(200);
  });

  it("refuses sign-in and changes from a foreign origin (CSRF), even with a valid session", async () => {
    const signInElsewhere = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ email: "admin@broenderslev.demo", password: "samraad-demo" }),
    });
    expect(signInElsewhere.status).toBe(403);

    const cookie = await signIn(server.url, "admin@broenderslev.demo");
    const municipalities = await (await trpcGet("municipalities.list", undefined)).json();
    const broenderslev = municipalities.result.data.find((m: { slug: string }) => m.slug === "broenderslev");
    const forged = await fetch(`${server.url}/trpc/councils.create`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "https://evil.example", cookie },
      body: JSON.stringify({ municipalityId: broenderslev.id, name: "Falsk råd", type: "ungeraad" }),
    });
    expect(forged.status).toBe(403);
    const list = await (await trpcGet("councils.list", { municipalityId: broenderslev.id })).json();
    expect(list.result.data.some((c: { name: string }) => c.name === "Falsk råd")).toBe(false);
  });

  it("answers bad form input with 400 and field errors in Danish and English", async () => {
    const cookie = await signIn(server.url, "admin@broenderslev.demo");
    const councils = await (await trpcGet("municipalities.list", undefined)).json();
    const broenderslev = councils.result.data.find((m: { slug: string }) => m.slug === "broenderslev");
    const list = await (await trpcGet("councils.list", { municipalityId: broenderslev.id })).json();
    const councilId = list.result.data[0].id;
    const response = await trpcPost(
      "meetings.create",
      { councilId, date: "31-12-2026", time: "14:00", location: "" },
      cookie,
    );
    expect(response.status).toBe(400);
    const body: Json = await response.json();
    expect(body.error.message).toBe("Der er fejl i formularen");
    expect(body.error.data.fieldErrors).toEqual(
      expect.arrayContaining([
        {
          field: "date",
          code: "invalid_date",
          message: { da: "Skriv en gyldig dato (ÅÅÅÅ-MM-DD)", en: "Enter a valid date (YYYY-MM-DD)" },
        },
        expect.objectContaining({ field: "location", code: "required" }),
      ]),
    );
    expect(JSON.stringify(body)).not.toContain("stack");
  });

  it("answers a refused action with 403 and a Danish message, not a 500", async () => {
    const cookie = await signIn(server.url, "medlem@broenderslev.demo");
    const municipalities = await (await trpcGet("municipalities.list", undefined)).json();
    const broenderslev = municipalities.result.data.find((m: { slug: string }) => m.slug === "broenderslev");
    const response = await trpcPost(
      "councils.create",
      { municipalityId: broenderslev.id, name: "Ungerådet", type: "ungeraad" },
      cookie,
    );
    expect(response.status).toBe(403);
    const body: Json = await response.json();
    expect(body.error.data.message).toEqual({
      da: "Du har ikke adgang til at gøre dette",
      en: "You are not allowed to do this",
    });
  });

  it("answers an unknown path with the site's Danish not-found page", async () => {
    const response = await fetch(`${server.url}/findes-ikke`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain('lang="da"');
  });

  it("answers a malformed request body with 400, not 500", async () => {
    const response = await fetch(`${server.url}/trpc/meetings.create`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: "{not json",
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
