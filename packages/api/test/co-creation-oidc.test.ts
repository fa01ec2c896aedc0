import { eq } from "@samraad/db";
import { auditLog, coCreationProcesses } from "@samraad/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFixture, failure, outcome } from "./fixture.ts";

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
let f: Fixture;
const secret = "hemmelig-klientnoegle-fra-broker";
const provider = { issuer: "https://mitid-broker.example.dk", clientId: "samraad-broenderslev" };

beforeAll(async () => {
  f = await demoFixture(new Date("2026-09-01T10:00:00Z"));
});
afterAll(() => f.close());

describe("the municipality's OpenID provider, set up by its administrator", () => {
  const admin = () => f.as(f.principals.adminBroenderslev).coCreationOidc;

  it("refuses everyone but the municipality's administrators, and changes nothing", async () => {
    const save = { municipalityId: f.broenderslev.id, provider: { ...provider, clientSecret: secret } };
    const before = await f.auditCount();
    for (const who of ["secretary", "member", "adminRanders"] as const) {
      expect(await outcome(() => f.as(f.principals[who]).coCreationOidc.saveProvider(save))).toBe(
        "FORBIDDEN",
      );
      expect(
        await outcome(() =>
          f.as(f.principals[who]).coCreationOidc.provider({ municipalityId: f.broenderslev.id }),
        ),
      ).toBe("FORBIDDEN");
    }
    expect(await outcome(() => f.as(null).coCreationOidc.saveProvider(save))).toBe("UNAUTHORIZED");
    expect(await f.auditCount()).toBe(before);
    expect((await admin().provider({ municipalityId: f.broenderslev.id })).provider).toBeNull();
  });

  it("explains bad input field by field and stores nothing", async () => {
    const bad = await failure(() =>
      admin().saveProvider({
        municipalityId: f.broenderslev.id,
        provider: { issuer: "http://mitid-broker.example.dk", clientId: "" },
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fields.map((e) => [e.field, e.message.da])).toEqual([
      ["provider.issuer", "Skriv udbyderens adresse med https:// (fx https://mitid-broker.example.dk)"],
      ["provider.clientId", "Udfyld feltet"],
    ]);
    // The first time, the secret is needed.
    const noSecret = await failure(() =>
      admin().saveProvider({ municipalityId: f.broenderslev.id, provider }),
    );
    expect(noSecret.fields.map((e) => [e.field, e.message.da])).toEqual([
      ["provider.clientSecret", "Udfyld feltet"],
    ]);
    expect((await admin().provider({ municipalityId: f.broenderslev.id })).provider).toBeNull();
  });

  it("stores the provider and never shows or logs the secret", async () => {
    await admin().saveProvider({
      municipalityId: f.broenderslev.id,
      provider: { ...provider, clientSecret: secret },
    });
    const shown = await admin().provider({ municipalityId: f.broenderslev.id });
    expect(shown).toMatchObject({
      provider,
      callbackPath: "/kommuner/broenderslev/samskabelse/log-ind/retur",
    });
    expect(JSON.stringify(shown)).not.toContain(secret);
    const entries = await f.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "co_creation.oidc_provider_saved"));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(secret);
    expect(JSON.stringify(entries)).toContain('"clientSecretChanged":true');
  });
});

describe("a vote where voters sign in", () => {
  it("can be chosen only once the municipality has a provider", async () => {
    const randersAdmin = f.as(f.principals.adminRanders);
    const [p] = await f.db
      .insert(coCreationProcesses)
      .values({
        municipalityId: f.randers.id,
        slug: "oidc-test",
        title: "Borgerbudget",
        purpose: "Borgerne bestemmer",
      })
      .returning({ id: coCreationProcesses.id });
    const setup = (signInWithOidc: boolean) =>
      randersAdmin.coCreationVotes.setup({
        processId: p?.id ?? "",
        vote: {
          title: "Borgerbudget",
          area: "Randers",
          budgetKroner: 10_000,
          allocation: "knapsack",
          maxChoices: 1,
          allowRevote: true,
          signInWithOidc,
          opensOn: "2026-09-12",
          opensAtTime: "10:00",
          closesOn: "2026-09-13",
          closesAtTime: "16:00",
        },
        options: [],
      });
    const refused = await failure(() => setup(true));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", rule: "vote.no_oidc_provider" });
    await randersAdmin.coCreationOidc.saveProvider({
      municipalityId: f.randers.id,
      provider: { issuer: "https://broker.randers.example.dk", clientId: "samraad", clientSecret: "x" },
    });
    await setup(true);
    const overview = await randersAdmin.coCreationVotes.overview({ processId: p?.id ?? "" });
    expect(overview.vote).toMatchObject({ signInWithOidc: true, allowRevote: true });
  });
});
