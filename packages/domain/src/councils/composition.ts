import type { Finding } from "../shared/types.ts";
import type { CouncilType } from "./council.ts";
import type { MembershipRole, MembershipSeat, MembershipSide } from "./schemas.ts";

export type CompositionMember = {
  membershipId: string;
  personId: string;
  personName: string;
  side: MembershipSide;
  seat: MembershipSeat;
  role: MembershipRole;
  votingRight: boolean;
  startsOn: string;
  /** The last day of the membership, inclusive; null while it runs. */
  endsOn: string | null;
  /** Set when this membership is the personal substitute (stedfortræder) of another. */
  substituteForMembershipId: string | null;
  livesInMunicipality?: boolean;
};

export type CompositionInput = {
  type: CouncilType;
  members: CompositionMember[];
  chairElectedByCouncil?: boolean;
};

export function isActiveOn(m: Pick<CompositionMember, "startsOn" | "endsOn">, date: string): boolean {
  return m.startsOn <= date && (m.endsOn === null || m.endsOn >= date);
}

/** Members in their own right: not substitutes, and not the secretary, who serves the council without being a member. */
export function principalsOn(members: CompositionMember[], date: string): CompositionMember[] {
  return members.filter(
    (m) => isActiveOn(m, date) && m.substituteForMembershipId === null && m.role !== "sekretaer",
  );
}

export function activeSubstituteFor(
  members: CompositionMember[],
  membershipId: string,
  date: string,
): CompositionMember | undefined {
  return members.find((m) => m.substituteForMembershipId === membershipId && isActiveOn(m, date));
}

// Retssikkerhedsloven § 37 a, stk. 2 and BEK 580/2022: 3–7 members on each side.
const SIDE_MIN = 3;
const SIDE_MAX = 7;

const seats = (n: number) => ({
  // Danish adjectives drop their -e in the singular: "1 kommunal plads", "2 kommunale pladser".
  da: (prefix: string) => (n === 1 ? `1 ${prefix.replace(/e $/, " ")}plads` : `${n} ${prefix}pladser`),
  en: (adjective: string) => `${n} ${adjective} ${n === 1 ? "seat" : "seats"}`,
});

const sideWords = {
  organisation: { daPrefix: "organisations", daSide: "organisationssiden", en: "organisation" },
  municipal: { daPrefix: "kommunale ", daSide: "den kommunale side", en: "municipal" },
} as const;

const sideNames: Record<MembershipSide, { da: string; en: string }> = {
  organisation: { da: "organisationerne", en: "the organisations" },
  municipal: { da: "kommunen", en: "the municipality" },
};

/**
 * What is wrong with a council's composition on a given day, in words an official understands.
 * Empty when all is well. Never throws.
 */
export function checkComposition(input: CompositionInput, onDate: string): Finding[] {
  const principals = principalsOn(input.members, onDate);
  const strict = input.type === "handicapraad";
  const findings: Finding[] = [];
  if (strict) findings.push(...sideFindings(principals));
  findings.push(...substituteFindings(input.members, principals, onDate, strict ? "error" : "warning"));
  findings.push(...chairFindings(principals, strict ? "error" : "warning", strict));
  if (strict) {
    if (input.chairElectedByCouncil === false) {
      findings.push({
        code: "composition.chair_not_elected",
        severity: "error",
        message: {
          da: "Handicaprådet skal selv vælge sin formand",
          en: "The disability council must elect its own chair",
        },
      });
    }
    findings.push(...residenceFindings(input.members, principals, onDate));
  }
  return findings;
}

function sideFindings(principals: CompositionMember[]): Finding[] {
  const findings: Finding[] = [];
  const count = (side: MembershipSide) => principals.filter((m) => m.side === side).length;
  const organisation = count("organisation");
  const municipal = count("municipal");
  for (const [side, n] of [
    ["organisation", organisation],
    ["municipal", municipal],
  ] as const) {
    const words = sideWords[side];
    if (n < SIDE_MIN || n > SIDE_MAX) {
      const tooFew = n < SIDE_MIN;
      findings.push({
        code: `composition.${side}_${tooFew ? "too_few" : "too_many"}`,
        severity: "error",
        message: {
          da: `${capitalise(words.daSide)} har ${seats(n).da(words.daPrefix)}, men skal have ${tooFew ? "mindst" : "højst"} ${tooFew ? SIDE_MIN : SIDE_MAX}`,
          en: `The ${words.en} side has ${seats(n).en(words.en)} but must have at ${tooFew ? "least" : "most"} ${tooFew ? SIDE_MIN : SIDE_MAX}`,
        },
      });
    }
  }
  if (organisation !== municipal) {
    // Retssikkerhedsloven § 37 a, stk. 2: the two sides are equal in number.
    findings.push({
      code: "composition.sides_unequal",
      severity: "error",
      message: {
        da: `${seats(organisation).da("organisations")}, men ${seats(municipal).da("kommunale ")}: de to sider skal være lige store`,
        en: `${seats(organisation).en("organisation")} but ${seats(municipal).en("municipal")}: the two sides must be equal`,
      },
    });
  }
  const dh = principals.filter((m) => m.seat === "dh").length;
  const local = principals.filter((m) => m.seat === "local_organisation").length;
  if (local > dh) {
    // Retssikkerhedsloven § 37 a, stk. 2: local organisations outside DH may never hold more seats than DH.
    findings.push({
      code: "composition.local_exceeds_dh",
      severity: "error",
      message: {
        da: `${seats(local).da("lokale ")} mod ${seats(dh).da("DH-")}: lokale organisationer må højst have lige så mange pladser som Danske Handicaporganisationer`,
        en: `${seats(local).en("local organisation")} against ${seats(dh).en("DH")}: local organisations may hold no more seats than Danske Handicaporganisationer`,
      },
    });
  }
  return findings;
}

