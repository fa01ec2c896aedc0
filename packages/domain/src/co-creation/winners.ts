import type { Bilingual } from "../shared/types.ts";
import type { VoteRules } from "./budget-vote.ts";

export type BallotOption = {
  id: string;
  title: string;
  /** Cost in whole kroner; 0 means the idea is realised without money (by volunteers, as in Bolbro). */
  cost: number;
  /** The idea's place on the ballot (1, 2, …), fixed when the vote was set up. */
  position: number;
};

export type OptionOutcome = "funded" | "not_funded" | "does_not_fit" | "without_money";

export type OptionResult = BallotOption & {
  votes: number;
  /** 1 for the most votes; options ahead of it by the ranking rule + 1. */
  rank: number;
  outcome: OptionOutcome;
};

export type VoteResult = {
  options: OptionResult[];
  ballots: number;
  allocated: number;
  remaining: number;
};

export const outcomeLabels: Record<OptionOutcome, Bilingual> = {
  funded: { da: "Får penge", en: "Funded" },
  not_funded: { da: "Får ikke penge", en: "Not funded" },
  does_not_fit: { da: "Pengene rakte ikke", en: "Not enough money left" },
  without_money: { da: "Gennemføres uden penge", en: "Realised without money" },
};

/** The tie rule, stated once for the public result page and the export. */
export const tieRule: Bilingual = {
  da: "Ved stemmelighed går det billigste forslag forrest; koster de det samme, afgør rækkefølgen på stemmesedlen.",
  en: "When ideas have the same number of votes, the cheaper idea comes first; if they cost the same, the order on the ballot decides.",
};

/** Counts how many ballots chose each option; choices for unknown options are ignored. */
export function tally(
  options: readonly BallotOption[],
  ballots: readonly (readonly string[])[],
): Map<string, number> {
  const counts = new Map(options.map((o) => [o.id, 0]));
  for (const ballot of ballots) {
    for (const choice of new Set(ballot)) {
      const current = counts.get(choice);
      if (current !== undefined) counts.set(choice, current + 1);
    }
  }
  return counts;
}

/**
 * Ranking: more votes first; ties by lower cost (more money left for the next idea), then by the position on
 * the ballot — deterministic, and stated to voters before they vote. Votes come first, so one more vote for
 * an idea can only move it up.
 */
function compare(a: OptionResult, b: OptionResult): number {
  return b.votes - a.votes || a.cost - b.cost || a.position - b.position;
}

/**
 * The winners of a citizen-run budget, from the ballots alone, so anyone with the anonymised export can
 * recompute them. An idea needs at least one vote to win. Ideas that cost nothing never take money or a
 * top-N place: they are realised without money.
 */
export function computeResult(
  rules: Pick<VoteRules, "budgetKroner" | "allocation" | "winnersCount">,
  options: readonly BallotOption[],
  ballots: readonly (readonly string[])[],
): VoteResult {
  const counts = tally(options, ballots);
  const rows: OptionResult[] = options.map((o) => ({
    ...o,
    votes: counts.get(o.id) ?? 0,
    rank: 0,
    outcome: "not_funded",
  }));
  rows.sort(compare);
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    row.rank = previous && compare(previous, row) === 0 ? previous.rank : index + 1;
  });
  let remaining = rules.budgetKroner;
  let funded = 0;
  for (const row of rows) {
    if (row.cost === 0) {
      row.outcome = row.votes > 0 ? "without_money" : "not_funded";
      continue;
    }
    if (row.votes === 0) continue;
    if (rules.allocation === "knapsack") {
      if (row.cost <= remaining) {
        row.outcome = "funded";
        remaining -= row.cost;
      } else {
        row.outcome = "does_not_fit";
      }
    } else if (funded < (rules.winnersCount ?? 0)) {
      row.outcome = "funded";
      funded += 1;
      remaining -= row.cost;
    }
  }
  const allocated = rows.filter((r) => r.outcome === "funded").reduce((sum, r) => sum + r.cost, 0);
  return { options: rows, ballots: ballots.length, allocated, remaining: rules.budgetKroner - allocated };
}

/** Turnout as a share of the codes handed out (null when no codes were issued, e.g. online only). */
export function turnoutShare(ballots: number, codesIssued: number): number | null {
  return codesIssued > 0 ? ballots / codesIssued : null;
}
