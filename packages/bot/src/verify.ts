import { createHmac, timingSafeEqual } from "node:crypto";

export type Verdict = { ok: true } | { ok: false; status: 401; message: string };

const MAX_AGE_SECONDS = 5 * 60;

function equalBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Slack's request signing: HMAC-SHA256 over `v0:{timestamp}:{raw body}` with the app's signing secret, sent as
 * `X-Slack-Signature: v0=<hex>`. A timestamp more than five minutes from now is a replay and is refused too.
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  now: Date;
}): Verdict {
  const { signingSecret, timestamp, signature, rawBody, now } = input;
  if (!timestamp || !signature)
    return {
      ok: false,
      status: 401,
      message:
        "Missing X-Slack-Request-Timestamp or X-Slack-Signature header: the request is not from Slack.",
    };
  if (!/^\d{1,12}$/.test(timestamp))
    return { ok: false, status: 401, message: "X-Slack-Request-Timestamp is not a Unix time in seconds." };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_AGE_SECONDS)
    return {
      ok: false,
      status: 401,
      message:
        "The request timestamp is more than 5 minutes from the server's clock: refused as a possible replay.",
    };
  const expected = `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
  if (!equalBytes(Buffer.from(signature, "utf8"), Buffer.from(expected, "utf8")))
    return {
      ok: false,
      status: 401,
      message: "The Slack signature does not match: the request was refused.",
    };
  return { ok: true };
}

/**
 * A Teams outgoing webhook signs the raw body: `Authorization: HMAC base64(HMAC-SHA256(body, base64-decode(secret)))`.
 */
export function verifyTeamsSignature(input: {
  secret: string;
  authorization: string | undefined;
  rawBody: string;
}): Verdict {
  const match = /^HMAC ([A-Za-z0-9+/=]+)$/.exec(input.authorization?.trim() ?? "");
  if (!match?.[1])
    return {
      ok: false,
      status: 401,
      message:
        "Missing or malformed Authorization header (expected 'HMAC <base64>'): the request is not from Teams.",
    };
  const expected = createHmac("sha256", Buffer.from(input.secret, "base64"))
    .update(input.rawBody, "utf8")
    .digest();
  if (!equalBytes(Buffer.from(match[1], "base64"), expected))
    return {
      ok: false,
      status: 401,
      message: "The Teams HMAC signature does not match: the request was refused.",
    };
  return { ok: true };
}