function substituteFindings(
  members: CompositionMember[],
  principals: CompositionMember[],
  onDate: string,
  severity: Finding["severity"],
): Finding[] {
  // BEK 580/2022: every member of the disability council has a personal substitute.
  return principals
    .filter((m) => activeSubstituteFor(members, m.membershipId, onDate) === undefined)
    .map((m) => ({
      code: "composition.substitute_missing",
      severity,
      message: {
        da: `${m.personName} har ingen personlig stedfortræder`,
        en: `${m.personName} has no personal substitute`,
      },
      subject: { type: "membership", id: m.membershipId },
    }));
}

function chairFindings(
  principals: CompositionMember[],
  severity: Finding["severity"],
  strict: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const chairs = principals.filter((m) => m.role === "formand");
  const vices = principals.filter((m) => m.role === "naestformand");
  if (chairs.length === 0) {
    findings.push({
      code: "composition.chair_missing",
      severity,
      message: { da: "Rådet har ingen formand", en: "The council has no chair" },
    });
  } else if (chairs.length > 1) {
    findings.push({
      code: "composition.chair_multiple",
      severity,
      message: {
        da: `Rådet har ${chairs.length} formænd (${names(chairs)}), men kan kun have én`,
        en: `The council has ${chairs.length} chairs (${names(chairs)}) but can have only one`,
      },
    });
  }
  if (vices.length > 1) {
    findings.push({
      code: "composition.vice_chair_multiple",
      severity,
      message: {
        da: `Rådet har ${vices.length} næstformænd (${names(vices)}), men kan højst have én`,
        en: `The council has ${vices.length} vice-chairs (${names(vices)}) but can have at most one`,
      },
    });
  }
  const [chair] = chairs;
  const [vice] = vices;
  if (strict && chairs.length === 1 && vices.length === 1 && chair && vice && chair.side === vice.side) {
    // Local practice, not law: chair and vice-chair come from different sides.
    findings.push({
      code: "composition.chair_vice_same_side",
      severity: "warning",
      message: {
        da: `Formand og næstformand kommer begge fra ${sideNames[chair.side].da}; det er god praksis at vælge dem fra hver sin side`,
        en: `The chair and vice-chair both come from ${sideNames[chair.side].en}; good practice is to take them from different sides`,
      },
    });
  }
  return findings;
}

function residenceFindings(
  members: CompositionMember[],
  principals: CompositionMember[],
  onDate: string,
): Finding[] {
  // Retssikkerhedsloven § 37 a: DH nominees must live in the municipality; if one moves away, the substitute takes the seat.
  return principals
    .filter((m) => m.seat === "dh" && m.livesInMunicipality === false)
    .map((m) => {
      const substitute = activeSubstituteFor(members, m.membershipId, onDate);
      const next = substitute
        ? {
            da: `stedfortræderen ${substitute.personName} overtager pladsen`,
            en: `the substitute ${substitute.personName} takes the seat`,
          }
        : { da: "stedfortræderen overtager pladsen", en: "the substitute takes the seat" };
      return {
        code: "composition.dh_member_not_resident",
        severity: "error" as const,
        message: {
          da: `${m.personName} bor ikke længere i kommunen og kan ikke sidde for Danske Handicaporganisationer; ${next.da}, og der udpeges en ny stedfortræder`,
          en: `${m.personName} no longer lives in the municipality and cannot hold a DH seat; ${next.en} and a new substitute is appointed`,
        },
        subject: { type: "membership", id: m.membershipId },
      };
    });
}

function names(members: CompositionMember[]): string {
  return members.map((m) => m.personName).join(", ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
