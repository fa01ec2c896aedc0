import { localDate, zonedInstant } from "../shared/calendar.ts";
import { formatDate } from "../shared/format.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import type { Bilingual } from "../shared/types.ts";
import type { Agreement, Amendment, Partner, PartnerKind, Signature } from "./model.ts";
import { effectiveAt, textInForce } from "./signing.ts";

/**
 * A partnership's life after the agreement: in force once everyone signed, ended after a fixed end date, or
 * terminated by a partner at a yearly evaluation when the agreement is ongoing (the template's § 7).
 */
export const partnershipStatuses = ["preparing", "in_force", "ended", "terminated"] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];

export const partnershipStatusLabels: Record<PartnershipStatus, Bilingual> = {
  preparing: { da: "Under forberedelse", en: "Being prepared" },
  in_force: { da: "Aftalen er i kraft", en: "The agreement is in force" },
  ended: { da: "Aftalen er udløbet", en: "The agreement has ended" },
  terminated: { da: "Aftalen er opsagt", en: "The agreement has been terminated" },
};

/** Who terminated, on which day (the evaluation at which it was decided), and why. */
export type Termination = { on: string; partnerId: string; reason: string };

export type Lifecycle = { agreement: Agreement; partners: Partner[]; termination: Termination | null };

export function partnershipStatus(l: Lifecycle, now: Date): PartnershipStatus {
  const today = localDate(now);
  if (l.termination && l.termination.on <= today) return "terminated";
  const d = l.agreement.duration;
  if (d?.kind === "fixed" && d.endsOn < today) return "ended";
  const since = effectiveAt(l.agreement, l.partners);
  return since && since.getTime() <= now.getTime() ? "in_force" : "preparing";
}

const dateWords = (iso: string) => ({
  da: formatDate(zonedInstant(iso, "12:00"), "da"),
  en: formatDate(zonedInstant(iso, "12:00"), "en"),
});

/**
 * May `userId` act for this partner? A municipality partner's administrators may; so may anyone the partner
 * names (contact person or signatory) with that login. Nobody acts for a partner they do not belong to.
 */
export function mayActFor(
  partner: Partner,
  userId: string,
  administers: (municipalityId: string) => boolean,
): boolean {
  if (partner.municipalityId && administers(partner.municipalityId)) return true;
  return [...partner.contacts, ...partner.signatories].some((p) => p.userId != null && p.userId === userId);
}

/**
 * Who may change or remove a partner's people: the owner municipality's administrators run the partnership and
 * may change anyone; everyone else (a partner organisation's contact, another partner municipality) only the
 * people of a partner they act for — an organisation cannot remove the municipality's signatory.
 */
export function mayManagePeopleOf(
  partner: Partner,
  owner: { municipalityId: string },
  userId: string,
  administers: (municipalityId: string) => boolean,
): Result<true> {
  if (administers(owner.municipalityId) || mayActFor(partner, userId, administers)) return ok(true);
  return fail(
    "partnership.not_for_partner",
    "Du kan kun ændre personer hos en partner, du selv hører til",
    "You can only change the people of a partner you belong to",
  );
}

/**
 * Terminating follows the agreement's own terms: only an ongoing agreement in force can be terminated, only by
 * one of its partners, and only at the yearly evaluation (on or after its date, until the next date is set).
 * A fixed-term agreement simply ends on its end date.
 */
