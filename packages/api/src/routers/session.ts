import { listCouncils, listMunicipalities } from "@samraad/db/queries";
import { can, municipalitiesOf } from "@samraad/domain/access";
import { authedProcedure, router } from "../trpc.ts";

/**
 * Who is signed in, in the words the admin app shows: the person's name, each role with its
 * municipality's and council's names, and the councils they may work with (all councils of a
 * municipality they administer, else the councils they are assigned to).
 */
export const sessionRouter = router({
  me: authedProcedure.query(async ({ ctx }) => {
    const { principal } = ctx;
    const wanted = new Set(municipalitiesOf(principal));
    const municipalities = (await listMunicipalities(ctx.db)).filter((m) => wanted.has(m.id));
    const councilsPer = await Promise.all(municipalities.map((m) => listCouncils(ctx.db, m.id)));
    const councils = councilsPer.flat().flatMap((c) => {
      const resource = { municipalityId: c.municipalityId, councilId: c.id };
      if (!can(principal, "council.read_internal", resource)) return [];
      return [
        {
          id: c.id,
          name: c.name,
          municipalityId: c.municipalityId,
          canEdit: can(principal, "council.edit", resource),
        },
      ];
    });
    const nameOf = new Map(municipalities.map((m) => [m.id, m.name]));
    const councilName = new Map(councils.map((c) => [c.id, c.name]));
    return {
      userId: principal.userId,
      name: principal.name,
      grants: principal.grants.map((g) => ({
        ...g,
        municipalityName: nameOf.get(g.municipalityId) ?? "",
        councilName: g.councilId ? (councilName.get(g.councilId) ?? null) : null,
      })),
      municipalities: municipalities.map((m) => ({
        id: m.id,
        name: m.name,
        slug: m.slug,
        canAdminister: can(principal, "municipality.administer", { municipalityId: m.id }),
      })),
      councils,
    };
  }),
});
