import { castBallotWithCode, listBallotCodes, listIdeas } from "@samraad/db/queries";
import { coCreationProcesses } from "@samraad/db/schema";
import { parseBallotsCsv } from "@samraad/domain/co-creation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFixture, failure, outcome } from "./fixture.ts";

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
let f: Fixture;
let processId: string;
const opensAt = new Date("2026-09-12T08:00:00Z");
const before = new Date("2026-09-01T10:00:00Z");

const setupFields = {
  title: "Bolbro bestemmer 2026",
  area: "Bolbro",
  budgetKroner: "100.000",
  allocation: "knapsack",
  maxChoices: "2",
  minAge: "12",
  opensOn: "2026-09-12",
  opensAtTime: "10:00",
  closesOn: "2026-09-12",
  closesAtTime: "16:00",
};

beforeAll(async () => {
  f = await demoFixture(before);
  const [p] = await f.db
    .insert(coCreationProcesses)
    .values({
      municipalityId: f.broenderslev.id,
      councilId: f.handicapraad.id,
      slug: "borgerbudget-test",
      title: "Borgerbudget",
      purpose: "Borgerne bestemmer over 100.000 kr.",
      status: "published",
    })
    .returning({ id: coCreationProcesses.id });
  if (!p) throw new Error("no process");
  processId = p.id;
});
afterAll(() => f.close());

