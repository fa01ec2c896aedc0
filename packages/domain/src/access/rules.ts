/**
 * Who may do what. Roles are granted per municipality: an administrator may do everything in
 * their municipality; a secretary runs the councils they are assigned to; a council member reads
 * the council's non-public papers and drafts and comments on hearing responses. Without a login,
 * only published, non-closed content is visible — that rule lives in the public views, not here.
 */
export const roles = ["administrator", "secretary", "member", "partner"] as const;
export type Role = (typeof roles)[number];

/**
 * A `partner` grant belongs to an organisation's contact person and names one partnership: it reaches that
 * partnership and nothing else, whichever municipalities take part. Its municipalityId is the partnership's
 * owner (where the grant is administered), never a key to that municipality's councils.
 */
export type Grant = {
  municipalityId: string;
  role: Role;
  councilId: string | null;
  partnershipId?: string | null;
};
export type Principal = { userId: string; name: string; grants: Grant[] };

export const actions = [
  /** read a council's non-public papers: draft agendas, closed items, draft responses, comments */
  "council.read_internal",
  /** change a council: members, meetings, agendas, minutes, hearings */
  "council.edit",
  /** draft a hearing response and comment on it */
  "hearing.collaborate",
  /** create councils, grant roles, read the audit log, link chat channels */
  "municipality.administer",
  /** read a partnership: its steps, agreement, amendments, signatures, work schedule */
  "partnership.read",
  /** change a partnership: answers, agreement sections, amendments, steering group, tasks */
  "partnership.edit",
  /** sign an agreement or amendment — further limited to the partner's named signatories */
  "partnership.sign",
  /** organise a co-creation process: phases, sessions, registrations, ideas, votes — the secretary of its council */
  "coCreation.manage",
] as const;
export type Action = (typeof actions)[number];

/**
 * A partnership is a resource of its owner municipality; `partnerMunicipalityIds` lists every municipality
 * taking part, whose administrators reach it too.
 */
export type Resource = {
  municipalityId: string;
  councilId?: string | null;
  partnershipId?: string | null;
  partnerMunicipalityIds?: string[];
};

const allowedByRole: Record<Role, readonly Action[]> = {
  administrator: actions,
  secretary: ["council.read_internal", "council.edit", "hearing.collaborate", "coCreation.manage"],
  member: ["council.read_internal", "hearing.collaborate"],
  partner: ["partnership.read", "partnership.edit", "partnership.sign"],
};

/** A grant reaches a resource when it is in the same municipality and, for council roles, the same council. */
function grantCovers(grant: Grant, resource: Resource): boolean {
  if (grant.role === "partner") {
    return grant.partnershipId != null && resource.partnershipId === grant.partnershipId;
  }
  if (resource.partnershipId != null && grant.role === "administrator") {
    return (
      grant.municipalityId === resource.municipalityId ||
      (resource.partnerMunicipalityIds ?? []).includes(grant.municipalityId)
    );
  }
  if (grant.municipalityId !== resource.municipalityId) return false;
  if (grant.role === "administrator") return true;
  return resource.councilId != null && grant.councilId === resource.councilId;
}

export function can(principal: Principal | null, action: Action, resource: Resource): boolean {
  if (!principal) return false;
  return principal.grants.some(
    (grant) => grantCovers(grant, resource) && allowedByRole[grant.role].includes(action),
  );
}

/** The councils a principal may read internally, or "all" in municipalities they administer. */
export function internalCouncilScope(
  principal: Principal,
  municipalityId: string,
): { all: true } | { all: false; councilIds: string[] } {
  const grants = principal.grants.filter((g) => g.municipalityId === municipalityId && g.role !== "partner");
  if (grants.some((g) => g.role === "administrator")) return { all: true };
  return { all: false, councilIds: grants.flatMap((g) => (g.councilId ? [g.councilId] : [])) };
}

/** The municipalities a principal belongs to (a user normally has one). */
/** The partnerships a principal holds a partner grant for. */
export function partnershipsOf(principal: Principal): string[] {
  return principal.grants.flatMap((g) => (g.role === "partner" && g.partnershipId ? [g.partnershipId] : []));
}

export function municipalitiesOf(principal: Principal): string[] {
  // A partner grant opens one partnership, not the owner municipality's councils, dashboard or deadlines.
  return [...new Set(principal.grants.filter((g) => g.role !== "partner").map((g) => g.municipalityId))];
}
