import type { CompositionMember } from "./composition.ts";

let counter = 0;

/** A member with sensible defaults; `principal` adds a substitute for the member unless told not to. */
export function member(overrides: Partial<CompositionMember> & { personName: string }): CompositionMember {
  counter += 1;
  return {
    membershipId: `m-${counter}`,
    personId: `p-${counter}`,
    side: "organisation",
    seat: "dh",
    role: "medlem",
    votingRight: true,
    startsOn: "2022-01-01",
    endsOn: null,
    substituteForMembershipId: null,
    ...overrides,
  };
}

export function withSubstitute(principal: CompositionMember): CompositionMember[] {
  return [
    principal,
    member({
      personName: `Stedfortræder for ${principal.personName}`,
      side: principal.side,
      seat: principal.seat,
      substituteForMembershipId: principal.membershipId,
    }),
  ];
}

/** A lawful Handicapråd: 3 DH + 1 local organisation seat against 2 politicians and 2 officials. */
export function lawfulDisabilityCouncil(): CompositionMember[] {
  const principals = [
    member({ personName: "Anne Hansen", seat: "dh", role: "formand" }),
    member({ personName: "Bo Jensen", seat: "dh" }),
    member({ personName: "Carla Nielsen", seat: "dh" }),
    member({ personName: "Dorte Madsen", seat: "local_organisation" }),
    member({ personName: "Erik Olsen", side: "municipal", seat: "politician", role: "naestformand" }),
    member({ personName: "Frida Holm", side: "municipal", seat: "politician" }),
    member({ personName: "Gitte Berg", side: "municipal", seat: "official", votingRight: false }),
    member({ personName: "Hans Lund", side: "municipal", seat: "official", votingRight: false }),
  ];
  return [
    ...principals.flatMap(withSubstitute),
    member({
      personName: "Ida Sekretær",
      side: "municipal",
      seat: "official",
      role: "sekretaer",
      votingRight: false,
    }),
  ];
}
