import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCaller } from "@samraad/api";
import { demoEvaluations, demoInvitationToken } from "@samraad/db/demo";
import {
  findMunicipality,
  invitationTokenHash,
  listEvaluations,
  listPartnerships,
} from "@samraad/db/queries";
import { addDays, localDate } from "@samraad/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluationDocx } from "../src/evaluation-docx.ts";
import { signIn, startTestServer } from "../src/testing.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
let evaluationId: string;

beforeAll(async () => {
  server = await startTestServer();
  const randers = await findMunicipality(server.db, { slug: "randers" });
  if (!randers) throw new Error("no Randers");
  const found = (await listEvaluations(server.db, randers.id)).find(
    (e) => e.title === demoEvaluations.partnershipTitle,
  );
  if (!found) throw new Error("no demo evaluation");
  evaluationId = found.id;
}, 120_000);
afterAll(() => server.close());

describe("the evaluation report as a Word document", () => {
  it("holds the criteria, each question's answers as a table and the free texts — and no link or token", async () => {
    const cookie = await signIn(server.url, "admin@randers.demo");
    const res = await fetch(`${server.url}/api/evaluations/${evaluationId}/rapport.docx`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const dir = mkdtempSync(join(tmpdir(), "samraad-evaluation-docx-"));
    try {
      const file = join(dir, "rapport.docx");
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
      const text = xml.replace(/<[^>]+>/g, "");
      for (const expected of [
        `Evalueringsrapport: ${demoEvaluations.partnershipTitle}`,
        "14 af 16 inviterede har svaret. Svarene er anonyme.",
        "Succeskriterier",
        "Hvor tilfreds er du alt i alt med kurset?",
        "5 – Meget tilfreds",
        "Aftenmøderne sluttede for sent.",
        "Evalueringen er ikke afsluttet endnu.",
      ])
        expect(text, expected).toContain(expected);
      for (let i = 0; i < 16; i++) {
        expect(xml).not.toContain(demoInvitationToken(i));
        expect(xml).not.toContain(invitationTokenHash(demoInvitationToken(i)));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says which next steps became tasks of the partnership, so the records show the follow-up", async () => {
    const randers = await findMunicipality(server.db, { slug: "randers" });
    if (!randers) throw new Error("no Randers");
    const [partnership] = (
      await listPartnerships(server.db, { municipalityIds: [randers.id], partnershipIds: [] })
    ).filter((p) => p.title.startsWith("Forældrekursus"));
    if (!partnership) throw new Error("no demo partnership");
    const admin = createCaller({
      db: server.db,
      now: () => new Date(),
      principal: {
        userId: "admin-r",
        name: "Administrator",
        grants: [{ municipalityId: randers.id, role: "administrator", councilId: null }],
      },
    });
    const today = localDate(new Date());
    const { id } = await admin.evaluations.plan({
      municipalityId: randers.id,
      subjectType: "partnership",
      subjectId: partnership.id,
      kind: "end_of_course",
      title: "Efter kurset",
      periodStart: addDays(today, -30),
      periodEnd: today,
      template: "parent_course",
      sendsQuestionnaire: "A",
      chasesAnswers: "B",
      writesSummary: "C",
      closesOn: addDays(today, 14),
    });
    await admin.evaluations.open({ evaluationId: id });
    const view = await admin.evaluations.conclude({
      evaluationId: id,
      summary: "Godt forløb.",
      nextSteps: [{ title: "Planlæg næste hold med foreningen", dueOn: null }],
    });
    const dir = mkdtempSync(join(tmpdir(), "samraad-evaluation-docx-"));
    try {
      const file = join(dir, "rapport.docx");
      writeFileSync(file, await evaluationDocx(view));
      const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
      expect(xml.replace(/<[^>]+>/g, "")).toContain(
        "Blev til en opgave i partnerskabets arbejdsplan: Planlæg næste hold med foreningen",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is refused without a login and not found for another municipality's administrator", async () => {
    const url = `${server.url}/api/evaluations/${evaluationId}/rapport.docx`;
    expect((await fetch(url)).status).toBe(401);
    const other = await signIn(server.url, "admin@broenderslev.demo");
    expect((await fetch(url, { headers: { cookie: other } })).status).toBe(404);
  });
});
