import { and, eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { coCreationBallots, coCreationOidcProviders, coCreationVoters } from "../schema/index.ts";
import { replaceBallotByReceipt } from "./co-creation-votes.ts";
import { hmacWithInstanceKey, openWithInstanceKey, sealWithInstanceKey } from "./instance.ts";

/* ---------- the municipality's provider ---------- */

const SECRET_KEY = "oidc-client-secrets";

/** The provider's settings as anyone may see them: never the client secret. */
export async function findOidcProvider(db: Db, municipalityId: string) {
  const [row] = await db
    .select({
      issuer: coCreationOidcProviders.issuer,
      clientId: coCreationOidcProviders.clientId,
      updatedAt: coCreationOidcProviders.updatedAt,
    })
    .from(coCreationOidcProviders)
    .where(eq(coCreationOidcProviders.municipalityId, municipalityId));
  return row ?? null;
}

/** The settings with the client secret in clear, for talking to the provider and for nothing else. */
export async function loadOidcClient(db: Db, municipalityId: string) {
  const [row] = await db
    .select()
    .from(coCreationOidcProviders)
    .where(eq(coCreationOidcProviders.municipalityId, municipalityId));
  if (!row) return null;
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: await openWithInstanceKey(db, SECRET_KEY, row.clientSecretEncrypted),
    updatedAt: row.updatedAt,
  };
}

/**
 * Stores the provider. Without a new secret the stored one is kept (it is never shown, so a form cannot send it
 * back); the first time, a secret is required.
 */
export async function saveOidcProvider(
  db: Db,
  municipalityId: string,
  input: { issuer: string; clientId: string; clientSecret?: string | undefined },
  now: Date,
): Promise<"saved" | "secret_required"> {
  const sealed =
    input.clientSecret === undefined ? null : await sealWithInstanceKey(db, SECRET_KEY, input.clientSecret);
  const fields = { issuer: input.issuer, clientId: input.clientId, updatedAt: now };
  if (sealed === null) {
    const updated = await db
      .update(coCreationOidcProviders)
      .set(fields)
      .where(eq(coCreationOidcProviders.municipalityId, municipalityId))
      .returning({ municipalityId: coCreationOidcProviders.municipalityId });
    return updated.length === 1 ? "saved" : "secret_required";
  }
  await db
    .insert(coCreationOidcProviders)
    .values({ municipalityId, ...fields, clientSecretEncrypted: sealed })
    .onConflictDoUpdate({
      target: coCreationOidcProviders.municipalityId,
      set: { ...fields, clientSecretEncrypted: sealed },
    });
  return "saved";
}

/* ---------- signed-in voters ---------- */

/*
 * SIGNED-IN VOTERS AND THE SECRET BALLOT
 *
 * A signed-in voter is known by the provider's `sub`, which is unique only within its issuer. Two values are
 * derived from (vote, issuer, sub), each under its own instance key; the `sub` itself is stored nowhere:
 *
 * - the credential, "oidc:" + HMAC(voter key; vote, issuer, sub), goes in `co_creation_voters`, whose
 *   (vote, credential) primary key makes one identity one ballot in the database, however many requests race.
 *   The vote is part of it, so the rows of one person in two votes cannot be matched either.
 * - the ballot handle, HMAC(ballot key; vote, issuer, sub), goes in the ballot's `receipt_hash` — and only when the
 *   vote allows re-voting. When the same person signs in again the same handle is derived, and the ballot is
 *   overwritten in place: the earlier choices are never read or shown, and no voter row points at it.
 *
 * Neither value can be computed from the other (separate keys, and the `sub` is gone), so the database alone — a
 * dump, any query, the export — joins no voter to a ballot; the schema test still holds with these columns. What
 * remains, stated plainly: while a re-votable vote is open, someone holding both instance keys AND a person's
 * `sub` at the broker could find that person's ballot, as the person does by signing in. That is what re-voting
 * costs. A vote without re-voting stores no handle at all, and closing a vote seals the ballots (`sealBallots`
 * rewrites them without handles), after which nobody can. The alternatives weighed: a random receipt kept by the
 * voter (as with paper codes) — a signed-in voter has nothing to keep but their identity; a random handle stored
 * in the voter row, encrypted under a key derived from the `sub` — the same exposure with more parts.
 */

const VOTER_KEY = "voter-identities";
const BALLOT_KEY = "ballot-handles";

export type SignedInVoter = { credential: string; ballotHandle: string | null };

/** The voter's credential, and their ballot handle when the vote allows re-voting. */
export async function signedInVoter(
  db: Db,
  vote: { id: string; allowRevote: boolean },
  issuer: string,
  sub: string,
): Promise<SignedInVoter> {
  return {
    credential: `oidc:${await hmacWithInstanceKey(db, VOTER_KEY, vote.id, issuer, sub)}`,
    ballotHandle: vote.allowRevote ? await hmacWithInstanceKey(db, BALLOT_KEY, vote.id, issuer, sub) : null,
  };
}

export async function hasVoted(db: Db, municipalityId: string, voteId: string, credential: string) {
  const [row] = await db
    .select({ voteId: coCreationVoters.voteId })
    .from(coCreationVoters)
    .where(
      and(
        eq(coCreationVoters.municipalityId, municipalityId),
        eq(coCreationVoters.voteId, voteId),
        eq(coCreationVoters.credential, credential),
      ),
    );
  return row !== undefined;
}

export type SignedInCastOutcome = "counted" | "replaced" | "already_voted";

/**
 * Casts a signed-in voter's ballot, inside a transaction. The voter row goes in first: of concurrent attempts with
 * one identity exactly one inserts it (the primary key makes the others wait for it, then do nothing); only that
 * one writes a ballot. The others replace that ballot by its handle when the vote allows re-voting, and are
 * refused otherwise.
 */
export async function castBallotSignedIn(
  tx: Db,
  municipalityId: string,
  voteId: string,
  voter: SignedInVoter,
  choices: string[],
): Promise<SignedInCastOutcome> {
  const first = await tx
    .insert(coCreationVoters)
    .values({ municipalityId, voteId, credential: voter.credential })
    .onConflictDoNothing()
    .returning({ voteId: coCreationVoters.voteId });
  if (first.length === 1) {
    await tx
      .insert(coCreationBallots)
      .values({ municipalityId, voteId, choices, receiptHash: voter.ballotHandle });
    return "counted";
  }
  if (voter.ballotHandle === null) return "already_voted";
  const replaced = await replaceBallotByReceipt(tx, municipalityId, voteId, voter.ballotHandle, choices);
  return replaced === "replaced" ? "replaced" : "already_voted";
}
