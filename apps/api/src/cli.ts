import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@samraad/db";
import { findMunicipality } from "@samraad/db/queries";
import { municipalities } from "@samraad/db/schema";
import { slugify } from "@samraad/domain/shared";
import { createAuth } from "./auth.ts";
import { readEnv } from "./env.ts";
import { createUser } from "./users.ts";

const usage = `Usage:
  pnpm samraad create-admin --municipality <slug> --email <email> --name "<name>"
      [--create-municipality "<Name Kommune>" --code <4-digit code>]

Creates the first administrator of a municipality (optionally the municipality too) and prints a generated
password, shown once. Uses the same database settings as the server (DATABASE_URL or SAMRAAD_DATA_DIR).`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      municipality: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      "create-municipality": { type: "string" },
      code: { type: "string" },
    },
  });
  if (
    positionals[0] !== "create-admin" ||
    !values.email ||
    !values.name ||
    !(values.municipality || values["create-municipality"])
  ) {
    console.error(usage);
    process.exit(2);
  }
  const env = readEnv();
  const opened = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL })
    : await openDatabase({ dataDir: resolve(env.SAMRAAD_DATA_DIR) });
  try {
    const slug = values.municipality ?? slugify(values["create-municipality"] ?? "");
    let municipality = await findMunicipality(opened.db, { slug });
    if (!municipality && values["create-municipality"]) {
      if (!values.code || !/^\d{4}$/.test(values.code))
        throw new Error("--code must be the four-digit municipality code");
      await opened.db
        .insert(municipalities)
        .values({ slug, name: values["create-municipality"], code: values.code });
      municipality = await findMunicipality(opened.db, { slug });
    }
    if (!municipality) throw new Error(`No municipality "${slug}". Use --create-municipality to create it.`);
    const publicUrl = env.SAMRAAD_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    const auth = await createAuth(opened.db, publicUrl, publicUrl.startsWith("https:"));
    const password = randomBytes(12).toString("base64url");
    await createUser(auth, opened.db, {
      email: values.email,
      name: values.name,
      password,
      grants: [{ municipalityId: municipality.id, role: "administrator", councilId: null }],
    });
    console.log(`Administrator ${values.email} created for ${municipality.name}.`);
    console.log(`Password (shown once, keep it safe): ${password}`);
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
