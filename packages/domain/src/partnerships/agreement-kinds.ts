import type { Bilingual } from "../shared/types.ts";
import { agreementSectionDefinitions, type SectionDefinition } from "./model.ts";

/**
 * One signed, versioned agreement, two kinds: a partnership agreement made by the model's four steps, and a
 * cooperation agreement (samarbejdsaftale) that a co-creation process ends in — as in Gribskov, where
 * municipality, social services and the volunteer centre agreed who does what with the IT volunteers. The kind
 * follows from where the agreement came from, so it is never stored apart from its origin.
 */
export const agreementKinds = ["partnership", "cooperation"] as const;
export type AgreementKind = (typeof agreementKinds)[number];

export const agreementKindLabels: Record<AgreementKind, Bilingual> = {
  partnership: { da: "Partnerskabsaftale", en: "Partnership agreement" },
  cooperation: { da: "Samarbejdsaftale", en: "Cooperation agreement" },
};

export function agreementKindOf(origin: { coCreationProcessId: string | null }): AgreementKind {
  return origin.coCreationProcessId ? "cooperation" : "partnership";
}

const p = (da: string, en: string): Bilingual => ({ da, en });

/**
 * What a cooperation agreement must settle beyond the template's questions (the SUS catalogue's Gribskov case):
 * who the volunteers are and how they are recruited, how the services get ready to receive them, and how the
 * work is divided between staff and volunteers.
 */
const cooperationPrompts: Partial<Record<SectionDefinition["key"], Bilingual[]>> = {
  task: [p("Hvad kom samskabelsesforløbet frem til?", "What did the co-creation process arrive at?")],
  content: [
    p("Hvem er de frivillige?", "Who are the volunteers?"),
    p("Hvordan rekrutteres de frivillige?", "How are the volunteers recruited?"),
    p(
      "Hvordan bliver tilbuddene parate til at modtage de frivillige?",
      "How do the services get ready to receive the volunteers?",
    ),
  ],
  division_of_work: [
    p("Hvem har ansvar for hvad?", "Who is responsible for what?"),
    p(
      "Hvordan er arbejdet fordelt mellem medarbejdere og frivillige?",
      "How is the work divided between staff and volunteers?",
    ),
  ],
};

/** The nine sections with the prompts that fit the kind; headings and order are the same for both. */
export function sectionDefinitionsFor(kind: AgreementKind): readonly SectionDefinition[] {
  if (kind === "partnership") return agreementSectionDefinitions;
  return agreementSectionDefinitions.map((d) => ({ ...d, prompts: cooperationPrompts[d.key] ?? d.prompts }));
}
