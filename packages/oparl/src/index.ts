import type { Database } from "@samraad/db";
import {
  type OparlPageQuery,
  type OparlWindow,
  oparlAgendaItems,
  oparlBodies,
  oparlCoCreationProcesses,
  oparlCoCreationSessions,
  oparlConsultations,
  oparlFileContent,
  oparlFiles,
  oparlIdeas,
  oparlLegislativeTerms,
  oparlLocations,
  oparlMeetings,
  oparlMemberships,
  oparlOrganizations,
  oparlPapers,
  oparlPeople,
  oparlPolicyActions,
  oparlPolicyPapers,
  oparlVoteResults,
  validOparlIds,
} from "@samraad/db/queries";
import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import { ideaObject, processObject, sessionObject, voteResultObject } from "./co-creation-objects.ts";
import {
  agendaItemObject,
  bodyObject,
  consultationObject,
  fileObject,
  locationObject,
  meetingObject,
  membershipObject,
  type OparlObject,
  organizationObject,
  paperObject,
  personObject,
  policyActionObject,
  policyPaperObject,
  systemObject,
  termObject,
} from "./objects.ts";
import { openApiDocument } from "./openapi.ts";
import { type ObjectKind, oparlUrls, type Urls } from "./urls.ts";

export type OparlDeps = { db: Database; publicUrl: string; now: () => Date };

export const defaultPageSize = 100;
export const maxPageSize = 1000;

type Source = {
  fetch: (db: Database, q: OparlPageQuery) => Promise<{ id: string }[]>;
  // biome-ignore lint/suspicious/noExplicitAny: each source pairs its own row type with its own mapper
  map: (urls: Urls, row: any) => OparlObject;
};

/**
 * A body's papers are its public hearings and its adopted disability policy: two tables, one keyset (the id).
 * Each query reads one row past the page, so merging both by id and cutting at limit + 1 is the page.
 */
async function papersAndPolicies(db: Database, q: OparlPageQuery) {
  const [hearings, policies] = await Promise.all([oparlPapers(db, q), oparlPolicyPapers(db, q)]);
  return [...hearings, ...policies.map((p) => ({ ...p, policy: true as const }))]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, q.limit + 1);
}

/** Each object kind: how to read a page of it and how to turn a row into the OParl object. */
const sources: Record<ObjectKind, Source> = {
  body: { fetch: oparlBodies, map: bodyObject },
  organization: { fetch: oparlOrganizations, map: organizationObject },
  person: { fetch: oparlPeople, map: personObject },
  membership: { fetch: oparlMemberships, map: membershipObject },
  "legislative-term": { fetch: oparlLegislativeTerms, map: termObject },
  meeting: { fetch: oparlMeetings, map: meetingObject },
  "agenda-item": { fetch: oparlAgendaItems, map: agendaItemObject },
  paper: {
    fetch: papersAndPolicies,
    map: (urls, row) => (row.policy ? policyPaperObject : paperObject)(urls, row),
  },
  consultation: { fetch: oparlConsultations, map: consultationObject },
  file: { fetch: oparlFiles, map: fileObject },
  location: { fetch: oparlLocations, map: locationObject },
  "policy-action": { fetch: oparlPolicyActions, map: policyActionObject },
  "co-creation-process": { fetch: oparlCoCreationProcesses, map: processObject },
  "co-creation-session": { fetch: oparlCoCreationSessions, map: sessionObject },
  idea: { fetch: oparlIdeas, map: ideaObject },
  "vote-result": { fetch: oparlVoteResults, map: voteResultObject },
};

/** The external lists of a Body, by the path segment used in its URLs. */
const bodyLists: Record<string, ObjectKind> = {
  organizations: "organization",
  people: "person",
  memberships: "membership",
  "legislative-terms": "legislative-term",
  meetings: "meeting",
  "agenda-items": "agenda-item",
  papers: "paper",
  consultations: "consultation",
  files: "file",
  locations: "location",
  "policy-actions": "policy-action",
  "co-creation-processes": "co-creation-process",
  "co-creation-sessions": "co-creation-session",
  ideas: "idea",
  "vote-results": "vote-result",
};

const filterParams = ["created_since", "created_until", "modified_since", "modified_until"] as const;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

type ListRequest = {
  window: OparlWindow;
  limit: number;
  after?: string;
  omitInternal: boolean;
  params: [string, string][];
};

/** What OParl 1.1 lets a server leave out when a client asks for `omit_internal=true` (its incremental updates). */
const internalListsOf: Record<string, string[]> = {
  AgendaItem: ["auxiliaryFile"],
  Meeting: ["auxiliaryFile", "agendaItem"],
  Paper: ["auxiliaryFile", "location"],
  Person: ["membership"],
  Body: ["legislativeTerm"],
};

function omitInternal(o: OparlObject): OparlObject {
  const drop = internalListsOf[o.type.replace("https://schema.oparl.org/1.1/", "")] ?? [];
  return Object.fromEntries(Object.entries(o).filter(([k]) => !drop.includes(k))) as OparlObject;
}

