import { randomBytes } from "node:crypto";
import { ballotsCsv, computeResult, generateBallotCodes, parseBallotsCsv } from "@samraad/domain/co-creation";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import type { OpenedDatabase } from "../open.ts";
import { coCreationProcesses } from "../schema/index.ts";
import { createTestDatabase, insertTestMunicipality, rowsOf } from "../testing/index.ts";
import {
  castBallotSignedIn,
  findOidcProvider,
  hasVoted,
  loadOidcClient,
  saveOidcProvider,
  signedInVoter,
} from "./co-creation-oidc.ts";
import {
  type CastOutcome,
  castBallotWithCode,
  insertBallotCodes,
  listBallots,
  listVoteOptions,
  replaceBallotByReceipt,
  replaceVoteOptions,
  sealBallots,
  upsertVote,
  voteTurnout,
} from "./co-creation-votes.ts";

let opened: OpenedDatabase;
let db: Database;
let municipalityId: string;
let voteId: string;
let codes: string[];
let optionIds: string[];
const now = new Date("2026-09-12T09:00:00Z");

const rules = {
  budgetKroner: 100_000,
  allocation: "knapsack" as const,
  winnersCount: null,
  maxChoices: 2,
  minAge: 12,
  residenceRequired: true,
  allowRevote: false,
};

async function newVote(slug: string, allowRevote = false) {
  const [process] = await db
    .insert(coCreationProcesses)
    .values({
      municipalityId,
      slug,
      title: "Bolbro bestemmer",
      purpose: "Borgerne bestemmer",
      status: "published",
    })
    .returning({ id: coCreationProcesses.id });
  if (!process) throw new Error("no process");
  const id = await upsertVote(
    db,
    municipalityId,
    process.id,
    {
      ...rules,
      allowRevote,
      title: "Afstemning",
      area: "Bolbro",
      opensAt: new Date("2026-09-12T08:00:00Z"),
      closesAt: new Date("2026-09-12T14:00:00Z"),
    },
    now,
  );
  await replaceVoteOptions(db, municipalityId, id, [
    { ideaId: null, title: "Legeplads", description: null, cost: 60_000 },
    { ideaId: null, title: "Bænke", description: null, cost: 30_000 },
    { ideaId: null, title: "Fællesspisning", description: null, cost: 0 },
  ]);
  return id;
}

const secure = (n: number) => new Uint8Array(randomBytes(n));

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  municipalityId = await insertTestMunicipality(db, {
    slug: "odense-test",
    name: "Odense Kommune",
    code: "0461",
  });
  voteId = await newVote("bolbro");
  codes = generateBallotCodes(20, secure);
  await insertBallotCodes(db, municipalityId, voteId, codes);
  optionIds = (await listVoteOptions(db, municipalityId, voteId)).map((o) => o.id);
});
afterAll(() => opened.close());

const cast = (code: string, choices: string[], receiptHash: string | null = null) =>
  db.transaction((tx) => castBallotWithCode(tx, municipalityId, voteId, code, choices, receiptHash));

