import { findMunicipality, listMunicipalities } from "@samraad/db/queries";
import { z } from "zod";
import { notFound } from "../errors.ts";
import { publicProcedure, router } from "../trpc.ts";

export const municipalitiesRouter = router({
  list: publicProcedure.query(({ ctx }) => listMunicipalities(ctx.db)),
  bySlug: publicProcedure
    .input(z.object({ slug: z.string().min(1).max(100) }))
    .query(async ({ ctx, input }) => {
      const municipality = await findMunicipality(ctx.db, { slug: input.slug });
      if (!municipality) throw notFound();
      return municipality;
    }),
});
