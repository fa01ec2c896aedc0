import { listAudit } from "@samraad/db/queries";
import { id, wholeNumber } from "@samraad/domain/shared";
import { z } from "zod";
import { authedProcedure, authorize, router } from "../trpc.ts";

export const auditRouter = router({
  list: authedProcedure
    .input(z.object({ municipalityId: id(), limit: wholeNumber(1, 1000).optional() }))
    .query(({ ctx, input }) => {
      authorize(ctx, "municipality.administer", { municipalityId: input.municipalityId });
      return listAudit(ctx.db, input.municipalityId, input.limit);
    }),
});
