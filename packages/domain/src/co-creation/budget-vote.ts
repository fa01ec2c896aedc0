import { z } from "zod";
import { isClockTime, isIsoDate, zonedInstant } from "../shared/calendar.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import { requiredText, wholeNumber } from "../shared/schemas.ts";
import type { Bilingual } from "../shared/types.ts";
import { kroner } from "./ideas.ts";

/*
 * A citizen-run budget (borgerstyret budget): an amount of money, a set of ideas on the ballot, who may vote
 * and when, and how the money is allocated from the ballots.
 */

/**
 * - knapsack: ideas are funded in order of votes while their cost still fits the money left (an idea that does
 *   not fit is skipped and the next one is tried), so the total never exceeds the budget;
 * - top_n: the N ideas with most votes are funded (the budget is a frame, not a hard limit).
 */
export const allocationRules = ["knapsack", "top_n"] as const;
export type AllocationRule = (typeof allocationRules)[number];

export const allocationLabels: Record<AllocationRule, Bilingual> = {
  knapsack: {
    da: "Flest stemmer først, så længe pengene rækker",
    en: "Most votes first, as long as the money lasts",
  },
  top_n: { da: "De forslag med flest stemmer", en: "The ideas with most votes" },
};

export type VoteRules = {
  budgetKroner: number;
  allocation: AllocationRule;
  /** Only for top_n: how many ideas are funded. */
  winnersCount: number | null;
  /** How many ideas one ballot may choose (at least one). */
  maxChoices: number;
  /** The youngest age that may vote, as declared by the voter; null for no limit. */
  minAge: number | null;
  /** Whether the voter must declare that they live in the area. */
  residenceRequired: boolean;
  /** Whether a voter may replace their ballot until the vote closes. */
  allowRevote: boolean;
};

export type VoteWindow = { opensAt: Date; closesAt: Date; closedAt: Date | null };

const dateField = () =>
  z.string({ error: (i) => (i.input === undefined ? "required" : "invalid_date") }).refine(isIsoDate, {
    error: "invalid_date",
  });
const timeField = () =>
  z.string({ error: (i) => (i.input === undefined ? "required" : "invalid_time") }).refine(isClockTime, {
    error: "invalid_time",
  });

const count = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v === "" ? undefined : v),
    wholeNumber(min, max),
  );

/** The vote as an organiser sets it up; dates and times are local (Europe/Copenhagen). */
export const budgetVoteInput = z
  .object({
    title: requiredText(200),
    area: requiredText(200),
    budgetKroner: kroner(),
    allocation: z.enum(allocationRules, { error: "invalid_option" }),
    winnersCount: count(1, 100).optional(),
    maxChoices: count(1, 50),
    minAge: count(0, 120).optional(),
    residenceRequired: z.boolean({ error: "invalid_type" }).default(true),
    allowRevote: z.boolean({ error: "invalid_type" }).default(false),
    /** Voters may also sign in with the municipality's OpenID provider (its MitID broker). */
    signInWithOidc: z.boolean({ error: "invalid_type" }).default(false),
    opensOn: dateField(),
    opensAtTime: timeField(),
    closesOn: dateField(),
    closesAtTime: timeField(),
  })
  .superRefine((v, ctx) => {
    if (v.allocation === "top_n" && v.winnersCount === undefined) {
      ctx.addIssue({ code: "custom", message: "required", path: ["winnersCount"] });
    }
    if (
      isIsoDate(v.opensOn) &&
      isIsoDate(v.closesOn) &&
      isClockTime(v.opensAtTime) &&
      isClockTime(v.closesAtTime) &&
      zonedInstant(v.closesOn, v.closesAtTime) <= zonedInstant(v.opensOn, v.opensAtTime)
    ) {
      ctx.addIssue({ code: "custom", message: "end_before_start", path: ["closesOn"] });
    }
  });
export type BudgetVoteInput = z.infer<typeof budgetVoteInput>;

/** The stored window of a vote set up with `input`. */
export function voteWindowOf(input: BudgetVoteInput): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: zonedInstant(input.opensOn, input.opensAtTime),
    closesAt: zonedInstant(input.closesOn, input.closesAtTime),
  };
}

export function voteRulesOf(input: BudgetVoteInput): VoteRules {
  return {
    budgetKroner: input.budgetKroner,
    allocation: input.allocation,
    winnersCount: input.allocation === "top_n" ? (input.winnersCount ?? null) : null,
    maxChoices: input.maxChoices,
    minAge: input.minAge ?? null,
    residenceRequired: input.residenceRequired,
    allowRevote: input.allowRevote,
  };
}

/** A voter may cast a ballot if they have not voted yet, or again when the vote lets a new ballot replace the old. */
export function mayCastBallot(rules: Pick<VoteRules, "allowRevote">, alreadyVoted: boolean): boolean {
  return !alreadyVoted || rules.allowRevote;
}

export type VotePhase = "upcoming" | "open" | "closed";

/** Open from `opensAt` until `closesAt`, or until an organiser closes it early. */
export function votePhase(window: VoteWindow, now: Date): VotePhase {
  const end = window.closedAt && window.closedAt < window.closesAt ? window.closedAt : window.closesAt;
  if (now >= end) return "closed";
  if (now < window.opensAt) return "upcoming";
  return "open";
}

/** An organiser may close a vote early (the polling place shuts), but not before it opened. */
export function closeVote(window: VoteWindow, now: Date): Result<{ closedAt: Date }> {
  const phase = votePhase(window, now);
  if (phase === "closed")
    return fail("vote.already_closed", "Afstemningen er allerede lukket", "The vote is already closed");
  if (phase === "upcoming") {
    return fail("vote.not_open_yet", "Afstemningen er ikke åbnet endnu", "The vote has not opened yet");
  }
  return ok({ closedAt: now });
}

/**
 * Results are published only after the vote has closed: while it runs, nobody — not even the organisers in
 * public — sees running totals that could steer the remaining voters.
 */
export function canPublishResults(window: VoteWindow, now: Date): Result<true> {
  if (votePhase(window, now) !== "closed") {
    return fail(
      "vote.results_before_close",
      "Resultatet kan først offentliggøres, når afstemningen er lukket",
      "The result can be published only after the vote has closed",
    );
  }
  return ok(true);
}

/** The ideas on the ballot are fixed once the vote opens: every voter must see the same ballot. */
export function canChangeOptions(window: VoteWindow, now: Date): Result<true> {
  if (votePhase(window, now) !== "upcoming") {
    return fail(
      "vote.options_frozen",
      "Forslagene på stemmesedlen kan ikke ændres, når afstemningen er åbnet",
      "The ideas on the ballot cannot be changed once the vote has opened",
    );
  }
  return ok(true);
}
