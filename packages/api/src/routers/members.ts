import {
  endMembershipRow,
  findMembershipOwner,
  findPerson,
  insertMembership,
  insertPerson,
  listMemberships,
  listPeople,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import {
  endMembership,
  isActiveOn,
  membershipEndReasons,
  newMembershipInput,
  promoteSubstitute,
} from "@samraad/domain/councils";
import { id, isoDate, localDate, oneOf } from "@samraad/domain/shared";
import { z } from "zod";
import { notFound, unwrap } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, publicProcedure, router } from "../trpc.ts";
import { councilOr404, toCompositionMembers } from "./councils.ts";

export const membersRouter = router({
  /**
   * The public sees who sits on the council today (names withheld where a person asked); people who
   * may read the council's internal papers see the whole history of who sat when.
   */
  list: publicProcedure.input(z.object({ councilId: id() })).query(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    const rows = await listMemberships(ctx.db, council.municipalityId, council.id);
    if (
      can(ctx.principal, "council.read_internal", {
        municipalityId: council.municipalityId,
        councilId: council.id,
      })
    ) {
      return rows;
    }
    const today = localDate(ctx.now());
    return rows
      .filter((r) => isActiveOn(r, today))
      .map((r) => ({
        ...r,
        personName: r.publicName ? r.personName : null,
        personId: null,
        livesInMunicipality: null,
      }));
  }),

  /** The municipality's whole directory of people, with e-mail addresses: for administrators only. */
  people: authedProcedure.input(z.object({ municipalityId: id() })).query(({ ctx, input }) => {
    authorize(ctx, "municipality.administer", { municipalityId: input.municipalityId });
    return listPeople(ctx.db, input.municipalityId);
  }),

  /** Adds a member, creating the person when given by name rather than id. */
  add: authedProcedure.input(newMembershipInput).mutation(async ({ ctx, input }) => {
    const council = await councilOr404(ctx, input.councilId);
    authorize(ctx, "council.edit", { municipalityId: council.municipalityId, councilId: council.id });
    return change(ctx, council.municipalityId, async (tx, audit) => {
      let personId: string;
      if (input.person) {
        const person = await insertPerson(tx, council.municipalityId, {
          name: input.person.name,
          email: input.person.email ?? null,
          publicName: input.person.publicName,
          livesInMunicipality: null,
        });
        personId = person.id;
      } else {
        const person = input.personId ? await findPerson(tx, council.municipalityId, input.personId) : null;
        if (!person) throw notFound();
        personId = person.id;
      }
      if (input.substituteForMembershipId) {
        const principal = (await listMemberships(tx, council.municipalityId, council.id)).find(
          (m) => m.membershipId === input.substituteForMembershipId,
        );
        if (!principal) throw notFound();
      }
      const membership = await insertMembership(tx, council.municipalityId, {
        councilId: council.id,
        personId,
        side: input.side,
        seat: input.seat,
        role: input.role,
        votingRight: input.votingRight,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        nominatedBy: input.nominatedBy ?? null,
        substituteForMembershipId: input.substituteForMembershipId ?? null,
      });
      await audit({
        action: "membership.add",
        entityType: "membership",
        entityId: membership.id,
        after: input,
      });
      return membership;
    });
  }),

  end: authedProcedure
    .input(z.object({ membershipId: id(), onDate: isoDate(), reason: oneOf(membershipEndReasons) }))
    .mutation(async ({ ctx, input }) => {
      const { council, member } = await membershipOf(ctx, input.membershipId);
      authorize(ctx, "council.edit", { municipalityId: council.municipalityId, councilId: council.id });
      const ended = unwrap(endMembership(member, input.onDate, input.reason));
      return change(ctx, council.municipalityId, async (tx, audit) => {
        await endMembershipRow(tx, council.municipalityId, ended.membershipId, ended.endsOn, ended.reason);
        await audit({
          action: "membership.end",
          entityType: "membership",
          entityId: ended.membershipId,
          before: member,
          after: ended,
        });
        return ended;
      });
    }),

  /** A member leaves and the personal substitute takes the seat; the council must then appoint a new substitute. */
  promoteSubstitute: authedProcedure
    .input(z.object({ membershipId: id(), onDate: isoDate(), reason: oneOf(membershipEndReasons) }))
    .mutation(async ({ ctx, input }) => {
      const { council, members } = await membershipOf(ctx, input.membershipId);
      authorize(ctx, "council.edit", { municipalityId: council.municipalityId, councilId: council.id });
      const promotion = unwrap(promoteSubstitute(members, input.membershipId, input.onDate));
      return change(ctx, council.municipalityId, async (tx, audit) => {
        await endMembershipRow(
          tx,
          council.municipalityId,
          promotion.ended.membershipId,
          promotion.ended.endsOn,
          input.reason,
        );
        await endMembershipRow(
          tx,
          council.municipalityId,
          promotion.promoted.fromMembershipId,
          promotion.promoted.fromMembershipEndsOn,
          "promoted",
        );
        const { newMembership } = promotion.promoted;
        const created = await insertMembership(tx, council.municipalityId, {
          councilId: council.id,
          personId: newMembership.personId,
          side: newMembership.side,
          seat: newMembership.seat,
          role: newMembership.role,
          votingRight: newMembership.votingRight,
          startsOn: newMembership.startsOn,
          endsOn: newMembership.endsOn,
          nominatedBy: null,
          substituteForMembershipId: null,
        });
        await audit({
          action: "membership.promote_substitute",
          entityType: "membership",
          entityId: created.id,
          after: promotion,
        });
        return { membershipId: created.id, findings: promotion.findings };
      });
    }),
});

async function membershipOf(ctx: Parameters<typeof councilOr404>[0], membershipId: string) {
  const owner = await findMembershipOwner(ctx.db, membershipId);
  if (!owner) throw notFound();
  const council = await councilOr404(ctx, owner.councilId);
  const members = toCompositionMembers(await listMemberships(ctx.db, council.municipalityId, council.id));
  const member = members.find((m) => m.membershipId === membershipId);
  if (!member) throw notFound();
  return { council, members, member };
}
