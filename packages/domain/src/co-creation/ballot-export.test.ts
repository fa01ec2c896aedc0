import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ballotsCsv, parseBallotsCsv } from "./ballot-export.ts";
import { type BallotOption, computeResult } from "./winners.ts";

const options: BallotOption[] = [
  { id: "o1", title: "Legeplads; med gynger", cost: 120_000, position: 1 },
  { id: "o2", title: 'Bænke ved "søen"', cost: 30_000, position: 2 },
  { id: "o3", title: "Fællesspisning", cost: 0, position: 3 },
];

describe("the anonymised ballot export", () => {
  it("has one column per idea and one row per ballot, with nothing but the random id and the choices", () => {
    const csv = ballotsCsv(options, [
      { id: "b2", choices: ["o2"] },
      { id: "b1", choices: ["o1", "o3"] },
    ]);
    expect(csv.split("\r\n")).toEqual([
      'Stemmeseddel;"1. Legeplads; med gynger";"2. Bænke ved ""søen""";3. Fællesspisning',
      "b1;1;;1",
      "b2;;1;",
      "",
    ]);
  });

  it("lets anyone recompute exactly the published result from it (property)", () => {
    const ids = options.map((o) => o.id);
    fc.assert(
      fc.property(fc.array(fc.subarray(ids, { minLength: 1 }), { maxLength: 60 }), (choices) => {
        const ballots = choices.map((c, i) => ({ id: `b${String(i).padStart(3, "0")}`, choices: c }));
        const rules = { budgetKroner: 150_000, allocation: "knapsack" as const, winnersCount: null };
        const recount = parseBallotsCsv(ballotsCsv(options, ballots), options);
        expect(computeResult(rules, options, recount)).toEqual(computeResult(rules, options, choices));
      }),
    );
  });
});
