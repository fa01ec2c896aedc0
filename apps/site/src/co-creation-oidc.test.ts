import {
  findMunicipality,
  listBallots,
  loadVoteResult,
  saveOidcProvider,
  voteTurnout,
} from "@samraad/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  seedSignedInVote,
  signInAtProvider,
  startTestProvider,
  type TestProvider,
} from "./test-oidc-provider.ts";
import { collapse, publicUrl, readable, siteWithDemo, testNow } from "./test-support.ts";

/*
 * Voting signed in with OpenID Connect, against a real OpenID provider over real HTTP: the site discovers it,
 * sends the citizen there, exchanges the code and checks the ID token — nothing is stubbed.
 */

const words = (html: string) => collapse(readable(html.replace(/<[^>]+>/g, " ")));

let env: Awaited<ReturnType<typeof siteWithDemo>>;
let op: TestProvider;
let municipalityId: string;
const once = "/kommuner/broenderslev/samskabelse/borgerbudget-login";
const revote = "/kommuner/broenderslev/samskabelse/borgerbudget-login-igen";
const votes: Record<string, { voteId: string; options: string[] }> = {};

beforeAll(async () => {
  env = await siteWithDemo();
  const m = await findMunicipality(env.db, { slug: "broenderslev" });
  if (!m) throw new Error("no Brønderslev");
  municipalityId = m.id;
  op = await startTestProvider({
    redirectUris: [`${publicUrl}/kommuner/broenderslev/samskabelse/log-ind/retur`],
    // testNow is 23 November 2026: "ung" turns 15 tomorrow.
    birthdates: { voksen: "1980-05-01", ung: "2011-11-24", "voksen-2": "1990-01-01" },
  });
  await saveOidcProvider(
    env.db,
    municipalityId,
    { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret },
    testNow,
  );
  votes["borgerbudget-login"] = await seedSignedInVote(env.db, municipalityId, "borgerbudget-login", {
    allowRevote: false,
    now: testNow,
  });
  votes["borgerbudget-login-igen"] = await seedSignedInVote(
    env.db,
    municipalityId,
    "borgerbudget-login-igen",
    {
      allowRevote: true,
      now: testNow,
    },
  );
}, 120_000);
afterAll(async () => {
  await op?.close();
  await env?.close();
});

