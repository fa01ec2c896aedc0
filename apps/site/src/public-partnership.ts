import type { Database } from "@samraad/db";
import { loadPartnership, partnershipModel } from "@samraad/db/queries";
import { publicPartnership } from "@samraad/domain/partnerships";

/** Published partnerships in force, in the domain's public shape; the rest never leave this function. */
export async function publicPartnershipById(db: Database, id: string, now: Date) {
  const loaded = await loadPartnership(db, id);
  if (!loaded) return null;
  const model = partnershipModel(loaded);
  const shown = publicPartnership(
    {
      id,
      title: loaded.partnership.title,
      published: loaded.partnership.published,
      firstSessionOn: loaded.partnership.firstSessionOn,
      lifecycle: { agreement: model.agreement, partners: model.partners, termination: model.termination },
      amendments: model.amendments,
    },
    now,
  );
  return shown
    ? {
        ...shown,
        municipalityId: loaded.partnership.municipalityId,
        coCreationProcessId: loaded.partnership.coCreationProcessId,
      }
    : null;
}
