/**
 * Demo ideas and votes. Bolbro (Odense) as in the SUS case: ideas from three idea meetings, a vote on one
 * Saturday four weeks ago in which 432 citizens took part, won by the movement park in front of Bolbro Hallen,
 * with the small-children families' midsummer bonfire realised without money; the result is published. The
 * budget amount is not in the case (the catalogue leaves it out); 300.000 kr. is the demo's. Brønderslev's
 * "Tilgængelig by" has an open vote, so a tester can vote with one of the printed demo codes below.
 */
import type { AllocationRule, IdeaStatus } from "@samraad/domain/co-creation";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../database.ts";
import {
  coCreationBallotCodes,
  coCreationBallots,
  coCreationIdeas,
  coCreationProcesses,
  coCreationVoteOptions,
  coCreationVoters,
  coCreationVotes,
  municipalities,
} from "../schema/index.ts";
import { demoCoCreation } from "./co-creation.ts";
import { addDays, copenhagen, copenhagenDate } from "./time.ts";

/** Codes that work in the open demo vote (listed in the README's demo section). */
export const demoBallotCodes = [
  "KAGE-MAND-3467",
  "KAGE-MAND-3476",
  "KAGE-MAND-3647",
  "KAGE-MAND-3674",
  "KAGE-MAND-3746",
  "KAGE-MAND-3764",
  "KAGE-MAND-4367",
  "KAGE-MAND-4376",
  "KAGE-MAND-4637",
  "KAGE-MAND-4673",
] as const;

export const demoVotes = {
  bolbro: { title: "Afstemningslørdag i Bolbro", voters: 432, winner: "Bevægelsespark foran Bolbro Hallen" },
  broenderslev: {
    title: "Hvad skal 100.000 kr. gøre mere tilgængeligt?",
    pendingIdea: "Lydfyr ved fodgængerovergangen på Algade",
  },
} as const;

type DemoIdea = {
  title: string;
  description: string;
  cost: number | null;
  author?: string;
  status: IdeaStatus;
  rejectionReason?: string;
  /** On the ballot at this cost (kroner). */
  ballotCost?: number;
};

type DemoVote = {
  municipality: string;
  processSlug: string;
  title: string;
  area: string;
  budgetKroner: number;
  allocation: AllocationRule;
  maxChoices: number;
  minAge: number | null;
  opensAt: Date;
  closesAt: Date;
  resultsPublished: boolean;
  ideas: DemoIdea[];
};

function votes(now: Date): DemoVote[] {
  const today = copenhagenDate(now);
  const saturday = addDays(today, -28);
  return [
    {
      municipality: demoCoCreation.bolbro.municipality,
      processSlug: demoCoCreation.bolbro.slug,
      title: demoVotes.bolbro.title,
      area: "Bolbro",
      budgetKroner: 300_000,
      allocation: "knapsack",
      maxChoices: 2,
      minAge: 15,
      opensAt: copenhagen(saturday, "10:00"),
      closesAt: copenhagen(saturday, "15:00"),
      resultsPublished: true,
      ideas: [
        {
          title: demoVotes.bolbro.winner,
          description:
            "Redskaber til leg og træning for alle aldre på det grønne område foran Bolbro Hallen, med stier, der også kan bruges med kørestol og rollator.",
          cost: 250_000,
          author: "Birthe Nielsen",
          status: "published",
          ballotCost: 250_000,
        },
        {
          title: "Fællesspisning i Bolbro Hallen én gang om måneden",
          description:
            "Et måltid for hele kvarteret, hvor nye og gamle beboere kan mødes. Pengene går til køkkenudstyr og det første års råvarer.",
          cost: 40_000,
          author: "Ahmad Haddad",
          status: "published",
          ballotCost: 40_000,
        },
        {
          title: "Lys på stien ved Bolbro Skole",
          description:
            "Stien er mørk om vinteren; lys vil gøre det tryggere at gå og cykle til skole og hal.",
          cost: 120_000,
          status: "published",
          ballotCost: 120_000,
        },
        {
          title: "Bænke og blomster langs Stadionvej",
          description: "Bænke med armlæn hver 200 meter og plantekasser, som beboerne passer.",
          cost: 60_000,
          author: "Lone Kristensen",
          status: "published",
          ballotCost: 60_000,
        },
        {
          title: "Sankthansbål på et børnevenligt tidspunkt",
          description:
            "Småbørnsfamilierne arrangerer selv et stort bål kl. 18, så de mindste også kan være med. Det kræver ingen penge.",
          cost: 0,
          author: "Mette Poulsen",
          status: "published",
          ballotCost: 0,
        },
        {
          title: "Gratis fadøl i hallen hver fredag",
          description: "Det ville samle mange.",
          cost: 200_000,
          status: "rejected",
          rejectionReason:
            "Budgettet skal gavne lokalområdet og fællesskabet for alle aldre; udskænkning kan ikke støttes.",
        },
      ],
    },
    {
      municipality: demoCoCreation.broenderslev.municipality,
      processSlug: demoCoCreation.broenderslev.slug,
      title: demoVotes.broenderslev.title,
      area: "Brønderslev by",
      budgetKroner: 100_000,
      allocation: "knapsack",
      maxChoices: 2,
      minAge: 15,
      opensAt: copenhagen(addDays(today, -1), "08:00"),
      closesAt: copenhagen(addDays(today, 13), "20:00"),
      resultsPublished: false,
      ideas: [
        {
          title: "Ramper ved butikkerne på Algade",
          description: "Mobile ramper, som butikkerne kan lægge ud, så kørestole og barnevogne kommer ind.",
          cost: 60_000,
          author: "Jens Madsen",
          status: "published",
          ballotCost: 60_000,
        },
        {
          title: "Teleslynge i bibliotekets mødesal",
          description: "En fast teleslynge, så alle kan høre med til foredrag og borgermøder.",
          cost: 25_000,
          status: "published",
          ballotCost: 25_000,
        },
        {
          title: "Bænke med armlæn på ruten fra stationen til rådhuset",
          description: "Hvilepladser hver 200 meter for dem, der ikke kan gå langt ad gangen.",
          cost: 45_000,
          author: "Karin Lund",
          status: "published",
          ballotCost: 45_000,
        },
        {
          title: "Borgernes egen tilgængelighedsguide",
          description:
            "Frivillige kortlægger, hvor man kommer ind uden trin, og lægger det på kommunens side. Det kræver ingen penge.",
          cost: 0,
          author: "Søren Bach",
          status: "published",
          ballotCost: 0,
        },
        {
          title: demoVotes.broenderslev.pendingIdea,
          description: "Et lydsignal, så blinde og svagtseende ved, hvornår der er grønt.",
          cost: 35_000,
          status: "pending",
        },
      ],
    },
  ];
}

