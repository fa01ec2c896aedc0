import { z } from "zod";
import { id } from "../shared/schemas.ts";
import { membershipFields, personInput, withMembershipRules } from "./schemas.ts";

/**
 * Adding a member: an existing person by id, or a new person by name — one form, one transaction,
 * so a failed membership never leaves a stray person behind.
 */
export const newMembershipInput = withMembershipRules(
  z.object({ ...membershipFields, personId: id().optional(), person: personInput.optional() }),
).refine((m) => m.personId !== undefined || m.person !== undefined, {
  error: "required",
  path: ["person", "name"],
});
export type NewMembershipInput = z.infer<typeof newMembershipInput>;
