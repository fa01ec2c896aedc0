import type { Finding } from "../shared/types.ts";
import {
  type ActionStatus,
  closedActionStatuses,
  type PolicyAction,
  type PolicyPlan,
  type Sector,
  sectorLabels,
  sectors,
} from "./model.ts";

/** The Region Midt conference's bar: "hver kommune finder mindst 3 konkrete handlinger". */
export const MIN_CONCRETE_ACTIONS = 3;

/** Concrete = someone owns it (a person and a sector) and it has a date. */
export function isConcrete(action: Pick<PolicyAction, "ownerName" | "ownerSector" | "dueOn">): boolean {
  return Boolean(action.ownerName?.trim() && action.ownerSector && action.dueOn);
}

/** Due date passed (the day after `dueOn`, municipal calendar) and neither done nor dropped. */
export function isOverdue(action: Pick<PolicyAction, "dueOn" | "status">, today: string): boolean {
  return action.dueOn !== null && action.dueOn < today && !closedActionStatuses.includes(action.status);
}

/** Findings about a plan: not errors — a plan can be saved and published with them, but the council sees them. */
export function planFindings(plan: Pick<PolicyPlan, "actions">, today: string): Finding[] {
  const live = plan.actions.filter((a) => a.status !== "dropped");
  const findings: Finding[] = [];
  const concrete = live.filter(isConcrete).length;
  if (concrete < MIN_CONCRETE_ACTIONS) {
    findings.push({
      code: "policy.too_few_concrete_actions",
      severity: "warning",
      message: {
        da: `Handlingsplanen har ${concrete} konkrete handlinger; sæt mindst ${MIN_CONCRETE_ACTIONS} i værk`,
        en: `The action plan has ${concrete} concrete actions; put at least ${MIN_CONCRETE_ACTIONS} into effect`,
      },
    });
  }
  for (const a of live) {
    if (!isConcrete(a)) {
      const missing = [
        !a.ownerName?.trim() || !a.ownerSector ? { da: "tovholder", en: "owner" } : null,
        !a.dueOn ? { da: "dato", en: "date" } : null,
      ].filter((m) => m !== null);
      findings.push({
        code: "action.not_concrete",
        severity: "warning",
        message: {
          da: `"${a.handling}" er ikke konkret: mangler ${missing.map((m) => m.da).join(" og ")}`,
          en: `"${a.handling}" is not concrete: missing ${missing.map((m) => m.en).join(" and ")}`,
        },
        subject: { type: "action", id: a.id },
      });
    }
    if (isOverdue(a, today)) {
      findings.push({
        code: "action.overdue",
        severity: "warning",
        message: { da: `"${a.handling}" er forsinket`, en: `"${a.handling}" is overdue` },
        subject: { type: "action", id: a.id },
      });
    }
  }
  return findings;
}

export type SectorCoverage = { covered: Sector[]; uncovered: Sector[]; finding: Finding | null };

/** Sektoransvarlighed: which sectors own at least one live action, and which own none. */
export function sectorCoverage(actions: Pick<PolicyAction, "ownerSector" | "status">[]): SectorCoverage {
  const owning = new Set(actions.filter((a) => a.status !== "dropped").flatMap((a) => a.ownerSector ?? []));
  const covered = sectors.filter((s) => owning.has(s));
  const uncovered = sectors.filter((s) => !owning.has(s));
  const finding: Finding | null =
    uncovered.length === 0
      ? null
      : {
          code: "policy.sectors_without_actions",
          severity: "warning",
          message: {
            da: `Sektorer uden handlinger: ${uncovered.map((s) => sectorLabels[s].da.toLowerCase()).join(", ")}`,
            en: `Sectors without actions: ${uncovered.map((s) => sectorLabels[s].en.toLowerCase()).join(", ")}`,
          },
        };
  return { covered, uncovered, finding };
}

export type Progress = {
  /** Whole percent, rounded down, so 100 means every counted action is done. */
  percent: number;
  /** Actions that count (all but dropped). */
  total: number;
  counts: Record<ActionStatus, number>;
  overdue: number;
};

/**
 * The one progress computation: a done action counts fully, an action in progress by its latest percent
 * (below 100 until it is marked done), everything else as nothing; dropped actions leave the denominator.
 */
export function progressOf(
  actions: Pick<PolicyAction, "status" | "percent" | "dueOn">[],
  today: string,
): Progress {
  const counts: Record<ActionStatus, number> = {
    not_started: 0,
    in_progress: 0,
    done: 0,
    postponed: 0,
    dropped: 0,
  };
  let credit = 0;
  let overdue = 0;
  for (const a of actions) {
    counts[a.status] += 1;
    if (a.status === "done") credit += 1;
    else if (a.status === "in_progress" && a.percent !== null) {
      credit += Math.min(Math.max(a.percent, 0), 99) / 100;
    }
    if (isOverdue(a, today)) overdue += 1;
  }
  const total = actions.length - counts.dropped;
  const percent = total === 0 ? 0 : Math.floor((credit / total) * 100 + 1e-9);
  return { percent, total, counts, overdue };
}

export type FocusAreaProgress = { focusAreaId: string | null; title: string; progress: Progress };

/** Progress per focus area (an action belongs to its goal's area) and for the whole plan, the same way. */
export function planProgress(
  plan: Pick<PolicyPlan, "focusAreas" | "goals" | "actions">,
  today: string,
): { overall: Progress; byFocusArea: FocusAreaProgress[] } {
  const areaOfGoal = new Map(plan.goals.map((g) => [g.id, g.focusAreaId]));
  const areaOf = (a: PolicyAction) => (a.goalId ? (areaOfGoal.get(a.goalId) ?? null) : a.focusAreaId);
  const byFocusArea: FocusAreaProgress[] = plan.focusAreas.map((f) => ({
    focusAreaId: f.id,
    title: f.title,
    progress: progressOf(
      plan.actions.filter((a) => areaOf(a) === f.id),
      today,
    ),
  }));
  const known = new Set(plan.focusAreas.map((f) => f.id));
  const loose = plan.actions.filter((a) => {
    const area = areaOf(a);
    return area === null || !known.has(area);
  });
  if (loose.length > 0) {
    byFocusArea.push({
      focusAreaId: null,
      title: "Øvrige handlinger",
      progress: progressOf(loose, today),
    });
  }
  return { overall: progressOf(plan.actions, today), byFocusArea };
}
