import { type Database, eq } from "@samraad/db";
import { demoVotes } from "@samraad/db/demo";
import {
  agendaItems,
  attachments,
  coCreationBallotCodes,
  coCreationBallots,
  coCreationIdeas,
  coCreationProcesses,
  coCreationRegistrations,
  coCreationSessions,
  coCreationVotes,
  hearingResponses,
  hearings,
  meetings,
  people,
  policies,
  policyActions,
} from "@samraad/db/schema";
import { isMeetingPublic } from "@samraad/domain/meetings";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Crawl, crawl, type OparlJson, sha512, typeName } from "./testing/crawler.ts";
import { base, oparlWithDemo } from "./testing/demo-api.ts";
import { oparlValidator } from "./testing/schemas.ts";

const now = new Date();
let db: Database;
let close: () => Promise<void>;
let app: Hono;
let harvest: Crawl;
const get = (url: string) => app.request(url);

beforeAll(async () => {
  ({ db, app, close } = await oparlWithDemo(now));
  // A small page size makes every list span several pages, so paging itself is exercised.
  harvest = await crawl(get, `${base}/system`, { pageSize: 7 });
  // Seeding plus a whole crawl can outlast the default hook timeout on a busy two-core machine.
}, 240_000);

afterAll(async () => {
  await close?.();
});

const all = () => [...harvest.objects.values()];
const ofType = (type: string) => all().filter((o) => typeName(o) === type);
const urlOf = (kind: string, id: string) => `${base}/${kind}/${id}`;

