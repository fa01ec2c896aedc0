import { desc, eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { auditLog } from "../schema/index.ts";

export type AuditEntry = {
  municipalityId: string;
  actor: { userId: string | null; name: string };
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Written inside the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(db: Db, entry: AuditEntry) {
  await db.insert(auditLog).values({
    municipalityId: entry.municipalityId,
    actorUserId: entry.actor.userId,
    actorName: entry.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export function listAudit(db: Db, municipalityId: string, limit = 100) {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.municipalityId, municipalityId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
