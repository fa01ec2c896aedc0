import { z } from "zod";
import { requiredText } from "../shared/schemas.ts";

/*
 * The OpenID Connect provider a municipality plugs in (its MitID broker). Sign-in codes, tokens and the
 * client secret travel to and from the issuer, so it must be reached over HTTPS — except a provider on the same
 * machine (loopback), which is how it is developed and tested.
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function issuerUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.search === "" && url.hash === "" && url.username === "" ? url : null;
  } catch {
    return null;
  }
}

/** Whether the issuer is on this machine and may be reached over plain HTTP. */
export function isLoopbackIssuer(issuer: string): boolean {
  const url = issuerUrl(issuer);
  return url !== null && url.protocol === "http:" && LOOPBACK.has(url.hostname);
}

export function isAcceptableIssuer(issuer: string): boolean {
  const url = issuerUrl(issuer);
  return url !== null && (url.protocol === "https:" || isLoopbackIssuer(issuer));
}

/**
 * Where the provider sends a voter back after sign-in: one address per municipality, which the administrator
 * registers once with the broker as the client's redirect URI.
 */
export const oidcCallbackPath = (municipalitySlug: string) =>
  `/kommuner/${municipalitySlug}/samskabelse/log-ind/retur`;

/** What an administrator enters. The secret is never shown back, so an empty one keeps the stored secret. */
export const oidcProviderInput = z.object({
  issuer: requiredText(500).refine(isAcceptableIssuer, { error: "issuer_not_https" }),
  clientId: requiredText(200),
  clientSecret: z
    .string({ error: "invalid_type" })
    .trim()
    .max(500, { error: "too_long" })
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
});
export type OidcProviderInput = z.infer<typeof oidcProviderInput>;
