import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { seedDemoData } from "@samraad/db/demo";
import { createTestDatabase } from "@samraad/db/testing";
import { createApp } from "./app.ts";
import { createAuth } from "./auth.ts";
import { smtpMailer, startMailWorker } from "./mail/outbox-worker.ts";
import { DEMO_PASSWORD, seedDemoAccounts } from "./users.ts";

export { DEMO_PASSWORD };

/**
 * The whole product on a real port, on a fresh test database (PGlite, or PostgreSQL when
 * DATABASE_URL is set), with demo data and demo accounts unless `demo: false`.
 */
export async function startTestServer(
  options: {
    demo?: boolean;
    now?: () => Date;
    /** email through this local SMTP server, with the outbox worker running */
    smtpUrl?: string;
  } = {},
) {
  const now = options.now ?? (() => new Date());
  const opened = await createTestDatabase();
  let url = "";
  const server = serve({ fetch: (request) => app.fetch(request), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = await createAuth(opened.db, url, false);
  if (options.demo ?? true) {
    await seedDemoData(opened.db, now());
    await seedDemoAccounts(auth, opened.db);
  }
  const app = createApp({
    db: opened.db,
    kind: opened.kind,
    auth,
    publicUrl: url,
    now,
    sendsEmail: Boolean(options.smtpUrl),
  });
  const mail = options.smtpUrl
    ? startMailWorker({ db: opened.db, ...smtpMailer(options.smtpUrl, url), now, intervalMs: 100 })
    : null;
  return {
    url,
    db: opened.db,
    kind: opened.kind,
    app,
    auth,
    close: async () => {
      await mail?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await opened.close();
    },
  };
}

/** Signs in through the real endpoint and returns the session cookie to send with later requests. */
export async function signIn(url: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok)
    throw new Error(`sign-in failed for ${email}: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
