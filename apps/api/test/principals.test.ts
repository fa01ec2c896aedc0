import { eq } from "@samraad/db";
import { roleGrants, user } from "@samraad/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestPrincipal } from "../src/principals.ts";
import { signIn, startTestServer } from "../src/testing.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("who is asking", () => {
  it("treats a request without a session cookie as the public", async () => {
    const principalOf = requestPrincipal(server.auth, server.db);
    expect(await principalOf(new Headers({ cookie: "other=1" }))).toBeNull();
  });

  it("remembers a user's grants briefly, and applies a withdrawn grant once that time is up", async () => {
    let clock = 1_000_000;
    const principalOf = requestPrincipal(server.auth, server.db, 5_000, () => clock);
    const headers = new Headers({ cookie: await signIn(server.url, "medlem@broenderslev.demo") });
    const before = await principalOf(headers);
    expect(before?.grants.map((g) => g.role)).toEqual(["member"]);

    const [member] = await server.db
      .select({ id: user.id })
      .from(user)
      .where(eq(user.email, "medlem@broenderslev.demo"));
    if (!member) throw new Error("demo member missing");
    await server.db.delete(roleGrants).where(eq(roleGrants.userId, member.id));

    clock += 4_000;
    expect((await principalOf(headers))?.grants).toHaveLength(1);
    clock += 2_000;
    expect((await principalOf(headers))?.grants).toEqual([]);
  });

  it("gives a forged session cookie no principal", async () => {
    const principalOf = requestPrincipal(server.auth, server.db);
    const forged = new Headers({ cookie: "better-auth.session_token=forged.signature" });
    expect(await principalOf(forged)).toBeNull();
  });
});
