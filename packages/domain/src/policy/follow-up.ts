import { danishDate } from "./csv.ts";
import { type ActionStatus, actionStatusLabels, type Sector, sectorLabels } from "./model.ts";
import { type Progress, progressOf } from "./rules.ts";

export type FollowUpAction = {
  handling: string;
  ownerName: string | null;
  ownerSector: Sector | null;
  dueOn: string | null;
  status: ActionStatus;
  statusReason: string | null;
  percent: number | null;
  latestProgress: string | null;
};

/**
 * The agenda item that puts the action plan before the council: only what changed since the last
 * follow-up, so the council discusses the difference rather than rereading the whole plan.
 */
export function followUpAgendaItem(input: {
  policyTitle: string;
  /** The date of the last follow-up, or null for the first one. */
  since: string | null;
  changed: FollowUpAction[];
  /** What the removed actions were called (Handling), removed since the last follow-up. */
  removed?: string[];
  all: Pick<FollowUpAction, "status" | "percent" | "dueOn">[];
  today: string;
}): {
  title: string;
  plainSummary: string;
  casePresentation: string;
  recommendation: string;
  progress: Progress;
} {
  const progress = progressOf(input.all, input.today);
  const sinceText = input.since ? `siden opfølgningen ${danishDate(input.since)}` : "siden planen blev lagt";
  const lines = input.changed.map((a) => {
    const owner = [a.ownerName, a.ownerSector ? sectorLabels[a.ownerSector].da : null]
      .filter(Boolean)
      .join(", ");
    const parts = [
      `• ${a.handling}: ${actionStatusLabels[a.status].da}${a.statusReason ? ` (${a.statusReason})` : ""}`,
      owner ? `Tovholder: ${owner}` : null,
      a.dueOn ? `Frist: ${danishDate(a.dueOn)}` : null,
      a.latestProgress ? `Seneste status: ${a.latestProgress}` : null,
    ];
    return parts.filter(Boolean).join(". ");
  });
  const removed = input.removed ?? [];
  const removedText =
    removed.length > 0
      ? `\n\nFjernet fra planen ${sinceText}:\n\n${removed.map((h) => `• ${h}`).join("\n")}`
      : "";
  const removedSummary =
    removed.length > 0
      ? ` ${removed.length} ${removed.length === 1 ? "handling er fjernet" : "handlinger er fjernet"}.`
      : "";
  return {
    title: `Opfølgning på handlingsplanen: ${input.policyTitle}`,
    plainSummary: `${input.changed.length} ${input.changed.length === 1 ? "handling er ændret" : "handlinger er ændret"} ${sinceText}.${removedSummary} Planen er samlet ${progress.percent} % gennemført.`,
    casePresentation:
      (lines.length > 0
        ? `Ændringer ${sinceText}:\n\n${lines.join("\n")}`
        : `Ingen handlinger er ændret ${sinceText}.`) + removedText,
    recommendation: "Det indstilles, at Handicaprådet drøfter status og giver input til de næste skridt.",
    progress,
  };
}
