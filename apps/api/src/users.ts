import type { Database } from "@samraad/db";
import { demoPartnership } from "@samraad/db/demo";
import { findCouncil, findMunicipality, linkPartnershipLogin, listPartnerships } from "@samraad/db/queries";
import { roleGrants } from "@samraad/db/schema";
import type { Role } from "@samraad/domain/access";
import type { Auth } from "./auth.ts";

export type NewUser = {
  email: string;
  name: string;
  password: string;
  grants: { municipalityId: string; role: Role; councilId: string | null; partnershipId?: string | null }[];
};

/**
 * Creates a user who signs in with email and password, hashed by better-auth itself (scrypt), and
 * grants the roles. Sign-up is closed: users are created by an administrator or this function.
 */
export async function createUser(auth: Auth, db: Database, user: NewUser) {
  const context = await auth.$context;
  const hash = await context.password.hash(user.password);
  const created = await context.internalAdapter.createUser(
    { email: user.email.toLowerCase(), name: user.name, emailVerified: true },
    { method: "admin" },
  );
  await context.internalAdapter.linkAccount({
    userId: created.id,
    providerId: "credential",
    accountId: created.id,
    password: hash,
  });
  if (user.grants.length > 0) {
    await db.insert(roleGrants).values(user.grants.map((g) => ({ userId: created.id, ...g })));
  }
  return { id: created.id, email: created.email };
}

export const DEMO_PASSWORD = "samraad-demo";

/** The demo accounts the README lists; they exist only where demo data was seeded. */
export async function seedDemoAccounts(auth: Auth, db: Database) {
  const broenderslev = await findMunicipality(db, { slug: "broenderslev" });
  const randers = await findMunicipality(db, { slug: "randers" });
  if (!broenderslev || !randers) throw new Error("demo municipalities missing");
  const handicapraad = await findCouncil(db, broenderslev.id, { slug: "handicapraadet" });
  if (!handicapraad) throw new Error("demo council missing");
  const accounts: NewUser[] = [
    {
      email: "admin@broenderslev.demo",
      name: "Anne Administrator",
      password: DEMO_PASSWORD,
      grants: [{ municipalityId: broenderslev.id, role: "administrator", councilId: null }],
    },
    {
      email: "sekretaer@broenderslev.demo",
      name: "Søren Sekretær",
      password: DEMO_PASSWORD,
      grants: [{ municipalityId: broenderslev.id, role: "secretary", councilId: handicapraad.id }],
    },
    {
      email: "medlem@broenderslev.demo",
      name: "Mette Medlem",
      password: DEMO_PASSWORD,
      grants: [{ municipalityId: broenderslev.id, role: "member", councilId: handicapraad.id }],
    },
    {
      email: "admin@randers.demo",
      name: "Rasmus Administrator",
      password: DEMO_PASSWORD,
      grants: [{ municipalityId: randers.id, role: "administrator", councilId: null }],
    },
  ];
  const partnership = (
    await listPartnerships(db, { municipalityIds: [randers.id], partnershipIds: [] })
  ).find((p) => p.title === demoPartnership.title);
  if (partnership) {
    accounts.push({
      email: demoPartnership.partnerEmail,
      name: "Pia Partner",
      password: DEMO_PASSWORD,
      grants: [
        { municipalityId: randers.id, role: "partner", councilId: null, partnershipId: partnership.id },
      ],
    });
  }
  for (const account of accounts) {
    const created = await createUser(auth, db, account);
    // The demo's signatories are recorded by email; their logins sign as them.
    await linkPartnershipLogin(db, account.email, created.id);
  }
  return accounts.map((a) => a.email);
}