export function terminateAtEvaluation(
  l: Lifecycle,
  input: {
    partnerId: string;
    reason: string;
    userId: string;
    administers: (municipalityId: string) => boolean;
  },
  now: Date,
): Result<Termination> {
  if (l.termination) {
    return fail(
      "partnership.already_terminated",
      "Aftalen er allerede opsagt",
      "The agreement has already been terminated",
    );
  }
  const partner = l.partners.find((p) => p.id === input.partnerId);
  if (!partner || !mayActFor(partner, input.userId, input.administers)) {
    return fail(
      "partnership.not_for_partner",
      "Du kan kun opsige aftalen på vegne af en partner, du selv hører til",
      "You can only terminate on behalf of a partner you belong to",
    );
  }
  const status = partnershipStatus(l, now);
  if (status !== "in_force") {
    return fail(
      "partnership.not_in_force",
      "Kun en aftale, der er i kraft, kan opsiges",
      "Only an agreement in force can be terminated",
    );
  }
  const d = l.agreement.duration;
  if (d?.kind !== "ongoing") {
    return fail(
      "partnership.fixed_term",
      "Aftalen løber til en fast slutdato og kan ikke opsiges ved en årlig evaluering",
      "The agreement runs to a fixed end date and cannot be terminated at a yearly evaluation",
    );
  }
  const today = localDate(now);
  if (today < d.evaluationOn) {
    const when = dateWords(d.evaluationOn);
    return fail(
      "partnership.before_evaluation",
      `Aftalen kan først opsiges ved den årlige evaluering ${when.da}`,
      `The agreement can only be terminated at the yearly evaluation on ${when.en}`,
    );
  }
  return ok({ on: today, partnerId: partner.id, reason: input.reason });
}

/** A terminated partnership's yearly evaluation cannot be moved on: there is no next one. */
export function canSetNextEvaluation(l: Lifecycle): Result<true> {
  if (l.termination) {
    return fail(
      "partnership.terminated",
      "Aftalen er opsagt; der er ingen næste evaluering",
      "The agreement has been terminated; there is no next evaluation",
    );
  }
  return ok(true);
}

/**
 * A person who has signed the agreement or an amendment stays its signatory: removing them (or their signatory
 * role) would make signed documents look unsigned and change what was in force.
 */
export function canStopBeingSignatory(
  personId: string,
  documents: { signatures: Signature[] }[],
): Result<true> {
  if (documents.some((d) => d.signatures.some((s) => s.signatoryId === personId))) {
    return fail(
      "partnership.person_signed",
      "Personen har underskrevet og kan ikke fjernes som underskriver",
      "This person has signed and cannot be removed as a signatory",
    );
  }
  return ok(true);
}

/**
 * A signatory counts from when they were named (a new person's record). An existing contact made a signatory
 * after signing began would count from when they were first recorded and unsettle signed documents, so they
 * are added as a new person instead.
 */
export function canBecomeSignatory(documents: { signatures: Signature[] }[]): Result<true> {
  if (documents.some((d) => d.signatures.length > 0)) {
    return fail(
      "partnership.signing_started",
      "Der er allerede underskrevet. Tilføj den nye underskriver som en ny person",
      "Signing has already begun. Add the new signatory as a new person",
    );
  }
  return ok(true);
}

/** What the public page shows: purpose, partners and what is offered — never budget, contacts or drafts. */
export type PublicPartnership = {
  id: string;
  title: string;
  partners: { name: string; kind: PartnerKind }[];
  task: string;
  content: string;
  inForceSince: Date;
  /** The next course's first session, when it lies ahead. */
  nextStartOn: string | null;
};

/**
 * A partnership reaches the public only when its partners published it AND its agreement is in force (not in
 * preparation, ended or terminated); then it shows the text in force, never unsigned amendments or drafts.
 */
export function publicPartnership(
  input: {
    id: string;
    title: string;
    published: boolean;
    firstSessionOn: string | null;
    lifecycle: Lifecycle;
    amendments: Amendment[];
  },
  now: Date,
): PublicPartnership | null {
  if (!input.published || partnershipStatus(input.lifecycle, now) !== "in_force") return null;
  const { agreement, partners } = input.lifecycle;
  const text = textInForce(agreement, input.amendments, partners, now);
  if (!text) return null;
  const today = localDate(now);
  return {
    id: input.id,
    title: input.title,
    partners: partners.map((p) => ({ name: p.name, kind: p.kind })),
    task: text.sections.task,
    content: text.sections.content,
    inForceSince: text.inForceSince,
    nextStartOn: input.firstSessionOn && input.firstSessionOn >= today ? input.firstSessionOn : null,
  };
}

/** The words a public search matches a published partnership on. */
export function publicSearchText(p: PublicPartnership): string {
  return [p.title, p.task, p.content, ...p.partners.map((x) => x.name)].join("\n");
}
