import { findMunicipality, findOidcProvider, saveOidcProvider } from "@samraad/db/queries";
import { oidcCallbackPath, oidcProviderInput } from "@samraad/domain/co-creation";
import { id } from "@samraad/domain/shared";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../context.ts";
import { notFound } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, router } from "../trpc.ts";

/*
 * The OpenID Connect provider (the MitID broker) a municipality's voters sign in with. A municipality-wide
 * setting, so only its administrators see or change it. The client secret goes in and never comes out: not in
 * an answer, not in the audit log.
 */

async function administered(ctx: Context, municipalityId: string) {
  authorize(ctx, "municipality.administer", { municipalityId });
  const municipality = await findMunicipality(ctx.db, { id: municipalityId });
  if (!municipality) throw notFound();
  return municipality;
}

const secretRequired = () =>
  new TRPCError({
    code: "BAD_REQUEST",
    // ZodRealError is zod's Error subclass: tRPC keeps it as the cause, so the form gets a field error.
    cause: new z.ZodRealError([
      { code: "custom", path: ["provider", "clientSecret"], message: "required", input: undefined },
    ]),
  });

export const coCreationOidcRouter = router({
  provider: authedProcedure.input(z.object({ municipalityId: id() })).query(async ({ ctx, input }) => {
    const municipality = await administered(ctx, input.municipalityId);
    const provider = await findOidcProvider(ctx.db, municipality.id);
    return { provider, callbackPath: oidcCallbackPath(municipality.slug) };
  }),

  saveProvider: authedProcedure
    .input(z.object({ municipalityId: id(), provider: oidcProviderInput }))
    .mutation(async ({ ctx, input }) => {
      const municipality = await administered(ctx, input.municipalityId);
      return change(ctx, municipality.id, async (tx, audit) => {
        const saved = await saveOidcProvider(tx, municipality.id, input.provider, ctx.now());
        if (saved === "secret_required") throw secretRequired();
        await audit({
          action: "co_creation.oidc_provider_saved",
          entityType: "municipality",
          entityId: municipality.id,
          after: {
            issuer: input.provider.issuer,
            clientId: input.provider.clientId,
            clientSecretChanged: input.provider.clientSecret !== undefined,
          },
        });
        return { saved: true };
      });
    }),
});
