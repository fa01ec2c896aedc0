import {
  findCouncilById,
  findMunicipality,
  insertCouncil,
  insertTerm,
  listCouncils,
  listMemberships,
  listTerms,
  updateCouncil,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import {
  type CompositionMember,
  checkComposition,
  councilInput,
  municipalElectionPeriod,
  termInput,
} from "@samraad/domain/councils";
import { id, isoDate, localDate, slugify } from "@samraad/domain/shared";
import { z } from "zod";
import type { Context } from "../context.ts";
import { notFound } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, publicProcedure, router } from "../trpc.ts";

/** The council, or 404; callers authorise against its municipality. */
export async function councilOr404(ctx: Context, councilId: string) {
  const council = await findCouncilById(ctx.db, councilId);
  if (!council) throw notFound();
  return council;
}

export function toCompositionMembers(rows: Awaited<ReturnType<typeof listMemberships>>): CompositionMember[] {
  return rows.map((r) => ({
    membershipId: r.membershipId,
    personId: r.personId,
    personName: r.personName,
    side: r.side,
    seat: r.seat,
    role: r.role,
    votingRight: r.votingRight,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    substituteForMembershipId: r.substituteForMembershipId,
    ...(r.livesInMunicipality === null ? {} : { livesInMunicipality: r.livesInMunicipality }),
  }));
}

export const councilsRouter = router({
  list: publicProcedure
    .input(z.object({ municipalityId: id() }))
    .query(({ ctx, input }) => listCouncils(ctx.db, input.municipalityId)),

  get: publicProcedure.input(z.object({ councilId: id() })).query(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    const resource = { municipalityId: council.municipalityId, councilId: council.id };
    return {
      ...council,
      canEdit: can(ctx.principal, "council.edit", resource),
      canReadInternal: can(ctx.principal, "council.read_internal", resource),
    };
  }),

  create: authedProcedure
    .input(councilInput.extend({ municipalityId: id() }))
    .mutation(async ({ ctx, input }) => {
      authorize(ctx, "municipality.administer", { municipalityId: input.municipalityId });
      const municipality = await findMunicipality(ctx.db, { id: input.municipalityId });
      if (!municipality) throw notFound();
      return change(ctx, input.municipalityId, async (tx, audit) => {
        const taken = new Set((await listCouncils(tx, input.municipalityId)).map((c) => c.slug));
        const base = slugify(input.name);
        let slug = base;
        for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
        const council = await insertCouncil(tx, input.municipalityId, {
          name: input.name,
          slug,
          type: input.type,
          purpose: input.purpose ?? null,
          ...input.rules,
        });
        await audit({
          action: "council.create",
          entityType: "council",
          entityId: council.id,
          after: council,
        });
        return council;
      });
    }),

  update: authedProcedure
    .input(councilInput.partial().extend({ councilId: id() }))
    .mutation(async ({ ctx, input }) => {
      const before = await councilOr404(ctx, input.councilId);
      authorize(ctx, "council.edit", { municipalityId: before.municipalityId, councilId: before.id });
      const { councilId, rules, ...fields } = input;
      return change(ctx, before.municipalityId, async (tx, audit) => {
        const after = await updateCouncil(tx, before.municipalityId, councilId, { ...fields, ...rules });
        await audit({ action: "council.update", entityType: "council", entityId: councilId, before, after });
        return after;
      });
    }),

  /** The composition check's findings in plain Danish and English; empty when all is well. */
  composition: authedProcedure
    .input(z.object({ councilId: id(), onDate: isoDate().optional() }))
    .query(async ({ ctx, input }) => {
      const council = await councilOr404(ctx, input.councilId);
      authorize(ctx, "council.read_internal", {
        municipalityId: council.municipalityId,
        councilId: council.id,
      });
      const members = toCompositionMembers(await listMemberships(ctx.db, council.municipalityId, council.id));
      const onDate = input.onDate ?? localDate(ctx.now());
      return { onDate, findings: checkComposition({ type: council.type, members }, onDate) };
    }),

  terms: publicProcedure.input(z.object({ councilId: id() })).query(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    return listTerms(ctx.db, council.municipalityId, council.id);
  }),

  /** After a municipal election: the next 4-year term, aligned to the election period, unless dates are given. */
  startTerm: authedProcedure.input(termInput).mutation(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    authorize(ctx, "council.edit", { municipalityId: council.municipalityId, councilId: council.id });
    const period = municipalElectionPeriod(input.startsOn);
    const name = input.name ?? `Funktionsperiode ${period.startsOn.slice(0, 4)}–${period.endsOn.slice(0, 4)}`;
    return change(ctx, council.municipalityId, async (tx, audit) => {
      const term = await insertTerm(tx, council.municipalityId, {
        councilId: council.id,
        name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      });
      await audit({ action: "term.create", entityType: "term", entityId: term.id, after: term });
      return term;
    });
  }),
});
