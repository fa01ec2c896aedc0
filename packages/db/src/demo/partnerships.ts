/**
 * The demo partnership, from the partnership model (Socialstyrelsen, 2017): Randers Kommune and a local user
 * organisation run a parent course for parents of children with disabilities. The agreement is signed, one
 * amendment too; a second awaits the organisation's signature; the yearly evaluation comes up in three weeks;
 * six families are recruited, so the "at least eight families" warning shows. Dates are relative to `now`.
 */
import type { AgreementSection, SchedulePhase } from "@samraad/domain/partnerships";
import { workScheduleTemplate } from "@samraad/domain/partnerships";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../database.ts";
import {
  insertAmendment,
  insertPartnership,
  insertPartnershipPerson,
  insertSignature,
  insertSteeringMember,
  insertTask,
  updatePartnershipRow,
} from "../queries/partnerships.ts";
import { councils, municipalities, partnershipSections } from "../schema/index.ts";
import { addDays, copenhagen, copenhagenDate } from "./time.ts";

export const demoPartnership = {
  municipality: "randers",
  title: "Forældrekursus for forældre til børn med handicap",
  organisation: "Forældreforeningen for børn med handicap, Randers",
  /** The organisation's signatory; apps/api links this login when it creates the demo accounts. */
  partnerEmail: "partner@forening.demo",
  municipalSignatoryEmail: "admin@randers.demo",
  familiesRecruited: 6,
  evaluationInDays: 21,
} as const;

/** Signatures seeded before any login exists carry this marker instead of a user id. */
export const SEEDED_SIGNATURE = "demo-seed";

const sections: Record<AgreementSection, string> = {
  partners:
    "Randers Kommune, Børn og Familie, og Forældreforeningen for børn med handicap, Randers, indgår partnerskab.",
  task: "Forældrekursus for forældre til børn med handicap og efterfølgende netværksmøder.",
  content:
    "Fire undervisningsgange over tre måneder: en heldags første gang og tre aftenmøder; den fjerde gang er samtidig første netværksmøde. Målgruppe: forældre til børn med funktionsnedsættelse i alderen 0–12 år. 8–12 familier.",
  financing:
    "Kommunen betaler lokaler, forplejning og egne oplægsholdere. Foreningen stiller frivillige til børnepasning. Samlet budget for undervisningsgange: 48.000 kr.; for netværksmøder: 12.000 kr.",
  organisation:
    "Styregruppe med to repræsentanter fra hver partner og en forældrerepræsentant; styregruppen udpeger én overordnet ansvarlig. Projektledelse: én fra hver partner. Kursusledelse: delt.",
  division_of_work: "Se arbejdsskemaet, der er vedlagt som bilag.",
  duration:
    "Aftalen træder i kraft ved underskrift og er fortløbende med en årlig evaluering, hvor hver partner kan opsige den.",
  amendments: "Ændringer gælder kun som skriftlige tillæg, underskrevet af begge partnere.",
  signatures: "",
};

const answers: Record<string, string> = {
  goal: "Højere trivsel for familier med børn med handicap gennem netværk og mestring.",
  beneficiaries: "Forældre og søskende i familier med børn med funktionsnedsættelse.",
  contributions:
    "Kommunen: visitation, lokaler, oplægsholdere. Foreningen: erfaringsviden, frivillige, netværk.",
  knowledge: "Kursusmanualen og erfaringer fra to tidligere forløb i Østjylland.",
  key_people: "Familiekonsulent i Børn og Familie; foreningens formand og to erfarne frivillige.",
  success_criteria: "Familierne oplever mere støtte og mindre stress; netværket mødes stadig efter et år.",
  actors: "Familiekonsulenter, foreningens frivillige, en psykolog som oplægsholder.",
  methods: "Oplæg, erfaringsudveksling i små grupper, børneaktiviteter.",
  activities: "Fire undervisningsgange og seks netværksmøder om året.",
  staffing: "Delt kursusledelse; frivilligt børneteam.",
  communication: "Invitation via sagsbehandlere, foreningens nyhedsbrev og kommunens hjemmeside.",
  before_course: "Kommunen visiterer; foreningen rekrutterer frivillige.",
  sessions: "Delt kursusledelse; foreningen står for børneaktiviteter.",
  between_sessions: "Foreningen vedligeholder det elektroniske netværk.",
  // costs, to_network, after_course and volunteers are still open: the checklist shows them.
};

// Which partner owns each phase's tasks in the demo, and when they fall due relative to now.
const phasePlan: Record<SchedulePhase, { owner: "kommune" | "forening"; startDays: number }> = {
  before_course: { owner: "kommune", startDays: -30 },
  each_session: { owner: "forening", startDays: 35 },
  between_sessions: { owner: "forening", startDays: 42 },
  after_course: { owner: "kommune", startDays: 120 },
  network_meetings: { owner: "forening", startDays: 130 },
};

/** The agreement's text as the demo tells it, each section saved once (version 1). */
export async function writeDemoSections(
  tx: Transaction,
  partnershipId: string,
  texts: Record<AgreementSection, string>,
): Promise<void> {
  for (const [section, text] of Object.entries(texts)) {
    await tx
      .update(partnershipSections)
      .set({ text, version: 1 })
      .where(
        and(
          eq(partnershipSections.partnershipId, partnershipId),
          eq(partnershipSections.section, section as AgreementSection),
        ),
      );
  }
}

