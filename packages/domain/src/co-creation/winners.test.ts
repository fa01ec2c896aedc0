import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BallotOption, computeResult, tally } from "./winners.ts";

const option = (id: string, cost: number, position: number): BallotOption => ({
  id,
  title: `Forslag ${id}`,
  cost,
  position,
});
const knapsack = (budgetKroner: number) => ({
  budgetKroner,
  allocation: "knapsack" as const,
  winnersCount: null,
});
const repeat = (choice: string[], times: number) => Array.from({ length: times }, () => choice);

describe("winners of a citizen-run budget", () => {
  it("funds ideas in order of votes and skips one that no longer fits, trying the next", () => {
    const options = [option("a", 60_000, 1), option("b", 50_000, 2), option("c", 30_000, 3)];
    const ballots = [...repeat(["a"], 10), ...repeat(["b"], 8), ...repeat(["c"], 5)];
    const result = computeResult(knapsack(100_000), options, ballots);
    expect(result.options.map((o) => [o.id, o.rank, o.votes, o.outcome])).toEqual([
      ["a", 1, 10, "funded"],
      ["b", 2, 8, "does_not_fit"],
      ["c", 3, 5, "funded"],
    ]);
    expect(result.allocated).toBe(90_000);
    expect(result.remaining).toBe(10_000);
    expect(result.ballots).toBe(23);
  });

  it("funds the N ideas with most votes under top N, whatever they cost", () => {
    const options = [option("a", 80_000, 1), option("b", 50_000, 2), option("c", 30_000, 3)];
    const ballots = [...repeat(["a"], 3), ...repeat(["b"], 2), ...repeat(["c"], 1)];
    const result = computeResult(
      { budgetKroner: 100_000, allocation: "top_n", winnersCount: 2 },
      options,
      ballots,
    );
    expect(result.options.filter((o) => o.outcome === "funded").map((o) => o.id)).toEqual(["a", "b"]);
    expect(result.allocated).toBe(130_000);
  });

  it("breaks a tie by the lower cost, then by the position on the ballot", () => {
    const options = [
      option("dear", 40_000, 1),
      option("cheap", 10_000, 2),
      option("first", 25_000, 3),
      option("second", 25_000, 4),
    ];
    const ballots = [
      ["dear", "cheap", "first", "second"],
      ["second", "first", "cheap", "dear"],
    ];
    const result = computeResult(knapsack(50_000), options, ballots);
    expect(result.options.map((o) => o.id)).toEqual(["cheap", "first", "second", "dear"]);
    expect(result.options.map((o) => o.outcome)).toEqual([
      "funded",
      "funded",
      "does_not_fit",
      "does_not_fit",
    ]);
  });

  it("realises an idea without money when it costs nothing, without taking money or a place", () => {
    const options = [option("bench", 0, 1), option("garden", 90_000, 2), option("mural", 20_000, 3)];
    const ballots = [...repeat(["bench"], 12), ...repeat(["garden", "mural"], 5)];
    const result = computeResult(
      { budgetKroner: 100_000, allocation: "top_n", winnersCount: 1 },
      options,
      ballots,
    );
    expect(result.options.map((o) => [o.id, o.outcome])).toEqual([
      ["bench", "without_money"],
      ["mural", "funded"],
      ["garden", "not_funded"],
    ]);
  });

  it("never funds an idea nobody voted for, even when money is left", () => {
    const result = computeResult(
      knapsack(100_000),
      [option("a", 10_000, 1), option("b", 10_000, 2)],
      [["a"]],
    );
    expect(result.options.find((o) => o.id === "b")?.outcome).toBe("not_funded");
  });

  it("counts a choice once per ballot and ignores ideas not on the ballot", () => {
    const counts = tally([option("a", 1, 1)], [["a", "a"], ["zzz"]]);
    expect(counts.get("a")).toBe(1);
    expect(counts.has("zzz")).toBe(false);
  });

  const scenario = fc
    .array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 8 })
    .chain((costs) => {
      const options = costs.map((cost, i) => option(`o${i}`, cost, i + 1));
      const ids = options.map((o) => o.id);
      return fc.record({
        options: fc.constant(options),
        budget: fc.integer({ min: 0, max: 500_000 }),
        ballots: fc.array(fc.subarray(ids, { minLength: 1 }), { maxLength: 40 }),
        extra: fc.constantFrom(...ids),
        winnersCount: fc.integer({ min: 1, max: 8 }),
      });
    });

  it("never allocates more than the budget under the knapsack rule (property)", () => {
    fc.assert(
      fc.property(scenario, ({ options, budget, ballots }) => {
        const result = computeResult(knapsack(budget), options, ballots);
        expect(result.allocated).toBeLessThanOrEqual(budget);
        expect(result.remaining).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("never lowers an idea's rank when one more ballot chooses it (property)", () => {
    fc.assert(
      fc.property(scenario, ({ options, budget, ballots, extra, winnersCount }) => {
        for (const rules of [
          knapsack(budget),
          { budgetKroner: budget, allocation: "top_n" as const, winnersCount },
        ]) {
          const before = computeResult(rules, options, ballots).options.find((o) => o.id === extra);
          const after = computeResult(rules, options, [...ballots, [extra]]).options.find(
            (o) => o.id === extra,
          );
          expect(after?.rank).toBeLessThanOrEqual(before?.rank ?? 0);
        }
      }),
    );
  });

  it("gives the same result whatever order the ballots are counted in (property)", () => {
    fc.assert(
      fc.property(scenario, fc.integer(), ({ options, budget, ballots }, seed) => {
        const shuffled = [...ballots].sort(
          (a, b) => ((a.join().length * 31 + seed) % 7) - ((b.join().length * 31 + seed) % 7),
        );
        expect(computeResult(knapsack(budget), options, shuffled)).toEqual(
          computeResult(knapsack(budget), options, ballots),
        );
      }),
    );
  });
});
