import { eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { roleGrants, user } from "../schema/index.ts";

/** A signed-in user's name and role grants: what the API's context carries for authorisation. */
export async function loadPrincipal(db: Db, userId: string) {
  const rows = await db
    .select({
      name: user.name,
      municipalityId: roleGrants.municipalityId,
      role: roleGrants.role,
      councilId: roleGrants.councilId,
      partnershipId: roleGrants.partnershipId,
    })
    .from(user)
    .leftJoin(roleGrants, eq(roleGrants.userId, user.id))
    .where(eq(user.id, userId));
  const [first] = rows;
  if (!first) return null;
  return {
    userId,
    name: first.name,
    grants: rows.flatMap((r) =>
      r.municipalityId && r.role
        ? [
            {
              municipalityId: r.municipalityId,
              role: r.role,
              councilId: r.councilId,
              partnershipId: r.partnershipId,
            },
          ]
        : [],
    ),
  };
}
