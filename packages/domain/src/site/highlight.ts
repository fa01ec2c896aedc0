/** A search excerpt split into plain and matched runs, so a page can mark matches without trusting HTML. */
export type HighlightRun = { text: string; match: boolean };

export function splitHighlight(headline: string, marks: { start: string; stop: string }): HighlightRun[] {
  const runs: HighlightRun[] = [];
  let rest = headline;
  while (rest.length > 0) {
    const start = rest.indexOf(marks.start);
    if (start === -1) {
      runs.push({ text: rest, match: false });
      break;
    }
    if (start > 0) runs.push({ text: rest.slice(0, start), match: false });
    const afterStart = rest.slice(start + marks.start.length);
    const stop = afterStart.indexOf(marks.stop);
    const matched = stop === -1 ? afterStart : afterStart.slice(0, stop);
    if (matched.length > 0) runs.push({ text: matched, match: true });
    rest = stop === -1 ? "" : afterStart.slice(stop + marks.stop.length);
  }
  return runs;
}
