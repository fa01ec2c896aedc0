import type { Bilingual } from "../shared/types.ts";

/**
 * The partnership model (Socialstyrelsen, 2017): a municipality and one or more user organisations run
 * something together. The shapes here are plain data; the database and the API carry them unchanged.
 */
export const partnerKinds = ["municipality", "organisation"] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerKindLabels: Record<PartnerKind, Bilingual> = {
  municipality: { da: "Kommune", en: "Municipality" },
  organisation: { da: "Brugerorganisation", en: "User organisation" },
};

/** Someone who may sign for a partner. `userId` links the login that signs; without it nobody can sign yet. */
export type Signatory = {
  id: string;
  partnerId: string;
  name: string;
  capacity: string;
  userId: string | null;
  /**
   * When the partner named them. A signatory named after a document took effect is not required for it (a new
   * chair signs later amendments; the agreement stays in force). Omitted: named from the start.
   */
  namedAt?: Date;
};

export type ContactPerson = {
  id: string;
  partnerId: string;
  name: string;
  email: string | null;
  /** The login linked to this person (an accepted invitation), if any. */
  userId?: string | null;
};

export type Partner = {
  id: string;
  kind: PartnerKind;
  name: string;
  /** Set for a municipality partner: its grants (administrators) reach the partnership. */
  municipalityId: string | null;
  contacts: ContactPerson[];
  signatories: Signatory[];
};

/** A signature as recorded: who, in what capacity, when — a copy, so a later rename does not rewrite history. */
export type Signature = {
  signatoryId: string;
  partnerId: string;
  name: string;
  capacity: string;
  signedAt: Date;
};

/** The four steps of the model; a partnership stands at one, and any step can be revisited. */
export const steps = [1, 2, 3, 4] as const;
export type Step = (typeof steps)[number];

export const stepLabels: Record<Step, Bilingual> = {
  1: { da: "Den bærende idé", en: "The carrying idea" },
  2: { da: "Udvikling af konceptet", en: "Developing the concept" },
  3: { da: "Rolle- og arbejdsfordeling", en: "Roles and division of work" },
  4: { da: "Den endelige partnerskabsaftale", en: "The final partnership agreement" },
};

export type StepQuestion = { key: string; step: Step; text: Bilingual };

const q = (step: Step, key: string, da: string, en: string): StepQuestion => ({
  key,
  step,
  text: { da, en },
});

/**
 * The questions the model asks the partners to settle at steps 1–3 (step 4 is the agreement itself, whose
 * checklist is its nine sections). Keys are stable: answers are stored under them.
 */
export const stepQuestions: readonly StepQuestion[] = [
  q(1, "goal", "Mål: Hvad vil vi opnå sammen?", "Goal: what do we want to achieve together?"),
  q(1, "beneficiaries", "Hvem skal idéen gavne?", "Who is the idea meant to benefit?"),
  q(1, "contributions", "Hvad bidrager hver partner med?", "What does each partner contribute?"),
  q(
    1,
    "knowledge",
    "Hvad ved vi allerede – hvilke erfaringer har vi?",
    "What do we already know from experience?",
  ),
  q(1, "key_people", "Hvilke nøglepersoner har vi?", "Which key people do we have?"),
  q(1, "success_criteria", "Hvad er succeskriterierne?", "What are the success criteria?"),
  q(
    2,
    "actors",
    "Hvilke aktører, ressourcer og kompetencer skal der til?",
    "Which actors, resources and skills are needed?",
  ),
  q(2, "methods", "Hvilke metoder og redskaber bruger vi?", "Which methods and tools do we use?"),
  q(2, "activities", "Hvilke aktiviteter gennemføres?", "Which activities are carried out?"),
  q(2, "staffing", "Hvem bemander aktiviteterne?", "Who staffs the activities?"),
  q(2, "costs", "Hvad koster konceptet?", "What does the concept cost?"),
  q(
    2,
    "communication",
    "Hvordan formidles tilbuddet, og til hvem?",
    "How is the offer communicated, and to whom?",
  ),
  q(3, "before_course", "Hvem gør hvad før kurset?", "Who does what before the course?"),
  q(3, "sessions", "Hvem gør hvad ved undervisningsgangene?", "Who does what at the sessions?"),
  q(3, "between_sessions", "Hvem gør hvad mellem undervisningsgangene?", "Who does what between sessions?"),
  q(
    3,
    "to_network",
    "Hvem står for overgangen fra kursus til netværksmøder?",
    "Who handles the move from the course to network meetings?",
  ),
  q(3, "after_course", "Hvem gør hvad efter kurset?", "Who does what after the course?"),
  q(
    3,
    "volunteers",
    "Hvem rekrutterer, støtter og følger op på de frivillige?",
    "Who recruits, supports and follows up on the volunteers?",
  ),
];