describe("organising a citizen-run budget", () => {
  const secretary = () => f.as(f.principals.secretary).coCreationVotes;

  it("moderates ideas: publish, reject with a reason, merge a duplicate", async () => {
    const add = (title: string) =>
      secretary().addIdea({
        processId,
        idea: { title, description: `${title} i Bolbro`, estimatedCost: "40000", showName: false },
      });
    const { ideaId: a } = await add("Legeplads");
    const { ideaId: b } = await add("Bænke ved åen");
    const { ideaId: c } = await add("Legeplads (igen)");
    const { ideaId: d } = await add("Reklame for mit firma");
    await secretary().moderateIdea({ ideaId: a, moderation: { decision: "publish" } });
    await secretary().moderateIdea({ ideaId: b, moderation: { decision: "publish" } });
    const noReason = await failure(() =>
      secretary().moderateIdea({ ideaId: d, moderation: { decision: "reject", reason: " " } }),
    );
    expect(noReason.fields.map((e) => [e.field, e.code])).toEqual([["moderation.reason", "required"]]);
    await secretary().moderateIdea({
      ideaId: d,
      moderation: { decision: "reject", reason: "Reklame hører ikke hjemme her" },
    });
    await secretary().moderateIdea({ ideaId: c, moderation: { decision: "merge", intoId: a } });
    const ideas = await listIdeas(f.db, f.broenderslev.id, processId);
    expect(ideas.map((i) => [i.title, i.status, i.rejectionReason, i.mergedIntoId])).toEqual([
      ["Legeplads", "published", null, null],
      ["Bænke ved åen", "published", null, null],
      ["Legeplads (igen)", "merged", null, a],
      ["Reklame for mit firma", "rejected", "Reklame hører ikke hjemme her", null],
    ]);
    const intoItself = await failure(() =>
      secretary().moderateIdea({ ideaId: c, moderation: { decision: "publish" } }),
    );
    expect(intoItself.rule).toBe("idea.already_merged");
  });

  it("refuses bad vote settings with field errors and an unpublished idea on the ballot, storing nothing", async () => {
    const ideas = await listIdeas(f.db, f.broenderslev.id, processId);
    const rejected = ideas.find((i) => i.status === "rejected");
    const bad = await failure(() =>
      secretary().setup({
        processId,
        vote: { ...setupFields, budgetKroner: "mange penge", maxChoices: "0" } as never,
        options: [],
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fields.map((e) => [e.field, e.code])).toEqual([
      ["vote.budgetKroner", "not_a_number"],
      ["vote.maxChoices", "too_small"],
    ]);
    const unpublished = await failure(() =>
      secretary().setup({
        processId,
        vote: setupFields as never,
        options: [{ ideaId: rejected?.id as string, cost: 1000 }],
      }),
    );
    expect(unpublished.rule).toBe("vote.option_not_published");
    expect((await secretary().overview({ processId })).vote).toBeNull();
  });

  it("sets up the vote, prints codes as a PDF and freezes the ballot once the vote opens", async () => {
    const ideas = (await listIdeas(f.db, f.broenderslev.id, processId)).filter(
      (i) => i.status === "published",
    );
    const { voteId } = await secretary().setup({
      processId,
      vote: setupFields as never,
      options: ideas.map((i, n) => ({ ideaId: i.id, cost: n === 0 ? 70_000 : 40_000 })),
    });
    const { batch, count } = await secretary().generateCodes({ voteId, count: 30 });
    expect([batch, count]).toEqual([1, 30]);
    const sheet = await secretary().codeSheet({ voteId, batch, origin: "https://samraad.example" });
    const pdf = Buffer.from(sheet.base64, "base64").toString("latin1");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf).toContain("/Count 2");
    const codes = await listBallotCodes(f.db, f.broenderslev.id, voteId, batch);
    for (const { code } of codes) expect(pdf).toContain(`(${code}) Tj`);
    // The address wraps onto a second line after a "/"; joined again it is the vote's public address.
    const text = pdf.replace(/\) Tj ET\nBT \/F1 6 Tf [\d.]+ [\d.]+ Td \(/g, "");
    expect(text).toContain("samraad.example/kommuner/broenderslev/samskabelse/borgerbudget-test/afstemning)");
    // Every cross-reference offset points at its object, so readers open the file.
    const xref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    const offsets = [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    for (const [i, offset] of offsets.entries()) {
      expect(pdf.slice(offset, offset + 12)).toMatch(new RegExp(`^${i + 1} 0 obj`));
    }

    f.clock.now = new Date(opensAt.getTime() + 60_000);
    const frozen = await failure(() =>
      secretary().setup({ processId, vote: setupFields as never, options: [] }),
    );
    expect(frozen.rule).toBe("vote.options_frozen");
  });

  it("gives staff a fresh code for the tablet only after they confirm the voter's eligibility", async () => {
    const vote = (await secretary().overview({ processId })).vote;
    if (!vote) throw new Error("no vote");
    const unchecked = await failure(() =>
      secretary().assistedCode({ voteId: vote.id, eligibilityChecked: false as true }),
    );
    expect(unchecked.fields.map((e) => [e.field, e.code])).toEqual([
      ["eligibilityChecked", "eligibility_not_checked"],
    ]);
    const { code, path } = await secretary().assistedCode({ voteId: vote.id, eligibilityChecked: true });
    expect(path).toBe(`/kommuner/broenderslev/samskabelse/borgerbudget-test/afstemning?kode=${code}`);
    const batches = await secretary().overview({ processId });
    expect(batches.batches.find((b) => b.batch === 0)).toMatchObject({ codes: 1, used: 0 });
  });

  it("shows no totals while open, publishes only after close, then lets anyone recount from the export", async () => {
    const overview = await secretary().overview({ processId });
    const vote = overview.vote;
    if (!vote) throw new Error("no vote");
    expect(overview.phase).toBe("open");
    expect(overview.result).toBeNull();
    const codes = await listBallotCodes(f.db, f.broenderslev.id, vote.id);
    const [first, second] = overview.options.map((o) => o.id) as [string, string];
    const ballots = [[first], [first, second], [second]];
    for (const [i, choices] of ballots.entries()) {
      await f.db.transaction((tx) =>
        castBallotWithCode(tx, f.broenderslev.id, vote.id, codes[i]?.code as string, choices.sort(), null),
      );
    }
    const anonymous = f.as(f.principals.public).coCreationVotes;
    expect(await outcome(() => anonymous.results({ voteId: vote.id }))).toBe("NOT_FOUND");
    expect((await failure(() => secretary().publishResults({ voteId: vote.id }))).rule).toBe(
      "vote.results_before_close",
    );

    await secretary().close({ voteId: vote.id });
    f.clock.now = new Date(f.clock.now.getTime() + 1000);
    expect(await outcome(() => anonymous.results({ voteId: vote.id }))).toBe("NOT_FOUND");
    const closed = await secretary().overview({ processId });
    expect(closed.phase).toBe("closed");
    expect(closed.turnout).toMatchObject({ ballots: 3, voters: 3, codesIssued: 31, codesUsed: 3 });

    await secretary().publishResults({ voteId: vote.id });
    const published = await anonymous.results({ voteId: vote.id });
    expect(published.result.options.map((o) => [o.title, o.votes, o.outcome])).toEqual([
      // A tie: the cheaper idea goes first, and the dearer one no longer fits the 100.000 kr.
      ["Bænke ved åen", 2, "funded"],
      ["Legeplads", 2, "does_not_fit"],
    ]);
    const { csv } = await anonymous.exportBallots({ voteId: vote.id });
    const recount = parseBallotsCsv(csv, closed.options);
    expect(recount.map((b) => b.length).sort()).toEqual([1, 1, 2]);
    for (const { code } of codes) expect(csv).not.toContain(code);
  });

  it("refuses other municipalities and members, and lets no one but organisers see pending ideas", async () => {
    expect(await outcome(() => f.as(f.principals.adminRanders).coCreationVotes.overview({ processId }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(() => f.as(f.principals.member).coCreationVotes.overview({ processId }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(() => f.as(f.principals.public).coCreationVotes.overview({ processId }))).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await outcome(() => f.as(f.principals.adminBroenderslev).coCreationVotes.overview({ processId })),
    ).toBe("OK");
  });
});
