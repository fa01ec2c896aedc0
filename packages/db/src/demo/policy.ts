/**
 * Demo disability policies, drawn from the reference material: the Nordjysk Socialaftale focus areas for
 * Brønderslev, and for Randers, Viborg and Favrskov action plans in the Region Midt conference's form
 * (Handling · Mål · Tovholder · Hvor/når), with due dates relative to `now` so the dashboard and the chat bot
 * show some as overdue and some as coming up. One draft (Brønderslev's next policy) must never be public.
 */
import type { ActionStatus, PolicyStatus, Sector } from "@samraad/domain/policy";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../database.ts";
import {
  actionProgress,
  councils,
  focusAreas,
  goals,
  municipalities,
  policies,
  policyActions,
  successCriteria,
} from "../schema/index.ts";
import { addDays, copenhagenDate } from "./time.ts";

type DemoAction = {
  handling: string;
  /** the goal's title in this policy, or a goal text of its own */
  goal: string;
  owner: [name: string, sector: Sector];
  place: string;
  dueInDays: number;
  status: ActionStatus;
  reason?: string;
  published?: boolean;
  /** progress updates, oldest first: days before now, text, percent */
  progress?: [daysAgo: number, text: string, percent?: number][];
};

type DemoPolicy = {
  municipality: string;
  title: string;
  vision: string;
  status: PolicyStatus;
  adoptedBy?: string;
  followUpInDays?: number;
  focusAreas: {
    title: string;
    goals: {
      title: string;
      criteria?: { indicator: string; baseline: string; target: string; unit: string }[];
    }[];
  }[];
  actions: DemoAction[];
};

/** Stable lookups for tests: the draft must never appear on the site, in feeds or in the API for the public. */
export const demoPolicy = {
  draftTitle: "Udkast: Handicappolitik 2027–2030",
  draftActionHandling: "Intern drøftelse af besparelser på hjælpemidler",
  unpublishedActionHandling: "Budgetønske til tilgængelighedspulje (ikke offentliggjort endnu)",
  adoptedMunicipalities: ["broenderslev", "randers", "viborg", "favrskov"],
} as const;

