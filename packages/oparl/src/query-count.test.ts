import { type Database, eq } from "@samraad/db";
import { demo } from "@samraad/db/demo";
import {
  coCreationBallots,
  coCreationProcesses,
  coCreationVoteOptions,
  coCreationVotes,
  municipalities,
} from "@samraad/db/schema";
import { countQueries } from "@samraad/db/testing/count-queries";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base, oparlWithDemo } from "./testing/demo-api.ts";

/* A harvester must not be slowed by N+1 queries: the cost of a page may not grow with its size. */

const now = new Date();
let db: Database;
let close: () => Promise<void>;
let app: Hono;
let bodyUrl: string;

beforeAll(async () => {
  ({ db, app, close } = await oparlWithDemo(now));
  const [town] = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.slug, demo.broenderslev.slug));
  bodyUrl = `${base}/body/${town?.id}`;
  if (town) for (const slug of ["legepladser", "baenke"]) await addFinishedVote(town.id, slug);
  // Seeding can outlast the default hook timeout on a busy two-core machine.
}, 240_000);

afterAll(async () => {
  await close?.();
});

/** The demo town has one public process and no published result; two finished ones make every list plural. */
async function addFinishedVote(municipalityId: string, slug: string) {
  const [process] = await db
    .insert(coCreationProcesses)
    .values({
      municipalityId,
      slug,
      title: `Borgerbudget: ${slug}`,
      purpose: "Borgerne bestemmer",
      status: "archived",
    })
    .returning({ id: coCreationProcesses.id });
  if (!process) throw new Error("no process");
  const day = 86_400_000;
  const [vote] = await db
    .insert(coCreationVotes)
    .values({
      municipalityId,
      processId: process.id,
      title: `Afstemning: ${slug}`,
      area: "Brønderslev",
      budgetKroner: 50_000,
      allocation: "knapsack",
      maxChoices: 1,
      opensAt: new Date(now.getTime() - 10 * day),
      closesAt: new Date(now.getTime() - 3 * day),
      resultsPublishedAt: new Date(now.getTime() - 2 * day),
    })
    .returning({ id: coCreationVotes.id });
  if (!vote) throw new Error("no vote");
  const options = await db
    .insert(coCreationVoteOptions)
    .values(
      ["Gyngen ved skolen", "Sandkassen i parken"].map((title, i) => ({
        municipalityId,
        voteId: vote.id,
        title,
        cost: 20_000,
        position: i + 1,
      })),
    )
    .returning({ id: coCreationVoteOptions.id });
  await db
    .insert(coCreationBallots)
    .values(options.map((o) => ({ municipalityId, voteId: vote.id, choices: [o.id] })));
}

describe("queries per list page", () => {
  it.each([
    ["organizations", 2],
    ["people", 2],
    ["memberships", 1],
    ["legislative-terms", 1],
    ["meetings", 4],
    ["agenda-items", 3],
    // Hearings (with their consultation items and files) and the adopted disability policy, merged by id.
    ["papers", 4],
    ["consultations", 2],
    ["files", 1],
    ["locations", 1],
    ["policy-actions", 1],
    // Phases, sessions, ideas and the result's URL are aggregated in the process's own query.
    ["co-creation-processes", 1],
    ["co-creation-sessions", 1],
    ["ideas", 1],
    // Results, then their options and their sealed ballots, each in one query for the page.
    ["vote-results", 3],
  ])("reads a page of %s in %i queries, whether it holds 1 object or 100", async (list, expected) => {
    const counter = countQueries(db);
    try {
      const small = (await (await app.request(`${bodyUrl}/${list}?limit=1`)).json()) as { data: unknown[] };
      const smallQueries = counter.take();
      const large = (await (await app.request(`${bodyUrl}/${list}?limit=100`)).json()) as { data: unknown[] };
      const largeQueries = counter.take();
      expect(small.data).toHaveLength(1);
      expect(large.data.length).toBeGreaterThan(1);
      expect(smallQueries).toBe(expected);
      expect(largeQueries).toBe(expected);
    } finally {
      counter.restore();
    }
  });

  it("reads the bodies and one object by its URL in at most 4 queries", async () => {
    const counter = countQueries(db);
    try {
      await app.request(`${base}/bodies`);
      expect(counter.take()).toBe(2);
      const meetings = (await (await app.request(`${bodyUrl}/meetings?limit=1`)).json()) as {
        data: { id: string }[];
      };
      counter.take();
      await app.request(meetings.data[0]?.id ?? "");
      expect(counter.take()).toBeLessThanOrEqual(4);
    } finally {
      counter.restore();
    }
  });
});
