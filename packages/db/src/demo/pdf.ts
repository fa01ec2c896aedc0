import { createHash } from "node:crypto";

export type DemoFile = { content: Uint8Array; size: number; sha512: string; text: string };

/** WinAnsi codes for the Danish letters; everything else must be printable ASCII. */
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

/** A PDF string literal in pure ASCII: parentheses and backslashes escaped, Danish letters as octal WinAnsi codes. */
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

/**
 * A minimal, valid one-page A4 PDF (Helvetica, WinAnsiEncoding) with a title line and a few body
 * lines, with a correct cross-reference table, so viewers and text extractors open it.
 */
export function makePdf(title: string, lines: readonly string[] = []): DemoFile {
  const textOps = [`BT /F1 16 Tf 56 780 Td ${pdfString(title)} Tj ET`];
  lines.forEach((line, index) => {
    textOps.push(`BT /F1 11 Tf 56 ${748 - index * 16} Td ${pdfString(line)} Tj ET`);
  });
  const stream = textOps.join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const content = new Uint8Array(Buffer.from(body, "latin1"));
  return {
    content,
    size: content.byteLength,
    sha512: createHash("sha512").update(content).digest("hex"),
    text: [title, ...lines].join("\n"),
  };
}