/** A small deterministic generator, so the demo's 432 Bolbro ballots are the same on every seed. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const ALPHABET = "ACDEFGHJKMNPQRTWXY3467";
function demoCode(next: () => number): string {
  let raw = "";
  for (let i = 0; i < 12; i++) raw += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/** Bolbro's ballots: weights give the movement park the most votes, as in the case. */
const bolbroWeights = [0.56, 0.35, 0.3, 0.22, 0.28];

export async function seedDemoCoCreationVotes(tx: Transaction, now: Date): Promise<void> {
  for (const spec of votes(now)) {
    const [process] = await tx
      .select({ id: coCreationProcesses.id, municipalityId: coCreationProcesses.municipalityId })
      .from(coCreationProcesses)
      .innerJoin(municipalities, eq(municipalities.id, coCreationProcesses.municipalityId))
      .where(and(eq(municipalities.slug, spec.municipality), eq(coCreationProcesses.slug, spec.processSlug)));
    if (!process) continue;
    const municipalityId = process.municipalityId;
    const options: { ideaId: string; title: string; description: string; cost: number }[] = [];
    for (const [i, idea] of spec.ideas.entries()) {
      const [row] = await tx
        .insert(coCreationIdeas)
        .values({
          municipalityId,
          processId: process.id,
          title: idea.title,
          description: idea.description,
          estimatedCost: idea.cost,
          authorName: idea.author ?? null,
          showName: idea.author !== undefined,
          status: idea.status,
          rejectionReason: idea.rejectionReason ?? null,
          moderatedAt: idea.status === "pending" ? null : spec.opensAt,
          createdAt: new Date(spec.opensAt.getTime() - (40 - i) * 86_400_000),
        })
        .returning({ id: coCreationIdeas.id });
      if (row && idea.ballotCost !== undefined) {
        options.push({
          ideaId: row.id,
          title: idea.title,
          description: idea.description,
          cost: idea.ballotCost,
        });
      }
    }
    const [vote] = await tx
      .insert(coCreationVotes)
      .values({
        municipalityId,
        processId: process.id,
        title: spec.title,
        area: spec.area,
        budgetKroner: spec.budgetKroner,
        allocation: spec.allocation,
        maxChoices: spec.maxChoices,
        minAge: spec.minAge,
        opensAt: spec.opensAt,
        closesAt: spec.closesAt,
        resultsPublishedAt: spec.resultsPublished ? new Date(spec.closesAt.getTime() + 2 * 86_400_000) : null,
      })
      .returning({ id: coCreationVotes.id });
    if (!vote) continue;
    const optionRows = await tx
      .insert(coCreationVoteOptions)
      .values(options.map((o, i) => ({ municipalityId, voteId: vote.id, ...o, position: i + 1 })))
      .returning({ id: coCreationVoteOptions.id, position: coCreationVoteOptions.position });
    const optionIds = optionRows.sort((a, b) => a.position - b.position).map((o) => o.id);

    if (spec.resultsPublished) {
      // 480 codes handed out on the Saturday, 432 used.
      const next = lcg(2014);
      const codes = new Set<string>();
      while (codes.size < 480) codes.add(demoCode(next));
      const all = [...codes];
      await tx.insert(coCreationBallotCodes).values(
        all.map((code, i) => ({
          municipalityId,
          voteId: vote.id,
          code,
          batch: 1,
          used: i < demoVotes.bolbro.voters,
        })),
      );
      await tx
        .insert(coCreationVoters)
        .values(
          all
            .slice(0, demoVotes.bolbro.voters)
            .map((code) => ({ municipalityId, voteId: vote.id, credential: `code:${code}` })),
        );
      const ballots: string[][] = [];
      for (let b = 0; b < demoVotes.bolbro.voters; b++) {
        const ranked = optionIds
          .map((id, i) => ({ id, score: next() * (bolbroWeights[i] ?? 0.1) }))
          .sort((x, y) => y.score - x.score);
        const count = next() < 0.7 ? 2 : 1;
        ballots.push(
          ranked
            .slice(0, count)
            .map((r) => r.id)
            .sort(),
        );
      }
      await tx
        .insert(coCreationBallots)
        .values(ballots.map((choices) => ({ municipalityId, voteId: vote.id, choices })));
    } else {
      const next = lcg(9_999);
      const extra = new Set<string>();
      while (extra.size < 20) extra.add(demoCode(next));
      await tx
        .insert(coCreationBallotCodes)
        .values(
          [...demoBallotCodes, ...extra].map((code) => ({ municipalityId, voteId: vote.id, code, batch: 1 })),
        );
    }
  }
}
