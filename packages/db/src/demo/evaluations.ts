/*
 * Demo evaluations: the Randers partnership's yearly evaluation collecting answers (14 anonymous parents have
 * answered the parent-course questionnaire; the partners' meeting questions are the meeting's agenda), a Favrskov
 * policy follow-up with measured criteria, and the Bolbro process evaluation — both published.
 */
import {
  parentCourseQuestionnaire,
  type Questionnaire,
  type ResponseAnswers,
} from "@samraad/domain/evaluations";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Transaction } from "../database.ts";
import { insertEvaluation, insertInvitations, invitationTokenHash } from "../queries/evaluations.ts";
import {
  coCreationProcesses,
  evaluationInvitations,
  evaluationMeasurements,
  evaluationResponses,
  focusAreas,
  goals,
  municipalities,
  partnerships,
  policies,
  successCriteria,
} from "../schema/index.ts";
import { demoPartnership } from "./partnerships.ts";
import { addDays, copenhagen, copenhagenDate } from "./time.ts";

export const demoEvaluations = {
  partnershipTitle: "Årlig evaluering af forældrekurset",
  partnershipAnswers: 14,
  partnershipInvited: 16,
  policyTitle: "Opfølgning på handicappolitikken 2026",
  bolbroTitle: "Evaluering af Bolbro bestemmer",
} as const;

/** Demo links are derived from a fixed word, so a demo (and its browser test) can open one by its index. */
export const demoInvitationToken = (i: number) => `demo-evaluering-randers-${String(i).padStart(2, "0")}`;

const responsibles = (sends: string, chases: string, writes: string) => ({
  sendsQuestionnaire: sends,
  chasesAnswers: chases,
  writesSummary: writes,
});

/** Fourteen parents: mostly satisfied, two less so; every question answered by at least five. */
function parentAnswers(): ResponseAnswers[] {
  const overall = [5, 5, 4, 4, 5, 3, 4, 5, 4, 2, 5, 4, 3, 5];
  const better = [
    "Mere tid til at tale med de andre forældre.",
    "Aftenmøderne sluttede for sent.",
    "Flere oplæg om rettigheder og sagsbehandling.",
    "Bedre skiltning til lokalet.",
    "Børnepasningen kunne starte et kvarter før.",
  ];
  return overall.map((o, i) => ({
    overall: o,
    content: Math.min(5, o + (i % 3 === 0 ? 1 : 0)),
    network: i % 4 === 0 ? 3 : 5,
    useful: [["network"], ["knowledge", "network"], ["rights"], ["energy", "network"]][i % 4] as string[],
    childcare: i !== 9,
    recommend: o >= 4 ? "yes" : o === 3 ? "maybe" : "no",
    better: better[i % 7] ?? "",
  }));
}

const processQuestionnaire: Questionnaire = {
  title: { da: "Hvordan var det at være med i Bolbro bestemmer?", en: "What was it like to take part?" },
  intro: {
    da: "Dine svar er anonyme. Vi bruger dem, når næste borgerbudget planlægges.",
    en: "Your answers are anonymous. We use them when the next citizens' budget is planned.",
  },
  questions: [
    {
      id: "heard",
      type: "yes_no",
      required: true,
      text: { da: "Følte du dig hørt?", en: "Did you feel heard?" },
    },
    {
      id: "satisfied",
      type: "scale",
      required: true,
      text: { da: "Hvor tilfreds er du med forløbet?", en: "How satisfied are you with the process?" },
      lowLabel: { da: "Meget utilfreds", en: "Very dissatisfied" },
      highLabel: { da: "Meget tilfreds", en: "Very satisfied" },
    },
    {
      id: "again",
      type: "single_choice",
      required: true,
      text: { da: "Vil du være med igen?", en: "Would you take part again?" },
      choices: [
        { value: "yes", label: { da: "Ja", en: "Yes" } },
        { value: "maybe", label: { da: "Måske", en: "Maybe" } },
        { value: "no", label: { da: "Nej", en: "No" } },
      ],
    },
    {
      id: "comment",
      type: "free_text",
      required: false,
      maxLength: 2000,
      text: { da: "Har du andre kommentarer?", en: "Any other comments?" },
    },
  ],
};

