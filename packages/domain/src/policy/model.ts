import type { Bilingual } from "../shared/types.ts";

/** A disability policy's life: drafted, sent to the council for consultation, adopted, and in time expired. */
export const policyStatuses = ["draft", "in_consultation", "adopted", "expired"] as const;
export type PolicyStatus = (typeof policyStatuses)[number];

export const policyStatusLabels: Record<PolicyStatus, Bilingual> = {
  draft: { da: "Udkast", en: "Draft" },
  in_consultation: { da: "I høring", en: "In consultation" },
  adopted: { da: "Vedtaget", en: "Adopted" },
  expired: { da: "Udløbet", en: "Expired" },
};

/**
 * Sektoransvarlighed: each administrative sector owns the actions in its field. A fixed list so coverage
 * ("which sectors own no action") means the same thing in every municipality.
 */
export const sectors = [
  "social",
  "sundhed",
  "beskaeftigelse",
  "boern_unge",
  "skole",
  "kultur_fritid",
  "teknik_miljoe",
  "administration",
] as const;
export type Sector = (typeof sectors)[number];

export const sectorLabels: Record<Sector, Bilingual> = {
  social: { da: "Social", en: "Social services" },
  sundhed: { da: "Sundhed", en: "Health" },
  beskaeftigelse: { da: "Beskæftigelse", en: "Employment" },
  boern_unge: { da: "Børn og unge", en: "Children and young people" },
  skole: { da: "Skole", en: "Schools" },
  kultur_fritid: { da: "Kultur og fritid", en: "Culture and leisure" },
  teknik_miljoe: { da: "Teknik og miljø", en: "Technical services and environment" },
  administration: { da: "Administration", en: "Administration" },
};

export const actionStatuses = ["not_started", "in_progress", "done", "postponed", "dropped"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const actionStatusLabels: Record<ActionStatus, Bilingual> = {
  not_started: { da: "Ikke startet", en: "Not started" },
  in_progress: { da: "I gang", en: "In progress" },
  done: { da: "Gennemført", en: "Done" },
  postponed: { da: "Udskudt", en: "Postponed" },
  dropped: { da: "Opgivet", en: "Dropped" },
};

/** Statuses that need a reason: the public sees why an action was put off or given up. */
export const statusesNeedingReason: readonly ActionStatus[] = ["postponed", "dropped"];

/** An action no longer counts against its due date once done or dropped. */
export const closedActionStatuses: readonly ActionStatus[] = ["done", "dropped"];

export type ProgressUpdate = {
  on: string;
  text: string;
  status: ActionStatus;
  percent: number | null;
  authorName: string;
};

/** An action as the rules see it: the conference's form, Handling · Mål · Tovholder · Hvor/når. */
export type PolicyAction = {
  id: string;
  handling: string;
  focusAreaId: string | null;
  goalId: string | null;
  goalText: string | null;
  ownerName: string | null;
  ownerSector: Sector | null;
  place: string | null;
  startsOn: string | null;
  dueOn: string | null;
  status: ActionStatus;
  statusReason: string | null;
  published: boolean;
  /** The latest progress update's percent, if one gave it. */
  percent: number | null;
};

export type PolicyGoal = { id: string; focusAreaId: string; title: string };
export type PolicyFocusArea = { id: string; title: string };

export type PolicyPlan = {
  status: PolicyStatus;
  periodFrom: string | null;
  periodTo: string | null;
  focusAreas: PolicyFocusArea[];
  goals: PolicyGoal[];
  actions: PolicyAction[];
};
