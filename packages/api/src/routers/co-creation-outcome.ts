import {
  findActionOwner,
  findMunicipality,
  findProcess,
  findProcessAgreement,
  insertPartnership,
  listFollowUpActions,
  loadPartnership,
  partnershipModel,
  setActionProcess,
  updateSectionIfVersion,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import {
  canStartAgreement,
  cooperationAgreementDraft,
  cooperationAgreementInput,
  followUpLinkInput,
} from "@samraad/domain/co-creation";
import {
  effectiveAt,
  missingSignatories,
  partnershipStatus,
  partnershipStatusLabels,
} from "@samraad/domain/partnerships";
import { id } from "@samraad/domain/shared";
import { z } from "zod";
import type { Context } from "../context.ts";
import { forbidden, notFound, unwrap } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, router } from "../trpc.ts";
import { processOwner } from "./co-creation.ts";

/*
 * The outcome of a co-creation process, for its organisers: the cooperation agreement it ends in and the
 * policy actions that follow up on it. The agreement IS a partnership (kind "cooperation"): its sections,
 * signatories, signing, amendments and DOCX are the partnerships router's, and only the municipality's
 * administrators run partnerships — so only they start one here.
 */

const administers = (ctx: Context, municipalityId: string) =>
  can(ctx.principal, "municipality.administer", { municipalityId });

/** The agreement as the process view shows it: where it stands, who still has to sign. */
async function agreementSummary(ctx: Context, partnershipId: string) {
  const loaded = await loadPartnership(ctx.db, partnershipId);
  if (!loaded) return null;
  const model = partnershipModel(loaded);
  const status = partnershipStatus(
    { agreement: model.agreement, partners: model.partners, termination: model.termination },
    ctx.now(),
  );
  return {
    id: partnershipId,
    title: loaded.partnership.title,
    published: loaded.partnership.published,
    status,
    statusLabel: partnershipStatusLabels[status],
    effectiveAt: effectiveAt(model.agreement, model.partners),
    partners: model.partners.map((p) => p.name),
    signatures: model.agreement.signatures.map((s) => ({
      name: s.name,
      capacity: s.capacity,
      signedAt: s.signedAt,
    })),
    missing: missingSignatories(model.agreement, model.partners).map((s) => s.name),
  };
}

export const coCreationOutcomeRouter = router({
  get: authedProcedure.input(z.object({ processId: id() })).query(async ({ ctx, input }) => {
    const owner = await processOwner(ctx, input.processId);
    const found = await findProcessAgreement(ctx.db, owner.municipalityId, input.processId);
    const followUps = await listFollowUpActions(ctx.db, owner.municipalityId, input.processId);
    return {
      agreement: found ? await agreementSummary(ctx, found.id) : null,
      /** Only administrators run partnerships, so only they start the agreement. */
      canStartAgreement: !found && administers(ctx, owner.municipalityId),
      followUps,
    };
  }),

  /**
   * Starts the cooperation agreement: a partnership of the municipality and the named organisations whose
   * origin is the process, followed by the process's council, with the purpose and partners already written.
   */
  startAgreement: authedProcedure.input(cooperationAgreementInput).mutation(async ({ ctx, input }) => {
    const owner = await processOwner(ctx, input.processId);
    if (!administers(ctx, owner.municipalityId)) throw forbidden();
    const [process, municipality, existing] = await Promise.all([
      findProcess(ctx.db, owner.municipalityId, input.processId),
      findMunicipality(ctx.db, { id: owner.municipalityId }),
      findProcessAgreement(ctx.db, owner.municipalityId, input.processId),
    ]);
    if (!process || !municipality) throw notFound();
    unwrap(canStartAgreement(existing));
    const draft = cooperationAgreementDraft(process, {
      title: input.title,
      municipalityName: municipality.name,
      organisations: input.organisations,
    });
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const created = await insertPartnership(tx, {
        municipalityId: owner.municipalityId,
        title: draft.title,
        task: draft.task,
        councilId: owner.councilId,
        coCreationProcessId: input.processId,
        partners: [
          { kind: "municipality", name: municipality.name, municipalityId: municipality.id },
          ...input.organisations.map((name) => ({ kind: "organisation" as const, name })),
        ],
      });
      for (const [section, text] of Object.entries(draft.sections)) {
        await updateSectionIfVersion(tx, {
          partnershipId: created.id,
          section: section as keyof typeof draft.sections,
          text,
          version: 0,
          userId: ctx.principal.userId,
        });
      }
      await audit({
        action: "co_creation.start_agreement",
        entityType: "partnership",
        entityId: created.id,
        after: { processId: input.processId, title: draft.title, organisations: input.organisations },
      });
      return { id: created.id };
    });
  }),

  /**
   * Links a policy action to the process as its follow-up, or unlinks it: for someone who both organises the
   * process and edits the policy's action plan, in the same municipality.
   */
  setFollowUp: authedProcedure.input(followUpLinkInput).mutation(async ({ ctx, input }) => {
    const owner = await processOwner(ctx, input.processId);
    const action = await findActionOwner(ctx.db, input.actionId);
    if (!action || action.municipalityId !== owner.municipalityId) throw notFound();
    authorize(ctx, "council.edit", action);
    const processId = input.linked ? input.processId : null;
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      if (!(await setActionProcess(tx, owner.municipalityId, input.actionId, processId, ctx.now())))
        throw notFound();
      await audit({
        action: "co_creation.follow_up",
        entityType: "policy_action",
        entityId: input.actionId,
        after: { processId },
      });
      return { actionId: input.actionId, processId };
    });
  }),
});
