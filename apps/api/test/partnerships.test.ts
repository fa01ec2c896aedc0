import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestServer } from "../src/testing.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// biome-ignore lint/suspicious/noExplicitAny: tests read tRPC's JSON envelope loosely
type Json = any;

const get = async (path: string, input: unknown, cookie: string): Promise<{ status: number; body: Json }> => {
  const res = await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie },
  });
  return { status: res.status, body: await res.json() };
};
const post = async (
  path: string,
  input: unknown,
  cookie: string,
): Promise<{ status: number; body: Json }> => {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, cookie },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: await res.json() };
};

describe("the demo partner account", () => {
  it("sees only its partnership, signs the waiting amendment as the organisation, and the official sees the evaluation coming", async () => {
    const partner = await signIn(server.url, "partner@forening.demo");
    const list = await get("partnerships.list", undefined, partner);
    expect(list.status).toBe(200);
    expect(list.body.result.data.map((p: { title: string }) => p.title)).toEqual([
      "Forældrekursus for forældre til børn med handicap",
    ]);
    const partnershipId = list.body.result.data[0].id;
    // A partner grant opens no council: its dashboard holds only its partnership's deadlines.
    const mine = await get("deadlines.mine", { horizonDays: 60 }, partner);
    expect(mine.status).toBe(200);
    const ownKinds = mine.body.result.data.map((d: { kind: string; target: { id: string } }) => {
      expect(d.target.id).toBe(partnershipId);
      return d.kind;
    });
    expect(ownKinds).toContain("partnership_evaluation");
    expect(ownKinds).toContain("partnership_amendment_unsigned");

    const view = (await get("partnerships.get", { partnershipId }, partner)).body.result.data;
    const waiting = view.amendments.find((a: { effectiveAt: string | null }) => a.effectiveAt === null);
    const organisation = view.partners.find((p: { kind: string }) => p.kind === "organisation");
    const municipality = view.partners.find((p: { kind: string }) => p.kind === "municipality");
    expect(waiting.canSignFor).toEqual([organisation.id]);

    const refused = await post(
      "partnerships.sign",
      { partnershipId, partnerId: municipality.id, amendmentId: waiting.id },
      partner,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.data.message.en).toBe("You are not named as a signatory for this partner");

    const signed = await post(
      "partnerships.sign",
      { partnershipId, partnerId: organisation.id, amendmentId: waiting.id },
      partner,
    );
    expect(signed.status).toBe(200);
    expect(signed.body.result.data.effectiveAt).not.toBeNull();

    const official = await signIn(server.url, "admin@randers.demo");
    const deadlines = (await get("deadlines.mine", { horizonDays: 60 }, official)).body.result.data;
    const kinds = deadlines.map((d: { kind: string }) => d.kind);
    expect(kinds).toContain("partnership_evaluation");
    // Signed now: no longer waiting for signatures.
    expect(kinds).not.toContain("partnership_amendment_unsigned");
    const audit = await get("audit.list", { municipalityId: view.municipalityId }, official);
    expect(JSON.stringify(audit.body)).toContain("partnership.sign");
  });

  it("cannot read another municipality's councils or change anything outside the partnership", async () => {
    const partner = await signIn(server.url, "partner@forening.demo");
    const me = (await get("session.me", undefined, partner)).body.result.data;
    expect(me.councils).toEqual([]);
    expect(me.municipalities).toEqual([]);
  });

  it("exports the agreement in force as a DOCX with the nine sections, the signatures and the work schedule", async () => {
    const partner = await signIn(server.url, "partner@forening.demo");
    const [partnership] = (await get("partnerships.list", undefined, partner)).body.result.data;
    const url = `${server.url}/api/partnerships/${partnership.id}/aftale.docx`;
    const res = await fetch(url, { headers: { cookie: partner } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const dir = mkdtempSync(join(tmpdir(), "samraad-docx-"));
    try {
      const file = join(dir, "aftale.docx");
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      // Read it back as Word would: the document part inside the zip.
      const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
      const text = xml.replace(/<[^>]+>/g, "");
      const headings = [
        "1. Aftalens partnere",
        "2. Opgaven",
        "3. Aftalens indhold",
        "4. Finansiering og budget",
        "5. Organisering og ledelse",
        "6. Opgave- og ansvarsfordeling",
        "7. Varighed og ophør",
        "8. Ændringer",
        "9. Underskrifter",
      ];
      let at = 0;
      for (const h of headings) {
        const found = text.indexOf(h, at);
        expect(found, h).toBeGreaterThan(at - 1);
        at = found;
      }
      expect(text).toContain("Aftalen er i kraft siden");
      expect(text).toContain("Fem undervisningsgange");
      expect(text).toContain("Tillæg 1: Femte undervisningsgang");
      expect(text).toContain("Pia Partner");
      expect(text).toContain("Bilag: Arbejdsskema");
      expect(text).toContain("Afklar målgruppe og antal deltagere");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await fetch(url)).status).toBe(401);
    const other = await signIn(server.url, "admin@broenderslev.demo");
    expect((await fetch(url, { headers: { cookie: other } })).status).toBe(404);
  });
});