/** A browser's cookies for the site, kept between requests. */
class Browser {
  jar = new Map<string, string>();
  async request(path: string, init: { method?: string; form?: [string, string][] } = {}) {
    const res = await env.site.request(path, {
      method: init.method ?? "GET",
      headers: {
        cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(init.form
          ? { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" }
          : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (value === "" || /Max-Age=0/i.test(cookie)) this.jar.delete(pair.slice(0, eq));
      else this.jar.set(pair.slice(0, eq), value);
    }
    return {
      status: res.status,
      location: res.headers.get("location"),
      cache: res.headers.get("cache-control"),
      text: await res.text(),
    };
  }
  post(path: string, form: [string, string][]) {
    return this.request(path, { method: "POST", form });
  }
}

/** Signs in at the provider as `login` from the vote of `processPath`; returns the browser and the ballot page. */
async function signIn(processPath: string, login: string, query = "") {
  const browser = new Browser();
  const start = await browser.request(`${processPath}/afstemning/log-ind${query}`);
  expect(start.status).toBe(302);
  expect(start.cache).toBe("no-store");
  const authorization = new URL(start.location ?? "");
  expect(authorization.origin).toBe(op.issuer);
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorization.searchParams.get("state")).toBeTruthy();
  expect(authorization.searchParams.get("nonce")).toBeTruthy();
  const back = await signInAtProvider(authorization.href, login);
  expect(back.origin).toBe(publicUrl);
  const landed = await browser.request(`${back.pathname}${back.search}`);
  expect(landed.status).toBe(303);
  expect(landed.location).toBe(`${processPath}/afstemning/stem${query}`);
  const ballot = await browser.request(landed.location ?? "");
  return { browser, ballot };
}

const cast = (browser: Browser, processPath: string, choice: string) =>
  browser.post(`${processPath}/afstemning/stem`, [
    ["choices", choice],
    // Counts only for voters whose provider gives no birth date.
    ["declaresAge", "on"],
    ["declaresResidence", "on"],
    ["step", "cast"],
  ]);

describe("voting signed in with OpenID Connect", () => {
  it("offers sign-in on the vote page as a plain link", async () => {
    const page = await env.get(`${once}/afstemning`);
    expect(page.text).toContain(`href="${once}/afstemning/log-ind"`);
    expect(words(page.text)).toContain("Log ind og stem");
  });

  it("lets a citizen sign in, choose, see “Du har valgt: …” and cast the ballot", async () => {
    const { browser, ballot } = await signIn(once, "voksen");
    expect(ballot.status).toBe(200);
    expect(ballot.cache).toBe("no-store");
    const text = words(ballot.text);
    expect(text).toContain("Du er logget ind og kan stemme uden stemmekode.");
    // No code to type, and no age to declare: the provider vouched for the birth date.
    expect(ballot.text).not.toContain('name="code"');
    expect(ballot.text).not.toContain('name="declaresAge"');
    expect(ballot.text).toContain('name="declaresResidence"');

    const [legeplads] = votes["borgerbudget-login"]?.options ?? [];
    const review = await browser.post(`${once}/afstemning/stem`, [
      ["choices", legeplads ?? ""],
      ["declaresResidence", "on"],
      ["step", "review"],
    ]);
    expect(review.status).toBe(200);
    expect(words(review.text)).toContain("Du har valgt: Legeplads i parken (60.000 kr.)");
    expect(words(review.text)).toContain("Du kan ikke ændre den, når den er afgivet.");
    expect(review.text).toContain("Afgiv stemme");

    const done = await cast(browser, once, legeplads ?? "");
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${once}/afstemning/stem/kvittering`);
    const receipt = await browser.request(done.location ?? "");
    expect(words(receipt.text)).toContain("Tak – din stemme er talt med");
    expect(words(receipt.text)).toContain("Din stemme er gemt uden forbindelse til dit log-in.");
    expect(
      await voteTurnout(env.db, municipalityId, votes["borgerbudget-login"]?.voteId ?? ""),
    ).toMatchObject({
      ballots: 1,
      voters: 1,
    });
  });

  it("refuses a second ballot from the same person with a Danish message, changing nothing", async () => {
    const voteId = votes["borgerbudget-login"]?.voteId ?? "";
    const before = await listBallots(env.db, municipalityId, voteId);
    // Signing in again is a new session: the identity, not the cookie, is what has voted.
    const { browser, ballot } = await signIn(once, "voksen");
    expect(words(ballot.text)).toContain(
      "Du har allerede stemt i denne afstemning. Hver person kan stemme én gang, og stemmen kan ikke ændres.",
    );
    expect(ballot.text).not.toContain('name="choices"');
    const again = await cast(browser, once, votes["borgerbudget-login"]?.options[1] ?? "");
    expect(again.status).toBe(409);
    expect(words(again.text)).toContain("Du har allerede stemt i denne afstemning.");
    expect(await listBallots(env.db, municipalityId, voteId)).toEqual(before);
  });

  it("counts 100 simultaneous casts by one signed-in person once", async () => {
    const voteId = votes["borgerbudget-login"]?.voteId ?? "";
    const before = (await voteTurnout(env.db, municipalityId, voteId)).ballots;
    const { browser } = await signIn(once, "samtidig");
    const [a, b] = votes["borgerbudget-login"]?.options ?? [];
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => cast(browser, once, (i % 2 === 0 ? a : b) ?? "")),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(await voteTurnout(env.db, municipalityId, voteId)).toMatchObject({
      ballots: before + 1,
      voters: before + 1,
    });
  });

  it("checks the age from the provider's birth date: one day too young cannot vote", async () => {
    const voteId = votes["borgerbudget-login"]?.voteId ?? "";
    const before = await voteTurnout(env.db, municipalityId, voteId);
    const { browser, ballot } = await signIn(once, "ung");
    expect(words(ballot.text)).toContain(
      "Du skal være mindst 15 år for at stemme, og ifølge dit log-in er du yngre",
    );
    expect(ballot.text).not.toContain('name="choices"');
    const attempt = await browser.post(`${once}/afstemning/stem`, [
      ["choices", votes["borgerbudget-login"]?.options[0] ?? ""],
      ["declaresAge", "on"],
      ["declaresResidence", "on"],
      ["step", "cast"],
    ]);
    expect(attempt.status).toBe(400);
    expect(await voteTurnout(env.db, municipalityId, voteId)).toEqual(before);
  });

  it("asks for the age declaration when the provider gives no birth date", async () => {
    const { browser, ballot } = await signIn(once, "uden-foedselsdato");
    expect(ballot.text).toContain('name="declaresAge"');
    const missing = await browser.post(`${once}/afstemning/stem`, [
      ["choices", votes["borgerbudget-login"]?.options[0] ?? ""],
      ["declaresResidence", "on"],
      ["step", "review"],
    ]);
    expect(missing.status).toBe(400);
    expect(words(missing.text)).toContain("Fejl: Du skal være mindst 15 år for at stemme");
  });

  it("refuses a forged or cancelled return from the provider, storing nothing", async () => {
    const browser = new Browser();
    const start = await browser.request(`${once}/afstemning/log-ind`);
    const state = new URL(start.location ?? "").searchParams.get("state");
    const forged = await browser.request(
      `/kommuner/broenderslev/samskabelse/log-ind/retur?code=made-up&state=${state}&iss=${encodeURIComponent(op.issuer)}`,
    );
    expect(forged.status).toBe(400);
    expect(words(forged.text)).toContain("Log-ind lykkedes ikke");
    expect(browser.jar.has("samraad_voter")).toBe(false);
    // The started sign-in is used up: the same return cannot be tried twice.
    const replay = await browser.request(
      `/kommuner/broenderslev/samskabelse/log-ind/retur?code=x&state=${state}`,
    );
    expect(replay.status).toBe(303);

    const cancelling = new Browser();
    const again = await cancelling.request(`${once}/afstemning/log-ind`);
    const s2 = new URL(again.location ?? "").searchParams.get("state");
    const cancelled = await cancelling.request(
      `/kommuner/broenderslev/samskabelse/log-ind/retur?error=access_denied&state=${s2}`,
    );
    expect(cancelled.status).toBe(400);
    expect(words(cancelled.text)).toContain("Du blev ikke logget ind. Der er ikke gemt noget.");
    // Without a sign-in, the signed-in ballot sends the citizen back to the vote page.
    const ballot = await cancelling.request(`${once}/afstemning/stem`);
    expect(ballot.status).toBe(303);
    expect(ballot.location).toBe(`${once}/afstemning`);
  });
});

describe("changing one's vote, when the vote allows it", () => {
  it("replaces the earlier ballot without showing it, and the result counts only the last choice", async () => {
    const { voteId, options } = votes["borgerbudget-login-igen"] ?? { voteId: "", options: [] };
    const [legeplads = "", baenke = ""] = options;
    const first = await signIn(revote, "voksen");
    expect((await cast(first.browser, revote, legeplads)).location).toBe(
      `${revote}/afstemning/stem/kvittering`,
    );
    const other = await signIn(revote, "voksen-2");
    await cast(other.browser, revote, legeplads);

    const second = await signIn(revote, "voksen");
    const text = words(second.ballot.text);
    expect(text).toContain("Du har allerede stemt — du kan ændre din stemme indtil afstemningen lukker");
    // The earlier choice is not shown: nothing is ticked.
    expect(second.ballot.text).not.toMatch(/checked/);
    const review = await second.browser.post(`${revote}/afstemning/stem`, [
      ["choices", baenke],
      ["declaresResidence", "on"],
      ["step", "review"],
    ]);
    expect(words(review.text)).toContain(
      "Du kan ændre den ved at logge ind igen, indtil afstemningen lukker.",
    );
    const changed = await cast(second.browser, revote, baenke);
    expect(changed.location).toBe(`${revote}/afstemning/stem/kvittering?aendret=ja`);
    expect(words((await second.browser.request(changed.location ?? "")).text)).toContain(
      "Tak – din stemme er ændret",
    );

    expect(await voteTurnout(env.db, municipalityId, voteId)).toMatchObject({ ballots: 2, voters: 2 });
    const vote = { id: voteId, budgetKroner: 100_000, allocation: "knapsack" as const, winnersCount: null };
    const { result } = await loadVoteResult(env.db, municipalityId, vote);
    expect(Object.fromEntries(result.options.map((o) => [o.title, o.votes]))).toEqual({
      "Legeplads i parken": 1,
      "Bænke ved åen": 1,
    });
  });

  it("keeps the reader's language through the provider and back", async () => {
    const { ballot } = await signIn(revote, "english-reader", "?lang=en");
    expect(words(ballot.text)).toContain("You are signed in and can vote without a ballot code.");
  });

  it("ends the sign-in with “Log ud”", async () => {
    const { browser } = await signIn(revote, "paa-biblioteket");
    const out = await browser.post(`${revote}/afstemning/log-ud`, []);
    expect(out.status).toBe(303);
    expect(browser.jar.has("samraad_voter")).toBe(false);
    expect((await browser.request(`${revote}/afstemning/stem`)).status).toBe(303);
  });
});
