import {
  findAgreementOrigin,
  findMunicipality,
  findPartnershipAccess,
  insertAmendment,
  insertPartnership,
  insertPartnershipPerson,
  insertSignature,
  insertSteeringMember,
  insertTask,
  invitePartnershipLogin,
  listPartnerships,
  loadPartnership,
  partnershipModel,
  removePartnershipPerson,
  removeTask,
  setTaskDone,
  updatePartnershipPerson,
  updatePartnershipRow,
  updateSectionIfVersion,
  updateTask,
} from "@samraad/db/queries";
import { type Action, can, municipalitiesOf, partnershipsOf } from "@samraad/domain/access";
import {
  agreementKindOf,
  amendmentSchema,
  answersSchema,
  canBecomeSignatory,
  canEditText,
  canSetNextEvaluation,
  canStopBeingSignatory,
  checkSteeringGroup,
  createPartnershipSchema,
  durationSchema,
  effectiveAt,
  isOverdue,
  mayManagePeopleOf,
  missingSignatories,
  partnershipStatus,
  partnershipWarnings,
  personRemoveSchema,
  personUpdateSchema,
  publishSchema,
  recruitmentSchema,
  sectionDefinitionsFor,
  sectionUpdateSchema,
  signAs,
  signatorySchema,
  signSchema,
  stageSchema,
  steeringMemberSchema,
  stepProgress,
  taskRemoveSchema,
  taskSchema,
  taskUpdateSchema,
  terminateAtEvaluation,
  terminationSchema,
  textInForce,
} from "@samraad/domain/partnerships";
import { id, localDate, optionalEmail } from "@samraad/domain/shared";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../context.ts";
import { forbidden, notFound, RuleViolation, unwrap } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, router } from "../trpc.ts";

type Access = NonNullable<Awaited<ReturnType<typeof findPartnershipAccess>>>;

/**
 * Reaching a partnership: someone who may not read it learns nothing (404, as if it did not exist); someone who
 * may read but not do the thing is refused (403).
 */
async function partnershipFor(ctx: Context, partnershipId: string, action: Action): Promise<Access> {
  const access = await findPartnershipAccess(ctx.db, partnershipId);
  if (!access || !can(ctx.principal, "partnership.read", access)) throw notFound();
  if (!can(ctx.principal, action, access)) throw forbidden();
  return access;
}

function conflict(rule: string, da: string, en: string): TRPCError {
  return new TRPCError({ code: "CONFLICT", message: da, cause: new RuleViolation(rule, { da, en }) });
}

async function loaded(ctx: Context, partnershipId: string) {
  const found = await loadPartnership(ctx.db, partnershipId);
  if (!found) throw notFound();
  return { found, model: partnershipModel(found) };
}