/** The nine sections of the agreement template (Bilag B), in its order. */
export const agreementSections = [
  "partners",
  "task",
  "content",
  "financing",
  "organisation",
  "division_of_work",
  "duration",
  "amendments",
  "signatures",
] as const;
export type AgreementSection = (typeof agreementSections)[number];
export type SectionTexts = Record<AgreementSection, string>;

export type SectionDefinition = {
  key: AgreementSection;
  number: number;
  title: Bilingual;
  prompts: Bilingual[];
};

const p = (da: string, en: string): Bilingual => ({ da, en });

/** Headings and what each section should answer, so an empty section tells the writer what belongs there. */
export const agreementSectionDefinitions: readonly SectionDefinition[] = [
  {
    key: "partners",
    number: 1,
    title: p("Aftalens partnere", "The partners"),
    prompts: [p("Navn på hver partner", "Each partner's name")],
  },
  {
    key: "task",
    number: 2,
    title: p("Opgaven", "The task"),
    prompts: [p("Hvilken opgave løser partnerskabet?", "Which task does the partnership take on?")],
  },
  {
    key: "content",
    number: 3,
    title: p("Aftalens indhold", "Content"),
    prompts: [
      p("Kort beskrivelse: omfang, indhold, tidspunkt", "Short description: scope, content, timing"),
      p("Målgruppe", "Target group"),
      p("Antal deltagere", "Number of participants"),
    ],
  },
  {
    key: "financing",
    number: 4,
    title: p("Finansiering og budget", "Financing and budget"),
    prompts: [p("Hvem finansierer hvad?", "Who pays for what?"), p("Samlet budget", "Total budget")],
  },
  {
    key: "organisation",
    number: 5,
    title: p("Organisering og ledelse", "Organisation and management"),
    prompts: [
      p("Styregruppe, projektledelse og kursusledelse", "Steering group, project and course management"),
    ],
  },
  {
    key: "division_of_work",
    number: 6,
    title: p("Opgave- og ansvarsfordeling", "Division of tasks and responsibility"),
    prompts: [p("Arbejdsskemaet vedlægges som bilag", "The work schedule is attached as an appendix")],
  },
  {
    key: "duration",
    number: 7,
    title: p("Varighed og ophør", "Duration and termination"),
    prompts: [
      p(
        "Fast slutdato, eller fortløbende med årlig evaluering",
        "Fixed end date, or ongoing with a yearly evaluation",
      ),
    ],
  },
  {
    key: "amendments",
    number: 8,
    title: p("Ændringer", "Amendments"),
    prompts: [
      p(
        "Ændringer gælder kun som skriftlige tillæg underskrevet af alle partnere",
        "Changes are valid only as written amendments signed by every partner",
      ),
    ],
  },
  {
    key: "signatures",
    number: 9,
    title: p("Underskrifter", "Signatures"),
    prompts: [p("Partnernes underskrift og dato", "The partners' signatures and date")],
  },
];

export function emptySections(): SectionTexts {
  return Object.fromEntries(agreementSections.map((s) => [s, ""])) as SectionTexts;
}

/** Fixed end date, or ongoing with a yearly evaluation at which either partner may terminate. */
export type AgreementDuration = { kind: "fixed"; endsOn: string } | { kind: "ongoing"; evaluationOn: string };

export type Agreement = {
  id: string;
  sections: SectionTexts;
  duration: AgreementDuration | null;
  signatures: Signature[];
};

/** A tillæg: replaces the text of some sections once every partner's signatories have signed it. */
export type Amendment = {
  id: string;
  number: number;
  title: string;
  changes: Partial<SectionTexts>;
  /** When it was put forward for signature; unsigned amendments waiting long get a deadline. */
  proposedAt: Date;
  signatures: Signature[];
};
