import { findPartnershipAccess, upcomingDeadlinesFor } from "@samraad/db/queries";
import { can, internalCouncilScope, municipalitiesOf, partnershipsOf } from "@samraad/domain/access";
import { type Deadline, deadlineKindLabels } from "@samraad/domain/deadlines";
import { id, wholeNumber } from "@samraad/domain/shared";
import { z } from "zod";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

const options = { horizonDays: wholeNumber(1, 3650).optional(), limit: wholeNumber(1, 500).optional() };

/** The wire form of a deadline: an ISO instant and the kind's label, so every client shows the same words. */
export type WireDeadline = Omit<Deadline, "dueAt"> & {
  kindLabel: (typeof deadlineKindLabels)[Deadline["kind"]];
  dueAt: string;
};

// Named field by field, so nothing the domain adds later goes out unnoticed. A kept deadline is the same frozen
// object on every call, so its wire form is made once (no output schema re-checks these on every request).
const wireForms = new WeakMap<Deadline, WireDeadline>();
function toWire(d: Deadline): WireDeadline {
  let wire = wireForms.get(d);
  if (!wire) {
    wire = {
      id: d.id,
      kind: d.kind,
      kindLabel: deadlineKindLabels[d.kind],
      title: d.title,
      dueAt: d.dueAt.toISOString(),
      councilId: d.councilId,
      municipalityId: d.municipalityId,
      target: d.target,
      public: d.public,
    };
    wireForms.set(d, wire);
  }
  return wire;
}

export const deadlinesRouter = router({
  /** A council's or a municipality's upcoming deadlines; the public sees only the public ones. */
  upcoming: publicProcedure
    .input(z.object({ municipalityId: id(), councilId: id().optional(), ...options }))
    .query(async ({ ctx, input }) => {
      const { municipalityId, councilId, ...rest } = input;
      const internal = can(ctx.principal, "council.read_internal", {
        municipalityId,
        councilId: councilId ?? null,
      });
      const deadlines = await upcomingDeadlinesFor(
        ctx.db,
        { municipalityId, ...(councilId ? { councilIds: [councilId] } : {}), publicOnly: !internal },
        ctx.now(),
        rest,
      );
      return deadlines.map(toWire);
    }),

  /** The dashboard: every deadline of every council the signed-in user works with, soonest first. */
  mine: authedProcedure.input(z.object(options)).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const perMunicipality = await Promise.all(
      municipalitiesOf(ctx.principal).map((municipalityId) => {
        const scope = internalCouncilScope(ctx.principal, municipalityId);
        return upcomingDeadlinesFor(
          ctx.db,
          { municipalityId, ...(scope.all ? {} : { councilIds: scope.councilIds }) },
          now,
          input,
        );
      }),
    );
    // A partner grant: only its own partnership's deadlines, kept with the council that follows it.
    const perPartnership = await Promise.all(
      partnershipsOf(ctx.principal).map(async (partnershipId) => {
        const access = await findPartnershipAccess(ctx.db, partnershipId);
        if (!access?.followedByCouncilId || !can(ctx.principal, "partnership.read", access)) return [];
        const list = await upcomingDeadlinesFor(
          ctx.db,
          { municipalityId: access.municipalityId, councilIds: [access.followedByCouncilId] },
          now,
          { horizonDays: input.horizonDays },
        );
        return list.filter((d) => d.target.type === "partnership" && d.target.id === partnershipId);
      }),
    );
    const seen = new Set<string>();
    const merged = [...perMunicipality.flat(), ...perPartnership.flat()]
      .filter((d) => !seen.has(d.id) && seen.add(d.id) !== undefined)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    return (input.limit ? merged.slice(0, input.limit) : merged).map(toWire);
  }),
});
