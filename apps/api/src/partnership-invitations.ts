import type { Database } from "@samraad/db";
import {
  findPartnershipAccess,
  invitePartnershipLogin,
  loadPartnership,
  partnershipModel,
  recordAudit,
} from "@samraad/db/queries";
import { can, type Principal } from "@samraad/domain/access";
import { mayManagePeopleOf } from "@samraad/domain/partnerships";
import type { Bilingual } from "@samraad/domain/shared";
import { generateRandomString } from "better-auth/crypto";
import type { Context, Hono } from "hono";
import type { Auth } from "./auth.ts";

/** How long an invitation link can be used to choose a password. */
export const INVITATION_DAYS = 14;

const texts = {
  notFound: {
    da: "Det findes ikke, eller du har ikke adgang til det",
    en: "It does not exist, or you cannot see it",
  },
  unauthorized: { da: "Log ind for at fortsætte", en: "Sign in to continue" },
  forbidden: { da: "Du har ikke adgang til at gøre dette", en: "You are not allowed to do this" },
  noEmail: {
    da: "Personen har ingen e-mailadresse – tilføj den først",
    en: "This person has no email address — add it first",
  },
} satisfies Record<string, Bilingual>;

const refuse = (c: Context, status: 400 | 401 | 403 | 404, message: Bilingual, rule?: string) =>
  c.json({ error: { message: message.da, data: { message, rule } } }, status);

/**
 * An invitation for a partner's person without a login: the login is created (no password), linked to the
 * person and, for an organisation's person, given the partner role on this one partnership. The link carries a
 * one-time token stored the way better-auth stores a password-reset token, so better-auth's own
 * `/api/auth/reset-password` sets the password and consumes it; no crypto of our own. The official passes the
 * link on; it expires after INVITATION_DAYS.
 */
export function mountPartnershipInvitations(
  app: Hono,
  deps: {
    db: Database;
    auth: Auth;
    now: () => Date;
    publicUrl: string;
    principalOf: (headers: Headers) => Promise<Principal | null>;
  },
) {
  const base = deps.publicUrl.replace(/\/+$/, "");
  app.post("/api/partnerships/:id/people/:personId/invitation", async (c) => {
    const principal = await deps.principalOf(c.req.raw.headers);
    if (!principal) return refuse(c, 401, texts.unauthorized);
    const id = c.req.param("id");
    const personId = c.req.param("personId");
    const uuid = /^[0-9a-f-]{36}$/i;
    const access = uuid.test(id) && uuid.test(personId) ? await findPartnershipAccess(deps.db, id) : null;
    if (!access || !can(principal, "partnership.read", access)) return refuse(c, 404, texts.notFound);
    if (!can(principal, "partnership.edit", access)) return refuse(c, 403, texts.forbidden);
    const loaded = await loadPartnership(deps.db, id);
    const person = loaded?.people.find((p) => p.id === personId);
    const partner = loaded ? partnershipModel(loaded).partners.find((p) => p.id === person?.partnerId) : null;
    if (!person || !partner) return refuse(c, 404, texts.notFound);
    const allowed = mayManagePeopleOf(partner, access, principal.userId, (municipalityId) =>
      can(principal, "municipality.administer", { municipalityId }),
    );
    if (!allowed.ok) return refuse(c, 403, allowed.error.message, allowed.error.code);
    if (!person.email) return refuse(c, 400, texts.noEmail, "partnership.person_without_email");

    const context = await deps.auth.$context;
    const email = person.email.toLowerCase();
    const existing = await context.internalAdapter.findUserByEmail(email);
    const user =
      existing?.user ??
      (await context.internalAdapter.createUser(
        { email, name: person.name, emailVerified: false },
        { method: "admin" },
      ));
    await deps.db.transaction(async (tx) => {
      await invitePartnershipLogin(tx, {
        personId: person.id,
        email,
        partnershipId: id,
        municipalityId: access.municipalityId,
        grantPartnerRole: partner.kind === "organisation",
      });
      await recordAudit(tx, {
        municipalityId: access.municipalityId,
        actor: { userId: principal.userId, name: principal.name },
        action: "partnership.invite",
        entityType: "partnership_person",
        entityId: person.id,
        after: { email, userId: user.id, newLogin: !existing },
      });
    });
    if (existing) return c.json({ alreadyHasLogin: true, url: null, expiresAt: null });
    const token = generateRandomString(32, "a-z", "A-Z", "0-9");
    const expiresAt = new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000);
    await context.internalAdapter.createVerificationValue({
      identifier: `reset-password:${token}`,
      value: user.id,
      expiresAt,
    });
    return c.json(
      { alreadyHasLogin: false, url: `${base}/admin/invitation?token=${token}`, expiresAt },
      200,
      { "cache-control": "no-store" },
    );
  });
}
