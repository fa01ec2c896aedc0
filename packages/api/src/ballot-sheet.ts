/**
 * The printable sheet of ballot codes: A4 pages with 3 × 8 cards separated by cut lines, each card holding
 * the vote's title, one code and where to vote. Written by hand (like the demo PDFs) because the sheet needs
 * only Helvetica in WinAnsi, which covers Danish letters; codes themselves are plain ASCII.
 */

const WIN_ANSI: Record<string, number> = {
  æ: 0xe6,
  ø: 0xf8,
  å: 0xe5,
  Æ: 0xc6,
  Ø: 0xd8,
  Å: 0xc5,
  é: 0xe9,
  "–": 0x96,
};

function pdfString(text: string): string {
  let out = "";
  for (const char of text) {
    const code = WIN_ANSI[char];
    if (code !== undefined) out += `\\${code.toString(8)}`;
    else if (char === "(" || char === ")" || char === "\\") out += `\\${char}`;
    else if (char >= " " && char <= "~") out += char;
    else out += "?";
  }
  return `(${out})`;
}

/** Cuts long lines so they fit a card (about 34 characters at 8 pt). */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

export const CARDS_PER_PAGE = 24;
const COLUMNS = 3;
const ROWS = 8;
const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 28;

export type BallotSheet = {
  title: string;
  /** Where to vote, e.g. "samraad.dk/kommuner/odense/samskabelse/bolbro-bestemmer/afstemning". */
  address: string;
  /** e.g. "Stemmekoder, bunke 1". */
  batchLabel: string;
  codes: readonly string[];
};

export function ballotSheetPdf(sheet: BallotSheet): Uint8Array {
  const pages: string[] = [];
  const cardW = (PAGE_W - 2 * MARGIN) / COLUMNS;
  const cardH = (PAGE_H - 2 * MARGIN - 20) / ROWS;
  const pageCount = Math.max(1, Math.ceil(sheet.codes.length / CARDS_PER_PAGE));
  for (let p = 0; p < pageCount; p++) {
    const ops: string[] = [
      `BT /F1 8 Tf ${MARGIN} ${PAGE_H - MARGIN + 6} Td ${pdfString(`${sheet.batchLabel} – side ${p + 1} af ${pageCount} – klip langs de stiplede linjer`)} Tj ET`,
      "0.6 G 0.5 w [3 3] 0 d",
    ];
    const top = PAGE_H - MARGIN - 4;
    for (let c = 0; c <= COLUMNS; c++)
      ops.push(`${MARGIN + c * cardW} ${top} m ${MARGIN + c * cardW} ${top - ROWS * cardH} l S`);
    for (let r = 0; r <= ROWS; r++)
      ops.push(`${MARGIN} ${top - r * cardH} m ${PAGE_W - MARGIN} ${top - r * cardH} l S`);
    ops.push("[] 0 d 0 g");
    sheet.codes.slice(p * CARDS_PER_PAGE, (p + 1) * CARDS_PER_PAGE).forEach((code, i) => {
      const x = MARGIN + (i % COLUMNS) * cardW + 10;
      const y = top - Math.floor(i / COLUMNS) * cardH;
      ops.push(`BT /F1 8 Tf ${x} ${y - 16} Td ${pdfString(fit(sheet.title, 34))} Tj ET`);
      ops.push(`BT /F1 8 Tf ${x} ${y - 28} Td ${pdfString("Din stemmekode (kan bruges én gang):")} Tj ET`);
      ops.push(`BT /F2 15 Tf ${x} ${y - 50} Td ${pdfString(code)} Tj ET`);
      ops.push(`BT /F1 7 Tf ${x} ${y - 68} Td ${pdfString("Stem på:")} Tj ET`);
      // The address wraps onto a second line rather than being cut: a voter must be able to type all of it.
      const cut =
        sheet.address.length <= 50 ? sheet.address.length : sheet.address.lastIndexOf("/", 50) + 1 || 50;
      ops.push(`BT /F1 6 Tf ${x} ${y - 78} Td ${pdfString(sheet.address.slice(0, cut))} Tj ET`);
      ops.push(`BT /F1 6 Tf ${x} ${y - 87} Td ${pdfString(sheet.address.slice(cut, cut + 60))} Tj ET`);
    });
    pages.push(ops.join("\n"));
  }
  // Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Courier-Bold (codes: monospaced, easy to read), then per page: page + stream.
  const objects: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${5 + 2 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>",
  ];
  pages.forEach((stream, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`,
    );
    objects.push(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
  });
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}
