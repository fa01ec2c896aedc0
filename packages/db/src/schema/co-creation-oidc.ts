import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { municipalities } from "./municipalities.ts";

/**
 * The OpenID Connect provider a municipality lets voters sign in with (its MitID broker), one per municipality:
 * each municipality has its own agreement and client registration with its broker. The client secret is a
 * credential, so it is stored encrypted and never read back to anyone.
 */
export const coCreationOidcProviders = pgTable("co_creation_oidc_providers", {
  municipalityId: uuid("municipality_id")
    .primaryKey()
    .references(() => municipalities.id),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretEncrypted: text("client_secret_encrypted").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
