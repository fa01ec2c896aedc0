import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import { municipalities } from "../schema/index.ts";

const municipalityColumns = {
  id: municipalities.id,
  slug: municipalities.slug,
  name: municipalities.name,
  code: municipalities.code,
  website: municipalities.website,
};

export function listMunicipalities(db: Db) {
  return db
    .select(municipalityColumns)
    .from(municipalities)
    .where(isNull(municipalities.deletedAt))
    .orderBy(asc(municipalities.name));
}

export async function findMunicipality(db: Db, by: { id: string } | { slug: string }) {
  const [row] = await db
    .select(municipalityColumns)
    .from(municipalities)
    .where(
      and(
        "id" in by ? eq(municipalities.id, by.id) : eq(municipalities.slug, by.slug),
        isNull(municipalities.deletedAt),
      ),
    );
  return row ?? null;
}
