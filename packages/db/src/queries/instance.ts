import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
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

/*
 * Credentials at rest (a Teams webhook URL, an OpenID client secret): AES-256-GCM with one of the instance's
 * named keys, as "v1.<iv|tag|ciphertext>". Whoever reads the table without the key learns nothing.
 */

async function instanceKey(db: Db, name: string): Promise<Buffer> {
  const key = Buffer.from(await instanceSecret(db, name), "base64url");
  if (key.length !== 32) throw new Error(`instance secret '${name}' is not a 256-bit key`);
  return key;
}

export async function sealWithInstanceKey(db: Db, keyName: string, plain: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await instanceKey(db, keyName), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export async function openWithInstanceKey(db: Db, keyName: string, sealed: string): Promise<string> {
  const [version, payload] = sealed.split(".");
  if (version !== "v1" || !payload) throw new Error(`unknown encryption format for '${keyName}'`);
  const raw = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", await instanceKey(db, keyName), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** A keyed hash under one of the instance's named keys: the same input gives the same value on this instance only. */
export async function hmacWithInstanceKey(db: Db, keyName: string, ...parts: string[]): Promise<string> {
  const mac = createHmac("sha256", await instanceKey(db, keyName));
  // Length-prefixed, so that ("ab", "c") and ("a", "bc") never hash alike.
  for (const part of parts) mac.update(`${Buffer.byteLength(part)}:${part}`);
  return mac.digest("base64url");
}
