import { demoEvaluations, demoInvitationToken } from "@samraad/db/demo";
import {
  findMunicipality,
  insertEvaluation,
  insertInvitations,
  invitationTokenHash,
  listEvaluations,
  listPartnerships,
  listResponses,
  responseRate,
} from "@samraad/db/queries";
import { partnersMeetingQuestionnaire } from "@samraad/domain/evaluations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapse, readable, siteWithDemo } from "./test-support.ts";

const words = (html: string) => collapse(readable(html.replace(/<[^>]+>/g, " ")));

let env: Awaited<ReturnType<typeof siteWithDemo>>;
let randersId: string;
let yearlyId: string;
let policyFollowUpId: string;
let bolbroId: string;

const post = async (
  path: string,
  form: [string, string][],
  headers: Record<string, string> = {},
): Promise<Response> =>
  env.site.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost", ...headers },
    body: new URLSearchParams(form).toString(),
  });

const goodAnswers: [string, string][] = [
  ["overall", "4"],
  ["content", "5"],
  ["network", "3"],
  ["useful", "network"],
  ["useful", "rights"],
  ["childcare", "yes"],
  ["recommend", "maybe"],
  ["better", "Kortere aftener"],
];

beforeAll(async () => {
  env = await siteWithDemo();
  const id = async (slug: string, title: string) => {
    const m = await findMunicipality(env.db, { slug });
    if (!m) throw new Error(`no ${slug}`);
    const e = (await listEvaluations(env.db, m.id)).find((x) => x.title === title);
    if (!e) throw new Error(`no ${title}`);
    return { municipalityId: m.id, id: e.id };
  };
  const yearly = await id("randers", demoEvaluations.partnershipTitle);
  randersId = yearly.municipalityId;
  yearlyId = yearly.id;
  policyFollowUpId = (await id("favrskov", demoEvaluations.policyTitle)).id;
  bolbroId = (await id("odense", demoEvaluations.bolbroTitle)).id;
}, 120_000);
afterAll(() => env.close());

