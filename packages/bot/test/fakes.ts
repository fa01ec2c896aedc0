import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@samraad/db";
import { demo } from "@samraad/db/demo";
import { findCouncil, findMunicipality } from "@samraad/db/queries";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

export type SlackPost = { channel: string; text: string; blocks: unknown; metadata: unknown; token: string };

/**
 * A local stand-in for Slack's Web API: records chat.postMessage calls. `failWith` makes the next calls answer
 * `{ ok: false, error }` the way Slack reports a bad channel or a revoked token.
 */
export async function startFakeSlack() {
  const posts: SlackPost[] = [];
  const state: { failWith: string | null; failuresLeft: number } = { failWith: null, failuresLeft: 0 };
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const params = new URLSearchParams(raw);
    res.setHeader("content-type", "application/json");
    if (!req.url?.endsWith("/chat.postMessage")) {
      res.end(JSON.stringify({ ok: false, error: "unknown_method" }));
      return;
    }
    if (state.failWith && state.failuresLeft > 0) {
      state.failuresLeft--;
      res.end(JSON.stringify({ ok: false, error: state.failWith }));
      return;
    }
    const parse = (v: string | null) => (v ? JSON.parse(v) : undefined);
    posts.push({
      channel: params.get("channel") ?? "",
      text: params.get("text") ?? "",
      blocks: parse(params.get("blocks")),
      metadata: parse(params.get("metadata")),
      token: (req.headers.authorization ?? "").replace(/^Bearer /, ""),
    });
    res.end(JSON.stringify({ ok: true, channel: params.get("channel"), ts: `${Date.now() / 1000}` }));
  });
  const url = await listen(server);
  return {
    apiUrl: `${url}/api/`,
    posts,
    failNext(error: string, times: number) {
      state.failWith = error;
      state.failuresLeft = times;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A stand-in for a Teams incoming webhook (or Workflows URL): records the posted message cards. */
export async function startFakeTeamsReceiver() {
  const received: { path: string; body: unknown }[] = [];
  const state = { status: 200 };
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    received.push({ path: req.url ?? "", body: JSON.parse(raw) });
    res.statusCode = state.status;
    res.end(state.status === 200 ? "1" : "error");
  });
  const url = await listen(server);
  return {
    url,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEAMS_SECRET = Buffer.from("a shared secret Teams shows once, 32b!").toString("base64");

export function slackHeaders(rawBody: string, at: Date, secret = SIGNING_SECRET): Record<string, string> {
  const ts = String(Math.floor(at.getTime() / 1000));
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${rawBody}`).digest("hex")}`;
  return { "x-slack-request-timestamp": ts, "x-slack-signature": signature };
}

export function teamsAuthorization(rawBody: string, secret = TEAMS_SECRET): string {
  return `HMAC ${createHmac("sha256", Buffer.from(secret, "base64")).update(rawBody, "utf8").digest("base64")}`;
}

export async function broenderslevHandicapraad(db: Database) {
  const municipality = await findMunicipality(db, { slug: demo.broenderslev.slug });
  if (!municipality) throw new Error("demo municipality missing");
  const council = await findCouncil(db, municipality.id, { slug: demo.broenderslev.councilSlug });
  if (!council) throw new Error("demo council missing");
  return { municipalityId: municipality.id, councilId: council.id, councilName: council.name };
}

export async function until<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