/** Everything a partner or an official sees of one partnership, with the rules already applied. */
async function view(ctx: Context, partnershipId: string) {
  const { found, model } = await loaded(ctx, partnershipId);
  const now = ctx.now();
  const today = localDate(now);
  const p = found.partnership;
  const userId = ctx.principal?.userId ?? null;
  const document = (doc: { signatures: typeof model.agreement.signatures }) => ({
    signatures: doc.signatures,
    effectiveAt: effectiveAt(doc, model.partners),
    missing: missingSignatories(doc, model.partners).map((s) => ({
      id: s.id,
      name: s.name,
      partnerId: s.partnerId,
    })),
    /** The partners this user is a named, not yet signed, signatory for. */
    canSignFor: model.partners
      .filter((partner) => userId !== null && signAs(doc, model.partners, userId, partner.id, now).ok)
      .map((partner) => partner.id),
  });
  const kind = agreementKindOf(p);
  return {
    id: p.id,
    municipalityId: p.municipalityId,
    councilId: p.councilId,
    title: p.title,
    kind,
    /** The co-creation process a cooperation agreement is the outcome of. */
    origin: await findAgreementOrigin(ctx.db, p.coCreationProcessId),
    task: p.task,
    stage: p.stage,
    answers: p.answers,
    published: p.published,
    status: partnershipStatus(lifecycleOf(model), now),
    termination: model.termination,
    partners: model.partners,
    /** Every person once (a person can be both contact and signatory), for editing. */
    people: found.people.map((x) => ({
      id: x.id,
      partnerId: x.partnerId,
      name: x.name,
      email: x.email,
      capacity: x.capacity,
      contact: x.contact,
      signatory: x.signatory,
      hasLogin: x.userId !== null,
    })),
    steps: stepProgress(p.answers, model.agreement, model.partners),
    sections: sectionDefinitionsFor(kind).map((d) => {
      const row = found.sections.find((s) => s.section === d.key);
      return { ...d, text: row?.text ?? "", version: row?.version ?? 0 };
    }),
    duration: model.agreement.duration,
    agreement: document(model.agreement),
    inForce: textInForce(model.agreement, model.amendments, model.partners, now),
    amendments: model.amendments.map((a) => ({
      id: a.id,
      number: a.number,
      title: a.title,
      changes: a.changes,
      proposedAt: a.proposedAt,
      ...document(a),
    })),
    steering: found.steering.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      partnerId: m.partnerId,
      lead: m.lead,
    })),
    steeringFindings: checkSteeringGroup(
      model.partners,
      found.steering.map((m) => ({
        id: m.id,
        name: m.name,
        role: m.role,
        partnerId: m.partnerId,
        lead: m.lead,
      })),
    ),
    tasks: found.tasks.map((t) => ({
      id: t.id,
      phase: t.phase,
      title: t.title,
      responsiblePartnerId: t.responsiblePartnerId,
      responsiblePerson: t.responsiblePerson,
      dueOn: t.dueOn,
      doneOn: t.doneOn,
      overdue: isOverdue(t, today),
    })),
    recruitment: {
      familiesRecruited: p.familiesRecruited,
      firstSessionOn: p.firstSessionOn,
      recruitmentStartsOn: p.recruitmentStartsOn,
      volunteerCoordinator: p.volunteerCoordinator,
    },
    warnings: partnershipWarnings({
      familiesRecruited: p.familiesRecruited,
      firstSessionOn: p.firstSessionOn,
      recruitmentStartsOn: p.recruitmentStartsOn,
      volunteerCoordinator: p.volunteerCoordinator,
    }),
  };
}

const lifecycleOf = (model: ReturnType<typeof partnershipModel>) => ({
  agreement: model.agreement,
  partners: model.partners,
  termination: model.termination,
});

const administersFor = (ctx: Context) => (municipalityId: string) =>
  can(ctx.principal, "municipality.administer", { municipalityId });

/** The partner a person of this partnership belongs to, if the caller may change that partner's people. */
async function managedPerson(ctx: Context, access: Access, personId: string) {
  const { found, model } = await loaded(ctx, access.partnershipId);
  const person = found.people.find((x) => x.id === personId);
  const partner = model.partners.find((x) => x.id === person?.partnerId);
  if (!person || !partner) throw notFound();
  const userId = ctx.principal?.userId ?? "";
  unwrap(mayManagePeopleOf(partner, access, userId, administersFor(ctx)));
  return { person, partner, model };
}

/** The text is settled once anyone has signed the agreement; later changes are amendments. */
async function assertTextEditable(ctx: Context, partnershipId: string) {
  const { model } = await loaded(ctx, partnershipId);
  const editable = canEditText(model.agreement);
  if (!editable.ok) throw conflict(editable.error.code, editable.error.message.da, editable.error.message.en);
}

