import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestServer } from "../src/testing.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// biome-ignore lint/suspicious/noExplicitAny: tests read tRPC's JSON envelope loosely
type Json = any;

const trpc = async (path: string, input: unknown, cookie: string, method: "GET" | "POST" = "GET") => {
  const res =
    method === "GET"
      ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { cookie },
        })
      : await fetch(`${server.url}/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: server.url, cookie },
          body: JSON.stringify(input),
        });
  return { status: res.status, body: (await res.json()) as Json };
};

const invite = async (partnershipId: string, personId: string, cookie: string | null) => {
  const res = await fetch(`${server.url}/api/partnerships/${partnershipId}/people/${personId}/invitation`, {
    method: "POST",
    headers: { origin: server.url, ...(cookie ? { cookie } : {}) },
  });
  return { status: res.status, body: (await res.json()) as Json };
};

const setPassword = (token: string, newPassword: string) =>
  fetch(`${server.url}/api/auth/reset-password`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ token, newPassword }),
  });

describe("inviting a partner's person who has no login", () => {
  it("gives the official a one-time link; the person sets a password with it, signs in and sees only this partnership", async () => {
    const official = await signIn(server.url, "admin@randers.demo");
    const [demo] = (await trpc("partnerships.list", undefined, official)).body.result.data;
    const view = (await trpc("partnerships.get", { partnershipId: demo.id }, official)).body.result.data;
    const organisation = view.partners.find((p: { kind: string }) => p.kind === "organisation");
    const added = await trpc(
      "partnerships.addPerson",
      {
        partnershipId: demo.id,
        partnerId: organisation.id,
        name: "Nina Ny",
        email: "nina@forening.demo",
        capacity: "Kasserer",
      },
      official,
      "POST",
    );
    expect(added.status).toBe(200);
    // Nobody has that login yet: adding the person links nothing.
    expect(added.body.result.data.invited).toBe(false);
    const personId = added.body.result.data.id;

    expect((await invite(demo.id, personId, null)).status).toBe(401);
    const partner = await signIn(server.url, "partner@forening.demo");
    const lise = view.people.find((p: { name: string }) => p.name === "Lise Holm");
    const refused = await invite(demo.id, lise.id, partner);
    expect(refused.status).toBe(403);
    expect(refused.body.error.data.message.da).toBe(
      "Du kan kun ændre personer hos en partner, du selv hører til",
    );
    const outsider = await signIn(server.url, "admin@broenderslev.demo");
    expect((await invite(demo.id, personId, outsider)).status).toBe(404);

    const created = await invite(demo.id, personId, official);
    expect(created.status).toBe(200);
    expect(created.body.alreadyHasLogin).toBe(false);
    const link = new URL(created.body.url);
    expect(link.pathname).toBe("/admin/invitation");
    const token = link.searchParams.get("token") ?? "";
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    // Not a login until the password is chosen.
    await expect(signIn(server.url, "nina@forening.demo", "nyt-kodeord-123")).rejects.toThrow();

    expect((await setPassword(token, "kort")).status).toBe(400);
    expect((await setPassword(token, "nyt-kodeord-123")).status).toBe(200);
    // One use only.
    expect((await setPassword(token, "andet-kodeord-456")).status).toBe(400);

    const nina = await signIn(server.url, "nina@forening.demo", "nyt-kodeord-123");
    const list = (await trpc("partnerships.list", undefined, nina)).body.result.data;
    expect(list.map((p: { id: string }) => p.id)).toEqual([demo.id]);
    const after = (await trpc("partnerships.get", { partnershipId: demo.id }, official)).body.result.data;
    expect(after.people.find((p: { id: string }) => p.id === personId).hasLogin).toBe(true);
    const audit = await trpc("audit.list", { municipalityId: view.municipalityId }, official);
    expect(JSON.stringify(audit.body)).toContain("partnership.invite");

    // Inviting again finds the login and sends no new link.
    const again = await invite(demo.id, personId, official);
    expect(again.body).toMatchObject({ alreadyHasLogin: true, url: null });
  });

  it("a person without an email cannot be invited", async () => {
    const official = await signIn(server.url, "admin@randers.demo");
    const [demo] = (await trpc("partnerships.list", undefined, official)).body.result.data;
    const view = (await trpc("partnerships.get", { partnershipId: demo.id }, official)).body.result.data;
    const added = await trpc(
      "partnerships.addPerson",
      { partnershipId: demo.id, partnerId: view.partners[1].id, name: "Uden Adresse" },
      official,
      "POST",
    );
    const res = await invite(demo.id, added.body.result.data.id, official);
    expect(res.status).toBe(400);
    expect(res.body.error.data.message.da).toBe("Personen har ingen e-mailadresse – tilføj den først");
  });
});
