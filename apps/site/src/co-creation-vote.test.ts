import {
  castBallotWithCode,
  findMunicipality,
  insertBallotCodes,
  insertIdea,
  listIdeas,
  listVoteOptions,
  replaceVoteOptions,
  setResultsPublished,
  updateIdeaModeration,
  upsertVote,
  voteTurnout,
} from "@samraad/db/queries";
import { coCreationProcesses } from "@samraad/db/schema";
import { computeResult, parseBallotsCsv } from "@samraad/domain/co-creation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapse, readable, siteWithDemo, testNow } from "./test-support.ts";

const words = (html: string) => collapse(readable(html.replace(/<[^>]+>/g, " ")));
const HOUR = 3_600_000;

let env: Awaited<ReturnType<typeof siteWithDemo>>;
let municipalityId: string;
const open = "/kommuner/broenderslev/samskabelse/borgerbudget";
const closed = "/kommuner/broenderslev/samskabelse/borgerbudget-2025";
const codes = ["ACDE-FGHJ-KMNP", "QRTW-XY34-67AC", "DEFG-HJKM-NPQR"];
let optionIds: string[] = [];

const rules = {
  budgetKroner: 100_000,
  allocation: "knapsack" as const,
  winnersCount: null,
  maxChoices: 2,
  minAge: 12,
  residenceRequired: true,
  allowRevote: false,
};

async function processWithVote(
  slug: string,
  title: string,
  status: "draft" | "published",
  opensAt: Date,
  closesAt: Date,
) {
  const [p] = await env.db
    .insert(coCreationProcesses)
    .values({ municipalityId, slug, title, purpose: "Borgerne bestemmer", status })
    .returning({ id: coCreationProcesses.id });
  if (!p) throw new Error("no process");
  const ideas = ["Legeplads i parken", "Bænke ved åen", "Fællesspisning i hallen"];
  for (const t of ideas) {
    const id = await insertIdea(env.db, municipalityId, p.id, {
      title: t,
      description: `${t}.`,
      showName: true,
      authorName: "Karen Jensen",
      authorKind: "citizen",
    });
    await updateIdeaModeration(
      env.db,
      municipalityId,
      id,
      { status: "published", rejectionReason: null, mergedIntoId: null },
      testNow,
    );
  }
  await insertIdea(env.db, municipalityId, p.id, {
    title: "Hemmeligt ventende forslag",
    description: "Afventer.",
    showName: false,
    authorKind: "citizen",
  });
  const voteId = await upsertVote(
    env.db,
    municipalityId,
    p.id,
    { ...rules, title, area: "Brønderslev midtby", opensAt, closesAt },
    testNow,
  );
  await replaceVoteOptions(env.db, municipalityId, voteId, [
    { ideaId: null, title: ideas[0] as string, description: null, cost: 60_000 },
    { ideaId: null, title: ideas[1] as string, description: null, cost: 30_000 },
    { ideaId: null, title: ideas[2] as string, description: null, cost: 0 },
  ]);
  return { processId: p.id, voteId };
}

beforeAll(async () => {
  env = await siteWithDemo();
  const m = await findMunicipality(env.db, { slug: "broenderslev" });
  if (!m) throw new Error("no Brønderslev");
  municipalityId = m.id;
  const { voteId } = await processWithVote(
    "borgerbudget",
    "Borgerbudget 2026",
    "published",
    new Date(testNow.getTime() - HOUR),
    new Date(testNow.getTime() + 5 * HOUR),
  );
  await insertBallotCodes(env.db, municipalityId, voteId, codes);
  optionIds = (await listVoteOptions(env.db, municipalityId, voteId)).map((o) => o.id);
}, 120_000);
afterAll(() => env.close());

const post = async (path: string, form: [string, string][], headers: Record<string, string> = {}) => {
  const response = await env.site.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return {
    status: response.status,
    location: response.headers.get("location"),
    cache: response.headers.get("cache-control"),
    text: await response.text(),
  };
};