describe("casting a ballot with a paper code", () => {
  it("counts 100 concurrent attempts with one code exactly once", async () => {
    const code = codes[0] as string;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => cast(code, [optionIds[i % 2] as string])),
    );
    const values = outcomes.map((o) => (o.status === "fulfilled" ? o.value : "error"));
    const tallies = values.reduce<Record<string, number>>((acc, v) => {
      acc[v] = (acc[v] ?? 0) + 1;
      return acc;
    }, {});
    // A losing attempt may be refused by the code's row lock ("code_used") or, on PostgreSQL, by the voters'
    // primary key (an error that rolls that transaction back); either way it is not counted.
    expect(tallies.counted).toBe(1);
    expect((tallies.code_used ?? 0) + (tallies.error ?? 0)).toBe(99);
    expect(await voteTurnout(db, municipalityId, voteId)).toMatchObject({
      ballots: 1,
      voters: 1,
      codesUsed: 1,
    });
  });

  it("refuses a used code and an unknown code without storing anything", async () => {
    const before = await voteTurnout(db, municipalityId, voteId);
    expect(await cast(codes[0] as string, [optionIds[0] as string])).toBe<CastOutcome>("code_used");
    expect(await cast("AAAA-AAAA-AAAA", [optionIds[0] as string])).toBe<CastOutcome>("code_unknown");
    expect(await voteTurnout(db, municipalityId, voteId)).toEqual(before);
  });

  it("treats a code of one vote as unknown in another vote", async () => {
    const other = await newVote("vollsmose");
    const outcome = await db.transaction((tx) =>
      castBallotWithCode(tx, municipalityId, other, codes[1] as string, [], null),
    );
    expect(outcome).toBe("code_unknown");
  });

  it("rolls back the code when storing the ballot fails, so the voter can try again", async () => {
    const code = codes[2] as string;
    await expect(
      db.transaction((tx) => castBallotWithCode(tx, municipalityId, voteId, code, ["not-a-uuid"], null)),
    ).rejects.toThrow();
    expect(await cast(code, [optionIds[1] as string])).toBe("counted");
  });

  it("replaces a ballot only with the receipt its voter was given", async () => {
    const revoteId = await newVote("revote", true);
    const [code] = generateBallotCodes(1, secure);
    await insertBallotCodes(db, municipalityId, revoteId, [code as string]);
    const options = (await listVoteOptions(db, municipalityId, revoteId)).map((o) => o.id);
    const receipt = "hash-of-receipt";
    await db.transaction((tx) =>
      castBallotWithCode(tx, municipalityId, revoteId, code as string, [options[0] as string], receipt),
    );
    expect(
      await db.transaction((tx) =>
        replaceBallotByReceipt(tx, municipalityId, revoteId, "wrong", [options[1] as string]),
      ),
    ).toBe("receipt_unknown");
    expect(
      await db.transaction((tx) =>
        replaceBallotByReceipt(tx, municipalityId, revoteId, receipt, [options[1] as string]),
      ),
    ).toBe("replaced");
    const ballots = await listBallots(db, municipalityId, revoteId);
    expect(ballots.map((b) => b.choices)).toEqual([[options[1]]]);
  });
});

