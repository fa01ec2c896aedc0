import { demoEvaluations, demoInvitationToken } from "@samraad/db/demo";
import {
  findDraft,
  findMunicipality,
  insertActions,
  insertEvaluation,
  insertInvitations,
  insertTask,
  invitationTokenHash,
  listEvaluations,
  listPartnerships,
  listPolicies,
  listResponses,
  loadPlan,
  type NewEvaluation,
  responseRate,
} from "@samraad/db/queries";
import { bareActionValues } from "@samraad/db/testing";
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

/** An evaluation written straight into the database; what no test here looks at is filled in. */
const storedEvaluation = (
  municipalityId: string,
  values: Omit<NewEvaluation, "councilId" | "periodStart" | "periodEnd" | "responsibles" | "questionnaire"> &
    Partial<NewEvaluation>,
) =>
  insertEvaluation(env.db, municipalityId, {
    councilId: null,
    periodStart: "2026-01-01",
    periodEnd: "2026-06-30",
    responsibles: { sendsQuestionnaire: "A", chasesAnswers: "B", writesSummary: "C" },
    questionnaire: partnersMeetingQuestionnaire,
    ...values,
  });

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
    const evaluationId = await storedEvaluation(randersId, {
      subjectType: "partnership",
      subjectId: partnership.id,
      kind: "end_of_course",
      title: "Partnernes evalueringsmøde",
      periodEnd: "2026-11-30",
      status: "collecting",
      responseMode: "named",
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

  it("of one goal are linked at that goal on the policy page, and only when published", async () => {
    const favrskov = await findMunicipality(env.db, { slug: "favrskov" });
    if (!favrskov) throw new Error("no Favrskov");
    const [policy] = await listPolicies(env.db, favrskov.id, { publicOnly: true });
    const plan = policy ? await loadPlan(env.db, favrskov.id, policy.id, { publicOnly: true }) : null;
    const [goal, other] = plan?.goals ?? [];
    if (!goal || !other) throw new Error("the demo policy needs two goals");
    const goalEvaluation = (title: string, published: boolean) =>
      storedEvaluation(favrskov.id, {
        subjectType: "policy_goal",
        subjectId: goal.id,
        kind: "policy_follow_up",
        title,
        status: "concluded",
        published,
      });
    const shown = await goalEvaluation("Opfølgning på målet om tilgængelige boliger", true);
    const hidden = await goalEvaluation("Upubliceret opfølgning på målet", false);
    const page = (await env.get("/kommuner/favrskov/handicappolitik")).text;
    const link = `href="/evalueringer/${shown}"`;
    // Under the goal's heading, before the next goal's.
    const at = page.indexOf(link);
    expect(at).toBeGreaterThan(page.indexOf(`id="maal-${goal.id}"`));
    const next = page.indexOf(`id="maal-${other.id}"`);
    if (next > page.indexOf(`id="maal-${goal.id}"`)) expect(at).toBeLessThan(next);
    expect(words(page)).toContain("Evaluering af målet: Opfølgning på målet om tilgængelige boliger");
    expect(page).not.toContain(hidden);
  });

  it("show which next steps became actions or tasks, linked where the follow-up is itself public", async () => {
    const favrskov = await findMunicipality(env.db, { slug: "favrskov" });
    if (!favrskov) throw new Error("no Favrskov");
    const [policy] = await listPolicies(env.db, favrskov.id, { publicOnly: true });
    if (!policy) throw new Error("no adopted policy in Favrskov");
    const [shown, hidden] = await insertActions(
      env.db,
      favrskov.id,
      policy.id,
      [
        bareActionValues("Lyttemøder i landdistrikterne"),
        bareActionValues("Intern budgetpost til lyttemøder", false),
      ],
      new Date(),
    );
    if (!shown || !hidden) throw new Error("actions not inserted");
    const id = await storedEvaluation(favrskov.id, {
      subjectType: "policy",
      subjectId: policy.id,
      kind: "policy_follow_up",
      title: "Opfølgning med handlinger",
      status: "concluded",
      published: true,
      conclusion: {
        notes: {},
        summary: "Delvist nået.",
        decision: null,
        nextSteps: [
          {
            title: "Flere lyttemøder",
            dueOn: null,
            asAction: true,
            followUp: { type: "policy_action", id: shown.id },
          },
          {
            title: "Find pengene",
            dueOn: null,
            asAction: true,
            followUp: { type: "policy_action", id: hidden.id },
          },
          { title: "Drøft resultatet i rådet", dueOn: null },
        ],
      },
    });
    const page = (await env.get(`/evalueringer/${id}`)).text;
    expect(page.match(/data-testid="follow-up"/g)).toHaveLength(2);
    expect(page).toContain(`href="/kommuner/favrskov/handicappolitik#handling-${shown.id}"`);
    expect(words(page)).toContain(
      "Flere lyttemøder – Blev til en handling i handleplanen: Lyttemøder i landdistrikterne",
    );
    // The unpublished action is named only as not published yet; its title stays inside the town hall.
    expect(words(page)).toContain(
      "Find pengene – Blev til en handling i handleplanen (ikke offentliggjort endnu)",
    );
    expect(page).not.toContain("Intern budgetpost");
    expect(page).not.toContain(hidden.id);
    // The link lands on the action on the policy page.
    expect((await env.get("/kommuner/favrskov/handicappolitik")).text).toContain(`id="handling-${shown.id}"`);
    const english = (await env.get(`/evalueringer/${id}?lang=en`)).text;
    expect(english).toContain(`href="/kommuner/favrskov/handicappolitik?lang=en#handling-${shown.id}"`);
    expect(words(english)).toContain("Became an action in the action plan: Lyttemøder i landdistrikterne");
  });

  it("link a next step that became a partnership task to the partnership's public page", async () => {
    const partnerships = await env.get("/kommuner/randers/partnerskaber");
    const partnershipId = partnerships.text.match(/href="\/partnerskaber\/([0-9a-f-]{36})"/)?.[1];
    if (!partnershipId) throw new Error("no public partnership in Randers");
    const task = await insertTask(env.db, {
      municipalityId: randersId,
      partnershipId,
      phase: "after_course",
      title: "Planlæg næste hold",
    });
    const id = await storedEvaluation(randersId, {
      subjectType: "partnership",
      subjectId: partnershipId,
      kind: "end_of_course",
      title: "Efter kurset, med opgaver",
      status: "concluded",
      published: true,
      conclusion: {
        notes: {},
        summary: "Godt forløb.",
        decision: null,
        nextSteps: [{ title: "Nyt hold", dueOn: null, followUp: { type: "partnership_task", id: task.id } }],
      },
    });
    const page = (await env.get(`/evalueringer/${id}`)).text;
    expect(page).toContain(`href="/partnerskaber/${partnershipId}"`);
    expect(words(page)).toContain(
      "Nyt hold – Blev til en opgave i partnerskabets arbejdsplan: Planlæg næste hold",
    );
  });

  it("never show an evaluation that is still collecting or not published", async () => {
    expect((await env.get(`/evalueringer/${yearlyId}`)).status).toBe(404);
    expect((await env.get("/evalueringer/not-a-uuid")).status).toBe(404);
  });
});

