import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoCoCreation, demoCooperation, seedDemoData } from "@samraad/db/demo";
import { findMunicipality, findProcessAgreement, findPublicProcessBySlug } from "@samraad/db/queries";
import { createTestDatabase } from "@samraad/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementDocx } from "../src/partnership-docx.ts";

/* The cooperation agreement goes through the partnership's own DOCX export, named as what it is. */

const now = new Date();
let opened: Awaited<ReturnType<typeof createTestDatabase>>;
let agreementId: string;

beforeAll(async () => {
  opened = await createTestDatabase();
  await seedDemoData(opened.db, now);
  const gribskov = await findMunicipality(opened.db, { slug: demoCoCreation.itVolunteers.municipality });
  const process = gribskov
    ? await findPublicProcessBySlug(opened.db, gribskov.id, demoCoCreation.itVolunteers.slug)
    : null;
  const found = gribskov && process ? await findProcessAgreement(opened.db, gribskov.id, process.id) : null;
  if (!found) throw new Error("no demo cooperation agreement");
  agreementId = found.id;
}, 120_000);
afterAll(() => opened.close());

describe("Gribskov's cooperation agreement as a Word document", () => {
  it("is titled a samarbejdsaftale, says which process it came from, and carries the nine sections and both signatures", async () => {
    const file = await agreementDocx(opened.db, agreementId, now);
    if (!file) throw new Error("no document");
    const dir = mkdtempSync(join(tmpdir(), "samraad-cooperation-"));
    try {
      const path = join(dir, "samarbejdsaftale.docx");
      writeFileSync(path, file);
      const text = execFileSync("unzip", ["-p", path, "word/document.xml"], { encoding: "utf8" })
        .replace(/<[^>]+>/g, "")
        .replaceAll("&quot;", '"');
      expect(text).toContain(`Samarbejdsaftale: ${demoCoCreation.itVolunteers.title}`);
      expect(text).toContain(`Resultat af samskabelsesforløbet "${demoCoCreation.itVolunteers.title}".`);
      expect(text).toContain("Aftalen er i kraft siden");
      expect(text).toContain("3. Aftalens indhold");
      expect(text).toContain("De frivillige er borgere med IT-kompetencer");
      expect(text).toContain("9. Underskrifter");
      expect(text).toContain(demoCooperation.organisation);
      expect(text).toContain("Henrik Frivilligkoordinator");
      expect(text).toContain("Trine Vestergaard Nøhr");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