describe("the secret ballot", () => {
  const voterTables = ["co_creation_voters", "co_creation_ballot_codes"];

  it("has no join path from a voter or code to a ballot in the schema", async () => {
    const rows = rowsOf<{
      table_name: string;
      column_name: string;
      data_type: string;
      column_default: string | null;
    }>(
      await db.execute(
        sql`select table_name, column_name, data_type, column_default from information_schema.columns
          where table_schema = 'public' and table_name in ('co_creation_ballots', 'co_creation_voters', 'co_creation_ballot_codes')`,
      ),
    );
    const of = (table: string) => rows.filter((r) => r.table_name === table);
    const ballotColumns = of("co_creation_ballots");
    // The ballot holds only its random id, the vote it belongs to and the choices (plus an optional receipt hash).
    expect(ballotColumns.map((c) => c.column_name).sort()).toEqual([
      "choices",
      "id",
      "municipality_id",
      "receipt_hash",
      "vote_id",
    ]);
    // Nothing that orders ballots in time: no timestamp or date, no sequence or identity.
    for (const c of ballotColumns) {
      expect(c.data_type).not.toMatch(/time|date|serial/);
      expect(c.column_default ?? "").not.toMatch(/nextval|now\(\)|clock_timestamp/);
    }
    expect(ballotColumns.find((c) => c.column_name === "id")?.column_default).toBe("gen_random_uuid()");
    // The only columns voters and codes share with ballots identify the vote, never a person or a code.
    for (const table of voterTables) {
      const shared = of(table)
        .map((c) => c.column_name)
        .filter((name) => ballotColumns.some((b) => b.column_name === name));
      expect(shared.sort()).toEqual(["municipality_id", "vote_id"]);
    }
  });

  it("has no foreign key between the voter tables and the ballots", async () => {
    const rows = rowsOf<{ from_table: string; to_table: string }>(
      await db.execute(
        sql`select tc.table_name as from_table, ccu.table_name as to_table
          from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
          where tc.constraint_type = 'FOREIGN KEY'
            and (tc.table_name in ('co_creation_ballots', 'co_creation_voters', 'co_creation_ballot_codes'))`,
      ),
    );
    const edges = rows.map((r) => `${r.from_table}->${r.to_table}`).sort();
    expect(edges).toEqual([
      "co_creation_ballot_codes->co_creation_votes",
      "co_creation_ballot_codes->municipalities",
      "co_creation_ballots->co_creation_votes",
      "co_creation_ballots->municipalities",
      "co_creation_voters->co_creation_votes",
      "co_creation_voters->municipalities",
    ]);
    // No table in the database points at a ballot either.
    const inboundRows = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from information_schema.constraint_column_usage ccu
          join information_schema.table_constraints tc on tc.constraint_name = ccu.constraint_name
          where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = 'co_creation_ballots'`,
      ),
    );
    expect(inboundRows[0]?.n).toBe(0);
  });

  it("leaves no transaction id in common between a used code, its voter and a ballot once sealed", async () => {
    const sealedVote = await newVote("sealed");
    const sealedCodes = generateBallotCodes(6, secure);
    await insertBallotCodes(db, municipalityId, sealedVote, sealedCodes);
    const options = (await listVoteOptions(db, municipalityId, sealedVote)).map((o) => o.id);
    for (const [i, code] of sealedCodes.entries()) {
      await db.transaction((tx) =>
        castBallotWithCode(tx, municipalityId, sealedVote, code, [options[i % 3] as string], null),
      );
    }
    // The row metadata of one transaction, joining what the columns never join.
    const pairs = async () =>
      rowsOf<{ n: number }>(
        await db.execute(sql`
          select count(*)::int as n from co_creation_ballots b
          where b.vote_id = ${sealedVote} and (
            exists (select 1 from co_creation_voters v where v.vote_id = b.vote_id and v.xmin = b.xmin)
            or exists (select 1 from co_creation_ballot_codes c where c.vote_id = b.vote_id and c.xmin = b.xmin))`),
      )[0]?.n;
    expect(await pairs()).toBe(6);
    const before = await listBallots(db, municipalityId, sealedVote);
    await db.transaction((tx) => sealBallots(tx, municipalityId, sealedVote));
    expect(await pairs()).toBe(0);
    const after = await listBallots(db, municipalityId, sealedVote);
    // Same ballots, new ids.
    expect(after.map((b) => b.choices).sort()).toEqual(before.map((b) => b.choices).sort());
    expect(after.some((a) => before.some((b) => b.id === a.id))).toBe(false);
  });

  it("exports ballots in random-id order with no code or time, and the export reproduces the result", async () => {
    const exportVote = await newVote("export");
    const batchCodes = generateBallotCodes(12, secure);
    await insertBallotCodes(db, municipalityId, exportVote, batchCodes);
    const options = await listVoteOptions(db, municipalityId, exportVote);
    const ids = options.map((o) => o.id);
    const choices = [
      [ids[0]],
      [ids[1]],
      [ids[0], ids[2]],
      [ids[2]],
      [ids[0]],
      [ids[1], ids[0]],
    ] as string[][];
    for (const [i, c] of choices.entries()) {
      await db.transaction((tx) =>
        castBallotWithCode(tx, municipalityId, exportVote, batchCodes[i] as string, [...c].sort(), null),
      );
    }
    const ballots = await listBallots(db, municipalityId, exportVote);
    expect(ballots.map((b) => b.id)).toEqual([...ballots.map((b) => b.id)].sort());
    const csv = ballotsCsv(options, ballots);
    for (const code of batchCodes) expect(csv).not.toContain(code);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const recount = computeResult(rules, options, parseBallotsCsv(csv, options));
    expect(recount).toEqual(computeResult(rules, options, choices));
    expect(recount.options.map((o) => [o.title, o.votes])).toEqual([
      ["Legeplads", 4],
      ["Fællesspisning", 2],
      ["Bænke", 2],
    ]);
  });
});

describe("the municipality's OpenID provider", () => {
  it("needs a secret the first time, stores it encrypted and never reads it back with the settings", async () => {
    const settings = { issuer: "https://broker.example.dk", clientId: "samraad-odense" };
    expect(await saveOidcProvider(db, municipalityId, settings, now)).toBe("secret_required");
    expect(await findOidcProvider(db, municipalityId)).toBeNull();
    const secret = "s3cret-from-the-broker";
    expect(await saveOidcProvider(db, municipalityId, { ...settings, clientSecret: secret }, now)).toBe(
      "saved",
    );
    const raw = JSON.stringify(
      rowsOf(
        await db.execute(
          sql`select * from co_creation_oidc_providers where municipality_id = ${municipalityId}`,
        ),
      ),
    );
    expect(raw).toContain("samraad-odense");
    expect(raw).not.toContain(secret);
    expect(await findOidcProvider(db, municipalityId)).toEqual({ ...settings, updatedAt: now });
    // Changing the client id without a new secret keeps the stored secret.
    await saveOidcProvider(db, municipalityId, { ...settings, clientId: "samraad-odense-2" }, now);
    expect(await loadOidcClient(db, municipalityId)).toMatchObject({
      clientId: "samraad-odense-2",
      clientSecret: secret,
    });
  });
});

describe("casting a ballot signed in with OpenID Connect", () => {
  const issuer = "https://broker.example.dk";
  const tally = (values: string[]) =>
    values.reduce<Record<string, number>>((acc, v) => {
      acc[v] = (acc[v] ?? 0) + 1;
      return acc;
    }, {});
  const castMany = async (
    vote: string,
    voter: Awaited<ReturnType<typeof signedInVoter>>,
    choices: string[][],
  ) => {
    const outcomes = await Promise.allSettled(
      choices.map((c) => db.transaction((tx) => castBallotSignedIn(tx, municipalityId, vote, voter, c))),
    );
    return tally(outcomes.map((o) => (o.status === "fulfilled" ? o.value : "error")));
  };

  it("keys an identity per issuer and per vote, and keeps the sub out of what it stores", async () => {
    const vote = { id: voteId, allowRevote: true };
    const a = await signedInVoter(db, vote, issuer, "person-1");
    expect(await signedInVoter(db, vote, issuer, "person-1")).toEqual(a);
    expect((await signedInVoter(db, vote, "https://other.example.dk", "person-1")).credential).not.toBe(
      a.credential,
    );
    const otherVote = await signedInVoter(
      db,
      { id: crypto.randomUUID(), allowRevote: true },
      issuer,
      "person-1",
    );
    expect(otherVote.credential).not.toBe(a.credential);
    expect(a.credential).toMatch(/^oidc:[A-Za-z0-9_-]{43}$/);
    expect(a.credential).not.toContain("person-1");
    expect(a.ballotHandle).not.toBe(a.credential.slice(5));
    expect(
      (await signedInVoter(db, { id: voteId, allowRevote: false }, issuer, "person-1")).ballotHandle,
    ).toBeNull();
  });

  it("counts 100 concurrent attempts with one identity once, and refuses the rest when re-voting is off", async () => {
    const vote = await newVote("oidc-once");
    const options = (await listVoteOptions(db, municipalityId, vote)).map((o) => o.id);
    const voter = await signedInVoter(db, { id: vote, allowRevote: false }, issuer, "person-2");
    const tallies = await castMany(
      vote,
      voter,
      Array.from({ length: 100 }, (_, i) => [options[i % 3] as string]),
    );
    expect(tallies.counted).toBe(1);
    expect((tallies.already_voted ?? 0) + (tallies.error ?? 0)).toBe(99);
    expect(await voteTurnout(db, municipalityId, vote)).toMatchObject({ ballots: 1, voters: 1 });
    expect(await hasVoted(db, municipalityId, vote, voter.credential)).toBe(true);
    const [ballot] = await listBallots(db, municipalityId, vote);
    expect(
      await db.transaction((tx) =>
        castBallotSignedIn(tx, municipalityId, vote, voter, [
          options[2] === ballot?.choices[0] ? (options[0] as string) : (options[2] as string),
        ]),
      ),
    ).toBe("already_voted");
    expect((await listBallots(db, municipalityId, vote)).map((b) => b.choices)).toEqual([ballot?.choices]);
  });

  it("lets a voter replace their ballot when re-voting is on: 100 concurrent attempts still leave one ballot", async () => {
    const vote = await newVote("oidc-revote", true);
    const options = (await listVoteOptions(db, municipalityId, vote)).map((o) => o.id);
    const [legeplads, baenke, spisning] = options as [string, string, string];
    const voter = await signedInVoter(db, { id: vote, allowRevote: true }, issuer, "person-3");
    const other = await signedInVoter(db, { id: vote, allowRevote: true }, issuer, "person-4");
    const tallies = await castMany(
      vote,
      voter,
      Array.from({ length: 100 }, () => [legeplads]),
    );
    expect(tallies.counted).toBe(1);
    expect((tallies.replaced ?? 0) + (tallies.error ?? 0)).toBe(99);
    expect(await db.transaction((tx) => castBallotSignedIn(tx, municipalityId, vote, other, [baenke]))).toBe(
      "counted",
    );
    // Changes their mind twice; the result counts only the last choice.
    for (const choice of [baenke, spisning]) {
      expect(
        await db.transaction((tx) => castBallotSignedIn(tx, municipalityId, vote, voter, [choice])),
      ).toBe("replaced");
    }
    expect(await voteTurnout(db, municipalityId, vote)).toMatchObject({ ballots: 2, voters: 2 });
    const ballots = await listBallots(db, municipalityId, vote);
    const result = computeResult(
      rules,
      await listVoteOptions(db, municipalityId, vote),
      ballots.map((b) => b.choices),
    );
    expect(Object.fromEntries(result.options.map((o) => [o.title, o.votes]))).toEqual({
      Bænke: 1,
      Fællesspisning: 1,
      Legeplads: 0,
    });

    // The voter table and the ballots share no value: the handle is not the credential, nor derived from it.
    const stored = rowsOf<{ credential: string }>(
      await db.execute(sql`select credential from co_creation_voters where vote_id = ${vote}`),
    );
    const handles = rowsOf<{ receipt_hash: string | null; id: string }>(
      await db.execute(sql`select id, receipt_hash from co_creation_ballots where vote_id = ${vote}`),
    );
    for (const { credential } of stored) {
      for (const h of handles) {
        expect(credential).not.toContain(h.receipt_hash ?? "-");
        expect(credential).not.toContain(h.id);
      }
    }

    // Once sealed, no handle is left: nobody — not the voter either — can find a ballot again.
    await db.transaction((tx) => sealBallots(tx, municipalityId, vote));
    expect(
      rowsOf(
        await db.execute(
          sql`select 1 from co_creation_ballots where vote_id = ${vote} and receipt_hash is not null`,
        ),
      ),
    ).toHaveLength(0);
    expect(
      await db.transaction((tx) => castBallotSignedIn(tx, municipalityId, vote, voter, [legeplads])),
    ).toBe("already_voted");
  });
});
