import { z } from "zod";
import { localDate } from "../shared/calendar.ts";
import { id, isoDate, oneOf, optionalText, requiredText } from "../shared/schemas.ts";
import { slugify } from "../shared/slug.ts";
import type { Bilingual } from "../shared/types.ts";

/**
 * A co-creation process (samskabelsesforløb): citizens, staff, volunteers and organisations work on one
 * question over a series of phases. A draft is visible only to its organisers; a published process has a
 * public page; an archived one stays public as a record but takes no more sign-ups.
 */
export const processStatuses = ["draft", "published", "archived"] as const;
export type ProcessStatus = (typeof processStatuses)[number];

export const processStatusLabels: Record<ProcessStatus, Bilingual> = {
  draft: { da: "Kladde", en: "Draft" },
  published: { da: "Offentliggjort", en: "Published" },
  archived: { da: "Afsluttet", en: "Finished" },
};

/** Only published and archived processes reach the public site, its search, feeds and open data. */
export function isPublicProcess(status: ProcessStatus): boolean {
  return status === "published" || status === "archived";
}

/** The phases the reference cases go through; `other` for anything else (its title says what). */
export const phaseKinds = [
  "invitation",
  "idea_development",
  "vote",
  "realisation",
  "evaluation",
  "workshops",
  "other",
] as const;
export type PhaseKind = (typeof phaseKinds)[number];

export const phaseKindLabels: Record<PhaseKind, Bilingual> = {
  invitation: { da: "Invitation", en: "Invitation" },
  idea_development: { da: "Idéudvikling", en: "Idea development" },
  vote: { da: "Afstemning", en: "Vote" },
  realisation: { da: "Realisering", en: "Realisation" },
  evaluation: { da: "Evaluering", en: "Evaluation" },
  workshops: { da: "Workshops", en: "Workshops" },
  other: { da: "Andet", en: "Other" },
};

/** Calendar dates, both inclusive (a phase from 1 to 30 September runs through the 30th). */
export type PhaseDates = { id: string; startsOn: string; endsOn: string };

export type PhaseState<P extends PhaseDates> =
  | { state: "not_started"; current: null; next: P }
  | { state: "running"; current: P; next: P | null }
  | { state: "between"; current: null; next: P }
  | { state: "finished"; current: null; next: null }
  | { state: "no_phases"; current: null; next: null };

function byStart<P extends PhaseDates>(a: P, b: P): number {
  return a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The current phase is computed from the dates and today in Copenhagen, never stored by hand: the phase whose
 * dates include today; when phases overlap, the one that started last (the process has moved on to it).
 */
export function currentPhase<P extends PhaseDates>(phases: readonly P[], now: Date): PhaseState<P> {
  if (phases.length === 0) return { state: "no_phases", current: null, next: null };
  const today = localDate(now);
  const sorted = [...phases].sort(byStart);
  const running = sorted.filter((p) => p.startsOn <= today && today <= p.endsOn);
  const upcoming = sorted.filter((p) => p.startsOn > today);
  const next = upcoming[0] ?? null;
  const current = running.at(-1);
  if (current) return { state: "running", current, next };
  if (next) {
    const started = sorted.some((p) => p.startsOn <= today);
    return started
      ? { state: "between", current: null, next }
      : { state: "not_started", current: null, next };
  }
  return { state: "finished", current: null, next: null };
}

/** A phase's place in time, for marking it on the process page. */
export function phaseTiming(phase: PhaseDates, now: Date): "past" | "current" | "future" {
  const today = localDate(now);
  if (phase.endsOn < today) return "past";
  if (phase.startsOn > today) return "future";
  return "current";
}

export const phaseInput = z
  .object({
    kind: oneOf(phaseKinds),
    title: requiredText(200),
    description: optionalText(5000),
    startsOn: isoDate(),
    endsOn: isoDate(),
  })
  .refine((p) => p.endsOn >= p.startsOn, { error: "end_before_start", path: ["endsOn"] });
export type PhaseInput = z.infer<typeof phaseInput>;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Addresses the public site uses under `/samskabelse/` itself (the sign-up receipts), never a process's. */
export const reservedProcessSlugs = ["tilmelding"] as const;
const isReserved = (slug: string) => (reservedProcessSlugs as readonly string[]).includes(slug);

export const processFields = z.object({
  title: requiredText(200),
  /** A URL segment; derived from the title when left empty. */
  slug: z
    .string({ error: "invalid_format" })
    .trim()
    .max(80, { error: "too_long" })
    .refine((s) => s === "" || slugPattern.test(s), { error: "invalid_slug" })
    .refine((s) => !isReserved(s), { error: "slug_taken" })
    .optional(),
  purpose: requiredText(5000),
  audience: optionalText(1000),
  area: optionalText(300),
  councilId: id().optional(),
});

export const processInput = processFields.extend({
  phases: z.array(phaseInput).max(12, { error: "too_many" }).default([]),
});
export type ProcessInput = z.infer<typeof processInput>;

export const processUpdateInput = processFields.extend({ processId: id() });
export type ProcessUpdateInput = z.infer<typeof processUpdateInput>;

/** The slug a process gets: the one typed, else the title's. */
export function processSlug(input: { title: string; slug?: string | undefined }): string {
  const typed = input.slug?.trim();
  if (typed) return typed;
  const derived = slugify(input.title).slice(0, 80).replace(/-+$/, "");
  return isReserved(derived) ? `${derived}-forloeb` : derived;
}

/**
 * Status changes an organiser may make: publish a draft, archive a published process, reopen an archived one.
 * A published process never goes back to draft — people may have signed up.
 */
export function canChangeStatus(from: ProcessStatus, to: ProcessStatus): boolean {
  if (from === to) return false;
  if (from === "draft") return to === "published";
  if (from === "published") return to === "archived";
  return to === "published";
}
