import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import { validateBallot } from "./ballot.ts";
import {
  budgetVoteInput,
  canChangeOptions,
  canPublishResults,
  closeVote,
  votePhase,
  voteRulesOf,
  voteWindowOf,
} from "./budget-vote.ts";
import { ageOn, checkAgeFromBirthDate, checkEligibility, eligibilityDeclaration } from "./eligibility.ts";
import { ideaAuthorLabel, ideaInput, isIdeaPublic, moderateIdea } from "./ideas.ts";

const setup = {
  title: "Bolbro bestemmer",
  area: "Bolbro",
  budgetKroner: "250.000",
  allocation: "knapsack",
  maxChoices: "3",
  minAge: "12",
  opensOn: "2026-09-12",
  opensAtTime: "10:00",
  closesOn: "2026-09-12",
  closesAtTime: "16:00",
};

describe("setting up a citizen-run budget", () => {
  it("reads kroner and counts as typed in a Danish form and stores the window in local time", () => {
    const input = budgetVoteInput.parse(setup);
    expect(input.budgetKroner).toBe(250_000);
    expect(voteRulesOf(input)).toEqual({
      budgetKroner: 250_000,
      allocation: "knapsack",
      winnersCount: null,
      maxChoices: 3,
      minAge: 12,
      residenceRequired: true,
      allowRevote: false,
    });
    // 12 September is summer time in Copenhagen: 10:00 local is 08:00 UTC.
    expect(voteWindowOf(input).opensAt.toISOString()).toBe("2026-09-12T08:00:00.000Z");
  });

  it("asks how many ideas win under top N, and refuses a window that ends before it starts", () => {
    const result = budgetVoteInput.safeParse({ ...setup, allocation: "top_n", closesAtTime: "09:00" });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error as never).map((e) => [e.field, e.code]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ["winnersCount", "required"],
        ["closesOn", "end_before_start"],
      ]),
    );
  });

  it("refuses a budget that is not a whole number of kroner", () => {
    const result = budgetVoteInput.safeParse({ ...setup, budgetKroner: "12,5" });
    expect(fieldErrors(result.error as never).map((e) => [e.field, e.code])).toEqual([
      ["budgetKroner", "not_a_number"],
    ]);
  });
});

describe("the voting window", () => {
  const window = {
    opensAt: new Date("2026-09-12T08:00:00Z"),
    closesAt: new Date("2026-09-12T14:00:00Z"),
    closedAt: null,
  };

  it("is upcoming, open and closed by the clock", () => {
    expect(votePhase(window, new Date("2026-09-12T07:59:59Z"))).toBe("upcoming");
    expect(votePhase(window, new Date("2026-09-12T08:00:00Z"))).toBe("open");
    expect(votePhase(window, new Date("2026-09-12T14:00:00Z"))).toBe("closed");
  });

  it("closes early when an organiser closes it, but not before it opened or twice", () => {
    const at = new Date("2026-09-12T12:00:00Z");
    const closed = closeVote(window, at);
    expect(closed).toEqual({ ok: true, value: { closedAt: at } });
    expect(votePhase({ ...window, closedAt: at }, new Date("2026-09-12T12:00:01Z"))).toBe("closed");
    expect(closeVote(window, new Date("2026-09-12T07:00:00Z"))).toMatchObject({
      error: { code: "vote.not_open_yet" },
    });
    expect(closeVote({ ...window, closedAt: at }, new Date("2026-09-12T13:00:00Z"))).toMatchObject({
      error: { code: "vote.already_closed" },
    });
  });

  it("publishes results only after the vote has closed", () => {
    expect(canPublishResults(window, new Date("2026-09-12T13:00:00Z"))).toMatchObject({
      error: { code: "vote.results_before_close" },
    });
    expect(canPublishResults(window, new Date("2026-09-12T14:00:00Z")).ok).toBe(true);
  });

  it("freezes the ideas on the ballot once the vote has opened", () => {
    expect(canChangeOptions(window, new Date("2026-09-11T12:00:00Z")).ok).toBe(true);
    expect(canChangeOptions(window, new Date("2026-09-12T09:00:00Z"))).toMatchObject({
      error: { code: "vote.options_frozen" },
    });
  });
});

describe("a ballot", () => {
  const a = "00000000-0000-4000-8000-00000000000a";
  const b = "00000000-0000-4000-8000-00000000000b";
  const c = "00000000-0000-4000-8000-00000000000c";

  it("chooses between one and the allowed number of ideas on this ballot, each once", () => {
    expect(validateBallot({ maxChoices: 2 }, [a, b, c], [b, a])).toEqual({ ok: true, value: [a, b] });
    expect(validateBallot({ maxChoices: 2 }, [a, b, c], [])).toMatchObject({
      error: { code: "ballot.empty" },
    });
    expect(validateBallot({ maxChoices: 2 }, [a, b, c], [a, b, c])).toMatchObject({
      error: { code: "ballot.too_many" },
    });
    expect(validateBallot({ maxChoices: 2 }, [a, b, c], [a, a])).toMatchObject({
      error: { code: "ballot.duplicate" },
    });
    const other = "00000000-0000-4000-8000-0000000000ff";
    expect(validateBallot({ maxChoices: 2 }, [a, b, c], [other])).toMatchObject({
      error: { code: "ballot.unknown_option" },
    });
  });
});

