import { z } from "zod";
import {
  id,
  isoDate,
  oneOf,
  optionalEmail,
  optionalText,
  requiredText,
  wholeNumber,
} from "../shared/schemas.ts";
import { agreementSections, partnerKinds, steps } from "./model.ts";
import { steeringRoles } from "./steering.ts";
import { schedulePhases } from "./work-schedule.ts";
import { isQuestionKey } from "./workflow.ts";

const SECTION_MAX = 20_000;

export const newPartnerSchema = z.object({
  kind: oneOf(partnerKinds),
  name: requiredText(200),
  /** Required for a municipality partner, so its administrators reach the partnership. */
  municipalityId: id().optional(),
});

export const createPartnershipSchema = z
  .object({
    municipalityId: id(),
    title: requiredText(200),
    task: optionalText(2000),
    councilId: id().optional(),
    /** Organisations and any further municipalities; the owning municipality is always a partner. */
    partners: z.array(newPartnerSchema).min(1, { error: "too_few" }).max(20, { error: "too_many" }),
  })
  .superRefine((v, ctx) => {
    v.partners.forEach((p, i) => {
      if (p.kind === "municipality" && !p.municipalityId) {
        ctx.addIssue({ code: "custom", message: "required", path: ["partners", i, "municipalityId"] });
      }
    });
    if (!v.partners.some((p) => p.kind === "organisation")) {
      ctx.addIssue({ code: "custom", message: "partnership_needs_organisation", path: ["partners"] });
    }
  });

export const answersSchema = z.object({
  partnershipId: id(),
  answers: z
    .record(z.string().max(60), z.string().max(5000, { error: "too_long" }))
    .superRefine((answers, ctx) => {
      for (const key of Object.keys(answers)) {
        if (!isQuestionKey(key)) ctx.addIssue({ code: "custom", message: "unknown_field", path: [key] });
      }
    }),
});

export const stageSchema = z.object({ partnershipId: id(), step: z.union(steps.map((s) => z.literal(s))) });

export const sectionUpdateSchema = z.object({
  partnershipId: id(),
  section: oneOf(agreementSections),
  text: z.string({ error: "invalid_type" }).max(SECTION_MAX, { error: "too_long" }),
  /** The version the editor loaded; a newer version means someone else saved in between. */
  version: wholeNumber(0, 1_000_000),
});

export const durationSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("fixed"), endsOn: isoDate() }),
    z.object({ kind: z.literal("ongoing"), evaluationOn: isoDate() }),
  ],
  { error: "invalid_option" },
);

export const amendmentSchema = z.object({
  partnershipId: id(),
  title: requiredText(200),
  changes: z
    .partialRecord(oneOf(agreementSections), z.string().max(SECTION_MAX, { error: "too_long" }))
    .refine((c) => Object.keys(c).length > 0, { error: "too_few" }),
});

export const signSchema = z.object({
  partnershipId: id(),
  partnerId: id(),
  /** Omitted: the agreement itself; otherwise the amendment. */
  amendmentId: id().optional(),
});

export const signatorySchema = z.object({
  partnershipId: id(),
  partnerId: id(),
  name: requiredText(200),
  capacity: requiredText(200),
  userId: z.string().max(100).optional(),
});

export const steeringMemberSchema = z
  .object({
    partnershipId: id(),
    name: requiredText(200),
    role: oneOf(steeringRoles),
    partnerId: id().optional(),
    lead: z.boolean().default(false),
  })
  .refine((v) => v.role !== "partner_representative" || v.partnerId !== undefined, {
    error: "required",
    path: ["partnerId"],
  });

export const taskSchema = z.object({
  partnershipId: id(),
  phase: oneOf(schedulePhases),
  title: requiredText(300),
  responsiblePartnerId: id().optional(),
  responsiblePerson: optionalText(200),
  dueOn: isoDate().optional(),
});

export const recruitmentSchema = z.object({
  partnershipId: id(),
  familiesRecruited: wholeNumber(0, 1000),
  firstSessionOn: isoDate().optional(),
  recruitmentStartsOn: isoDate().optional(),
  volunteerCoordinator: optionalText(200),
});

/** Changing a contact person or signatory: a signatory needs the capacity they sign in. */
export const personUpdateSchema = z
  .object({
    partnershipId: id(),
    personId: id(),
    name: requiredText(200),
    email: optionalEmail(),
    capacity: optionalText(200),
    contact: z.boolean(),
    signatory: z.boolean(),
  })
  .refine((v) => !v.signatory || (v.capacity ?? "").length > 0, { error: "required", path: ["capacity"] });

export const personRemoveSchema = z.object({ partnershipId: id(), personId: id() });

export const taskUpdateSchema = taskSchema.extend({ taskId: id() });

export const taskRemoveSchema = z.object({ partnershipId: id(), taskId: id() });

export const publishSchema = z.object({ partnershipId: id(), published: z.boolean() });

/** Terminating at the yearly evaluation: for which partner, and why (kept with the partnership). */
export const terminationSchema = z.object({
  partnershipId: id(),
  partnerId: id(),
  reason: requiredText(2000),
});