describe("a harvester starting at /oparl/v1/system", () => {
  it("reaches every kind of object, every municipality, and resolves every reference with the object's own id", () => {
    expect(harvest.problems).toEqual([]);
    const types = new Set(all().map(typeName));
    expect([...types].sort()).toEqual(
      [
        "AgendaItem",
        "Body",
        "Consultation",
        "File",
        "LegislativeTerm",
        "Location",
        "Meeting",
        "Membership",
        "Organization",
        "Paper",
        "Person",
        "System",
        "samraad:PolicyAction",
        "samraad:CoCreationProcess",
        "samraad:CoCreationSession",
        "samraad:Idea",
        "samraad:VoteResult",
      ].sort(),
    );
    expect(ofType("Body")).toHaveLength(9);
    expect(ofType("Body").map((b) => b.shortName)).toContain("Brønderslev");
  });

  it("finds every object valid against the OParl 1.1 schemas, embedded ones included", () => {
    const validator = oparlValidator();
    const invalid: string[] = [];
    for (const o of [...all(), ...harvest.embedded]) {
      if (o.deleted) continue;
      for (const e of validator.errors(o)) invalid.push(`${o.id}: ${e}`);
    }
    expect(invalid).toEqual([]);
    // The validator has teeth: it rejects what the standard forbids.
    const file = ofType("File")[0] as OparlJson;
    expect(validator.errors({ ...file, accessUrl: undefined })).not.toEqual([]);
    expect(validator.errors({ ...file, modified: "2026-01-01 12:00" })).not.toEqual([]);
    expect(validator.errors({ ...file, id: "not a url" })).not.toEqual([]);
    expect(validator.errors({ ...file, size: "12" })).not.toEqual([]);
    // Every schema the standard has is exercised by the demo.
    expect(new Set(all().map(typeName))).toEqual(new Set(validator.types));
  });

  it("visits every object of a list exactly once across its pages, the same set as one big page", async () => {
    expect(harvest.lists.size).toBeGreaterThan(9 * 10);
    let multiPage = 0;
    for (const [url, ids] of harvest.lists) {
      expect(new Set(ids).size, `${url} repeats an object`).toBe(ids.length);
      if (ids.length > 7) multiPage++;
      const one = (await (await get(`${url}?limit=1000`)).json()) as {
        data: OparlJson[];
        links: { next?: string };
      };
      expect(one.links.next).toBeUndefined();
      expect(ids.slice().sort(), url).toEqual(one.data.map((o) => o.id).sort());
    }
    expect(multiPage).toBeGreaterThan(0);
  });

  it("gets the same object from a list page as from the object's own URL", () => {
    for (const [url, objects] of harvest.listObjects) {
      for (const o of objects) expect(harvest.objects.get(o.id), `${o.id} in ${url}`).toEqual(o);
    }
  });

  it("finds every object in its body's list, and back-references that agree", () => {
    const inList = (list: string, id: string) => harvest.lists.get(list)?.includes(id) ?? false;
    const obj = (id: unknown) => harvest.objects.get(String(id)) as OparlJson;
    const bodyList: Record<string, string> = {
      Organization: "organizations",
      Person: "people",
      Membership: "memberships",
      LegislativeTerm: "legislative-terms",
      Meeting: "meetings",
      AgendaItem: "agenda-items",
      Paper: "papers",
      Consultation: "consultations",
      File: "files",
      Location: "locations",
      "samraad:PolicyAction": "policy-actions",
      "samraad:CoCreationProcess": "co-creation-processes",
      "samraad:CoCreationSession": "co-creation-sessions",
      "samraad:Idea": "ideas",
      "samraad:VoteResult": "vote-results",
    };
    // Each object is listed in exactly one body's list of its kind.
    for (const o of all()) {
      const segment = bodyList[typeName(o)];
      if (!segment) continue;
      const lists = [...harvest.lists.keys()].filter(
        (l) => l.startsWith(`${base}/body/`) && l.endsWith(`/${segment}`) && inList(l, o.id),
      );
      expect(lists, o.id).toHaveLength(1);
      if (typeof o.body === "string") expect(lists[0]).toBe(`${o.body}/${segment}`);
    }
    for (const item of ofType("AgendaItem")) {
      const meeting = obj(item.meeting);
      const embedded = meeting.agendaItem as OparlJson[];
      expect(embedded.map((i) => i.id)).toContain(item.id);
      expect(embedded.findIndex((i) => i.id === item.id)).toBe(item.order);
      if (item.consultation) expect(obj(item.consultation).agendaItem).toBe(item.id);
      for (const f of (item.auxiliaryFile as OparlJson[] | undefined) ?? []) {
        expect(obj(f.id).agendaItem).toEqual([item.id]);
      }
    }
    for (const meeting of ofType("Meeting")) {
      for (const i of meeting.agendaItem as OparlJson[]) expect(i.meeting).toBe(meeting.id);
      const location = meeting.location as OparlJson;
      expect(obj(location.id).meetings).toEqual([meeting.id]);
      for (const org of meeting.organization as string[]) {
        expect(inList(`${org}/meetings`, meeting.id)).toBe(true);
      }
    }
    for (const m of ofType("Membership")) {
      const person = obj(m.person);
      expect((person.membership as OparlJson[]).map((x) => x.id)).toContain(m.id);
      expect(obj(m.organization).membership).toContain(m.id);
      if (m["samraad:substitute"]) expect(obj(m["samraad:substitute"])["samraad:substituteFor"]).toBe(m.id);
      if (m["samraad:substituteFor"])
        expect(obj(m["samraad:substituteFor"])["samraad:substitute"]).toBe(m.id);
    }
    for (const org of ofType("Organization")) {
      for (const m of org.membership as string[]) expect(obj(m).organization).toBe(org.id);
    }
    for (const c of ofType("Consultation")) {
      const paper = obj(c.paper);
      expect((paper.consultation as OparlJson[]).map((x) => x.id)).toEqual([c.id]);
      if (c.agendaItem) {
        expect(obj(c.agendaItem).consultation).toBe(c.id);
        expect(obj(c.agendaItem).meeting).toBe(c.meeting);
      }
    }
    for (const f of ofType("File")) {
      for (const p of (f.paper as string[] | undefined) ?? []) {
        expect(((obj(p).auxiliaryFile as OparlJson[]) ?? []).map((x) => x.id)).toContain(f.id);
      }
      if (f.agendaItem) expect(f.meeting).toEqual([obj((f.agendaItem as string[])[0]).meeting]);
    }
    for (const term of ofType("LegislativeTerm")) {
      expect((obj(term.body).legislativeTerm as OparlJson[]).map((t) => t.id)).toContain(term.id);
    }
    for (const policy of ofType("Paper").filter((p) => p.paperType === "Handicappolitik")) {
      const actions = (policy["samraad:action"] as string[] | undefined) ?? [];
      for (const [i, a] of actions.entries()) {
        expect(obj(a).paper).toBe(policy.id);
        expect(obj(a).order).toBe(i);
      }
      for (const r of (policy.relatedPaper as string[] | undefined) ?? [])
        expect(obj(r).paperType).toBe("Høring");
    }
    for (const a of ofType("samraad:PolicyAction")) {
      expect(obj(a.paper)["samraad:action"]).toContain(a.id);
    }
    for (const p of ofType("samraad:CoCreationProcess")) {
      for (const s of (p.session as string[] | undefined) ?? []) expect(obj(s).process).toBe(p.id);
      for (const i of (p.idea as string[] | undefined) ?? []) expect(obj(i).process).toBe(p.id);
      if (p.voteResult) expect(obj(p.voteResult).process).toBe(p.id);
    }
    for (const s of ofType("samraad:CoCreationSession")) expect(obj(s.process).session).toContain(s.id);
    for (const i of ofType("samraad:Idea")) expect(obj(i.process).idea).toContain(i.id);
    for (const r of ofType("samraad:VoteResult")) {
      expect(obj(r.process).voteResult).toBe(r.id);
      for (const o of r.option as OparlJson[]) if (o.idea) expect(obj(o.idea).process).toBe(r.process);
    }
    // The demo has hearings discussed at meetings, so consultations link to agenda items.
    expect(ofType("Consultation").filter((c) => c.agendaItem).length).toBeGreaterThan(0);
  });

  it("downloads every file's bytes, matching its size and SHA-512", () => {
    const files = ofType("File");
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = harvest.downloads.get(String(f.downloadUrl));
      expect(bytes, f.id).toBeDefined();
      if (!bytes) continue;
      expect(bytes.byteLength).toBe(f.size);
      expect(sha512(bytes)).toBe(f.sha512Checksum);
    }
  });

  it("shows a closed agenda item with public: false, its place, and no content", () => {
    const closed = ofType("AgendaItem").filter((i) => i.public === false);
    expect(closed.length).toBeGreaterThan(0);
    for (const item of closed) {
      expect(Object.keys(item).sort()).toEqual(
        ["created", "id", "meeting", "modified", "number", "order", "public", "type"].sort(),
      );
    }
  });

  it("answers CORS preflight and GET from any origin", async () => {
    const res = await app.request(`${base}/system`, { headers: { Origin: "https://example.org" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const pre = await app.request(`${base}/bodies`, {
      method: "OPTIONS",
      headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" },
    });
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("rejects malformed filters with 400 and a message, and unknown ids with 404", async () => {
    const body = ofType("Body")[0]?.id;
    const bad = await get(`${body}/meetings?modified_since=yesterday`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("modified_since");
    expect((await get(`${body}/meetings?limit=-3`)).status).toBe(400);
    expect((await get(`${body}/meetings?after=not-a-uuid`)).status).toBe(400);
    expect((await get(urlOf("meeting", "not-a-uuid"))).status).toBe(404);
    expect((await get(urlOf("body", "00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await get(`${urlOf("body", "00000000-0000-4000-8000-000000000000")}/people`)).status).toBe(404);
    expect((await get(`${base}/nothing/here`)).status).toBe(404);
  });

  it("keeps filters in every page link and accepts an unencoded + in the time zone", async () => {
    const body = ofType("Body")[0]?.id;
    const res = (await (
      await get(`${body}/agenda-items?created_since=2000-01-01T00:00:00+01:00&limit=2`)
    ).json()) as {
      data: unknown[];
      links: { next?: string; self: string };
    };
    expect(res.data).toHaveLength(2);
    expect(res.links.next).toContain("created_since=2000-01-01T00%3A00%3A00%2B01%3A00");
    expect(res.links.next).toContain("limit=2");
    const future = (await (await get(`${body}/agenda-items?created_since=2999-01-01T00:00:00Z`)).json()) as {
      data: unknown[];
    };
    expect(future.data).toEqual([]);
    // omit_internal (OParl 1.1, for incremental updates) leaves the embedded lists out and stays in the links.
    const slim = (await (await get(`${body}/meetings?omit_internal=true&limit=2`)).json()) as {
      data: OparlJson[];
      links: { next?: string };
    };
    expect(slim.data.length).toBeGreaterThan(0);
    for (const m of slim.data) expect(m.agendaItem).toBeUndefined();
    expect(slim.links.next).toContain("omit_internal=true");
  });

  it("publishes an OpenAPI 3.1 description whose paths exist", async () => {
    const doc = (await (await get(`${base}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const someId: Record<string, string | undefined> = {};
    for (const o of all()) someId[typeName(o)] ??= o.id.split("/").at(-1);
    const kinds: Record<string, string> = {
      body: "Body",
      organization: "Organization",
      person: "Person",
      membership: "Membership",
      "legislative-term": "LegislativeTerm",
      meeting: "Meeting",
      "agenda-item": "AgendaItem",
      paper: "Paper",
      consultation: "Consultation",
      file: "File",
      location: "Location",
      "policy-action": "samraad:PolicyAction",
      "co-creation-process": "samraad:CoCreationProcess",
      "co-creation-session": "samraad:CoCreationSession",
      idea: "samraad:Idea",
      "vote-result": "samraad:VoteResult",
    };
    for (const path of Object.keys(doc.paths)) {
      const kind = path.split("/")[1] ?? "";
      const id =
        kind === "body"
          ? someId.Body
          : kind === "organization"
            ? someId.Organization
            : someId[kinds[kind] ?? ""];
      const res = await get(`${base}${path.replace("{id}", id ?? "")}`);
      expect(res.status, path).toBe(200);
    }
  });
});

describe("the disability policy", () => {
  it("serves each adopted policy as a Paper with its plan, and each published action as a samraad:PolicyAction", async () => {
    const rows = await db
      .select({ id: policies.id, status: policies.status, title: policies.title })
      .from(policies);
    const adopted = rows.filter((p) => p.status === "adopted");
    expect(adopted.length).toBeGreaterThanOrEqual(4);
    const papers = ofType("Paper").filter((p) => p.paperType === "Handicappolitik");
    expect(papers.map((p) => p.id).sort()).toEqual(adopted.map((p) => urlOf("paper", p.id)).sort());
    const published = await db
      .select({ id: policyActions.id, policyId: policyActions.policyId })
      .from(policyActions)
      .where(eq(policyActions.published, true));
    const adoptedIds = new Set(adopted.map((p) => p.id));
    expect(
      ofType("samraad:PolicyAction")
        .map((a) => a.id)
        .sort(),
    ).toEqual(
      published
        .filter((a) => adoptedIds.has(a.policyId))
        .map((a) => urlOf("policy-action", a.id))
        .sort(),
    );
    const withPlan = papers.find((p) => ((p["samraad:focusAreas"] as unknown[]) ?? []).length > 0);
    const areas = withPlan?.["samraad:focusAreas"] as { name: string; goals: { name: string }[] }[];
    expect(areas[0]?.name).toBeTruthy();
    expect(areas.some((a) => a.goals.length > 0)).toBe(true);
    const action = ofType("samraad:PolicyAction").find((a) => a.latestProgress);
    expect(action?.status).toBeTruthy();
    expect(action?.statusCode).toMatch(/^(not_started|in_progress|done|postponed|dropped)$/);
    // The vendor schema has teeth too: a field that is not in it is refused.
    const validator = oparlValidator();
    const someAction = ofType("samraad:PolicyAction")[0] as OparlJson;
    expect(validator.errors(someAction)).toEqual([]);
    expect(validator.errors({ ...someAction, published: false })).not.toEqual([]);
    expect(validator.errors({ ...someAction, statusCode: "secret" })).not.toEqual([]);
  });
});

describe("co-creation", () => {
  const idsOf = (type: string) =>
    ofType(type)
      .map((o) => o.id)
      .sort();

  it("serves every public process with its sessions, published ideas and published vote result", async () => {
    const processes = await db
      .select({ id: coCreationProcesses.id, status: coCreationProcesses.status })
      .from(coCreationProcesses);
    const shown = new Set(processes.filter((p) => p.status !== "draft").map((p) => p.id));
    expect(shown.size).toBeGreaterThanOrEqual(5);
    expect(idsOf("samraad:CoCreationProcess")).toEqual(
      [...shown].map((id) => urlOf("co-creation-process", id)).sort(),
    );
    const sessions = await db
      .select({ id: coCreationSessions.id, processId: coCreationSessions.processId })
      .from(coCreationSessions);
    expect(idsOf("samraad:CoCreationSession")).toEqual(
      sessions
        .filter((x) => shown.has(x.processId))
        .map((x) => urlOf("co-creation-session", x.id))
        .sort(),
    );
    const ideas = await db
      .select({
        id: coCreationIdeas.id,
        processId: coCreationIdeas.processId,
        status: coCreationIdeas.status,
      })
      .from(coCreationIdeas);
    expect(idsOf("samraad:Idea")).toEqual(
      ideas
        .filter((i) => i.status === "published" && shown.has(i.processId))
        .map((i) => urlOf("idea", i.id))
        .sort(),
    );

    // Bolbro's result, as the case has it: 432 ballots, the movement park first, with money.
    const [bolbro] = await db
      .select({ id: coCreationVotes.id })
      .from(coCreationVotes)
      .where(eq(coCreationVotes.title, demoVotes.bolbro.title));
    expect(idsOf("samraad:VoteResult")).toEqual([urlOf("vote-result", bolbro?.id ?? "")]);
    const result = harvest.objects.get(urlOf("vote-result", bolbro?.id ?? "")) as OparlJson;
    expect(result.ballots).toBe(demoVotes.bolbro.voters);
    const options = result.option as OparlJson[];
    expect(options[0]).toMatchObject({ name: demoVotes.bolbro.winner, rank: 1, outcome: "Får penge" });
    expect(options.every((o) => typeof o.idea === "string")).toBe(true);
    const votes = options.reduce((sum, o) => sum + Number(o.votes), 0);
    expect(votes).toBeGreaterThanOrEqual(demoVotes.bolbro.voters);

    // Authors as the public site shows them: a first name they chose to show, never more.
    const authors = ofType("samraad:Idea").map((i) => String(i.author));
    expect(authors).toContain("Lone");
    expect(authors.every((a) => /^\S+$/.test(a))).toBe(true);

    const validator = oparlValidator();
    const someSession = ofType("samraad:CoCreationSession")[0] as OparlJson;
    const someIdea = ofType("samraad:Idea")[0] as OparlJson;
    const someProcess = ofType("samraad:CoCreationProcess")[0] as OparlJson;
    // The vendor schemas have teeth: what they do not allow is refused.
    expect(validator.errors({ ...someSession, registrations: 3 })).not.toEqual([]);
    expect(validator.errors({ ...someIdea, author: "Lone Kristensen" })).not.toEqual([]);
    expect(validator.errors({ ...someProcess, statusCode: "draft" })).not.toEqual([]);
    expect(validator.errors({ ...result, option: [{ ...options[0], voters: ["x"] }] })).not.toEqual([]);
  });

  it("never shows a draft process, a pending or rejected idea, an unpublished result, sign-ups or ballot codes", async () => {
    const processes = await db
      .select({
        id: coCreationProcesses.id,
        status: coCreationProcesses.status,
        title: coCreationProcesses.title,
        purpose: coCreationProcesses.purpose,
      })
      .from(coCreationProcesses);
    const drafts = new Set(processes.filter((p) => p.status === "draft").map((p) => p.id));
    const sessions = await db
      .select({
        id: coCreationSessions.id,
        processId: coCreationSessions.processId,
        title: coCreationSessions.title,
        description: coCreationSessions.description,
      })
      .from(coCreationSessions);
    const ideas = await db
      .select({
        id: coCreationIdeas.id,
        status: coCreationIdeas.status,
        title: coCreationIdeas.title,
        description: coCreationIdeas.description,
        authorName: coCreationIdeas.authorName,
        contactEmail: coCreationIdeas.contactEmail,
        rejectionReason: coCreationIdeas.rejectionReason,
      })
      .from(coCreationIdeas);
    const votes = await db
      .select({
        id: coCreationVotes.id,
        title: coCreationVotes.title,
        published: coCreationVotes.resultsPublishedAt,
      })
      .from(coCreationVotes);
    const registrations = await db
      .select({
        name: coCreationRegistrations.name,
        email: coCreationRegistrations.email,
        needs: coCreationRegistrations.needs,
      })
      .from(coCreationRegistrations);
    const codes = await db.select({ code: coCreationBallotCodes.code }).from(coCreationBallotCodes);
    const ballots = await db.select({ id: coCreationBallots.id }).from(coCreationBallots);

    const secret = new Set<string>();
    const shown = new Set<string>();
    const add = (set: Set<string>, ...values: (string | null)[]) => {
      for (const v of values) if (v && v.length >= 8) set.add(v);
    };
    for (const p of processes) add(drafts.has(p.id) ? secret : shown, p.title, p.purpose);
    const hiddenSessions = sessions.filter((x) => drafts.has(x.processId)).map((x) => x.id);
    for (const x of sessions) add(drafts.has(x.processId) ? secret : shown, x.title, x.description);
    const hiddenIdeas = ideas.filter((i) => i.status !== "published").map((i) => i.id);
    for (const i of ideas) {
      add(i.status === "published" ? shown : secret, i.title, i.description);
      // The full name, the e-mail and a rejection reason are never open data.
      add(secret, i.authorName?.includes(" ") ? i.authorName : null, i.contactEmail, i.rejectionReason);
    }
    const hiddenVotes = votes.filter((v) => v.published === null).map((v) => v.id);
    for (const v of votes) add(v.published ? shown : secret, v.title);
    for (const r of registrations) add(secret, r.name, r.email, r.needs);
    for (const c of codes) add(secret, c.code);
    // A council member who agreed to be named may share a name with a citizen; that proves nothing.
    const members = await db.select({ name: people.name, publicName: people.publicName }).from(people);
    for (const m of members) if (m.publicName) add(shown, m.name);
    for (const x of shown) secret.delete(x);

    expect(drafts.size).toBeGreaterThan(0);
    expect(hiddenSessions.length).toBeGreaterThan(0);
    expect(ideas.filter((i) => i.status === "pending").length).toBeGreaterThan(0);
    expect(ideas.filter((i) => i.status === "rejected").length).toBeGreaterThan(0);
    expect(hiddenVotes.length).toBeGreaterThan(0);
    expect(registrations.length).toBeGreaterThan(0);
    expect(codes.length).toBeGreaterThan(0);

    const haystack = harvest.bodies.join("\n");
    expect([...secret].filter((x) => haystack.includes(JSON.stringify(x).slice(1, -1)))).toEqual([]);
    const hiddenIds = [
      ...drafts,
      ...hiddenSessions,
      ...hiddenIdeas,
      ...hiddenVotes,
      ...ballots.map((b) => b.id),
    ];
    expect(hiddenIds.filter((id) => haystack.includes(id))).toEqual([]);
    const mustBe404 = [
      ...[...drafts].map((id) => urlOf("co-creation-process", id)),
      ...hiddenSessions.map((id) => urlOf("co-creation-session", id)),
      ...hiddenIdeas.map((id) => urlOf("idea", id)),
      ...hiddenVotes.map((id) => urlOf("vote-result", id)),
    ];
    const answers = await Promise.all(mustBe404.map(async (url) => [url, (await get(url)).status] as const));
    expect(answers.filter(([, status]) => status !== 404)).toEqual([]);
  });
});

describe("nothing that is not public", () => {
  it("never shows closed items' content, unpublished meetings, non-public hearings, drafts or withheld names", async () => {
    const items = await db
      .select({
        id: agendaItems.id,
        closed: agendaItems.closed,
        title: agendaItems.title,
        plainSummary: agendaItems.plainSummary,
        summary: agendaItems.summary,
        caseHistory: agendaItems.caseHistory,
        casePresentation: agendaItems.casePresentation,
        recommendation: agendaItems.recommendation,
        guests: agendaItems.guests,
        decision: agendaItems.decision,
        meetingId: meetings.id,
        status: meetings.status,
        agendaPublishedAt: meetings.agendaPublishedAt,
      })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId));
    const allMeetings = await db
      .select({ id: meetings.id, status: meetings.status, agendaPublishedAt: meetings.agendaPublishedAt })
      .from(meetings);
    const allHearings = await db
      .select({
        id: hearings.id,
        public: hearings.public,
        title: hearings.title,
        description: hearings.description,
        plainSummary: hearings.plainSummary,
      })
      .from(hearings);
    const responses = await db
      .select({ status: hearingResponses.status, body: hearingResponses.body })
      .from(hearingResponses);
    const persons = await db.select({ name: people.name, publicName: people.publicName }).from(people);
    const allPolicies = await db
      .select({ id: policies.id, status: policies.status, title: policies.title, vision: policies.vision })
      .from(policies);
    const allActions = await db
      .select({
        id: policyActions.id,
        policyId: policyActions.policyId,
        published: policyActions.published,
        handling: policyActions.handling,
        statusReason: policyActions.statusReason,
      })
      .from(policyActions);
    const files = await db
      .select({
        id: attachments.id,
        agendaItemId: attachments.agendaItemId,
        hearingId: attachments.hearingId,
        text: attachments.text,
      })
      .from(attachments);

    const secret = new Set<string>();
    const shown = new Set<string>();
    const add = (set: Set<string>, ...values: (string | null)[]) => {
      for (const v of values) if (v && v.length >= 8) set.add(v);
    };
    const hiddenMeetings = allMeetings.filter((m) => !isMeetingPublic(m)).map((m) => m.id);
    const hiddenItems = new Set<string>();
    const closedItems = new Set<string>();
    for (const i of items) {
      const texts = [
        i.title,
        i.plainSummary,
        i.summary,
        i.caseHistory,
        i.casePresentation,
        i.recommendation,
        i.guests,
      ];
      if (!isMeetingPublic(i)) {
        hiddenItems.add(i.id);
        add(secret, ...texts, i.decision);
      } else if (i.closed) {
        closedItems.add(i.id);
        add(secret, ...texts, i.decision);
      } else {
        add(shown, ...texts);
        // A decision is a draft until the minutes are published.
        add(i.status === "minutes_published" ? shown : secret, i.decision);
      }
    }
    const hiddenHearings = allHearings.filter((h) => !h.public).map((h) => h.id);
    for (const h of allHearings) add(h.public ? shown : secret, h.title, h.description, h.plainSummary);
    for (const r of responses) add(r.status === "submitted" ? shown : secret, r.body);
    for (const p of persons) add(p.publicName ? shown : secret, p.name);
    // Only adopted policies and their published actions are open data; drafts never, not even their ids.
    const hiddenPolicies = allPolicies.filter((p) => p.status !== "adopted").map((p) => p.id);
    for (const p of allPolicies) add(p.status === "adopted" ? shown : secret, p.title, p.vision);
    const hiddenActions = allActions
      .filter((a) => !a.published || hiddenPolicies.includes(a.policyId))
      .map((a) => a.id);
    for (const a of allActions)
      add(hiddenActions.includes(a.id) ? secret : shown, a.handling, a.statusReason);
    const hiddenFiles = files
      .filter(
        (f) =>
          (f.agendaItemId !== null && (hiddenItems.has(f.agendaItemId) || closedItems.has(f.agendaItemId))) ||
          (f.hearingId !== null && f.agendaItemId === null && hiddenHearings.includes(f.hearingId)),
      )
      .map((f) => f.id);
    for (const f of files) add(hiddenFiles.includes(f.id) ? secret : shown, f.text);
    // A text that is also legitimately public elsewhere (a shared standard phrase) proves nothing either way.
    for (const s of shown) secret.delete(s);

    expect(hiddenMeetings.length).toBeGreaterThan(0);
    expect(hiddenItems.size).toBeGreaterThan(0);
    expect(closedItems.size).toBeGreaterThan(0);
    expect(hiddenHearings.length).toBeGreaterThan(0);
    expect(responses.filter((r) => r.status !== "submitted").length).toBeGreaterThan(0);
    expect(persons.filter((p) => !p.publicName).length).toBeGreaterThan(0);
    expect(secret.size).toBeGreaterThan(20);
    expect(allPolicies.filter((p) => p.status === "draft").length).toBeGreaterThan(0);
    expect(allActions.filter((a) => !a.published).length).toBeGreaterThan(0);
    expect(hiddenActions.length).toBeGreaterThan(allActions.filter((a) => !a.published).length);

    const haystack = harvest.bodies.join("\n");
    const leaked = [...secret].filter((s) => haystack.includes(JSON.stringify(s).slice(1, -1)));
    expect(leaked).toEqual([]);
    const hiddenIds = [
      ...hiddenMeetings,
      ...hiddenItems,
      ...hiddenHearings,
      ...hiddenFiles,
      ...hiddenPolicies,
      ...hiddenActions,
    ];
    expect(hiddenIds.filter((id) => haystack.includes(id))).toEqual([]);

    const mustBe404 = [
      ...hiddenMeetings.flatMap((id) => [urlOf("meeting", id), urlOf("location", id)]),
      ...[...hiddenItems].map((id) => urlOf("agenda-item", id)),
      ...hiddenHearings.flatMap((id) => [urlOf("paper", id), urlOf("consultation", id)]),
      ...hiddenFiles.flatMap((id) => [urlOf("file", id), `${urlOf("file", id)}/download`]),
      ...hiddenPolicies.map((id) => urlOf("paper", id)),
      ...hiddenActions.map((id) => urlOf("policy-action", id)),
    ];
    const answers = await Promise.all(mustBe404.map(async (url) => [url, (await get(url)).status] as const));
    expect(answers.filter(([, status]) => status !== 404)).toEqual([]);
  });
});
