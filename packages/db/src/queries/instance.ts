import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { instanceSecrets } from "../schema/index.ts";

/** The named secret, generated once; concurrent first starts agree on the same value. */
export async function instanceSecret(db: Db, name: string): Promise<string> {
  await db
    .insert(instanceSecrets)
    .values({ name, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db
    .select({ value: instanceSecrets.value })
    .from(instanceSecrets)
    .where(eq(instanceSecrets.name, name));
  if (!row) throw new Error(`instance secret ${name} missing`);
  return row.value;
}
