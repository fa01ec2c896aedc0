import type { Database } from "@samraad/db";
import { instanceSecret } from "@samraad/db/queries";
import { account, session, user, verification } from "@samraad/db/schema";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";

/**
 * Sign-in by better-auth: scrypt-hashed passwords, sessions in the database, HttpOnly SameSite
 * cookies, and its origin check on every mutation (CSRF). The signed session cookie cache lets
 * most requests skip the session lookup; it is short so a sign-out everywhere takes effect soon.
 */
export async function createAuth(db: Database, baseURL: string, secure: boolean) {
  const secret = await instanceSecret(db, "auth");
  return betterAuth({
    baseURL,
    basePath: "/api/auth",
    secret,
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification } }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { cookieCache: { enabled: true, maxAge: 60 } },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;