describe("a long questionnaire in pages", () => {
  let evaluationId: string;
  const token = "sider-link-til-partnerne-0000000001";
  const path = `/evaluering/svar/${token}`;
  const draftCount = async () =>
    (await findDraft(env.db, evaluationId, invitationTokenHash(token))) === null ? 0 : 1;
  const firstPage: [string, string][] = [
    ["_side", "1"],
    ["participants_gain", "Viden om rettigheder"],
    ["partners_satisfied_outcome", "4"],
  ];
  const secondPage: [string, string][] = [
    ["_side", "2"],
    ["cooperation", "5"],
    ["roles", "partly"],
    ["value", "yes"],
    ["continue", "yes"],
    ["next_steps", "Nyt hold til foråret"],
  ];

  beforeAll(async () => {
    const [partnership] = await listPartnerships(env.db, {
      municipalityIds: [randersId],
      partnershipIds: [],
    });
    if (!partnership) throw new Error("no partnership");
    evaluationId = await storedEvaluation(randersId, {
      subjectType: "partnership",
      subjectId: partnership.id,
      kind: "end_of_course",
      title: "Partnernes evalueringsmøde i sider",
      periodEnd: "2026-11-30",
      status: "collecting",
      closesOn: "2026-12-31",
    });
    await insertInvitations(env.db, randersId, evaluationId, [
      { tokenHash: invitationTokenHash(token), label: null },
    ]);
  });

  it("shows one section at a time, 'Side 1 af 2', with errors for that page only", async () => {
    const page = (await env.get(path)).text;
    expect(words(page)).toContain("Side 1 af 2");
    expect(words(page)).toContain("Del 1: Deltagernes udbytte");
    expect(page.match(/<legend/g)).toHaveLength(4);
    const res = await post(path, [
      ["_side", "1"],
      ["_handling", "naeste"],
      ["improvements", "Mere tid"],
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(words(html)).toContain("Der er problemer i formularen");
    expect(words(html)).toContain("Fejl: Skriv et svar");
    expect(words(html)).toContain("Fejl: Vælg et svar");
    expect(html).toContain('href="#q-participants_gain"');
    expect(html).not.toContain('href="#q-roles"');
  });

  it("keeps the answers between pages, and the same link comes back to where the respondent left off", async () => {
    const next = await post(path, [...firstPage, ["_handling", "naeste"]]);
    expect(next.status).toBe(303);
    expect(next.headers.get("location")).toBe(`${path}?side=2`);
    const resumed = words((await env.get(path)).text);
    expect(resumed).toContain("Side 2 af 2");
    expect(resumed).toContain("Del 2: Samarbejdet");
    // Back keeps what was typed on page 2, and page 1 shows its saved answers.
    const back = await post(path, [
      ["_side", "2"],
      ["_handling", "tilbage"],
      ["cooperation", "3"],
    ]);
    expect(back.headers.get("location")).toBe(`${path}?side=1`);
    const first = (await env.get(`${path}?side=1`)).text;
    expect(first).toContain("Viden om rettigheder");
    expect(first).toMatch(/value="4"\s+checked/);
    expect((await env.get(`${path}?side=2`)).text).toMatch(
      /name="cooperation" type="radio" value="3"\s+checked/,
    );
    expect(await draftCount()).toBe(1);
    expect(await listResponses(env.db, randersId, evaluationId)).toEqual([]);
  });

  it("sends both pages' answers as one response and deletes the draft", async () => {
    const missing = await post(path, [...secondPage.filter(([k]) => k !== "roles"), ["_handling", "send"]]);
    expect(missing.status).toBe(400);
    expect(words(await missing.text())).toContain("Fejl: Vælg et svar");
    const res = await post(path, [...secondPage, ["_handling", "send"]]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/evaluering/tak");
    const [stored] = await listResponses(env.db, randersId, evaluationId);
    expect(stored?.answers).toEqual({
      participants_gain: "Viden om rettigheder",
      partners_satisfied_outcome: 4,
      cooperation: 5,
      roles: "partly",
      value: true,
      continue: true,
      next_steps: "Nyt hold til foråret",
    });
    expect(await draftCount()).toBe(0);
    // The used link saves no new draft.
    expect((await post(path, [...firstPage, ["_handling", "naeste"]])).status).toBe(409);
    expect(await draftCount()).toBe(0);
  });

  it("sends a respondent who skipped a page back to it, with what is missing there", async () => {
    const skipper = "sider-link-der-springer-over-000001";
    await insertInvitations(env.db, randersId, evaluationId, [
      { tokenHash: invitationTokenHash(skipper), label: null },
    ]);
    const res = await post(`/evaluering/svar/${skipper}`, [...secondPage, ["_handling", "send"]]);
    expect(res.status).toBe(400);
    const page = words(await res.text());
    expect(page).toContain("Side 1 af 2");
    expect(page).toContain("Fejl: Skriv et svar");
    expect(await listResponses(env.db, randersId, evaluationId)).toHaveLength(1);
  });
});