const plans: DemoPolicy[] = [
  {
    municipality: "broenderslev",
    title: "Handicappolitik for Brønderslev Kommune",
    vision:
      "Borgere med handicap skal have de samme muligheder som alle andre for at leve et selvstændigt liv med uddannelse, arbejde, fællesskab og indflydelse.",
    status: "adopted",
    adoptedBy: "Byrådet",
    followUpInDays: 14,
    focusAreas: [
      {
        title: "Den gode alderdom for borgere med et handicap",
        goals: [
          {
            title: "Ældre borgere med handicap kan blive i eget hjem så længe som muligt",
            criteria: [
              {
                indicator: "Andel med en plan for overgang til ældreområdet",
                baseline: "20",
                target: "80",
                unit: "%",
              },
            ],
          },
        ],
      },
      {
        title: "Flere borgere med behov for hjælp i socialpsykiatrien",
        goals: [{ title: "Hurtig hjælp uden lang ventetid" }],
      },
      {
        title: "Hvordan udvikles de bedste og billigste tilbud i Nordjylland?",
        goals: [{ title: "Fælles nordjyske tilbud, hvor det giver bedre kvalitet" }],
      },
    ],
    actions: [
      {
        handling: "Overgangsplan fra handicap- til ældreområdet for alle over 60 år på bosteder",
        goal: "Ældre borgere med handicap kan blive i eget hjem så længe som muligt",
        owner: ["Hanne Mikkelsen", "social"],
        place: "Bostederne i Brønderslev",
        dueInDays: 21,
        status: "in_progress",
        progress: [
          [40, "Skabelon til overgangsplan er lavet sammen med ældreområdet.", 30],
          [10, "Planer er lavet for 14 af 25 borgere.", 55],
        ],
      },
      {
        handling: "Åben rådgivning i socialpsykiatrien to dage om ugen",
        goal: "Hurtig hjælp uden lang ventetid",
        owner: ["Peter Thomsen", "sundhed"],
        place: "Sundhedshuset, Brønderslev",
        dueInDays: -25,
        status: "done",
        progress: [[30, "Rådgivningen åbnede mandag; 38 besøg den første måned.", 100]],
      },
      {
        handling: "Input til Nordjysk Socialaftale om fælles specialiserede tilbud",
        goal: "Fælles nordjyske tilbud, hvor det giver bedre kvalitet",
        owner: ["Lise Nørgaard", "administration"],
        place: "KKR Nordjylland",
        dueInDays: -5,
        status: "in_progress",
        progress: [[20, "Rådets høringssvar er sendt; afventer den fælles aftale.", 60]],
      },
      {
        handling: "Temamøde for skoleledere om elever med handicap i almenskolen",
        goal: "Flere elever med handicap trives i almenskolen",
        owner: ["Morten Bach", "skole"],
        place: "Brønderslev Rådhus",
        dueInDays: 45,
        status: "not_started",
      },
    ],
  },
  {
    municipality: "broenderslev",
    title: demoPolicy.draftTitle,
    vision: "Udkast til drøftelse i Handicaprådet — ikke offentligt.",
    status: "draft",
    followUpInDays: 30,
    focusAreas: [{ title: "Hjælpemidler", goals: [{ title: "Rette hjælpemiddel til rette tid" }] }],
    actions: [
      {
        handling: demoPolicy.draftActionHandling,
        goal: "Rette hjælpemiddel til rette tid",
        owner: ["Lise Nørgaard", "social"],
        place: "Brønderslev Rådhus",
        dueInDays: 9,
        status: "not_started",
      },
    ],
  },
  {
    municipality: "randers",
    title: "Randers Kommunes handicappolitik",
    vision: "Et Randers, hvor alle kan deltage — i job, i fritid og i fællesskabet.",
    status: "adopted",
    adoptedBy: "Byrådet",
    followUpInDays: 20,
    focusAreas: [
      {
        title: "Tilgængelighed",
        goals: [
          {
            title: "Alle borgerrettede bygninger er tilgængelige",
            criteria: [{ indicator: "Bygninger gennemgået", baseline: "4", target: "30", unit: "bygninger" }],
          },
        ],
      },
      { title: "Beskæftigelse", goals: [{ title: "Flere unge med handicap i job eller uddannelse" }] },
    ],
    actions: [
      {
        handling: "Tilgængelighedsgennemgang af Randers Rådhus sammen med Handicaprådet",
        goal: "Alle borgerrettede bygninger er tilgængelige",
        owner: ["Karen Lund", "teknik_miljoe"],
        place: "Randers Rådhus",
        dueInDays: 12,
        status: "in_progress",
        progress: [[14, "Stueetagen og borgerservice er gennemgået; 11 fund.", 60]],
      },
      {
        handling: "Temamøde for byrådet om handicappolitikken",
        goal: "Politikken er kendt i alle forvaltninger",
        owner: ["Jens Kristensen", "administration"],
        place: "Byrådssalen",
        dueInDays: -40,
        status: "done",
        progress: [[41, "Temamødet er holdt med oplæg fra Handicaprådet.", 100]],
      },
      {
        handling: "Flere virksomhedspraktikker for unge med handicap",
        goal: "Flere unge med handicap i job eller uddannelse",
        owner: ["Anne Holm", "beskaeftigelse"],
        place: "Jobcenter Randers",
        dueInDays: -14,
        status: "in_progress",
        progress: [[30, "8 af 20 praktikpladser er fundet.", 30]],
      },
      {
        handling: "Kursus i tilgængelig kommunikation for sagsbehandlere",
        goal: "Politikken er kendt i alle forvaltninger",
        owner: ["Mette Dahl", "social"],
        place: "Randers Rådhus",
        dueInDays: 30,
        status: "postponed",
        reason: "Underviseren er først ledig efter nytår",
      },
      {
        handling: demoPolicy.unpublishedActionHandling,
        goal: "Alle borgerrettede bygninger er tilgængelige",
        owner: ["Karen Lund", "teknik_miljoe"],
        place: "Økonomiudvalget",
        dueInDays: 6,
        status: "not_started",
        published: false,
      },
    ],
  },
  {
    municipality: "viborg",
    title: "Viborg Kommunes handicappolitik — mainstreaming",
    vision:
      "Handicapområdet er alles ansvar: hver sektor tager hensyn til borgere med handicap i sit eget arbejde.",
    status: "adopted",
    adoptedBy: "Byrådet",
    followUpInDays: 25,
    focusAreas: [
      { title: "Sektoransvarlighed", goals: [{ title: "Alle fagudvalg har mål for borgere med handicap" }] },
      { title: "Fællesskab og fritid", goals: [{ title: "Flere med handicap er aktive i foreningslivet" }] },
    ],
    actions: [
      {
        handling: "Sektoransvarlighed skrives ind i alle fagudvalgs budgetmål",
        goal: "Alle fagudvalg har mål for borgere med handicap",
        owner: ["Henrik Hauritz", "administration"],
        place: "Viborg Rådhus",
        dueInDays: -60,
        status: "done",
        progress: [[62, "Alle seks fagudvalg har vedtaget mål.", 100]],
      },
      {
        handling: "Handicaptjek af nye byggeprojekter",
        goal: "Alle fagudvalg har mål for borgere med handicap",
        owner: ["Birgit Møller", "teknik_miljoe"],
        place: "Teknik og Miljø, Prinsens Allé",
        dueInDays: 7,
        status: "in_progress",
        progress: [[12, "Tjeklisten er afprøvet på to projekter.", 50]],
      },
      {
        handling: "Foreningspulje til inklusion i fritidslivet",
        goal: "Flere med handicap er aktive i foreningslivet",
        owner: ["Søren Vestergaard", "kultur_fritid"],
        place: "Kultur og Fritid",
        dueInDays: -10,
        status: "not_started",
      },
      {
        handling: "Erfaringsudveksling med handicaprådene i Region Midt",
        goal: "Flere med handicap er aktive i foreningslivet",
        owner: ["Lone Kjær", "social"],
        place: "Regionshuset Viborg",
        dueInDays: 21,
        status: "not_started",
      },
    ],
  },
  {
    municipality: "favrskov",
    title: "Favrskov Kommunes handicappolitik",
    vision: "I Favrskov skal borgere med handicap kunne leve et aktivt liv tæt på, hvor de bor.",
    status: "adopted",
    adoptedBy: "Byrådet",
    followUpInDays: 18,
    focusAreas: [
      { title: "Børn og unge", goals: [{ title: "Gode overgange fra skole til uddannelse" }] },
      { title: "Lokalsamfund", goals: [{ title: "Let adgang til fællesskaber i lokalområdet" }] },
    ],
    actions: [
      {
        handling: "Overgangsforløb fra skole til uddannelse for unge med handicap",
        goal: "Gode overgange fra skole til uddannelse",
        owner: ["Rikke Sand", "boern_unge"],
        place: "Ungdomsskolen, Hinnerup",
        dueInDays: 5,
        status: "in_progress",
        progress: [[7, "12 unge er i forløb.", 70]],
      },
      {
        handling: "Tilgængelige stier og busstoppesteder",
        goal: "Let adgang til fællesskaber i lokalområdet",
        owner: ["Anders Friis", "teknik_miljoe"],
        place: "Hele kommunen",
        dueInDays: -30,
        status: "dropped",
        reason: "Indgår nu i den nye trafikplan, som Handicaprådet bliver hørt om",
      },
      {
        handling: "Handicappolitikken præsenteres i lokalområderne",
        goal: "Let adgang til fællesskaber i lokalområdet",
        owner: ["Mads Lykke", "kultur_fritid"],
        place: "Hadsten, Hammel og Hinnerup",
        dueInDays: -20,
        status: "done",
        progress: [[21, "Tre borgermøder holdt med i alt 140 deltagere.", 100]],
      },
      {
        handling: "Pårørendeaften om socialpsykiatri",
        goal: "Let adgang til fællesskaber i lokalområdet",
        owner: ["Pia Laursen", "sundhed"],
        place: "Favrskov Rådhus, Hammel",
        dueInDays: -8,
        status: "postponed",
        reason: "Oplægsholderen blev syg; ny dato aftales med Psykiatriforeningen",
      },
    ],
  },
];

