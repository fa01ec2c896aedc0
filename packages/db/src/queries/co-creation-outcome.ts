import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import { coCreationProcesses, partnerships, policies, policyActions } from "../schema/index.ts";
import { markProcessesModified } from "./co-creation.ts";

/*
 * The outcome of a co-creation process: its cooperation agreement (a partnership row whose origin is the
 * process) and the policy actions that follow up on it. Every query is scoped to the municipality.
 */

/** The cooperation agreement a process ended in, if one was started. */
export async function findProcessAgreement(db: Db, municipalityId: string, processId: string) {
  const [row] = await db
    .select({ id: partnerships.id, title: partnerships.title, published: partnerships.published })
    .from(partnerships)
    .where(
      and(
        eq(partnerships.municipalityId, municipalityId),
        eq(partnerships.coCreationProcessId, processId),
        isNull(partnerships.deletedAt),
      ),
    );
  return row ?? null;
}

/** The process an agreement came from (for the partnership's own view and the DOCX). */
export async function findAgreementOrigin(db: Db, processId: string | null) {
  if (!processId) return null;
  const [row] = await db
    .select({
      id: coCreationProcesses.id,
      title: coCreationProcesses.title,
      slug: coCreationProcesses.slug,
      status: coCreationProcesses.status,
    })
    .from(coCreationProcesses)
    .where(and(eq(coCreationProcesses.id, processId), isNull(coCreationProcesses.deletedAt)));
  return row ?? null;
}

/** The policy actions that follow up on a process, with their policy's title and status, in plan order. */
export function listFollowUpActions(db: Db, municipalityId: string, processId: string) {
  return db
    .select({
      id: policyActions.id,
      handling: policyActions.handling,
      ownerName: policyActions.ownerName,
      dueOn: policyActions.dueOn,
      status: policyActions.status,
      published: policyActions.published,
      policyId: policies.id,
      policyTitle: policies.title,
      policyStatus: policies.status,
      councilId: policies.councilId,
    })
    .from(policyActions)
    .innerJoin(policies, eq(policies.id, policyActions.policyId))
    .where(
      and(
        eq(policyActions.municipalityId, municipalityId),
        eq(policyActions.coCreationProcessId, processId),
        isNull(policyActions.deletedAt),
        isNull(policies.deletedAt),
      ),
    )
    .orderBy(asc(policies.title), asc(policyActions.position));
}

/**
 * Links an action to a process (or unlinks it with null); false when the action is not the municipality's.
 * The process the action leaves and the one it joins both change (they list their follow-ups in OParl and the
 * feeds), so both are marked modified at `now`, as is the action.
 */
export async function setActionProcess(
  db: Db,
  municipalityId: string,
  actionId: string,
  processId: string | null,
  now: Date,
) {
  const ofMunicipality = and(
    eq(policyActions.id, actionId),
    eq(policyActions.municipalityId, municipalityId),
    isNull(policyActions.deletedAt),
  );
  const [before] = await db
    .select({ processId: policyActions.coCreationProcessId })
    .from(policyActions)
    .where(ofMunicipality);
  if (!before) return false;
  await db
    .update(policyActions)
    .set({ coCreationProcessId: processId, updatedAt: now })
    .where(ofMunicipality);
  const touched = [before.processId, processId].filter((p): p is string => p !== null);
  await markProcessesModified(db, municipalityId, touched, now);
  return true;
}
