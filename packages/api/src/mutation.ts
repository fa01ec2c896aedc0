import type { Transaction } from "@samraad/db";
import { recordAudit } from "@samraad/db/queries";
import type { Principal } from "@samraad/domain/access";
import type { Context } from "./context.ts";

export type AuthedContext = Context & { principal: Principal };

export type Audit = (entry: {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}) => Promise<void>;

/**
 * Every change runs in one transaction together with its audit-log entry: a failure halfway
 * through leaves neither the change nor the record of it.
 */
export function change<T>(
  ctx: AuthedContext,
  municipalityId: string,
  work: (tx: Transaction, audit: Audit) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const audit: Audit = (entry) =>
      recordAudit(tx, {
        municipalityId,
        actor: { userId: ctx.principal.userId, name: ctx.principal.name },
        ...entry,
      });
    return work(tx, audit);
  });
}