export const partnershipsRouter = router({
  /** Partnerships in the municipalities one administers (as owner or partner) and those one is a partner in. */
  list: authedProcedure.query(async ({ ctx }) => {
    const administered = municipalitiesOf(ctx.principal).filter((m) =>
      can(ctx.principal, "municipality.administer", { municipalityId: m }),
    );
    return listPartnerships(ctx.db, {
      municipalityIds: administered,
      partnershipIds: partnershipsOf(ctx.principal),
    });
  }),

  get: authedProcedure.input(z.object({ partnershipId: id() })).query(async ({ ctx, input }) => {
    await partnershipFor(ctx, input.partnershipId, "partnership.read");
    return view(ctx, input.partnershipId);
  }),

  /** The owner municipality is always a partner; the input names the organisations and other municipalities. */
  create: authedProcedure.input(createPartnershipSchema).mutation(async ({ ctx, input }) => {
    if (!can(ctx.principal, "municipality.administer", { municipalityId: input.municipalityId }))
      throw forbidden();
    const owner = await findMunicipality(ctx.db, { id: input.municipalityId });
    if (!owner) throw notFound();
    return change(ctx, input.municipalityId, async (tx, audit) => {
      const created = await insertPartnership(tx, {
        municipalityId: input.municipalityId,
        title: input.title,
        task: input.task ?? null,
        councilId: input.councilId ?? null,
        partners: [
          { kind: "municipality", name: owner.name, municipalityId: owner.id },
          ...input.partners.map((p) => ({
            kind: p.kind,
            name: p.name,
            municipalityId: p.municipalityId ?? null,
          })),
        ],
        withTemplate: true,
      });
      await audit({
        action: "partnership.create",
        entityType: "partnership",
        entityId: created.id,
        after: input,
      });
      return { id: created.id };
    });
  }),

  answer: authedProcedure.input(answersSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    const { found } = await loaded(ctx, input.partnershipId);
    const answers = { ...found.partnership.answers, ...input.answers };
    await change(ctx, access.municipalityId, async (tx, audit) => {
      await updatePartnershipRow(tx, input.partnershipId, { answers });
      await audit({
        action: "partnership.answer",
        entityType: "partnership",
        entityId: input.partnershipId,
        before: found.partnership.answers,
        after: answers,
      });
    });
    return view(ctx, input.partnershipId);
  }),

  /** Moves to any step: the model's steps can be revisited. */
  setStage: authedProcedure.input(stageSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    await change(ctx, access.municipalityId, async (tx, audit) => {
      await updatePartnershipRow(tx, input.partnershipId, { stage: input.step });
      await audit({
        action: "partnership.stage",
        entityType: "partnership",
        entityId: input.partnershipId,
        after: { step: input.step },
      });
    });
    return { stage: input.step };
  }),

  /** Saves one section if nobody else saved it since the editor loaded `version`. */
  updateSection: authedProcedure.input(sectionUpdateSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    await assertTextEditable(ctx, input.partnershipId);
    return change(ctx, access.municipalityId, async (tx, audit) => {
      const saved = await updateSectionIfVersion(tx, { ...input, userId: ctx.principal.userId });
      if (!saved) {
        throw conflict(
          "partnership.section_changed",
          "Afsnittet er ændret af en anden — genindlæs",
          "The section was changed by someone else — reload",
        );
      }
      await audit({
        action: "partnership.section",
        entityType: "partnership",
        entityId: input.partnershipId,
        after: { section: input.section, version: saved.version },
      });
      return saved;
    });
  }),

  setDuration: authedProcedure
    .input(z.object({ partnershipId: id(), duration: durationSchema }))
    .mutation(async ({ ctx, input }) => {
      const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
      await assertTextEditable(ctx, input.partnershipId);
      const d = input.duration;
      await change(ctx, access.municipalityId, async (tx, audit) => {
        await updatePartnershipRow(tx, input.partnershipId, {
          endsOn: d.kind === "fixed" ? d.endsOn : null,
          evaluationOn: d.kind === "ongoing" ? d.evaluationOn : null,
        });
        await audit({
          action: "partnership.duration",
          entityType: "partnership",
          entityId: input.partnershipId,
          after: d,
        });
      });
      return d;
    }),

  /** The yearly evaluation moves on after it is held; the date is not part of the signed text. */
  setEvaluationDate: authedProcedure
    .input(z.object({ partnershipId: id(), evaluationOn: durationSchema.options[1].shape.evaluationOn }))
    .mutation(async ({ ctx, input }) => {
      const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
      unwrap(canSetNextEvaluation(lifecycleOf((await loaded(ctx, input.partnershipId)).model)));
      await change(ctx, access.municipalityId, async (tx, audit) => {
        await updatePartnershipRow(tx, input.partnershipId, {
          evaluationOn: input.evaluationOn,
          endsOn: null,
        });
        await audit({
          action: "partnership.evaluation_date",
          entityType: "partnership",
          entityId: input.partnershipId,
          after: input,
        });
      });
      return { evaluationOn: input.evaluationOn };
    }),

  proposeAmendment: authedProcedure.input(amendmentSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    return change(ctx, access.municipalityId, async (tx, audit) => {
      const row = await insertAmendment(tx, {
        municipalityId: access.municipalityId,
        partnershipId: input.partnershipId,
        title: input.title,
        changes: input.changes,
        proposedAt: ctx.now(),
      });
      await audit({
        action: "partnership.amendment",
        entityType: "partnership_amendment",
        entityId: row.id,
        after: input,
      });
      return row;
    });
  }),

  /**
   * Signing is an explicit act: the signed-in user signs for one partner, only as that partner's named
   * signatory, once. The audit log records it beside the signature row.
   */
  sign: authedProcedure.input(signSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.sign");
    const { model } = await loaded(ctx, input.partnershipId);
    const doc = input.amendmentId
      ? model.amendments.find((a) => a.id === input.amendmentId)
      : model.agreement;
    if (!doc) throw notFound();
    const now = ctx.now();
    const signature = unwrap(signAs(doc, model.partners, ctx.principal.userId, input.partnerId, now));
    return change(ctx, access.municipalityId, async (tx, audit) => {
      const stored = await insertSignature(tx, {
        municipalityId: access.municipalityId,
        partnershipId: input.partnershipId,
        amendmentId: input.amendmentId ?? null,
        userId: ctx.principal.userId,
        ...signature,
      });
      if (!stored)
        throw conflict(
          "partnership.already_signed",
          "Du har allerede underskrevet",
          "You have already signed",
        );
      await audit({
        action: "partnership.sign",
        entityType: input.amendmentId ? "partnership_amendment" : "partnership",
        entityId: input.amendmentId ?? input.partnershipId,
        after: signature,
      });
      const signed = { ...doc, signatures: [...doc.signatures, signature] };
      return { signature, effectiveAt: effectiveAt(signed, model.partners) };
    });
  }),

  addPerson: authedProcedure
    .input(
      signatorySchema
        .omit({ userId: true, capacity: true })
        .extend({
          capacity: z.string().trim().max(200).optional(),
          email: optionalEmail(),
          contact: z.boolean().default(true),
          signatory: z.boolean().default(false),
        })
        .refine((v) => !v.signatory || (v.capacity ?? "").length > 0, {
          error: "required",
          path: ["capacity"],
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
      const { model } = await loaded(ctx, input.partnershipId);
      const partner = model.partners.find((p) => p.id === input.partnerId);
      if (!partner) throw notFound();
      return change(ctx, access.municipalityId, async (tx, audit) => {
        const row = await insertPartnershipPerson(tx, { municipalityId: access.municipalityId, ...input });
        // An organisation's person with a login is invited at once: linked, and given the partner role here.
        const userId = input.email
          ? await invitePartnershipLogin(tx, {
              personId: row.id,
              email: input.email,
              partnershipId: input.partnershipId,
              municipalityId: access.municipalityId,
              grantPartnerRole: partner.kind === "organisation",
            })
          : null;
        await audit({
          action: "partnership.person",
          entityType: "partnership_person",
          entityId: row.id,
          after: { ...input, invitedUserId: userId },
        });
        return { ...row, invited: userId !== null };
      });
    }),

  addSteeringMember: authedProcedure.input(steeringMemberSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    return change(ctx, access.municipalityId, async (tx, audit) => {
      const row = await insertSteeringMember(tx, {
        municipalityId: access.municipalityId,
        partnershipId: input.partnershipId,
        name: input.name,
        role: input.role,
        partnerId: input.role === "partner_representative" ? (input.partnerId ?? null) : null,
        lead: input.lead,
      });
      await audit({
        action: "partnership.steering",
        entityType: "partnership",
        entityId: input.partnershipId,
        after: input,
      });
      return row;
    });
  }),

  addTask: authedProcedure.input(taskSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    return change(ctx, access.municipalityId, async (tx, audit) => {
      const row = await insertTask(tx, { municipalityId: access.municipalityId, ...input });
      await audit({
        action: "partnership.task",
        entityType: "partnership_task",
        entityId: row.id,
        after: input,
      });
      return row;
    });
  }),

  setTaskDone: authedProcedure
    .input(z.object({ partnershipId: id(), taskId: id(), done: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
      const doneOn = input.done ? localDate(ctx.now()) : null;
      return change(ctx, access.municipalityId, async (tx, audit) => {
        if (!(await setTaskDone(tx, input.partnershipId, input.taskId, doneOn))) throw notFound();
        await audit({
          action: "partnership.task_done",
          entityType: "partnership_task",
          entityId: input.taskId,
          after: { doneOn },
        });
        return { doneOn };
      });
    }),

  /** Changes a person; an email that matches a login links it (and invites an organisation's person). */
  updatePerson: authedProcedure.input(personUpdateSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    const { person, partner, model } = await managedPerson(ctx, access, input.personId);
    if (person.signatory && !input.signatory) {
      unwrap(canStopBeingSignatory(person.id, [model.agreement, ...model.amendments]));
    }
    if (!person.signatory && input.signatory) {
      unwrap(canBecomeSignatory([model.agreement, ...model.amendments]));
    }
    const email = input.email ?? null;
    const emailChanged = (email ?? "").toLowerCase() !== (person.email ?? "").toLowerCase();
    return change(ctx, access.municipalityId, async (tx, audit) => {
      const changes = {
        name: input.name,
        email,
        capacity: input.capacity ?? null,
        contact: input.contact,
        signatory: input.signatory,
        // A new address is a new person to reach: the old login no longer signs or edits as them.
        ...(emailChanged ? { userId: null } : {}),
      };
      if (!(await updatePartnershipPerson(tx, input.partnershipId, input.personId, changes)))
        throw notFound();
      const invitedUserId =
        emailChanged && email
          ? await invitePartnershipLogin(tx, {
              personId: person.id,
              email,
              partnershipId: input.partnershipId,
              municipalityId: access.municipalityId,
              grantPartnerRole: partner.kind === "organisation",
            })
          : null;
      await audit({
        action: "partnership.person_update",
        entityType: "partnership_person",
        entityId: person.id,
        before: {
          name: person.name,
          email: person.email,
          capacity: person.capacity,
          contact: person.contact,
          signatory: person.signatory,
        },
        after: { ...changes, invitedUserId },
      });
      return { id: person.id, invited: invitedUserId !== null };
    });
  }),

  /** Removes a person; someone who has signed stays, so signed documents keep their signatories. */
  removePerson: authedProcedure.input(personRemoveSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    const { person, model } = await managedPerson(ctx, access, input.personId);
    unwrap(canStopBeingSignatory(person.id, [model.agreement, ...model.amendments]));
    return change(ctx, access.municipalityId, async (tx, audit) => {
      if (!(await removePartnershipPerson(tx, input.partnershipId, input.personId))) throw notFound();
      await audit({
        action: "partnership.person_remove",
        entityType: "partnership_person",
        entityId: person.id,
        before: { name: person.name, email: person.email, partnerId: person.partnerId },
      });
      return { id: person.id };
    });
  }),

  updateTask: authedProcedure.input(taskUpdateSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    const { model } = await loaded(ctx, input.partnershipId);
    if (input.responsiblePartnerId && !model.partners.some((p) => p.id === input.responsiblePartnerId)) {
      throw notFound();
    }
    const changes = {
      phase: input.phase,
      title: input.title,
      responsiblePartnerId: input.responsiblePartnerId ?? null,
      responsiblePerson: input.responsiblePerson ?? null,
      dueOn: input.dueOn ?? null,
    };
    return change(ctx, access.municipalityId, async (tx, audit) => {
      if (!(await updateTask(tx, input.partnershipId, input.taskId, changes))) throw notFound();
      await audit({
        action: "partnership.task_update",
        entityType: "partnership_task",
        entityId: input.taskId,
        after: changes,
      });
      return { id: input.taskId };
    });
  }),

  removeTask: authedProcedure.input(taskRemoveSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    return change(ctx, access.municipalityId, async (tx, audit) => {
      if (!(await removeTask(tx, input.partnershipId, input.taskId))) throw notFound();
      await audit({
        action: "partnership.task_remove",
        entityType: "partnership_task",
        entityId: input.taskId,
      });
      return { id: input.taskId };
    });
  }),

  /** The partners choose to publish: the public page shows it only while its agreement is in force. */
  setPublished: authedProcedure.input(publishSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    await change(ctx, access.municipalityId, async (tx, audit) => {
      await updatePartnershipRow(tx, input.partnershipId, { published: input.published });
      await audit({
        action: "partnership.publish",
        entityType: "partnership",
        entityId: input.partnershipId,
        after: { published: input.published },
      });
    });
    return { published: input.published };
  }),

  /**
   * A partner terminates the ongoing agreement at the yearly evaluation, as § 7 allows; the status becomes
   * terminated and its deadlines stop.
   */
  terminate: authedProcedure.input(terminationSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    const { model } = await loaded(ctx, input.partnershipId);
    const termination = unwrap(
      terminateAtEvaluation(
        lifecycleOf(model),
        {
          partnerId: input.partnerId,
          reason: input.reason,
          userId: ctx.principal.userId,
          administers: administersFor(ctx),
        },
        ctx.now(),
      ),
    );
    await change(ctx, access.municipalityId, async (tx, audit) => {
      await updatePartnershipRow(tx, input.partnershipId, {
        terminatedOn: termination.on,
        terminatedByPartnerId: termination.partnerId,
        terminationReason: termination.reason,
      });
      await audit({
        action: "partnership.terminate",
        entityType: "partnership",
        entityId: input.partnershipId,
        after: termination,
      });
    });
    return termination;
  }),

  updateRecruitment: authedProcedure.input(recruitmentSchema).mutation(async ({ ctx, input }) => {
    const access = await partnershipFor(ctx, input.partnershipId, "partnership.edit");
    const { partnershipId, ...facts } = input;
    await change(ctx, access.municipalityId, async (tx, audit) => {
      await updatePartnershipRow(tx, partnershipId, {
        familiesRecruited: facts.familiesRecruited,
        firstSessionOn: facts.firstSessionOn ?? null,
        recruitmentStartsOn: facts.recruitmentStartsOn ?? null,
        volunteerCoordinator: facts.volunteerCoordinator ?? null,
      });
      await audit({
        action: "partnership.recruitment",
        entityType: "partnership",
        entityId: partnershipId,
        after: facts,
      });
    });
    return view(ctx, partnershipId);
  }),
});
