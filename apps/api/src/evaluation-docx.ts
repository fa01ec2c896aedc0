import { createCaller } from "@samraad/api";
import type { Database } from "@samraad/db";
import type { Principal } from "@samraad/domain/access";
import {
  criterionOutcomeLabels,
  evaluationKindLabels,
  followUpLabels,
  partnershipDecisionLabels,
  partnersMeetingQuestionnaire,
  type Question,
} from "@samraad/domain/evaluations";
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

/*
 * The evaluation report as a Word document for the records system: criteria (met or not), each question's
 * answers as a table (the charts' figures), the free texts, the meeting's notes, the conclusion and next steps
 * with the actions or tasks they became.
 * Built from the same view the admin app shows (evaluations.get), so it follows the same access rules and the
 * same small-group rule — and, like the view, it holds nothing that links an answer to a link or a person.
 */

type View = Awaited<ReturnType<ReturnType<typeof createCaller>["evaluations"]["get"]>>;

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
const day = (value: string) => formatDate(new Date(`${value}T12:00:00Z`));
const heading = (text: string, level: 1 | 2 = 1) =>
  new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });

/** Where a next step went, by the action's or task's current title (the records cannot follow a link). */
function followUpText(v: View, id: string): string {
  const f = v.followUps.find((x) => x.id === id);
  if (!f) return followUpLabels.gone.da;
  const unpublished = f.type === "policy_action" && !f.public ? " (ikke offentliggjort endnu)" : "";
  return `${followUpLabels[f.type].da}: ${f.title}${unpublished}`;
}

function optionLabel(q: Question, value: string): string {
  switch (q.type) {
    case "single_choice":
    case "multiple_choice":
      return q.choices.find((c) => c.value === value)?.label.da ?? value;
    case "yes_no":
      return value === "yes" ? "Ja" : "Nej";
    case "scale":
      return value === "1" ? `1 – ${q.lowLabel.da}` : value === "5" ? `5 – ${q.highLabel.da}` : value;
    default:
      return value;
  }
}

export async function evaluationDocx(v: View): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: `Evalueringsrapport: ${v.title}`, heading: HeadingLevel.TITLE }),
    new Paragraph({
      text: `${evaluationKindLabels[v.kind].da} · ${v.subject.title} · ${day(v.periodStart)} – ${day(v.periodEnd)}`,
    }),
    new Paragraph({
      text: `${v.rate.answered} af ${v.rate.invited} inviterede har svaret. Svarene er ${
        v.responseMode === "anonymous" ? "anonyme" : "givet med navn"
      }.`,
    }),
    heading("Succeskriterier"),
  ];
  body.push(
    v.criteria.length === 0
      ? new Paragraph({ text: "Der er ingen succeskriterier." })
      : table(
          ["Indikator", "Udgangspunkt", "Mål", "Seneste måling", "Vurdering"],
          v.criteria.map((c) => {
            const unit = c.unit ? ` ${c.unit}` : "";
            const latest = c.measurements.at(-1);
            return [
              c.indicator,
              c.baseline ? `${c.baseline}${unit}` : "–",
              `${c.target}${unit}`,
              latest ? `${latest.value}${unit} (${day(latest.measuredOn)})` : "–",
              criterionOutcomeLabels[c.outcome].da,
            ];
          }),
        ),
  );
  body.push(heading("Svarene"));
  for (const [i, q] of v.questionnaire.questions.entries()) {
    const r = v.summary.questions[i];
    if (!r) continue;
    body.push(heading(q.text.da, 2));
    if (r.suppressed) {
      body.push(new Paragraph({ text: `${r.answered} har svaret. Under 5 svar vises ikke opdelt.` }));
    } else if (r.type === "free_text") {
      for (const t of r.texts) body.push(new Paragraph({ text: t, bullet: { level: 0 } }));
    } else {
      if (r.type === "scale")
        body.push(new Paragraph({ text: `Gennemsnit ${r.mean}, median ${r.median} (skala 1–5).` }));
      body.push(
        table(
          ["Svar", "Antal", "Procent"],
          r.rows.map((row) => [optionLabel(q, row.value), String(row.count), `${row.percent} %`]),
        ),
      );
    }
  }
  body.push(heading("Konklusion"));
  const c = v.conclusion;
  if (!c) body.push(new Paragraph({ text: "Evalueringen er ikke afsluttet endnu." }));
  else {
    for (const line of c.summary.split(/\n+/)) body.push(new Paragraph({ text: line }));
    if (c.decision)
      body.push(new Paragraph({ text: `Beslutning: ${partnershipDecisionLabels[c.decision].da}` }));
    const notes = Object.entries(c.notes).filter(([, n]) => n.trim());
    if (notes.length > 0) {
      body.push(heading("Noter fra evalueringsmødet", 2));
      for (const [id, note] of notes) {
        const question = partnersMeetingQuestionnaire.questions.find((x) => x.id === id);
        body.push(new Paragraph({ children: [new TextRun({ text: question?.text.da ?? id, bold: true })] }));
        body.push(new Paragraph({ text: note }));
      }
    }
    if (c.nextSteps.length > 0) {
      body.push(heading("Næste skridt", 2));
      for (const s of c.nextSteps) {
        body.push(
          new Paragraph({
            text: `${s.title}${s.dueOn ? ` (senest ${day(s.dueOn)})` : ""}`,
            bullet: { level: 0 },
          }),
        );
        if (s.followUp)
          body.push(new Paragraph({ text: followUpText(v, s.followUp.id), bullet: { level: 1 } }));
      }
    }
  }
  const doc = new Document({
    creator: "Samråd",
    title: `Evalueringsrapport: ${v.title}`,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}

/** GET /api/evaluations/:id/rapport.docx — for whoever may run the evaluation. */
export function mountEvaluationExport(
  app: Hono,
  deps: { db: Database; now: () => Date; principalOf: (headers: Headers) => Promise<Principal | null> },
) {
  app.get("/api/evaluations/:id/rapport.docx", async (c) => {
    const principal = await deps.principalOf(c.req.raw.headers);
    if (!principal) return refuse(c, 401, unauthorized);
    const id = c.req.param("id");
    if (!/^[0-9a-f-]{36}$/i.test(id)) return refuse(c, 404, notFound);
    let view: View;
    try {
      view = await createCaller({ db: deps.db, now: deps.now, principal }).evaluations.get({
        evaluationId: id,
      });
    } catch {
      return refuse(c, 404, notFound);
    }
    const file = await evaluationDocx(view);
    return c.body(new Uint8Array(file), 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": 'attachment; filename="evalueringsrapport.docx"',
      "cache-control": "no-store",
    });
  });
}
