import type { Database } from "@samraad/db";
import { loadPrincipal } from "@samraad/db/queries";
import type { Principal } from "@samraad/domain/access";
import type { Auth } from "./auth.ts";

/**
 * Who is asking: the signed-in user's principal (name and role grants), or null for the public.
 *
 * - A request without a session cookie is public without asking better-auth.
 * - Otherwise the answer is remembered per session cookie for `ttlMs` in this process. Checking the
 *   signed cookie and loading the grants cost more than a typical API call's own work; remembering it
 *   briefly means a sign-out or a changed grant takes effect within `ttlMs` — a shorter delay than
 *   better-auth's own session cookie cache (60 s), which already applies across processes.
 */
export function requestPrincipal(auth: Auth, db: Database, ttlMs = 5_000, clock: () => number = Date.now) {
  const remembered = new Map<string, { principal: Principal | null; until: number }>();
  return async (headers: Headers): Promise<Principal | null> => {
    const cookie = headers.get("cookie");
    if (!cookie?.includes("session_token=")) return null;
    const hit = remembered.get(cookie);
    if (hit && hit.until > clock()) return hit.principal;
    const signedIn = await auth.api.getSession({ headers });
    const principal = signedIn ? await loadPrincipal(db, signedIn.user.id) : null;
    if (remembered.size >= 10_000) remembered.clear();
    remembered.set(cookie, { principal, until: clock() + ttlMs });
    return principal;
  };
}
