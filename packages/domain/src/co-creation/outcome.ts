import { z } from "zod";
import { fail, ok, type Result } from "../shared/result.ts";
import { flag, id, optionalText, requiredText } from "../shared/schemas.ts";

/*
 * What a co-creation process leads to: a cooperation agreement (samarbejdsaftale) — the partnership capability's
 * signed, versioned agreement, started from the process — and follow-up actions in the disability policy's
 * action plan. Signing, amendments, the text in force and the DOCX are the partnership's own rules.
 */

/** Starting the agreement: the organisations that sign beside the municipality (the municipality always does). */
export const cooperationAgreementInput = z.object({
  processId: id(),
  title: optionalText(200),
  organisations: z
    .array(requiredText(200))
    .min(1, { error: "too_few" })
    .max(10, { error: "too_many" })
    .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, {
      error: "duplicate_items",
    }),
});
export type CooperationAgreementInput = z.infer<typeof cooperationAgreementInput>;

type ProcessFacts = { title: string; purpose: string };

/**
 * The draft the partners start from: the process's purpose as the task, and the partners named in § 1, so the
 * agreement says where it came from before anyone writes a word.
 */
export function cooperationAgreementDraft(
  process: ProcessFacts,
  input: { title?: string | undefined; municipalityName: string; organisations: string[] },
) {
  // The kind ("Samarbejdsaftale") is shown beside the title everywhere, so the title is the process's own.
  const title = input.title?.trim() || process.title;
  return {
    title,
    task: process.purpose,
    sections: {
      partners: [input.municipalityName, ...input.organisations].join("\n"),
      task: `Resultat af samskabelsesforløbet "${process.title}".\n\n${process.purpose}`,
    },
  };
}

/** A process ends in one cooperation agreement; changes to it are amendments, not a second agreement. */
export function canStartAgreement(existing: { id: string } | null): Result<true> {
  if (existing) {
    return fail(
      "co_creation.agreement_exists",
      "Forløbet har allerede en samarbejdsaftale – ændringer laves som tillæg",
      "The process already has a cooperation agreement — make changes as amendments",
    );
  }
  return ok(true);
}

/** A follow-up action as the process page may show it: only published actions of an adopted policy. */
export type FollowUpAction = {
  id: string;
  handling: string;
  published: boolean;
  policyStatus: string;
};

export function publicFollowUps<A extends FollowUpAction>(actions: readonly A[]): A[] {
  return actions.filter((a) => a.published && a.policyStatus === "adopted");
}

/** Linking a policy action to a process as its follow-up, or unlinking it. */
export const followUpLinkInput = z.object({ processId: id(), actionId: id(), linked: flag() });
