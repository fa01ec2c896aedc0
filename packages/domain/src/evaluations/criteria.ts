import type { Bilingual } from "../shared/types.ts";

/**
 * A success criterion as the policy states it (indicator, baseline, target, unit — the policy's own type), and its
 * measurements over time. Baseline and target are texts because policies write "ca. 40 %" or "alle skoler";
 * when both read as numbers the outcome is computed, otherwise an official judges it.
 */
export type Criterion = {
  id: string;
  indicator: string;
  baseline?: string | null;
  target: string;
  unit?: string | null;
  /** an official's judgement, used only where the outcome cannot be computed */
  judgement?: CriterionOutcome | null;
};

export type Measurement = { criterionId: string; measuredOn: string; value: string; note?: string | null };

export const criterionOutcomes = ["met", "partly_met", "not_met", "not_measured"] as const;
export type CriterionOutcome = (typeof criterionOutcomes)[number];

export const criterionOutcomeLabels: Record<CriterionOutcome, Bilingual> = {
  met: { da: "Opfyldt", en: "Met" },
  partly_met: { da: "Delvist opfyldt", en: "Partly met" },
  not_met: { da: "Ikke opfyldt", en: "Not met" },
  not_measured: { da: "Ikke målt", en: "Not measured" },
};

/** "40 %", "1.250", "3,5 timer", "ca. 12" → a number; texts without exactly one number → null. */
export function readNumber(text: string | null | undefined): number | null {
  if (!text) return null;
  const found = text.replace(/(\d)\.(\d{3})(?!\d)/g, "$1$2").match(/-?\d+(?:,\d+)?/g);
  const [only] = found ?? [];
  if (found?.length !== 1 || only === undefined) return null;
  return Number(only.replace(",", "."));
}

/** The latest measurement by date (the last one given on that date wins). */
export function latestMeasurement(
  criterionId: string,
  measurements: readonly Measurement[],
): Measurement | null {
  let latest: Measurement | null = null;
  for (const m of measurements)
    if (m.criterionId === criterionId && (!latest || m.measuredOn >= latest.measuredOn)) latest = m;
  return latest;
}

/**
 * The rule, in one sentence each:
 * - not measured: there is no measurement yet;
 * - met: the latest measurement has reached the target, in the direction from baseline to target (without a
 *   baseline, "reached" means at least the target);
 * - partly met: it has moved from the baseline towards the target, but not all the way;
 * - not met: it has not moved towards the target.
 * A criterion whose baseline, target or measurement is not a number is judged by an official; until then it
 * counts as not measured.
 */
export function criterionOutcome(
  criterion: Criterion,
  measurements: readonly Measurement[],
): CriterionOutcome {
  const latest = latestMeasurement(criterion.id, measurements);
  if (!latest) return "not_measured";
  const target = readNumber(criterion.target);
  const value = readNumber(latest.value);
  const baseline = readNumber(criterion.baseline);
  if (target === null || value === null || (criterion.baseline && baseline === null))
    return criterion.judgement ?? "not_measured";
  if (baseline === null || baseline === target) return value >= target ? "met" : "not_met";
  const direction = Math.sign(target - baseline);
  if ((value - target) * direction >= 0) return "met";
  if ((value - baseline) * direction > 0) return "partly_met";
  return "not_met";
}

/** How many criteria are met, partly met, not met and not measured — the report's first line. */
export function criteriaTally(
  criteria: readonly Criterion[],
  measurements: readonly Measurement[],
): Record<CriterionOutcome, number> {
  const tally: Record<CriterionOutcome, number> = { met: 0, partly_met: 0, not_met: 0, not_measured: 0 };
  for (const c of criteria) tally[criterionOutcome(c, measurements)]++;
  return tally;
}