export async function seedDemoPartnerships(tx: Transaction, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const [randers] = await tx
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.slug, demoPartnership.municipality));
  if (!randers) return;
  const [council] = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(and(eq(councils.municipalityId, randers.id), eq(councils.slug, "handicapraadet")));
  const created = await insertPartnership(tx, {
    municipalityId: randers.id,
    title: demoPartnership.title,
    task: sections.task,
    councilId: council?.id ?? null,
    partners: [
      { kind: "municipality", name: "Randers Kommune", municipalityId: randers.id },
      { kind: "organisation", name: demoPartnership.organisation },
    ],
  });
  const [kommune, forening] = created.partners;
  if (!kommune || !forening) throw new Error("demo partners missing");
  const base = { municipalityId: randers.id, partnershipId: created.id };
  const firstSession = addDays(today, 35);
  await updatePartnershipRow(tx, created.id, {
    answers,
    stage: 4,
    evaluationOn: addDays(today, demoPartnership.evaluationInDays),
    familiesRecruited: demoPartnership.familiesRecruited,
    firstSessionOn: firstSession,
    recruitmentStartsOn: addDays(firstSession, -70),
    volunteerCoordinator: "Ole Frivillig",
    published: true,
  });
  await writeDemoSections(tx, created.id, sections);
  const direktor = await insertPartnershipPerson(tx, {
    ...base,
    partnerId: kommune.id,
    name: "Rasmus Administrator",
    email: demoPartnership.municipalSignatoryEmail,
    capacity: "Direktør for Børn og Familie",
    signatory: true,
  });
  await insertPartnershipPerson(tx, {
    ...base,
    partnerId: kommune.id,
    name: "Lise Holm",
    email: "lise.holm@randers.demo",
    capacity: "Familiekonsulent",
    contact: true,
  });
  const formand = await insertPartnershipPerson(tx, {
    ...base,
    partnerId: forening.id,
    name: "Pia Partner",
    email: demoPartnership.partnerEmail,
    capacity: "Formand",
    contact: true,
    signatory: true,
  });
  await insertPartnershipPerson(tx, {
    ...base,
    partnerId: forening.id,
    name: "Ole Frivillig",
    email: "ole@forening.demo",
    capacity: "Frivilligkoordinator",
    contact: true,
  });
  const sign = (
    amendmentId: string | null,
    who: { id: string },
    partnerId: string,
    name: string,
    capacity: string,
    daysAgo: number,
  ) =>
    insertSignature(tx, {
      ...base,
      amendmentId,
      partnerId,
      signatoryId: who.id,
      userId: SEEDED_SIGNATURE,
      name,
      capacity,
      signedAt: copenhagen(addDays(today, -daysAgo), "10:00"),
    });
  await sign(null, direktor, kommune.id, "Rasmus Administrator", "Direktør for Børn og Familie", 200);
  await sign(null, formand, forening.id, "Pia Partner", "Formand", 198);
  const first = await insertAmendment(tx, {
    ...base,
    title: "Femte undervisningsgang",
    changes: {
      content:
        "Fem undervisningsgange over fire måneder: en heldags første gang og fire aftenmøder; den femte gang er samtidig første netværksmøde. Målgruppe: forældre til børn med funktionsnedsættelse i alderen 0–12 år. 8–12 familier.",
    },
    proposedAt: copenhagen(addDays(today, -100), "09:00"),
  });
  await sign(first.id, direktor, kommune.id, "Rasmus Administrator", "Direktør for Børn og Familie", 95);
  await sign(first.id, formand, forening.id, "Pia Partner", "Formand", 90);
  const second = await insertAmendment(tx, {
    ...base,
    title: "Tilskud fra puljen til frivilligt socialt arbejde",
    changes: {
      financing:
        "Kommunen betaler lokaler, forplejning og egne oplægsholdere. Foreningen stiller frivillige til børnepasning og søger 15.000 kr. fra puljen til frivilligt socialt arbejde til netværksmøderne. Samlet budget for undervisningsgange: 48.000 kr.; for netværksmøder: 27.000 kr.",
    },
    proposedAt: copenhagen(addDays(today, -5), "09:00"),
  });
  await sign(second.id, direktor, kommune.id, "Rasmus Administrator", "Direktør for Børn og Familie", 4);
  const steering: [string, "kommune" | "forening" | null, boolean][] = [
    ["Rasmus Administrator", "kommune", true],
    ["Lise Holm", "kommune", false],
    ["Pia Partner", "forening", false],
    ["Ole Frivillig", "forening", false],
    ["Camilla Forælder", null, false],
  ];
  for (const [name, side, lead] of steering) {
    await insertSteeringMember(tx, {
      ...base,
      name,
      role: side ? "partner_representative" : "user_representative",
      partnerId: side === "kommune" ? kommune.id : side === "forening" ? forening.id : null,
      lead,
    });
  }
  const counters = new Map<SchedulePhase, number>();
  for (const task of workScheduleTemplate) {
    const plan = phasePlan[task.phase];
    const i = counters.get(task.phase) ?? 0;
    counters.set(task.phase, i + 1);
    const dueOn = addDays(today, plan.startDays + i * 3);
    const partner = plan.owner === "kommune" ? kommune : forening;
    await insertTask(tx, {
      ...base,
      phase: task.phase,
      title: task.title,
      responsiblePartnerId: partner.id,
      responsiblePerson: plan.owner === "kommune" ? "Lise Holm" : "Ole Frivillig",
      dueOn,
      // The early preparation is done; two tasks before the course are overdue.
      doneOn: dueOn < addDays(today, -6) ? addDays(dueOn, 1) : null,
    });
  }
}
