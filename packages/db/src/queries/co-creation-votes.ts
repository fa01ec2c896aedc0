import {
  computeResult,
  type IdeaInput,
  type ModerationOutcome,
  type VoteRules,
} from "@samraad/domain/co-creation";
import { and, asc, count, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import {
  coCreationBallotCodes,
  coCreationBallots,
  coCreationIdeas,
  coCreationProcesses,
  coCreationVoteOptions,
  coCreationVoters,
  coCreationVotes,
} from "../schema/index.ts";

/* ---------- ideas ---------- */

export const ideaColumns = {
  id: coCreationIdeas.id,
  processId: coCreationIdeas.processId,
  title: coCreationIdeas.title,
  description: coCreationIdeas.description,
  estimatedCost: coCreationIdeas.estimatedCost,
  authorName: coCreationIdeas.authorName,
  showName: coCreationIdeas.showName,
  authorKind: coCreationIdeas.authorKind,
  status: coCreationIdeas.status,
  rejectionReason: coCreationIdeas.rejectionReason,
  mergedIntoId: coCreationIdeas.mergedIntoId,
  createdAt: coCreationIdeas.createdAt,
};

/** Ideas of a process, oldest first; `publicOnly` keeps everything but published ideas out. */
export function listIdeas(
  db: Db,
  municipalityId: string,
  processId: string,
  options: { publicOnly?: boolean } = {},
) {
  return db
    .select(
      options.publicOnly
        ? ideaColumns
        : {
            ...ideaColumns,
            contactEmail: coCreationIdeas.contactEmail,
            moderatedAt: coCreationIdeas.moderatedAt,
          },
    )
    .from(coCreationIdeas)
    .where(
      and(
        eq(coCreationIdeas.municipalityId, municipalityId),
        eq(coCreationIdeas.processId, processId),
        isNull(coCreationIdeas.deletedAt),
        options.publicOnly ? eq(coCreationIdeas.status, "published") : undefined,
      ),
    )
    .orderBy(asc(coCreationIdeas.createdAt), asc(coCreationIdeas.id));
}

export async function findIdea(db: Db, municipalityId: string, ideaId: string) {
  const [row] = await db
    .select(ideaColumns)
    .from(coCreationIdeas)
    .where(
      and(
        eq(coCreationIdeas.municipalityId, municipalityId),
        eq(coCreationIdeas.id, ideaId),
        isNull(coCreationIdeas.deletedAt),
      ),
    );
  return row ?? null;
}

export type IdeaFields = Omit<IdeaInput, "contactEmail"> & { contactEmail?: string | undefined };

export async function insertIdea(db: Db, municipalityId: string, processId: string, input: IdeaFields) {
  const [row] = await db
    .insert(coCreationIdeas)
    .values({
      municipalityId,
      processId,
      title: input.title,
      description: input.description,
      estimatedCost: input.estimatedCost ?? null,
      authorName: input.authorName ?? null,
      showName: input.showName,
      authorKind: input.authorKind,
      contactEmail: input.contactEmail ?? null,
    })
    .returning({ id: coCreationIdeas.id });
  if (!row) throw new Error("idea not inserted");
  return row.id;
}

export async function updateIdeaModeration(
  db: Db,
  municipalityId: string,
  ideaId: string,
  outcome: ModerationOutcome,
  now: Date,
) {
  await db
    .update(coCreationIdeas)
    .set({ ...outcome, moderatedAt: now, updatedAt: now })
    .where(and(eq(coCreationIdeas.municipalityId, municipalityId), eq(coCreationIdeas.id, ideaId)));
}

/* ---------- the vote ---------- */

export const voteColumns = {
  id: coCreationVotes.id,
  municipalityId: coCreationVotes.municipalityId,
  processId: coCreationVotes.processId,
  title: coCreationVotes.title,
  area: coCreationVotes.area,
  budgetKroner: coCreationVotes.budgetKroner,
  allocation: coCreationVotes.allocation,
  winnersCount: coCreationVotes.winnersCount,
  maxChoices: coCreationVotes.maxChoices,
  minAge: coCreationVotes.minAge,
  residenceRequired: coCreationVotes.residenceRequired,
  allowRevote: coCreationVotes.allowRevote,
  signInWithOidc: coCreationVotes.signInWithOidc,
  opensAt: coCreationVotes.opensAt,
  closesAt: coCreationVotes.closesAt,
  closedAt: coCreationVotes.closedAt,
  resultsPublishedAt: coCreationVotes.resultsPublishedAt,
};

export async function findVoteOfProcess(db: Db, municipalityId: string, processId: string) {
  const [row] = await db
    .select(voteColumns)
    .from(coCreationVotes)
    .where(
      and(
        eq(coCreationVotes.municipalityId, municipalityId),
        eq(coCreationVotes.processId, processId),
        isNull(coCreationVotes.deletedAt),
      ),
    );
  return row ?? null;
}

export async function findVote(db: Db, municipalityId: string, voteId: string) {
  const [row] = await db
    .select(voteColumns)
    .from(coCreationVotes)
    .where(
      and(
        eq(coCreationVotes.municipalityId, municipalityId),
        eq(coCreationVotes.id, voteId),
        isNull(coCreationVotes.deletedAt),
      ),
    );
  return row ?? null;
}

/** The process a vote belongs to, for authorisation (its council) and for addresses (its slug). */
export async function findVoteProcess(db: Db, municipalityId: string, processId: string) {
  const [row] = await db
    .select({
      id: coCreationProcesses.id,
      municipalityId: coCreationProcesses.municipalityId,
      councilId: coCreationProcesses.councilId,
      slug: coCreationProcesses.slug,
      title: coCreationProcesses.title,
      status: coCreationProcesses.status,
    })
    .from(coCreationProcesses)
    .where(
      and(
        eq(coCreationProcesses.municipalityId, municipalityId),
        eq(coCreationProcesses.id, processId),
        isNull(coCreationProcesses.deletedAt),
      ),
    );
  return row ?? null;
}

/** A published (or archived) process by its public slug. */
export async function findPublicVoteProcessBySlug(db: Db, municipalityId: string, slug: string) {
  const [row] = await db
    .select({ id: coCreationProcesses.id, slug: coCreationProcesses.slug, title: coCreationProcesses.title })
    .from(coCreationProcesses)
    .where(
      and(
        eq(coCreationProcesses.municipalityId, municipalityId),
        eq(coCreationProcesses.slug, slug),
        inArray(coCreationProcesses.status, ["published", "archived"]),
        isNull(coCreationProcesses.deletedAt),
      ),
    );
  return row ?? null;
}

export type VoteFields = VoteRules & {
  title: string;
  area: string;
  opensAt: Date;
  closesAt: Date;
  signInWithOidc?: boolean;
};

export async function upsertVote(
  db: Db,
  municipalityId: string,
  processId: string,
  fields: VoteFields,
  now: Date,
) {
  const existing = await findVoteOfProcess(db, municipalityId, processId);
  if (existing) {
    await db
      .update(coCreationVotes)
      .set({ ...fields, updatedAt: now })
      .where(and(eq(coCreationVotes.municipalityId, municipalityId), eq(coCreationVotes.id, existing.id)));
    return existing.id;
  }
  const [row] = await db
    .insert(coCreationVotes)
    .values({ municipalityId, processId, ...fields })
    .returning({ id: coCreationVotes.id });
  if (!row) throw new Error("vote not inserted");
  return row.id;
}

export function listVoteOptions(db: Db, municipalityId: string, voteId: string) {
  return db
    .select({
      id: coCreationVoteOptions.id,
      ideaId: coCreationVoteOptions.ideaId,
      title: coCreationVoteOptions.title,
      description: coCreationVoteOptions.description,
      cost: coCreationVoteOptions.cost,
      position: coCreationVoteOptions.position,
    })
    .from(coCreationVoteOptions)
    .where(
      and(eq(coCreationVoteOptions.municipalityId, municipalityId), eq(coCreationVoteOptions.voteId, voteId)),
    )
    .orderBy(asc(coCreationVoteOptions.position));
}

export type OptionFields = { ideaId: string | null; title: string; description: string | null; cost: number };

/** Replaces the ballot's ideas (only allowed before the vote opens — the caller checks the rule). */
export async function replaceVoteOptions(
  db: Db,
  municipalityId: string,
  voteId: string,
  options: OptionFields[],
) {
  await db
    .delete(coCreationVoteOptions)
    .where(
      and(eq(coCreationVoteOptions.municipalityId, municipalityId), eq(coCreationVoteOptions.voteId, voteId)),
    );
  if (options.length === 0) return;
  await db
    .insert(coCreationVoteOptions)
    .values(options.map((o, i) => ({ municipalityId, voteId, ...o, position: i + 1 })));
}

export async function setVoteClosed(db: Db, municipalityId: string, voteId: string, closedAt: Date) {
  await db
    .update(coCreationVotes)
    .set({ closedAt, updatedAt: closedAt })
    .where(and(eq(coCreationVotes.municipalityId, municipalityId), eq(coCreationVotes.id, voteId)));
}

/**
 * Breaks the last link between who voted and what they voted. A ballot is written in the same transaction that
 * uses its code, so until now PostgreSQL's own row metadata (the writing transaction, `xmin`, and the physical
 * order) could pair a code or voter row with its ballot. Rewriting every ballot of the vote in one new
 * transaction, in random order with new random ids and without the re-vote receipts (no re-vote after the close),
 * leaves nothing to pair. Run when the vote closes and again before results are published.
 */
export async function sealBallots(tx: Db, municipalityId: string, voteId: string): Promise<void> {
  await tx.execute(sql`
    with old as (
      delete from co_creation_ballots
      where municipality_id = ${municipalityId} and vote_id = ${voteId}
      returning municipality_id, vote_id, choices
    )
    insert into co_creation_ballots (municipality_id, vote_id, choices)
    select municipality_id, vote_id, choices from old order by random()`);
}

export async function setResultsPublished(db: Db, municipalityId: string, voteId: string, at: Date | null) {
  await db
    .update(coCreationVotes)
    .set({ resultsPublishedAt: at })
    .where(and(eq(coCreationVotes.municipalityId, municipalityId), eq(coCreationVotes.id, voteId)));
}

/* ---------- ballot codes ---------- */

export async function existingBallotCodes(
  db: Db,
  municipalityId: string,
  voteId: string,
): Promise<Set<string>> {
  const rows = await db
    .select({ code: coCreationBallotCodes.code })
    .from(coCreationBallotCodes)
    .where(
      and(eq(coCreationBallotCodes.municipalityId, municipalityId), eq(coCreationBallotCodes.voteId, voteId)),
    );
  return new Set(rows.map((r) => r.code));
}

/** Stores a new batch of codes and returns its number (1, 2, …); `batch` 0 is for codes made one at a time. */
export async function insertBallotCodes(
  db: Db,
  municipalityId: string,
  voteId: string,
  codes: string[],
  fixedBatch?: number,
) {
  if (fixedBatch !== undefined) {
    await db
      .insert(coCreationBallotCodes)
      .values(codes.map((code) => ({ municipalityId, voteId, code, batch: fixedBatch })));
    return fixedBatch;
  }
  const [last] = await db
    .select({ batch: max(coCreationBallotCodes.batch) })
    .from(coCreationBallotCodes)
    .where(
      and(eq(coCreationBallotCodes.municipalityId, municipalityId), eq(coCreationBallotCodes.voteId, voteId)),
    );
  const batch = (last?.batch ?? 0) + 1;
  for (let i = 0; i < codes.length; i += 1000) {
    await db
      .insert(coCreationBallotCodes)
      .values(codes.slice(i, i + 1000).map((code) => ({ municipalityId, voteId, code, batch })));
  }
  return batch;
}

export function listBallotCodes(db: Db, municipalityId: string, voteId: string, batch?: number) {
  return db
    .select({
      code: coCreationBallotCodes.code,
      batch: coCreationBallotCodes.batch,
      used: coCreationBallotCodes.used,
    })
    .from(coCreationBallotCodes)
    .where(
      and(
        eq(coCreationBallotCodes.municipalityId, municipalityId),
        eq(coCreationBallotCodes.voteId, voteId),
        batch === undefined ? undefined : eq(coCreationBallotCodes.batch, batch),
      ),
    )
    .orderBy(asc(coCreationBallotCodes.batch), asc(coCreationBallotCodes.code));
}

/** One code, to tell a voter early that it is unknown or used (casting checks again under a lock). */
export async function findBallotCode(db: Db, municipalityId: string, voteId: string, code: string) {
  const [row] = await db
    .select({ used: coCreationBallotCodes.used })
    .from(coCreationBallotCodes)
    .where(
      and(
        eq(coCreationBallotCodes.municipalityId, municipalityId),
        eq(coCreationBallotCodes.voteId, voteId),
        eq(coCreationBallotCodes.code, code),
      ),
    );
  return row ?? null;
}

export async function ballotCodeBatches(db: Db, municipalityId: string, voteId: string) {
  return db
    .select({
      batch: coCreationBallotCodes.batch,
      codes: count(),
      used: sql<number>`count(*) filter (where ${coCreationBallotCodes.used})`.mapWith(Number),
    })
    .from(coCreationBallotCodes)
    .where(
      and(eq(coCreationBallotCodes.municipalityId, municipalityId), eq(coCreationBallotCodes.voteId, voteId)),
    )
    .groupBy(coCreationBallotCodes.batch)
    .orderBy(asc(coCreationBallotCodes.batch));
}

/* ---------- casting a ballot ---------- */

export type CastOutcome = "counted" | "replaced" | "code_unknown" | "code_used" | "receipt_unknown";

/**
 * Casts one ballot with a paper code, exactly once. Run inside a transaction (the caller's `change` or
 * `db.transaction`): the conditional UPDATE takes the code's row lock, so of many concurrent attempts with one
 * code exactly one sees `used = false`; the voters' primary key refuses a second row even if that were bypassed.
 * The ballot row gets a random id and no time, and nothing in it names the code.
 */
export async function castBallotWithCode(
  tx: Db,
  municipalityId: string,
  voteId: string,
  code: string,
  choices: string[],
  receiptHash: string | null,
): Promise<CastOutcome> {
  const claimed = await tx
    .update(coCreationBallotCodes)
    .set({ used: true })
    .where(
      and(
        eq(coCreationBallotCodes.municipalityId, municipalityId),
        eq(coCreationBallotCodes.voteId, voteId),
        eq(coCreationBallotCodes.code, code),
        eq(coCreationBallotCodes.used, false),
      ),
    )
    .returning({ batch: coCreationBallotCodes.batch });
  if (claimed.length === 0) {
    const [known] = await tx
      .select({ used: coCreationBallotCodes.used })
      .from(coCreationBallotCodes)
      .where(
        and(
          eq(coCreationBallotCodes.municipalityId, municipalityId),
          eq(coCreationBallotCodes.voteId, voteId),
          eq(coCreationBallotCodes.code, code),
        ),
      );
    return known ? "code_used" : "code_unknown";
  }
  const voter = await tx
    .insert(coCreationVoters)
    .values({ municipalityId, voteId, credential: `code:${code}` })
    .onConflictDoNothing()
    .returning({ voteId: coCreationVoters.voteId });
  if (voter.length === 0) return "code_used";
  await tx.insert(coCreationBallots).values({ municipalityId, voteId, choices, receiptHash });
  return "counted";
}

/**
 * Replaces a ballot found by the hash of the receipt its voter was given (votes that allow re-voting). Only
 * the voter holds the receipt, so the organisers still cannot tell whose ballot it is.
 */
export async function replaceBallotByReceipt(
  tx: Db,
  municipalityId: string,
  voteId: string,
  receiptHash: string,
  choices: string[],
): Promise<CastOutcome> {
  const updated = await tx
    .update(coCreationBallots)
    .set({ choices })
    .where(
      and(
        eq(coCreationBallots.municipalityId, municipalityId),
        eq(coCreationBallots.voteId, voteId),
        eq(coCreationBallots.receiptHash, receiptHash),
      ),
    )
    .returning({ voteId: coCreationBallots.voteId });
  return updated.length === 1 ? "replaced" : "receipt_unknown";
}

/**
 * The anonymised ballots: random id and choices, ordered by the random id so that the order says nothing
 * about when a ballot was cast.
 */
export function listBallots(db: Db, municipalityId: string, voteId: string) {
  return db
    .select({ id: coCreationBallots.id, choices: coCreationBallots.choices })
    .from(coCreationBallots)
    .where(and(eq(coCreationBallots.municipalityId, municipalityId), eq(coCreationBallots.voteId, voteId)))
    .orderBy(asc(coCreationBallots.id));
}

/** Turnout figures: ballots counted, voters recorded, codes issued and used. */
export async function voteTurnout(db: Db, municipalityId: string, voteId: string) {
  const [ballots] = await db
    .select({ n: count() })
    .from(coCreationBallots)
    .where(and(eq(coCreationBallots.municipalityId, municipalityId), eq(coCreationBallots.voteId, voteId)));
  const [voters] = await db
    .select({ n: count() })
    .from(coCreationVoters)
    .where(and(eq(coCreationVoters.municipalityId, municipalityId), eq(coCreationVoters.voteId, voteId)));
  const [codes] = await db
    .select({
      issued: count(),
      used: sql<number>`count(*) filter (where ${coCreationBallotCodes.used})`.mapWith(Number),
    })
    .from(coCreationBallotCodes)
    .where(
      and(eq(coCreationBallotCodes.municipalityId, municipalityId), eq(coCreationBallotCodes.voteId, voteId)),
    );
  return {
    ballots: ballots?.n ?? 0,
    voters: voters?.n ?? 0,
    codesIssued: codes?.issued ?? 0,
    codesUsed: codes?.used ?? 0,
  };
}

/* ---------- owners, for authorisation ---------- */

/** The municipality and council that own a process (the council's secretary may organise it). */
export async function findProcessOwnerForVote(db: Db, processId: string) {
  const [row] = await db
    .select({
      municipalityId: coCreationProcesses.municipalityId,
      councilId: coCreationProcesses.councilId,
      processId: coCreationProcesses.id,
    })
    .from(coCreationProcesses)
    .where(and(eq(coCreationProcesses.id, processId), isNull(coCreationProcesses.deletedAt)));
  return row ?? null;
}

export async function findVoteOwner(db: Db, voteId: string) {
  const [row] = await db
    .select({
      municipalityId: coCreationProcesses.municipalityId,
      councilId: coCreationProcesses.councilId,
      processId: coCreationProcesses.id,
    })
    .from(coCreationVotes)
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationVotes.processId))
    .where(
      and(
        eq(coCreationVotes.id, voteId),
        isNull(coCreationVotes.deletedAt),
        isNull(coCreationProcesses.deletedAt),
      ),
    );
  return row ?? null;
}

export async function findIdeaOwner(db: Db, ideaId: string) {
  const [row] = await db
    .select({
      municipalityId: coCreationProcesses.municipalityId,
      councilId: coCreationProcesses.councilId,
      processId: coCreationProcesses.id,
    })
    .from(coCreationIdeas)
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationIdeas.processId))
    .where(
      and(
        eq(coCreationIdeas.id, ideaId),
        isNull(coCreationIdeas.deletedAt),
        isNull(coCreationProcesses.deletedAt),
      ),
    );
  return row ?? null;
}

/** The result computed from the stored ballots, with the turnout figures. The caller decides who may see it. */
export async function loadVoteResult(
  db: Db,
  municipalityId: string,
  vote: Pick<VoteRules, "budgetKroner" | "allocation" | "winnersCount"> & { id: string },
) {
  const [options, ballots, turnout] = await Promise.all([
    listVoteOptions(db, municipalityId, vote.id),
    listBallots(db, municipalityId, vote.id),
    voteTurnout(db, municipalityId, vote.id),
  ]);
  return {
    result: computeResult(
      vote,
      options,
      ballots.map((b) => b.choices),
    ),
    options,
    ballots,
    turnout,
  };
}
