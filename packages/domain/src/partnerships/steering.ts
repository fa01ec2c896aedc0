import type { Finding } from "../shared/types.ts";
import type { Partner } from "./model.ts";

export const steeringRoles = ["partner_representative", "user_representative"] as const;
export type SteeringRole = (typeof steeringRoles)[number];

export type SteeringMember = {
  id: string;
  name: string;
  role: SteeringRole;
  /** The partner a representative comes from; null for parent (user) representatives. */
  partnerId: string | null;
  /** The one overall lead the group appoints. */
  lead: boolean;
};

// The model's agreement template: two representatives from each partner plus one or two parent representatives.
const PER_PARTNER = 2;
const USERS_MIN = 1;
const USERS_MAX = 2;

const people = (n: number) => ({
  da: `${n} ${n === 1 ? "repræsentant" : "repræsentanter"}`,
  en: `${n} ${n === 1 ? "representative" : "representatives"}`,
});

/** What is wrong with a steering group's composition, in words both partners understand. Empty when all is well. */
export function checkSteeringGroup(partners: Partner[], members: SteeringMember[]): Finding[] {
  const findings: Finding[] = [];
  for (const partner of partners) {
    const n = members.filter((m) => m.role === "partner_representative" && m.partnerId === partner.id).length;
    if (n !== PER_PARTNER) {
      findings.push({
        code: n < PER_PARTNER ? "steering.partner_too_few" : "steering.partner_too_many",
        severity: "error",
        message: {
          da: `${partner.name} har ${people(n).da} i styregruppen, men skal have ${PER_PARTNER}`,
          en: `${partner.name} has ${people(n).en} on the steering group but must have ${PER_PARTNER}`,
        },
        subject: { type: "partner", id: partner.id },
      });
    }
  }
  const known = new Set(partners.map((p) => p.id));
  for (const m of members) {
    if (m.role === "partner_representative" && (m.partnerId === null || !known.has(m.partnerId))) {
      findings.push({
        code: "steering.unknown_partner",
        severity: "error",
        message: {
          da: `${m.name} repræsenterer ikke en af partnerne`,
          en: `${m.name} does not represent one of the partners`,
        },
        subject: { type: "steering_member", id: m.id },
      });
    }
  }
  const users = members.filter((m) => m.role === "user_representative").length;
  if (users < USERS_MIN || users > USERS_MAX) {
    findings.push({
      code: users < USERS_MIN ? "steering.users_too_few" : "steering.users_too_many",
      severity: "error",
      message: {
        da: `Styregruppen har ${users} ${users === 1 ? "forældrerepræsentant" : "forældrerepræsentanter"}, men skal have én eller to`,
        en: `The steering group has ${users} parent ${users === 1 ? "representative" : "representatives"} but must have one or two`,
      },
    });
  }
  const leads = members.filter((m) => m.lead).length;
  if (leads !== 1) {
    findings.push({
      code: leads === 0 ? "steering.no_lead" : "steering.several_leads",
      severity: "error",
      message:
        leads === 0
          ? {
              da: "Styregruppen har ikke udpeget en overordnet ansvarlig",
              en: "The steering group has not appointed an overall lead",
            }
          : {
              da: `Styregruppen har ${leads} overordnet ansvarlige, men skal have én`,
              en: `The steering group has ${leads} overall leads but must have one`,
            },
    });
  }
  return findings;
}