function parseList(c: Context): ListRequest | { error: string } {
  const window: OparlWindow = {};
  const params: [string, string][] = [];
  const keys = {
    created_since: "createdSince",
    created_until: "createdUntil",
    modified_since: "modifiedSince",
    modified_until: "modifiedUntil",
  } as const;
  for (const name of filterParams) {
    const raw = c.req.query(name);
    if (raw === undefined) continue;
    // A "+" left unencoded by a client arrives as a space.
    const value = raw.replace(/ /g, "+");
    const at = new Date(value);
    if (!dateTime.test(value) || Number.isNaN(at.getTime())) {
      return {
        error: `${name} skal være et tidspunkt som 2026-01-01T00:00:00+01:00 / ${name} must be a date-time like 2026-01-01T00:00:00+01:00`,
      };
    }
    window[keys[name]] = at;
    params.push([name, value]);
  }
  let limit = defaultPageSize;
  const rawLimit = c.req.query("limit");
  if (rawLimit !== undefined) {
    if (!/^\d{1,6}$/.test(rawLimit) || Number(rawLimit) < 1) {
      return { error: "limit skal være et positivt heltal / limit must be a positive whole number" };
    }
    // OParl lets the server cap the client's limit.
    limit = Math.min(Number(rawLimit), maxPageSize);
    params.push(["limit", String(limit)]);
  }
  const omitInternal = c.req.query("omit_internal") === "true";
  if (omitInternal) params.push(["omit_internal", "true"]);
  const after = c.req.query("after");
  return { window, limit, params, omitInternal, ...(after !== undefined ? { after } : {}) };
}

function pageUrl(listUrl: string, params: [string, string][], after?: string): string {
  const all: [string, string][] = after !== undefined ? [...params, ["after", after]] : params;
  if (all.length === 0) return listUrl;
  return `${listUrl}?${all.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")}`;
}

const notFound = (c: Context) => c.json({ error: "Findes ikke / Not found" }, 404);

export function createOparl({ db, publicUrl }: OparlDeps): Hono {
  const urls = oparlUrls(publicUrl);
  const app = new Hono();
  app.use("*", cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"] }));

  async function list(
    c: Context,
    kind: ObjectKind,
    listUrl: string,
    scope: Partial<OparlPageQuery>,
    exists: () => Promise<boolean>,
  ) {
    const req = parseList(c);
    if ("error" in req) return c.json({ error: req.error }, 400);
    const q: OparlPageQuery = {
      ...scope,
      limit: req.limit,
      window: req.window,
      ...(req.after ? { after: req.after } : {}),
    };
    if (!validOparlIds(q))
      return req.after !== undefined ? c.json({ error: "Ugyldig side / Invalid page" }, 400) : notFound(c);
    const source = sources[kind];
    const rows = await source.fetch(db, q);
    // Only an empty page pays for checking that its owner exists, so a full page stays at its few queries.
    if (rows.length === 0 && !(await exists())) return notFound(c);
    const page = rows.slice(0, req.limit);
    const last = page.at(-1);
    const links: Record<string, string> = {
      first: pageUrl(listUrl, req.params),
      self: pageUrl(listUrl, req.params, req.after),
    };
    if (rows.length > req.limit && last) links.next = pageUrl(listUrl, req.params, last.id);
    return c.json({
      data: page.map((r) => {
        const o = source.map(urls, r);
        return req.omitInternal ? omitInternal(o) : o;
      }),
      pagination: { elementsPerPage: req.limit },
      links,
    });
  }

  const exists = (kind: ObjectKind, id: string) => async () => {
    const q: OparlPageQuery = { id, limit: 1, window: {} };
    if (!validOparlIds(q)) return false;
    const [row] = await sources[kind].fetch(db, q);
    return row !== undefined && !(row as { deleted?: boolean }).deleted;
  };

  app.get("/system", (c) => c.json(systemObject(urls)));
  app.get("/openapi.json", (c) => c.json(openApiDocument(urls)));
  app.get("/bodies", (c) => list(c, "body", urls.bodies(), {}, async () => true));
  app.get("/body/:id/:list", (c) => {
    const kind = bodyLists[c.req.param("list")];
    const bodyId = c.req.param("id");
    if (kind === undefined) return notFound(c);
    return list(
      c,
      kind,
      `${urls.object("body", bodyId)}/${c.req.param("list")}`,
      { municipalityId: bodyId },
      exists("body", bodyId),
    );
  });
  app.get("/organization/:id/meetings", (c) => {
    const councilId = c.req.param("id");
    return list(
      c,
      "meeting",
      `${urls.object("organization", councilId)}/meetings`,
      { councilId },
      exists("organization", councilId),
    );
  });

  app.get("/file/:id/download", async (c) => {
    const file = await oparlFileContent(db, c.req.param("id"));
    if (!file) return notFound(c);
    return c.body(new Uint8Array(file.content), 200, {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  });

  app.get("/:kind/:id", async (c) => {
    const kind = c.req.param("kind");
    if (!(kind in sources)) return notFound(c);
    const source = sources[kind as ObjectKind];
    const q: OparlPageQuery = { id: c.req.param("id"), limit: 1, window: {} };
    if (!validOparlIds(q)) return notFound(c);
    const [row] = await source.fetch(db, q);
    if (!row) return notFound(c);
    return c.json(source.map(urls, row));
  });

  // Mounted with app.route, the parent's notFound would answer; a catch-all keeps 404s in JSON.
  app.all("*", notFound);
  return app;
}
