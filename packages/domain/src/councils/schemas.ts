import { z } from "zod";
import {
  flag,
  id,
  isoDate,
  oneOf,
  optionalEmail,
  optionalText,
  requiredText,
  wholeNumber,
} from "../shared/schemas.ts";
import { councilTypes } from "./council.ts";

export const membershipSides = ["organisation", "municipal"] as const;
export type MembershipSide = (typeof membershipSides)[number];

export const membershipSeats = ["dh", "local_organisation", "politician", "official"] as const;
export type MembershipSeat = (typeof membershipSeats)[number];

export const membershipRoles = ["formand", "naestformand", "medlem", "sekretaer"] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/** Retssikkerhedsloven § 37 a: the organisation side is DH nominees and local organisations; the municipal side politicians and officials. */
export const seatSide: Record<MembershipSeat, MembershipSide> = {
  dh: "organisation",
  local_organisation: "organisation",
  politician: "municipal",
  official: "municipal",
};

export const councilRulesInput = z.object({
  agendaCutoffWorkingDays: wholeNumber(0, 30).optional(),
  minutesCorrectionDays: wholeNumber(0, 60).optional(),
  meetingsPerYear: wholeNumber(1, 52).optional(),
  reminderOffsetsDays: z.array(wholeNumber(0, 60)).max(5, { error: "too_many" }).optional(),
});

export const councilInput = z.object({
  name: requiredText(200),
  type: oneOf(councilTypes),
  purpose: optionalText(5000),
  rules: councilRulesInput.optional(),
});
export type CouncilInput = z.infer<typeof councilInput>;

export const termInput = z
  .object({
    councilId: id(),
    name: optionalText(200),
    startsOn: isoDate(),
    endsOn: isoDate(),
  })
  .refine((t) => t.endsOn >= t.startsOn, { error: "end_before_start", path: ["endsOn"] });
export type TermInput = z.infer<typeof termInput>;

export const personInput = z.object({
  name: requiredText(200),
  email: optionalEmail(),
  publicName: flag().default(true),
});
export type PersonInput = z.infer<typeof personInput>;

export const membershipFields = {
  councilId: id(),
  personId: id(),
  side: oneOf(membershipSides),
  seat: oneOf(membershipSeats),
  role: oneOf(membershipRoles),
  votingRight: flag(),
  startsOn: isoDate(),
  endsOn: isoDate().nullable().optional(),
  nominatedBy: optionalText(200),
  substituteForMembershipId: id().optional(),
};

type MembershipRuleFields = {
  side: MembershipSide;
  seat: MembershipSeat;
  startsOn: string;
  endsOn?: string | null;
};

/** The rules every membership form obeys, whichever way the person is given. */
export function withMembershipRules<T extends z.ZodType<MembershipRuleFields>>(schema: T) {
  return schema
    .refine((m) => seatSide[m.seat] === m.side, { error: "seat_side_mismatch", path: ["seat"] })
    .refine((m) => m.endsOn == null || m.endsOn >= m.startsOn, {
      error: "end_before_start",
      path: ["endsOn"],
    });
}

export const membershipInput = withMembershipRules(z.object(membershipFields));
export type MembershipInput = z.infer<typeof membershipInput>;