describe("eligibility", () => {
  const rules = { minAge: 12, residenceRequired: true };

  it("lets a voter vote who declares age and residence", () => {
    expect(
      checkEligibility(rules, eligibilityDeclaration.parse({ declaresAge: "on", declaresResidence: "on" }))
        .ok,
    ).toBe(true);
  });

  it("refuses a voter who does not declare the age limit or residence, naming the limit", () => {
    const noAge = checkEligibility(rules, eligibilityDeclaration.parse({ declaresResidence: "on" }));
    expect(noAge).toMatchObject({
      error: { code: "eligibility.age", message: { da: "Du skal være mindst 12 år for at stemme" } },
    });
    expect(checkEligibility(rules, eligibilityDeclaration.parse({ declaresAge: "on" }))).toMatchObject({
      error: { code: "eligibility.residence" },
    });
  });

  it("asks for nothing when the vote has no age limit and no residence rule", () => {
    expect(
      checkEligibility({ minAge: null, residenceRequired: false }, eligibilityDeclaration.parse({})).ok,
    ).toBe(true);
  });

  it("counts age in whole years, turning a year older on the birthday", () => {
    expect(ageOn("2014-09-12", "2026-09-11")).toBe(11);
    expect(ageOn("2014-09-12", "2026-09-12")).toBe(12);
    expect(ageOn("2012-02-29", "2025-02-28")).toBe(12);
    expect(ageOn("2012-02-29", "2025-03-01")).toBe(13);
    expect(checkAgeFromBirthDate(12, "2014-09-13", "2026-09-12")).toMatchObject({
      error: { code: "eligibility.age" },
    });
    expect(checkAgeFromBirthDate(12, "2014-09-12", "2026-09-12").ok).toBe(true);
  });
});

describe("ideas", () => {
  const idea = (status: "pending" | "published" | "rejected" | "merged") => ({ id: "i1", status });

  it("shows the author's first name only when they chose to, otherwise Anonym", () => {
    expect(ideaAuthorLabel({ authorName: "Karen Marie Jensen", showName: true })).toEqual({
      da: "Karen",
      en: "Karen",
    });
    expect(ideaAuthorLabel({ authorName: "Karen Jensen", showName: false })).toEqual({
      da: "Anonym",
      en: "Anonymous",
    });
  });

  it("needs a name when the author wants it shown, and reads an estimated cost in kroner", () => {
    const bad = ideaInput.safeParse({ title: "Bænke", description: "Flere bænke", showName: true });
    expect(fieldErrors(bad.error as never).map((e) => [e.field, e.code])).toEqual([
      ["authorName", "required"],
    ]);
    expect(
      ideaInput.parse({ title: "Bænke", description: "Flere bænke", estimatedCost: "12 000" }).estimatedCost,
    ).toBe(12_000);
    expect(
      ideaInput.parse({ title: "Bænke", description: "Flere bænke", estimatedCost: "" }).estimatedCost,
    ).toBeUndefined();
  });

  it("moves through moderation: publish, reject with a reason, merge into a published idea", () => {
    expect(moderateIdea(idea("pending"), { decision: "publish" })).toEqual({
      ok: true,
      value: { status: "published", rejectionReason: null, mergedIntoId: null },
    });
    expect(
      moderateIdea(idea("pending"), { decision: "reject", reason: "  Ligger uden for området " }),
    ).toMatchObject({
      value: { status: "rejected", rejectionReason: "Ligger uden for området" },
    });
    expect(moderateIdea(idea("pending"), { decision: "reject", reason: " " })).toMatchObject({
      error: { code: "idea.reason_required" },
    });
    expect(
      moderateIdea(idea("published"), { decision: "merge", intoId: "i2", intoStatus: "published" }),
    ).toMatchObject({
      value: { status: "merged", mergedIntoId: "i2" },
    });
  });

  it("refuses merging into itself or an unpublished idea, and changing a merged idea", () => {
    expect(
      moderateIdea(idea("pending"), { decision: "merge", intoId: "i1", intoStatus: "published" }),
    ).toMatchObject({
      error: { code: "idea.merge_into_itself" },
    });
    expect(
      moderateIdea(idea("pending"), { decision: "merge", intoId: "i2", intoStatus: "pending" }),
    ).toMatchObject({
      error: { code: "idea.merge_target_unpublished" },
    });
    expect(moderateIdea(idea("merged"), { decision: "publish" })).toMatchObject({
      error: { code: "idea.already_merged" },
    });
    expect(moderateIdea(idea("published"), { decision: "publish" })).toMatchObject({
      error: { code: "idea.already_published" },
    });
  });

  it("is public only when published", () => {
    expect(
      ["pending", "published", "rejected", "merged"].filter((s) => isIdeaPublic({ status: s as never })),
    ).toEqual(["published"]);
  });
});
