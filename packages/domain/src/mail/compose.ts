import type { Bilingual } from "../shared/types.ts";

/** What the outbox stores and nodemailer sends: a subject, a plain-text body and a simple HTML body. */
export type Mail = { subject: string; text: string; html: string };

/** The few things an email here is made of: a paragraph, a list of labelled facts, and a link. */
export type Block =
  | { paragraph: string }
  | { facts: { label: string; value: string }[] }
  | { link: { href: string; label: string } };

export type Letter = { subject: Bilingual; da: Block[]; en: Block[] };

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function textOf(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if ("paragraph" in b) return b.paragraph;
      if ("facts" in b) return b.facts.map((f) => `${f.label}: ${f.value}`).join("\n");
      return `${b.link.label}:\n${b.link.href}`;
    })
    .join("\n\n");
}

function htmlOf(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if ("paragraph" in b) return `<p>${escapeHtml(b.paragraph)}</p>`;
      if ("facts" in b)
        return `<dl>${b.facts.map((f) => `<dt><strong>${escapeHtml(f.label)}</strong></dt><dd>${escapeHtml(f.value)}</dd>`).join("")}</dl>`;
      return `<p><a href="${escapeHtml(b.link.href)}">${escapeHtml(b.link.label)}</a></p>`;
    })
    .join("\n");
}

/**
 * Danish first, English below, in plain text and in HTML that any mail program shows (no images, no styles
 * beyond the defaults, the link written out in the text part). The HTML marks each language for screen readers.
 */
export function composeMail(letter: Letter): Mail {
  const subject =
    letter.subject.da === letter.subject.en
      ? letter.subject.da
      : `${letter.subject.da} / ${letter.subject.en}`;
  const text = `${textOf(letter.da)}\n\n—————\nIn English\n\n${textOf(letter.en)}\n`;
  const html = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(letter.subject.da)}</title></head>
<body>
${htmlOf(letter.da)}
<hr>
<div lang="en">
<h2>In English</h2>
${htmlOf(letter.en)}
</div>
</body></html>
`;
  return { subject, text, html };
}
