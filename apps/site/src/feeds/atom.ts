export type AtomEntry = { id: string; title: string; url: string; updated: Date; summary: string };

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/** RFC 4287 Atom feed: small enough to write by hand, and every text is escaped. */
export function renderAtom(feed: {
  id: string;
  title: string;
  selfUrl: string;
  pageUrl: string;
  entries: AtomEntry[];
}) {
  const updated = feed.entries.reduce((latest, e) => Math.max(latest, e.updated.getTime()), 0);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">`,
    `<id>${escapeXml(feed.id)}</id>`,
    `<title>${escapeXml(feed.title)}</title>`,
    `<updated>${new Date(updated).toISOString()}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `<author><name>Samråd</name></author>`,
    ...feed.entries.map((e) =>
      [
        `<entry>`,
        `<id>${escapeXml(e.id)}</id>`,
        `<title>${escapeXml(e.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
        `<updated>${e.updated.toISOString()}</updated>`,
        `<summary>${escapeXml(e.summary)}</summary>`,
        `</entry>`,
      ].join(""),
    ),
    `</feed>`,
  ];
  return lines.join("\n");
}
