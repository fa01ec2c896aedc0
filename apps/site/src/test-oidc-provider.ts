import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@samraad/db";
import { listVoteOptions, replaceVoteOptions, upsertVote } from "@samraad/db/queries";
import { coCreationProcesses } from "@samraad/db/schema";
import Provider from "oidc-provider";

/*
 * A real OpenID provider (the `oidc-provider` package) on a free local port, standing in for a municipality's
 * MitID broker in tests. Its development login page takes any login name — that name becomes the `sub` — and
 * a consent page; both are plain HTML forms, so a browser without JavaScript gets through them.
 */

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close: () => Promise<void>;
};

/** `birthdates` gives some logins a birthdate claim; everyone else gets none (as some brokers do). */
export async function startTestProvider(options: {
  redirectUris: string[];
  birthdates?: Record<string, string>;
}): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "samraad-test";
  const clientSecret = "test-client-secret-not-for-production";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], profile: ["birthdate"] },
    cookies: { keys: ["test-provider-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    // Seconds; stated so the provider does not warn about its defaults.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    async findAccount(_ctx, sub) {
      const birthdate = options.birthdates?.[sub];
      return {
        accountId: sub,
        async claims() {
          return birthdate ? { sub, birthdate } : { sub };
        },
      };
    },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Goes through the provider's login and consent pages as `login`, starting at an authorization URL, and returns
 * where the provider finally sends the browser (the client's redirect URI with code and state). A plain fetch
 * with a cookie jar: the pages are forms, no script.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const origin = new URL(authorizationUrl).origin;
  let next = new URL(authorizationUrl);
  for (let step = 0; step < 10; step++) {
    if (next.origin !== origin) return next;
    let res = await fetch(next, { redirect: "manual", headers: { cookie: cookie() } });
    keep(res);
    if (res.status === 200) {
      const page = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`unexpected provider page: ${page.slice(0, 300)}`);
      const form = new URLSearchParams({ prompt });
      if (prompt === "login") {
        form.set("login", login);
        form.set("password", "any");
      }
      res = await fetch(new URL(action, origin), {
        method: "POST",
        redirect: "manual",
        headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
        body: form,
      });
      keep(res);
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`provider answered ${res.status} without a redirect`);
    next = new URL(location, origin);
  }
  throw new Error("the provider kept redirecting");
}

/**
 * A published process with an open vote (from an hour before `now` to five hours after) that voters sign in for:
 * one choice, from age 15, residence declared. Returns the vote and its two options.
 */
export async function seedSignedInVote(
  db: Database,
  municipalityId: string,
  slug: string,
  options: { allowRevote: boolean; now: Date },
) {
  const [p] = await db
    .insert(coCreationProcesses)
    .values({
      municipalityId,
      slug,
      title: `Borgerbudget ${slug}`,
      purpose: "Borgerne bestemmer",
      status: "published",
    })
    .returning({ id: coCreationProcesses.id });
  if (!p) throw new Error("no process");
  const hour = 3_600_000;
  const voteId = await upsertVote(
    db,
    municipalityId,
    p.id,
    {
      budgetKroner: 100_000,
      allocation: "knapsack",
      winnersCount: null,
      maxChoices: 1,
      minAge: 15,
      residenceRequired: true,
      allowRevote: options.allowRevote,
      signInWithOidc: true,
      title: "Borgerbudget",
      area: "Brønderslev midtby",
      opensAt: new Date(options.now.getTime() - hour),
      closesAt: new Date(options.now.getTime() + 5 * hour),
    },
    options.now,
  );
  await replaceVoteOptions(db, municipalityId, voteId, [
    { ideaId: null, title: "Legeplads i parken", description: null, cost: 60_000 },
    { ideaId: null, title: "Bænke ved åen", description: null, cost: 30_000 },
  ]);
  return { voteId, options: (await listVoteOptions(db, municipalityId, voteId)).map((o) => o.id) };
}