/** Inserts the demo policies in the seed's transaction; municipalities and councils must already exist. */
export async function seedDemoPolicies(tx: Transaction, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  const year = Number(today.slice(0, 4));
  let count = 0;
  for (const plan of plans) {
    const [owner] = await tx
      .select({ municipalityId: municipalities.id, councilId: councils.id })
      .from(municipalities)
      .innerJoin(councils, eq(councils.municipalityId, municipalities.id))
      .where(and(eq(municipalities.slug, plan.municipality), eq(councils.slug, "handicapraadet")));
    if (!owner) throw new Error(`demo: no Handicapråd in ${plan.municipality}`);
    const { municipalityId } = owner;
    const adopted = plan.status === "adopted";
    const [policy] = await tx
      .insert(policies)
      .values({
        municipalityId,
        councilId: owner.councilId,
        title: plan.title,
        vision: plan.vision,
        status: plan.status,
        adoptedOn: adopted ? `${year - 2}-12-15` : null,
        adoptedBy: plan.adoptedBy ?? null,
        periodFrom: adopted ? `${year - 1}-01-01` : `${year + 1}-01-01`,
        periodTo: adopted ? `${year + 2}-12-31` : `${year + 4}-12-31`,
        nextFollowUpOn: plan.followUpInDays === undefined ? null : addDays(today, plan.followUpInDays),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: policies.id });
    if (!policy) throw new Error("demo: policy insert returned no row");
    count += 1;
    const goalIds = new Map<string, { id: string; focusAreaId: string }>();
    for (const [i, area] of plan.focusAreas.entries()) {
      const [row] = await tx
        .insert(focusAreas)
        .values({ municipalityId, policyId: policy.id, title: area.title, position: i + 1 })
        .returning({ id: focusAreas.id });
      if (!row) throw new Error("demo: focus area insert returned no row");
      for (const [j, goal] of area.goals.entries()) {
        const [g] = await tx
          .insert(goals)
          .values({
            municipalityId,
            policyId: policy.id,
            focusAreaId: row.id,
            title: goal.title,
            position: j + 1,
          })
          .returning({ id: goals.id });
        if (!g) throw new Error("demo: goal insert returned no row");
        goalIds.set(goal.title, { id: g.id, focusAreaId: row.id });
        for (const [k, c] of (goal.criteria ?? []).entries()) {
          await tx.insert(successCriteria).values({
            municipalityId,
            goalId: g.id,
            position: k + 1,
            ...c,
            measuredOn: `${year}-06-30`,
          });
        }
      }
    }
    for (const [i, a] of plan.actions.entries()) {
      const goal = goalIds.get(a.goal);
      const [row] = await tx
        .insert(policyActions)
        .values({
          municipalityId,
          policyId: policy.id,
          focusAreaId: goal?.focusAreaId ?? null,
          goalId: goal?.id ?? null,
          goalText: goal ? null : a.goal,
          handling: a.handling,
          ownerName: a.owner[0],
          ownerSector: a.owner[1],
          place: a.place,
          dueOn: addDays(today, a.dueInDays),
          status: a.status,
          statusReason: a.reason ?? null,
          published: a.published ?? true,
          position: i + 1,
          // Changed before the last follow-up unless it has progress since, so the first follow-up is not empty.
          createdAt: new Date(now.getTime() - 90 * 86_400_000),
          updatedAt: new Date(now.getTime() - (a.progress?.at(-1)?.[0] ?? 60) * 86_400_000),
        })
        .returning({ id: policyActions.id });
      if (!row) throw new Error("demo: action insert returned no row");
      for (const [daysAgo, text, percent] of a.progress ?? []) {
        const at = new Date(now.getTime() - daysAgo * 86_400_000);
        await tx.insert(actionProgress).values({
          municipalityId,
          actionId: row.id,
          on: copenhagenDate(at),
          text,
          status: percent === 100 ? "done" : a.status === "done" ? "in_progress" : a.status,
          percent: percent ?? null,
          authorName: a.owner[0],
          createdAt: at,
          updatedAt: at,
        });
      }
    }
  }
  return count;
}
