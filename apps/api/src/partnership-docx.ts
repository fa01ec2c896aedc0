import type { Database } from "@samraad/db";
import {
  findAgreementOrigin,
  findPartnershipAccess,
  loadPartnership,
  partnershipModel,
} from "@samraad/db/queries";
import { can, type Principal } from "@samraad/domain/access";
import {
  agreementKindLabels,
  agreementKindOf,
  agreementSectionDefinitions,
  effectiveAt,
  schedulePhaseLabels,
  schedulePhases,
  textInForce,
} from "@samraad/domain/partnerships";
import { type Bilingual, formatDate } from "@samraad/domain/shared";
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Context, Hono } from "hono";

const notFound: Bilingual = {
  da: "Det findes ikke, eller du har ikke adgang til det",
  en: "It does not exist, or you cannot see it",
};
const unauthorized: Bilingual = { da: "Log ind for at fortsætte", en: "Sign in to continue" };
const refuse = (c: Context, status: 401 | 404, message: Bilingual) =>
  c.json({ error: { message: message.da, data: { message } } }, status);

const cell = (text: string, header = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });
const table = (header: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((text) => cell(text)) })),
    ],
  });
const paragraphs = (text: string) =>
  (text.trim() === "" ? ["—"] : text.split(/\n+/)).map((line) => new Paragraph({ text: line }));
const day = (value: string) => formatDate(new Date(`${value}T12:00:00Z`));

/**
 * The agreement as officials file it: the text in force today (or the draft, marked as such), a heading per
 * section of the model's template, the amendments in force, the signatures, and the work schedule as an
 * appendix table. Danish, as the records system wants it.
 */
export async function agreementDocx(db: Database, partnershipId: string, now: Date): Promise<Buffer | null> {
  const loaded = await loadPartnership(db, partnershipId);
  if (!loaded) return null;
  const { partners, agreement, amendments } = partnershipModel(loaded);
  const p = loaded.partnership;
  const inForce = textInForce(agreement, amendments, partners, now);
  const sections = inForce?.sections ?? agreement.sections;
  const partnerName = (id: string | null) => partners.find((x) => x.id === id)?.name ?? "";
  const since = effectiveAt(agreement, partners);
  const applied = amendments.filter((a) => inForce?.amendmentIds.includes(a.id));

  const heading = `${agreementKindLabels[agreementKindOf(p)].da}: ${p.title}`;
  const origin = await findAgreementOrigin(db, p.coCreationProcessId);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: heading, heading: HeadingLevel.TITLE }),
    ...(origin ? [new Paragraph({ text: `Resultat af samskabelsesforløbet "${origin.title}".` })] : []),
    new Paragraph({
      text: since
        ? `Aftalen er i kraft siden ${formatDate(since)}. Teksten gælder pr. ${formatDate(now)}.`
        : "Udkast – aftalen er ikke underskrevet af alle partnere og er ikke i kraft.",
    }),
  ];
  for (const d of agreementSectionDefinitions) {
    body.push(new Paragraph({ text: `${d.number}. ${d.title.da}`, heading: HeadingLevel.HEADING_1 }));
    if (d.key === "partners") {
      for (const partner of partners) body.push(new Paragraph({ text: partner.name, bullet: { level: 0 } }));
    }
    if (d.key === "duration" && agreement.duration) {
      body.push(
        new Paragraph({
          text:
            agreement.duration.kind === "fixed"
              ? `Aftalen ophører senest ${day(agreement.duration.endsOn)}.`
              : `Fortløbende aftale; næste årlige evaluering ${day(agreement.duration.evaluationOn)}, hvor hver partner kan opsige den.`,
        }),
      );
    }
    if (d.key === "signatures") {
      body.push(
        table(
          ["Partner", "Navn", "Egenskab", "Dato"],
          agreement.signatures.map((s) => [
            partnerName(s.partnerId),
            s.name,
            s.capacity,
            formatDate(s.signedAt),
          ]),
        ),
      );
      continue;
    }
    body.push(...paragraphs(sections[d.key]));
    if (d.key === "amendments") {
      for (const a of applied) {
        const at = effectiveAt(a, partners);
        body.push(
          new Paragraph({
            text: `Tillæg ${a.number}: ${a.title}${at ? ` (gælder fra ${formatDate(at)})` : ""}`,
            bullet: { level: 0 },
          }),
        );
      }
    }
  }
  body.push(new Paragraph({ text: "Bilag: Arbejdsskema", heading: HeadingLevel.HEADING_1 }));
  const tasks = [...loaded.tasks].sort(
    (a, b) => schedulePhases.indexOf(a.phase) - schedulePhases.indexOf(b.phase) || a.position - b.position,
  );
  body.push(
    table(
      ["Fase", "Opgave", "Ansvarlig partner", "Ansvarlig person", "Frist", "Status"],
      tasks.map((t) => [
        schedulePhaseLabels[t.phase].da,
        t.title,
        partnerName(t.responsiblePartnerId),
        t.responsiblePerson ?? "",
        t.dueOn ? day(t.dueOn) : "",
        t.doneOn ? `Udført ${day(t.doneOn)}` : "Åben",
      ]),
    ),
  );
  const doc = new Document({
    creator: "Samråd",
    title: heading,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}

/** GET /api/partnerships/:id/aftale.docx — for anyone who may read the partnership. */
export function mountPartnershipExport(
  app: Hono,
  deps: { db: Database; now: () => Date; principalOf: (headers: Headers) => Promise<Principal | null> },
) {
  app.get("/api/partnerships/:id/aftale.docx", async (c) => {
    const principal = await deps.principalOf(c.req.raw.headers);
    if (!principal) return refuse(c, 401, unauthorized);
    const id = c.req.param("id");
    const access = /^[0-9a-f-]{36}$/i.test(id) ? await findPartnershipAccess(deps.db, id) : null;
    if (!access || !can(principal, "partnership.read", access)) return refuse(c, 404, notFound);
    const file = await agreementDocx(deps.db, id, deps.now());
    if (!file) return refuse(c, 404, notFound);
    return c.body(new Uint8Array(file), 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": 'attachment; filename="partnerskabsaftale.docx"',
      "cache-control": "no-store",
    });
  });
}
