import { parseCsvRecords } from "../policy/csv.ts";
import type { BallotOption } from "./winners.ts";

/*
 * The anonymised ballots as a spreadsheet, so anyone can recount: one row per ballot under its random id, one
 * column per idea ("1. Legeplads"), "1" where the ballot chose it. No code, no voter, no time. Rows come in the
 * order of the random ids, so their order says nothing about when a ballot was cast.
 */

const BALLOT_COLUMN = "Stemmeseddel";

function cell(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function ballotsCsv(
  options: readonly BallotOption[],
  ballots: readonly { id: string; choices: readonly string[] }[],
): string {
  const ordered = [...options].sort((a, b) => a.position - b.position);
  const lines = [[BALLOT_COLUMN, ...ordered.map((o) => `${o.position}. ${o.title}`)].map(cell).join(";")];
  for (const ballot of [...ballots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const chosen = new Set(ballot.choices);
    lines.push([ballot.id, ...ordered.map((o) => (chosen.has(o.id) ? "1" : ""))].map(cell).join(";"));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Reads the export back into ballots (lists of option ids), matching columns to ideas by their number. */
export function parseBallotsCsv(csv: string, options: readonly BallotOption[]): string[][] {
  const [header, ...rows] = parseCsvRecords(csv.replace(/^\uFEFF/, "")).filter((r) =>
    r.some((c) => c !== ""),
  );
  if (!header || header[0] !== BALLOT_COLUMN) throw new Error("not a ballot export");
  const byPosition = new Map(options.map((o) => [o.position, o.id]));
  const columns = header.slice(1).map((title) => byPosition.get(Number.parseInt(title, 10)));
  return rows.map((row) =>
    columns.flatMap((optionId, i) => (optionId !== undefined && row[i + 1] === "1" ? [optionId] : [])),
  );
}
