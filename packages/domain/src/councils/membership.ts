import { addDays } from "../shared/calendar.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import type { Bilingual, Finding } from "../shared/types.ts";
import { activeSubstituteFor, type CompositionMember, isActiveOn } from "./composition.ts";

export const membershipEndReasons = [
  "resigned",
  "moved_away",
  "term_ended",
  "replaced",
  "deceased",
  "other",
] as const;
export type MembershipEndReason = (typeof membershipEndReasons)[number];

export const membershipEndReasonLabels: Record<MembershipEndReason, Bilingual> = {
  resigned: { da: "Udtrådt efter eget ønske", en: "Resigned" },
  moved_away: { da: "Fraflyttet kommunen", en: "Moved out of the municipality" },
  term_ended: { da: "Funktionsperioden udløb", en: "The term ended" },
  replaced: { da: "Erstattet", en: "Replaced" },
  deceased: { da: "Afgået ved døden", en: "Deceased" },
  other: { da: "Andet", en: "Other" },
};

export type EndedMembership = { membershipId: string; endsOn: string; reason: MembershipEndReason };

/**
 * A member leaves with effect from `onDate`: `onDate` is the first day without the seat, so the membership's
 * last day (endsOn) is the day before.
 */
export function endMembership(
  m: Pick<CompositionMember, "membershipId" | "startsOn" | "endsOn">,
  onDate: string,
  reason: MembershipEndReason,
): Result<EndedMembership> {
  if (m.endsOn !== null && m.endsOn < onDate) {
    return fail(
      "membership.already_ended",
      `Medlemskabet sluttede allerede ${m.endsOn}`,
      `The membership already ended on ${m.endsOn}`,
    );
  }
  if (onDate <= m.startsOn) {
    return fail(
      "membership.ends_before_start",
      `Medlemskabet begynder først ${m.startsOn} og kan ikke slutte før`,
      `The membership starts on ${m.startsOn} and cannot end before that`,
    );
  }
  return ok({ membershipId: m.membershipId, endsOn: addDays(onDate, -1), reason });
}

export type SubstitutePromotion = {
  ended: { membershipId: string; endsOn: string };
  promoted: {
    fromMembershipId: string;
    /** The substitute membership ends too: the person now holds the seat in their own right. */
    fromMembershipEndsOn: string;
    newMembership: Omit<CompositionMember, "membershipId">;
  };
  /** What the council must do next: appoint a new substitute (and elect a chair if the chair left). */
  findings: Finding[];
};

/**
 * A member leaves and their personal substitute takes the seat from `onDate` (BEK 580/2022; e.g. a DH
 * nominee who moves out of the municipality). The seat, side, role and voting right carry over.
 */
export function promoteSubstitute(
  members: CompositionMember[],
  leavingMembershipId: string,
  onDate: string,
): Result<SubstitutePromotion> {
  const leaver = members.find((m) => m.membershipId === leavingMembershipId);
  if (!leaver) {
    return fail("membership.not_found", "Medlemskabet findes ikke", "The membership does not exist");
  }
  if (!isActiveOn(leaver, onDate)) {
    return fail(
      "membership.not_active",
      `${leaver.personName} er ikke medlem ${onDate}, så der er ingen plads at overtage`,
      `${leaver.personName} is not a member on ${onDate}, so there is no seat to take over`,
    );
  }
  const substitute = activeSubstituteFor(members, leaver.membershipId, onDate);
  if (!substitute) {
    return fail(
      "membership.no_substitute",
      `${leaver.personName} har ingen aktiv personlig stedfortræder, der kan overtage pladsen`,
      `${leaver.personName} has no active personal substitute to take the seat`,
    );
  }
  const dayBefore = addDays(onDate, -1);
  const findings: Finding[] = [
    {
      code: "membership.substitute_needed",
      severity: "warning",
      message: {
        da: `${substitute.personName} har overtaget pladsen efter ${leaver.personName}; udpeg en ny personlig stedfortræder`,
        en: `${substitute.personName} has taken over the seat from ${leaver.personName}; appoint a new personal substitute`,
      },
    },
  ];
  if (leaver.role === "formand" || leaver.role === "naestformand") {
    // The council elects its own chair and vice-chair; the seat passes, the office is up for election.
    findings.push({
      code: "membership.chair_election_needed",
      severity: "warning",
      message: {
        da: `${leaver.personName} var ${leaver.role === "formand" ? "formand" : "næstformand"}; rådet bør vælge på ny`,
        en: `${leaver.personName} was ${leaver.role === "formand" ? "chair" : "vice-chair"}; the council should hold an election`,
      },
    });
  }
  return ok({
    ended: { membershipId: leaver.membershipId, endsOn: dayBefore },
    promoted: {
      fromMembershipId: substitute.membershipId,
      fromMembershipEndsOn: dayBefore,
      newMembership: {
        personId: substitute.personId,
        personName: substitute.personName,
        side: leaver.side,
        seat: leaver.seat,
        role: leaver.role,
        votingRight: leaver.votingRight,
        startsOn: onDate,
        endsOn: leaver.endsOn,
        substituteForMembershipId: null,
        ...(substitute.livesInMunicipality === undefined
          ? {}
          : { livesInMunicipality: substitute.livesInMunicipality }),
      },
    },
    findings,
  });
}