describe("the questionnaire behind an invitation link", () => {
  it("says the answers are anonymous before the first question, one fieldset with a legend per question", async () => {
    const page = await env.get(`/evaluering/svar/${demoInvitationToken(14)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.text).not.toContain("<script");
    const text = words(page.text);
    expect(text.indexOf("Dine svar er anonyme")).toBeLessThan(text.indexOf("Hvor tilfreds er du alt i alt"));
    expect(page.text.match(/<fieldset/g)?.length).toBe(7);
    expect(page.text.match(/<legend/g)?.length).toBe(7);
    expect(text).toContain("1 – Meget utilfreds");
    expect(text).toContain("Hvad kan vi gøre bedre? (valgfrit)");
  });

  it("re-renders with an error summary and 'Fejl: Vælg et svar' at the question, storing nothing", async () => {
    const before = await responseRate(env.db, randersId, yearlyId);
    const res = await post(`/evaluering/svar/${demoInvitationToken(14)}`, [["overall", "4"]]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="#q-content"');
    expect(words(html)).toContain("Fejl: Vælg et svar");
    // what was chosen stays chosen
    expect(html).toMatch(/id="q-overall-4"[^>]*checked|checked[^>]*id="q-overall-4"/);
    expect(await responseRate(env.db, randersId, yearlyId)).toEqual(before);
  });

  it("stores one anonymous response, thanks the respondent, and then refuses the link", async () => {
    const token = demoInvitationToken(15);
    const res = await post(`/evaluering/svar/${token}`, goodAnswers);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/evaluering/tak");
    const thanks = await env.get("/evaluering/tak");
    expect(words(thanks.text)).toContain("Tak for dine svar");
    expect(await responseRate(env.db, randersId, yearlyId)).toMatchObject({
      invited: demoEvaluations.partnershipInvited,
      answered: demoEvaluations.partnershipAnswers + 1,
      responses: demoEvaluations.partnershipAnswers + 1,
    });
    expect(words((await env.get(`/evaluering/svar/${token}`)).text)).toContain("Du har allerede svaret");
    expect((await post(`/evaluering/svar/${token}`, goodAnswers)).status).toBe(409);
  });

  it("counts a link once when 100 submissions with it arrive at the same time", async () => {
    const before = await responseRate(env.db, randersId, yearlyId);
    const fresh = "frisk-link-til-samtidige-svar-0001";
    await insertInvitations(env.db, randersId, yearlyId, [
      { tokenHash: invitationTokenHash(fresh), label: null },
    ]);
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () => post(`/evaluering/svar/${fresh}`, goodAnswers).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    // The others wait for the first one's row lock, then find the link used: "Du har allerede svaret".
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const after = await responseRate(env.db, randersId, yearlyId);
    expect(after.responses).toBe(before.responses + 1);
    expect(after.answered).toBe(before.answered + 1);
  });

  it("knows no unknown link, and refuses a post from another site", async () => {
    expect((await env.get("/evaluering/svar/ukendt-link-der-ikke-findes-1234")).status).toBe(404);
    expect(
      (
        await post(`/evaluering/svar/${demoInvitationToken(14)}`, goodAnswers, {
          origin: "https://evil.test",
        })
      ).status,
    ).toBe(403);
  });
});

describe("a named questionnaire", () => {
  it("tells the respondent before answering that the name is stored, and asks for it", async () => {
    const [partnership] = await listPartnerships(env.db, {
      municipalityIds: [randersId],
      partnershipIds: [],
    });
    if (!partnership) throw new Error("no partnership");
    const evaluationId = await insertEvaluation(env.db, randersId, {
      councilId: null,
      subjectType: "partnership",
      subjectId: partnership.id,
      kind: "end_of_course",
      title: "Partnernes evalueringsmøde",
      periodStart: "2026-01-01",
      periodEnd: "2026-11-30",
      status: "collecting",
      responseMode: "named",
      responsibles: { sendsQuestionnaire: "A", chasesAnswers: "B", writesSummary: "C" },
      questionnaire: partnersMeetingQuestionnaire,
      closesOn: "2026-12-31",
    });
    const token = "navngivet-link-til-partnerne-0001";
    await insertInvitations(env.db, randersId, evaluationId, [
      { tokenHash: invitationTokenHash(token), label: null },
    ]);
    const page = words((await env.get(`/evaluering/svar/${token}`)).text);
    expect(page).toContain("Dine svar er ikke anonyme. Dit navn bliver gemt sammen med dine svar");
    expect(page.indexOf("Dine svar er ikke anonyme")).toBeLessThan(page.indexOf("Dit navn"));
    const answers: [string, string][] = [
      ["participants_gain", "Netværk og viden"],
      ["partners_satisfied_outcome", "4"],
      ["cooperation", "5"],
      ["roles", "yes"],
      ["value", "yes"],
      ["continue", "yes"],
      ["next_steps", "Nyt hold til foråret"],
    ];
    const missingName = await post(`/evaluering/svar/${token}`, answers);
    expect(missingName.status).toBe(400);
    expect(words(await missingName.text())).toContain("Fejl: Skriv dit navn");
    const res = await post(`/evaluering/svar/${token}`, [...answers, ["respondentName", "Pia Partner"]]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/evaluering/tak?navngivet=1");
    const stored = await listResponses(env.db, randersId, evaluationId);
    expect(stored.map((r) => r.respondentName)).toEqual(["Pia Partner"]);
  });
});

describe("published results", () => {
  it("show a policy follow-up's criteria met, partly met or not met, and the conclusion", async () => {
    const page = await env.get(`/evalueringer/${policyFollowUpId}`);
    expect(page.status).toBe(200);
    const text = words(page.text);
    expect(text).toContain(demoEvaluations.policyTitle);
    expect(page.text).toContain('data-outcome="met"');
    expect(page.text).toContain('data-outcome="partly_met"');
    expect(page.text).toContain('data-outcome="not_met"');
    expect(text).toContain("Ensomhed bliver et nyt indsatsområde i handleplanen");
  });

  it("draw each broken-down question as a chart with the same figures in a table", async () => {
    const page = await env.get(`/evalueringer/${bolbroId}?lang=en`);
    expect(page.status).toBe(200);
    expect(page.text.match(/data-testid="answer-chart"/g)?.length).toBe(3);
    expect(page.text.match(/data-testid="answer-table"/g)?.length).toBe(3);
    expect(words(page.text)).toContain("Did you feel heard?");
  });

  it("are linked from the policy's and the process's public pages, and only when published", async () => {
    const policy = await env.get("/kommuner/favrskov/handicappolitik");
    expect(policy.text).toContain(`href="/evalueringer/${policyFollowUpId}"`);
    const process = await env.get("/kommuner/odense/samskabelse/bolbro-bestemmer");
    expect(process.text).toContain(`href="/evalueringer/${bolbroId}"`);
    const partnerships = await env.get("/kommuner/randers/partnerskaber");
    const partnershipPath = partnerships.text.match(/href="(\/partnerskaber\/[0-9a-f-]{36})"/)?.[1];
    const partnership = await env.get(partnershipPath ?? "/partnerskaber/none");
    expect(partnership.status).toBe(200);
    expect(partnership.text).not.toContain(yearlyId);
    expect(partnership.text).not.toContain('data-testid="evaluation-links"');
  });

  it("never show an evaluation that is still collecting or not published", async () => {
    expect((await env.get(`/evalueringer/${yearlyId}`)).status).toBe(404);
    expect((await env.get("/evalueringer/not-a-uuid")).status).toBe(404);
  });
});