const policyQuestionnaire: Questionnaire = {
  title: { da: "Handicaprådets vurdering af politikken", en: "The disability council's view of the policy" },
  questions: [
    {
      id: "progress",
      type: "scale",
      required: true,
      text: {
        da: "Hvor godt synes du, politikken er ført ud i livet?",
        en: "How well do you think the policy has been put into practice?",
      },
      lowLabel: { da: "Meget dårligt", en: "Very badly" },
      highLabel: { da: "Meget godt", en: "Very well" },
    },
    {
      id: "focus",
      type: "free_text",
      required: false,
      maxLength: 2000,
      text: { da: "Hvad skal der være fokus på næste år?", en: "What should next year focus on?" },
    },
  ],
};

export async function seedDemoEvaluations(tx: Transaction, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const municipality = async (slug: string) =>
    (await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, slug)))[0];

  // Randers: the partnership's yearly evaluation, collecting. The meeting is on the agreement's evaluation date.
  const randers = await municipality(demoPartnership.municipality);
  if (randers) {
    const [p] = await tx
      .select({
        id: partnerships.id,
        councilId: partnerships.councilId,
        evaluationOn: partnerships.evaluationOn,
      })
      .from(partnerships)
      .where(and(eq(partnerships.municipalityId, randers.id), eq(partnerships.title, demoPartnership.title)));
    if (p) {
      const id = await insertEvaluation(tx, randers.id, {
        councilId: p.councilId,
        subjectType: "partnership",
        subjectId: p.id,
        kind: "partnership_yearly",
        title: demoEvaluations.partnershipTitle,
        periodStart: addDays(today, -300),
        periodEnd: addDays(today, 21),
        status: "collecting",
        responseMode: "anonymous",
        responsibles: responsibles(
          "Familiekonsulenten i Børn og Familie",
          "Foreningens formand",
          "Familiekonsulenten i Børn og Familie",
        ),
        questionnaire: parentCourseQuestionnaire,
        closesOn: addDays(today, 10),
        reminderDates: [addDays(today, 3), addDays(today, 8)],
        meetingAt: copenhagen(p.evaluationOn ?? addDays(today, 21), "14:00"),
      });
      await insertInvitations(
        tx,
        randers.id,
        id,
        Array.from({ length: demoEvaluations.partnershipInvited }, (_, i) => ({
          tokenHash: invitationTokenHash(demoInvitationToken(i)),
          label: "Forældre, hold 1",
        })),
      );
      // The first fourteen links have answered; links 14 and 15 are still open.
      const answers = parentAnswers();
      for (const [i, a] of answers.entries()) {
        // flip the flag the way a real answer does; the response below carries nothing of the link
        await tx
          .update(evaluationInvitations)
          .set({ answered: true })
          .where(
            and(
              eq(evaluationInvitations.evaluationId, id),
              eq(evaluationInvitations.tokenHash, invitationTokenHash(demoInvitationToken(i))),
            ),
          );
        await tx
          .insert(evaluationResponses)
          .values({ municipalityId: randers.id, evaluationId: id, answers: a });
      }
    }
  }

  // Favrskov: a follow-up of the adopted policy, its goals' criteria measured, concluded and published.
  const favrskov = await municipality("favrskov");
  if (favrskov) {
    const [policy] = await tx
      .select({ id: policies.id, councilId: policies.councilId })
      .from(policies)
      .where(
        and(
          eq(policies.municipalityId, favrskov.id),
          eq(policies.status, "adopted"),
          isNull(policies.deletedAt),
        ),
      );
    if (policy) {
      const goalRows = await tx
        .select({ id: goals.id, title: goals.title })
        .from(goals)
        .innerJoin(focusAreas, eq(focusAreas.id, goals.focusAreaId))
        .where(eq(goals.policyId, policy.id))
        .orderBy(asc(focusAreas.position), asc(goals.position));
      const criteria = [
        {
          indicator: "Unge med handicap i uddannelse et år efter skolen",
          baseline: "55",
          target: "75",
          unit: "%",
          value: "78",
        },
        {
          indicator: "Foreninger med tilgængelige lokaler",
          baseline: "12",
          target: "30",
          unit: "foreninger",
          value: "19",
        },
        { indicator: "Borgere, der oplever ensomhed", baseline: "24", target: "15", unit: "%", value: "26" },
      ];
      const criterionIds: string[] = [];
      for (const [i, c] of criteria.entries()) {
        const goal = goalRows[Math.min(i, goalRows.length - 1)];
        if (!goal) continue;
        const [row] = await tx
          .insert(successCriteria)
          .values({
            municipalityId: favrskov.id,
            goalId: goal.id,
            indicator: c.indicator,
            baseline: c.baseline,
            target: c.target,
            unit: c.unit,
            position: i,
          })
          .returning({ id: successCriteria.id });
        if (row) criterionIds.push(row.id);
      }
      const id = await insertEvaluation(tx, favrskov.id, {
        councilId: policy.councilId,
        subjectType: "policy",
        subjectId: policy.id,
        kind: "policy_follow_up",
        title: demoEvaluations.policyTitle,
        periodStart: addDays(today, -365),
        periodEnd: addDays(today, -30),
        status: "concluded",
        responseMode: "anonymous",
        responsibles: responsibles("Handicaprådets sekretær", "Handicaprådets sekretær", "Formanden"),
        questionnaire: policyQuestionnaire,
        closesOn: addDays(today, -45),
        conclusion: {
          summary:
            "Overgangen fra skole til uddannelse er lykkedes over forventning. Tilgængeligheden i foreningslivet går fremad, men langsommere end planlagt, og ensomheden er ikke faldet.",
          notes: {},
          decision: null,
          nextSteps: [
            { title: "Ensomhed bliver et nyt indsatsområde i handleplanen", dueOn: addDays(today, 60) },
            { title: "Pulje til tilgængelighed i foreningslokaler", dueOn: addDays(today, 120) },
          ],
        },
        concludedAt: copenhagen(addDays(today, -20), "16:00"),
        published: true,
      });
      for (const [i, c] of criteria.entries()) {
        const criterionId = criterionIds[i];
        if (!criterionId) continue;
        await tx.insert(evaluationMeasurements).values({
          municipalityId: favrskov.id,
          evaluationId: id,
          criterionId,
          measuredOn: addDays(today, -40),
          value: c.value,
        });
      }
      const progress = [4, 3, 4, 2, 3, 4, 3];
      for (const [i, p] of progress.entries())
        await tx.insert(evaluationResponses).values({
          municipalityId: favrskov.id,
          evaluationId: id,
          answers: { progress: p, focus: i % 3 === 0 ? "Ensomhed blandt unge med handicap." : "" },
        });
    }
  }

  // Odense: the Bolbro process evaluation, concluded and published.
  const odense = await municipality("odense");
  if (odense) {
    const [process] = await tx
      .select({ id: coCreationProcesses.id, councilId: coCreationProcesses.councilId })
      .from(coCreationProcesses)
      .where(
        and(
          eq(coCreationProcesses.municipalityId, odense.id),
          eq(coCreationProcesses.slug, "bolbro-bestemmer"),
        ),
      );
    if (process) {
      const id = await insertEvaluation(tx, odense.id, {
        councilId: process.councilId,
        subjectType: "co_creation_process",
        subjectId: process.id,
        kind: "process_evaluation",
        title: demoEvaluations.bolbroTitle,
        periodStart: addDays(today, -200),
        periodEnd: addDays(today, -40),
        status: "concluded",
        responseMode: "anonymous",
        responsibles: responsibles("Lokaludvalgets sekretær", "Lokaludvalgets sekretær", "Projektlederen"),
        questionnaire: processQuestionnaire,
        closesOn: addDays(today, -30),
        conclusion: {
          summary:
            "De fleste følte sig hørt, og næsten alle vil være med igen. Idémøderne skal holdes tidligere på aftenen, så børnefamilier kan deltage.",
          notes: {},
          decision: null,
          nextSteps: [
            { title: "Næste borgerbudget planlægges med lokaludvalget", dueOn: addDays(today, 90) },
          ],
        },
        concludedAt: copenhagen(addDays(today, -25), "15:00"),
        published: true,
      });
      const satisfied = [5, 4, 4, 5, 3, 4, 5, 2, 4, 5, 4, 3, 5, 4, 4, 5, 3, 4, 5, 4, 4, 5, 3];
      const comments = [
        "Godt initiativ!",
        "Svært at nå idémøderne efter arbejde.",
        "Mere information om afstemningen.",
      ];
      for (const [i, s] of satisfied.entries())
        await tx.insert(evaluationResponses).values({
          municipalityId: odense.id,
          evaluationId: id,
          answers: {
            heard: s >= 3,
            satisfied: s,
            again: s >= 4 ? "yes" : s === 3 ? "maybe" : "no",
            comment: i % 5 === 0 ? (comments[(i / 5) % comments.length] ?? "") : "",
          },
        });
    }
  }
}
