import { createHash } from "node:crypto";
import { signIn, startTestServer } from "@samraad/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: Awaited<ReturnType<typeof startTestServer>>;
let secretary: string;
let itemId: string;

async function trpc(path: string, cookie: string, input: unknown, method: "GET" | "POST" = "POST") {
  const url =
    method === "GET"
      ? `${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${server.url}/trpc/${path}`;
  const response = await fetch(url, {
    method,
    headers: { cookie, origin: server.url, "content-type": "application/json" },
    ...(method === "POST" ? { body: JSON.stringify(input) } : {}),
  });
  return (await response.json()).result.data;
}

function upload(cookie: string | null, file: File, target: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(target)) body.set(k, v);
  body.set("file", file);
  return fetch(`${server.url}/api/attachments`, {
    method: "POST",
    headers: { origin: server.url, ...(cookie ? { cookie } : {}) },
    body,
  });
}

beforeAll(async () => {
  server = await startTestServer();
  secretary = await signIn(server.url, "sekretaer@broenderslev.demo");
  const me = await trpc("session.me", secretary, undefined, "GET");
  const councilId = me.councils[0].id as string;
  const meeting = await trpc("meetings.create", secretary, {
    councilId,
    date: "2031-03-04",
    time: "14:00",
    location: "Rådhuset",
  });
  const item = await trpc("agenda.add", secretary, { meetingId: meeting.id, title: "Punkt med bilag" });
  itemId = item.id;
});
afterAll(async () => {
  await server?.close();
});

describe("uploading attachments", () => {
  it("stores a PDF in the database with its SHA-512 and shows it on the agenda", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4\n% bilag\n");
    const response = await upload(secretary, new File([bytes], "bilag.pdf", { type: "application/pdf" }), {
      agendaItemId: itemId,
    });
    expect(response.status).toBe(201);
    const saved = await response.json();
    expect(saved.sha512).toBe(createHash("sha512").update(bytes).digest("hex"));
    expect(saved.size).toBe(bytes.byteLength);
  });

  it("refuses without a login, for another municipality, and for files that are too large or not documents", async () => {
    const pdf = new File(["%PDF"], "a.pdf", { type: "application/pdf" });
    expect((await upload(null, pdf, { agendaItemId: itemId })).status).toBe(401);
    const randers = await signIn(server.url, "admin@randers.demo");
    expect((await upload(randers, pdf, { agendaItemId: itemId })).status).toBe(403);
    const member = await signIn(server.url, "medlem@broenderslev.demo");
    expect((await upload(member, pdf, { agendaItemId: itemId })).status).toBe(403);

    const big = new File([new Uint8Array(21 * 1024 * 1024)], "stor.pdf", { type: "application/pdf" });
    const tooBig = await upload(secretary, big, { agendaItemId: itemId });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.data.message.da).toContain("for stor");

    const exe = await upload(secretary, new File(["MZ"], "x.exe", { type: "application/x-msdownload" }), {
      agendaItemId: itemId,
    });
    expect(exe.status).toBe(400);
    expect((await exe.json()).error.data.message.da).toContain("Bilag skal være PDF");
  });

  it("refuses an upload from another site (CSRF)", async () => {
    const body = new FormData();
    body.set("agendaItemId", itemId);
    body.set("file", new File(["%PDF"], "a.pdf", { type: "application/pdf" }));
    const response = await fetch(`${server.url}/api/attachments`, {
      method: "POST",
      headers: { origin: "https://evil.example", cookie: secretary },
      body,
    });
    expect(response.status).toBe(403);
  });
});