describe("ideas", () => {
  it("lists published ideas with the author's first name, never pending ones", async () => {
    const page = await env.get(`${open}/forslag`);
    expect(page.status).toBe(200);
    const text = words(page.text);
    expect(text).toContain("Legeplads i parken");
    expect(text).toContain("Af Karen");
    expect(text).not.toContain("Jensen");
    expect(text).not.toContain("Hemmeligt ventende forslag");
  });

  it("re-renders the form with an error summary and Danish field errors, storing nothing", async () => {
    const before = (await listIdeas(env.db, municipalityId, (await processId("borgerbudget")) as string))
      .length;
    const res = await post(`${open}/forslag`, [
      ["title", ""],
      ["description", "Noget"],
      ["estimatedCost", "mange"],
    ]);
    expect(res.status).toBe(400);
    expect(res.cache).toBe("no-store");
    expect(res.text).toContain('href="#title"');
    expect(res.text).toContain('href="#estimatedCost"');
    expect(words(res.text)).toContain("Fejl: Udfyld feltet");
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('value="mange"');
    expect(
      (await listIdeas(env.db, municipalityId, (await processId("borgerbudget")) as string)).length,
    ).toBe(before);
  });

  it("takes a new idea for moderation and thanks the author", async () => {
    const res = await post(`${open}/forslag`, [
      ["title", "Skaterrampe"],
      ["description", "Ved skolen"],
      ["estimatedCost", "45.000"],
      ["authorName", "Ali"],
    ]);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${open}/forslag/tak`);
    const ideas = await listIdeas(env.db, municipalityId, (await processId("borgerbudget")) as string);
    expect(ideas.find((i) => i.title === "Skaterrampe")).toMatchObject({
      status: "pending",
      estimatedCost: 45_000,
      showName: false,
    });
    expect(words((await env.get(`${open}/forslag`)).text)).not.toContain("Skaterrampe");
  });

  it("refuses a form posted from another site", async () => {
    const res = await post(
      `${open}/forslag`,
      [
        ["title", "Spam"],
        ["description", "Spam"],
      ],
      { Origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
  });
});

async function processId(slug: string) {
  const rows = await env.db
    .select({ id: coCreationProcesses.id, slug: coCreationProcesses.slug })
    .from(coCreationProcesses);
  return rows.find((r) => r.slug === slug)?.id;
}

describe("voting with a paper code", () => {
  it("shows the ballot as a plain form with a fieldset per group", async () => {
    const page = await env.get(`${open}/afstemning`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post"');
    expect(page.text).toContain("<legend");
    expect(words(page.text)).toContain("Vælg op til 2 forslag");
    expect(words(page.text)).toContain("Jeg er mindst 12 år");
    expect(page.text).not.toContain("<script");
  });

  it("fills in the code when staff open the ballot on a tablet", async () => {
    const page = await env.get(`${open}/afstemning?kode=QRTW-XY34-67AC`);
    expect(page.text).toContain('value="QRTW-XY34-67AC"');
  });

  it("points out a malformed code, too many ideas and a missing declaration, all at once", async () => {
    const res = await post(`${open}/afstemning`, [
      ["step", "review"],
      ["code", "0000"],
      ...optionIds.map((id): [string, string] => ["choices", id]),
      ["declaresResidence", "on"],
    ]);
    expect(res.status).toBe(400);
    const text = words(res.text);
    expect(text).toContain("Stemmekoden har ikke den rigtige form");
    expect(text).toContain("Du kan højst vælge 2 forslag");
    expect(text).toContain("Du skal være mindst 12 år for at stemme");
    expect(res.text).toContain('href="#code"');
    expect(res.text).toContain('href="#choices"');
    expect(res.text).toContain('href="#eligibility"');
    expect((await voteTurnout(env.db, municipalityId, await openVoteId())).ballots).toBe(0);
  });

  it("says so before the confirmation when the code does not exist", async () => {
    const res = await post(`${open}/afstemning`, [
      ["step", "review"],
      ["code", "AAAA-AAAA-AAAA"],
      ["choices", optionIds[0] as string],
      ["declaresAge", "on"],
      ["declaresResidence", "on"],
    ]);
    expect(res.status).toBe(400);
    expect(words(res.text)).toContain("Vi kender ikke koden");
  });

  it("confirms the choice before casting, counts the ballot once and refuses the code after", async () => {
    const form: [string, string][] = [
      ["code", "acde fghj kmnp"],
      ["choices", optionIds[1] as string],
      ["choices", optionIds[0] as string],
      ["declaresAge", "on"],
      ["declaresResidence", "on"],
    ];
    const review = await post(`${open}/afstemning`, [["step", "review"], ...form]);
    expect(review.status).toBe(200);
    expect(review.cache).toBe("no-store");
    const text = words(review.text);
    expect(text).toContain("Du har valgt:");
    expect(text).toContain("Legeplads i parken");
    expect(text).toContain("Bænke ved åen");
    expect(text).not.toContain("Fællesspisning i hallen");
    expect(text).toContain("Afgiv stemme");
    expect(review.text).toContain('value="ACDE-FGHJ-KMNP"');
    expect((await voteTurnout(env.db, municipalityId, await openVoteId())).ballots).toBe(0);

    const cast = await post(`${open}/afstemning`, [["step", "cast"], ...form]);
    expect(cast.status).toBe(303);
    expect(cast.location).toBe(`${open}/afstemning/kvittering`);
    expect(words((await env.get(cast.location as string)).text)).toContain("Tak – din stemme er talt med");
    expect(await voteTurnout(env.db, municipalityId, await openVoteId())).toMatchObject({
      ballots: 1,
      codesUsed: 1,
    });

    const again = await post(`${open}/afstemning`, [["step", "cast"], ...form]);
    expect(again.status).toBe(400);
    expect(words(again.text)).toContain("Koden er allerede brugt");
    expect((await voteTurnout(env.db, municipalityId, await openVoteId())).ballots).toBe(1);
  });

  it("goes back to the filled-in form from the confirmation page", async () => {
    const res = await post(`${open}/afstemning`, [
      ["step", "edit"],
      ["code", "QRTW-XY34-67AC"],
      ["choices", optionIds[2] as string],
      ["declaresAge", "on"],
    ]);
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="QRTW-XY34-67AC"');
    expect(res.text).toMatch(
      new RegExp(`value="${optionIds[2]}"[^>]*checked|checked[^>]*value="${optionIds[2]}"`),
    );
  });

  it("has no result page while the vote is open, and the process page leads to the ideas and the vote", async () => {
    const processPage = await env.get(open);
    expect(processPage.text).toContain(`href="${open}/forslag"`);
    expect(processPage.text).toContain(`href="${open}/afstemning"`);
    expect(processPage.text).not.toContain(`href="${open}/resultat"`);
    expect((await env.get(`${open}/resultat`)).status).toBe(404);
    expect((await env.get(`${open}/resultat/stemmesedler.csv`)).status).toBe(404);
  });
});

async function openVoteId() {
  const rows = await env.db.query.coCreationVotes.findMany();
  const pid = await processId("borgerbudget");
  return rows.find((r) => r.processId === pid)?.id as string;
}

describe("the result", () => {
  it("is published after close with a chart, a table, the tie rule and a CSV that recounts to the same numbers", async () => {
    const { voteId } = await processWithVote(
      "borgerbudget-2025",
      "Borgerbudget 2025",
      "published",
      new Date(testNow.getTime() - 48 * HOUR),
      new Date(testNow.getTime() - 24 * HOUR),
    );
    const batch = ["CDEF-GHJK-MNPQ", "RTWX-Y346-7ACD", "EFGH-JKMN-PQRT", "WXY3-467A-CDEF"];
    await insertBallotCodes(env.db, municipalityId, voteId, batch);
    const options = await listVoteOptions(env.db, municipalityId, voteId);
    const [a, b, c] = options.map((o) => o.id) as [string, string, string];
    const ballots = [[a], [a, c], [b], [c]];
    for (const [i, choices] of ballots.entries()) {
      await env.db.transaction((tx) =>
        castBallotWithCode(tx, municipalityId, voteId, batch[i] as string, choices.sort(), null),
      );
    }
    expect((await env.get(`${closed}/resultat`)).status).toBe(404);
    await setResultsPublished(env.db, municipalityId, voteId, testNow);

    const page = await env.get(`${closed}/resultat`);
    expect(page.status).toBe(200);
    const text = words(page.text);
    expect(text).toContain("4 stemmer afgivet med 4 udleverede stemmekoder (100 % af koderne blev brugt)");
    expect(text).toContain("90.000 kr. af 100.000 kr. er fordelt");
    expect(text).toContain("Ved stemmelighed går det billigste forslag forrest");
    expect(page.text).toContain('role="img"');
    expect(page.text).toContain('<caption id="result-table-caption">');
    // A tie at 2 votes: the free idea comes first (lower cost), and takes no money.
    expect(text).toContain(
      "1 Fællesspisning i hallen 2 Kræver ingen penge Gennemføres uden penge 2 Legeplads i parken 2 60.000 kr. Får penge 3 Bænke ved åen 1 30.000 kr. Får penge",
    );

    const csv = await env.get(`${closed}/resultat/stemmesedler.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const recount = computeResult(rules, options, parseBallotsCsv(csv.text, options));
    expect(recount).toEqual(computeResult(rules, options, ballots));
    for (const code of batch) expect(csv.text).not.toContain(code);
    // The closed vote's form is gone; the page points to the result.
    const vote = await env.get(`${closed}/afstemning`);
    expect(vote.text).not.toContain('name="code"');
    expect(words(vote.text)).toContain("Se resultatet");
    expect((await env.get(closed)).text).toContain(`href="${closed}/resultat"`);
  });

  it("never shows a draft process's ideas, vote or result", async () => {
    await processWithVote(
      "kladde",
      "Kladde",
      "draft",
      new Date(testNow.getTime() - HOUR),
      new Date(testNow.getTime() + HOUR),
    );
    for (const path of ["forslag", "afstemning", "resultat"]) {
      expect((await env.get(`/kommuner/broenderslev/samskabelse/kladde/${path}`)).status).toBe(404);
    }
  });
});
