import { createHash } from "node:crypto";

/*
 * A harvester as an OParl client would write one: start at the System, follow every external list (all pages)
 * and every URL found in any object, and record what it saw. Used by the tests and by the crawl benchmark.
 */

export type Fetcher = (url: string) => Promise<Response> | Response;
export type OparlJson = { id: string; type: string; [key: string]: unknown };

/** Properties that name an external list (not an object), by object type. */
const listProperties: Record<string, string[]> = {
  System: ["body"],
  Body: [
    "organization",
    "person",
    "meeting",
    "paper",
    "legislativeTermList",
    "agendaItem",
    "consultation",
    "file",
    "locationList",
    "membership",
    "samraad:policyAction",
    "samraad:coCreationProcess",
    "samraad:coCreationSession",
    "samraad:idea",
    "samraad:voteResult",
  ],
  Organization: ["meeting"],
};
/** Properties that point at bytes, not at JSON. */
const downloadProperties = new Set(["accessUrl", "downloadUrl"]);

export const typeName = (o: { type: string }) => o.type.replace("https://schema.oparl.org/1.1/", "");

export type CrawlProblem = string;

export type Crawl = {
  /** every object as fetched from its own URL, by id */
  objects: Map<string, OparlJson>;
  /** every object seen inside another object or a list page (several copies per id possible) */
  embedded: OparlJson[];
  /** per list URL: the ids in the order the pages gave them (duplicates kept, to prove there are none) */
  lists: Map<string, string[]>;
  /** per list URL: the objects of its pages */
  listObjects: Map<string, OparlJson[]>;
  downloads: Map<string, Uint8Array>;
  /** every response body, for leak checks */
  bodies: string[];
  problems: CrawlProblem[];
  requests: number;
};

export async function crawl(
  fetcher: Fetcher,
  systemUrl: string,
  options: { pageSize?: number; concurrency?: number; listQuery?: string } = {},
): Promise<Crawl> {
  const result: Crawl = {
    objects: new Map(),
    embedded: [],
    lists: new Map(),
    listObjects: new Map(),
    downloads: new Map(),
    bodies: [],
    problems: [],
    requests: 0,
  };
  const base = systemUrl.replace(/\/system$/, "");
  const seen = new Set<string>();
  const queue: { url: string; kind: "object" | "list" | "download" }[] = [];
  const enqueue = (url: string, kind: "object" | "list" | "download") => {
    if (seen.has(url)) return;
    seen.add(url);
    queue.push({ url, kind });
  };

  const collect = (value: unknown, ownerType: string | null, key: string | null) => {
    if (typeof value === "string") {
      if (!value.startsWith(base)) return;
      if (key !== null && downloadProperties.has(key)) enqueue(value, "download");
      else if (key !== null && ownerType !== null && listProperties[ownerType]?.includes(key))
        enqueue(value, "list");
      else enqueue(value, "object");
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) collect(v, ownerType, key);
      return;
    }
    if (value !== null && typeof value === "object") {
      const o = value as Record<string, unknown>;
      const type = typeof o.type === "string" ? typeName(o as OparlJson) : ownerType;
      if (typeof o.type === "string" && typeof o.id === "string" && key !== null) {
        result.embedded.push(o as OparlJson);
      }
      for (const [k, v] of Object.entries(o)) {
        if (k === "id" && key === null) continue;
        collect(v, type, k);
      }
    }
  };

  const fetchJson = async (url: string): Promise<unknown> => {
    result.requests++;
    const res = await fetcher(url);
    const text = await res.text();
    result.bodies.push(text);
    if (res.status !== 200) {
      result.problems.push(`${url} answered ${res.status}`);
      return null;
    }
    if (!(res.headers.get("content-type") ?? "").startsWith("application/json")) {
      result.problems.push(`${url} is not JSON`);
      return null;
    }
    return JSON.parse(text);
  };

  const visit = async ({ url, kind }: { url: string; kind: "object" | "list" | "download" }) => {
    if (kind === "download") {
      result.requests++;
      const res = await fetcher(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (res.status !== 200) result.problems.push(`${url} answered ${res.status}`);
      else result.downloads.set(url, bytes);
      return;
    }
    if (kind === "list") {
      const ids: string[] = [];
      const objects: OparlJson[] = [];
      const query = [options.listQuery, options.pageSize ? `limit=${options.pageSize}` : undefined]
        .filter(Boolean)
        .join("&");
      let page: string | undefined = query ? `${url}?${query}` : url;
      const pages = new Set<string>();
      while (page !== undefined) {
        if (pages.has(page)) {
          result.problems.push(`${url}: page ${page} repeats`);
          break;
        }
        pages.add(page);
        const body = (await fetchJson(page)) as {
          data?: OparlJson[];
          pagination?: unknown;
          links?: { next?: string };
        } | null;
        if (!body) break;
        if (
          !Array.isArray(body.data) ||
          typeof body.pagination !== "object" ||
          typeof body.links !== "object"
        ) {
          result.problems.push(`${page} is not an OParl list page`);
          break;
        }
        for (const o of body.data) {
          ids.push(o.id);
          objects.push(o);
          collect(o, null, "data");
          enqueue(o.id, "object");
        }
        page = body.links.next;
      }
      result.lists.set(url, ids);
      result.listObjects.set(url, objects);
      return;
    }
    const body = (await fetchJson(url)) as OparlJson | null;
    if (!body) return;
    if (body.id !== url) result.problems.push(`${url} returned id ${String(body.id)}`);
    result.objects.set(url, body);
    collect(body, null, null);
  };

  enqueue(systemUrl, "object");
  const concurrency = options.concurrency ?? 4;
  while (queue.length > 0) {
    const batch = queue.splice(0, concurrency);
    await Promise.all(batch.map(visit));
  }
  return result;
}

export const sha512 = (bytes: Uint8Array) => createHash("sha512").update(bytes).digest("hex");
