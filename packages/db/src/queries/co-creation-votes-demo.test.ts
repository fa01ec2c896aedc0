import { votePhase } from "@samraad/domain/co-creation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import { demoBallotCodes, demoCoCreation, demoVotes, seedDemoData } from "../demo/seed.ts";
import type { OpenedDatabase } from "../open.ts";
import { createTestDatabase } from "../testing/index.ts";
import {
  findBallotCode,
  findPublicVoteProcessBySlug,
  findVoteOfProcess,
  listIdeas,
  loadVoteResult,
} from "./co-creation-votes.ts";
import { findMunicipality } from "./municipalities.ts";

const now = new Date();
let opened: OpenedDatabase;
let db: Database;

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  await seedDemoData(db, now);
}, 120_000);
afterAll(() => opened.close());

async function demoVote(municipality: string, slug: string) {
  const m = await findMunicipality(db, { slug: municipality });
  if (!m) throw new Error(`no ${municipality}`);
  const p = await findPublicVoteProcessBySlug(db, m.id, slug);
  if (!p) throw new Error(`no ${slug}`);
  const vote = await findVoteOfProcess(db, m.id, p.id);
  if (!vote) throw new Error("no vote");
  return { municipalityId: m.id, processId: p.id, vote };
}

describe("the demo votes", () => {
  it("gives Bolbro a closed, published vote with 432 voters won by the movement park, the bonfire without money", async () => {
    const { municipalityId, vote } = await demoVote(
      demoCoCreation.bolbro.municipality,
      demoCoCreation.bolbro.slug,
    );
    expect(votePhase(vote, now)).toBe("closed");
    expect(vote.resultsPublishedAt).not.toBeNull();
    const { result, turnout } = await loadVoteResult(db, municipalityId, vote);
    expect(turnout).toEqual({ ballots: 432, voters: 432, codesIssued: 480, codesUsed: 432 });
    expect(result.options[0]?.title).toBe(demoVotes.bolbro.winner);
    expect(result.options.find((o) => o.title === demoVotes.bolbro.winner)?.outcome).toBe("funded");
    expect(result.options.find((o) => o.cost === 0)?.outcome).toBe("without_money");
    expect(result.allocated).toBeLessThanOrEqual(300_000);
  });

  it("gives Brønderslev an open vote in which every printed demo code still works, and a pending idea", async () => {
    const { municipalityId, processId, vote } = await demoVote(
      demoCoCreation.broenderslev.municipality,
      demoCoCreation.broenderslev.slug,
    );
    expect(votePhase(vote, now)).toBe("open");
    for (const code of demoBallotCodes) {
      expect(await findBallotCode(db, municipalityId, vote.id, code)).toEqual({ used: false });
    }
    const ideas = await listIdeas(db, municipalityId, processId);
    expect(ideas.find((i) => i.title === demoVotes.broenderslev.pendingIdea)?.status).toBe("pending");
  });
});
