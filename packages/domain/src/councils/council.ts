import type { Bilingual } from "../shared/types.ts";

export const councilTypes = [
  "handicapraad",
  "aeldreraad",
  "integrationsraad",
  "ungeraad",
  "opgaveudvalg",
] as const;
export type CouncilType = (typeof councilTypes)[number];

export const councilTypeLabels: Record<CouncilType, Bilingual> = {
  handicapraad: { da: "Handicapråd", en: "Disability council" },
  aeldreraad: { da: "Ældreråd", en: "Senior citizens' council" },
  integrationsraad: { da: "Integrationsråd", en: "Integration council" },
  ungeraad: { da: "Ungeråd", en: "Youth council" },
  opgaveudvalg: { da: "Opgaveudvalg", en: "Task committee" },
};

/** A council's local rules of procedure (forretningsorden), as far as the product acts on them. */
export type CouncilRules = {
  /** The agenda is sent at least this many working days before the meeting. */
  agendaCutoffWorkingDays: number;
  /** Minutes are open for corrections this many calendar days after the meeting. */
  minutesCorrectionDays: number;
  meetingsPerYear: number;
  /** Reminders go out this many days before a deadline. */
  reminderOffsetsDays: number[];
};

/** Typical forretningsorden for a Handicapråd: about 4 meetings a year, agenda 5 working days ahead, 8 days to correct the minutes. */
export const defaultCouncilRules: CouncilRules = {
  agendaCutoffWorkingDays: 5,
  minutesCorrectionDays: 8,
  meetingsPerYear: 4,
  reminderOffsetsDays: [7, 1],
};

/** Local rules on top of the defaults; a council stores only what it changed. */
export function councilRules(overrides: Partial<CouncilRules> | null | undefined): CouncilRules {
  return {
    ...defaultCouncilRules,
    ...Object.fromEntries(Object.entries(overrides ?? {}).filter(([, v]) => v !== undefined)),
    reminderOffsetsDays: [...(overrides?.reminderOffsetsDays ?? defaultCouncilRules.reminderOffsetsDays)],
  };
}
