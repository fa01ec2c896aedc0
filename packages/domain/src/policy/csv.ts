import { isIsoDate } from "../shared/calendar.ts";
import { type FieldError, fieldErrors, messageFor } from "../shared/messages.ts";
import {
  type ActionStatus,
  actionStatuses,
  actionStatusLabels,
  type Sector,
  sectorLabels,
  sectors,
} from "./model.ts";
import { type ActionFields, actionFields, actionIssues } from "./schemas.ts";

/**
 * The action plan as a spreadsheet: the conference's columns plus status. The import reads what the
 * export writes, so a plan round-trips through Excel.
 */
export const csvColumns = ["Handling", "Mål", "Tovholder", "Hvor/når", "Status"] as const;

/** Spreadsheets save as UTF-8 or, in Danish Excel, Windows-1252: strict UTF-8 first, then 1252. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

/** RFC 4180 records with the delimiter the header line uses (semicolon in Danish Excel, comma elsewhere). */
export function parseCsvRecords(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = count(firstLine, ";") >= count(firstLine, ",") && firstLine.includes(";") ? ";" : ",";
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => r.some((f) => f.trim() !== ""));
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

const months = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
];

/** "3. december 2026" for a calendar date, without going through an instant. */
export function danishDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${d}. ${months[(m ?? 1) - 1]} ${y}`;
}

const datePattern = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}\.\s*[a-zæøå]+\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{4})`;

/** ISO, "3. december 2026" or "3/12/2026" / "03-12-2026" / "3.12.2026"; null if it is not a real date. */
export function parseDanishDate(text: string): string | null {
  const t = text.trim().toLowerCase();
  let iso: string | null = null;
  const named = /^(\d{1,2})\.\s*([a-zæøå]+)\s+(\d{4})$/.exec(t);
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  else if (named) {
    const month = months.indexOf(named[2] ?? "") + 1;
    if (month > 0) iso = `${named[3]}-${pad(month)}-${pad(Number(named[1]))}`;
  } else if (numeric) iso = `${numeric[3]}-${pad(Number(numeric[2]))}-${pad(Number(numeric[1]))}`;
  return iso && isIsoDate(iso) ? iso : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "Rådhuset, 1. marts 2026 – 3. december 2026" → place, start and due date. */
export function parseWhereWhen(text: string): {
  place: string | undefined;
  startsOn: string | undefined;
  dueOn: string | undefined;
  badDate: boolean;
} {
  const t = text.trim();
  const period = new RegExp(`(?:^|,\\s*)${datePattern}\\s*[–-]\\s*${datePattern}$`, "i").exec(t);
  const single = new RegExp(`(?:^|,\\s*)${datePattern}$`, "i").exec(t);
  const match = period ?? single;
  if (!match) {
    // A trailing date-looking text that is not a real date is an error, not a place name.
    const looksDated = /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$|\d{4}-\d{2}-\d{2}$/.test(t);
    return { place: t || undefined, startsOn: undefined, dueOn: undefined, badDate: looksDated };
  }
  const place = t.slice(0, match.index).trim() || undefined;
  const first = parseDanishDate(match[1] ?? "");
  const second = period ? parseDanishDate(match[2] ?? "") : null;
  if (period) {
    return { place, startsOn: first ?? undefined, dueOn: second ?? undefined, badDate: !first || !second };
  }
  return { place, startsOn: undefined, dueOn: first ?? undefined, badDate: !first };
}

export function formatWhereWhen(a: {
  place: string | null;
  startsOn: string | null;
  dueOn: string | null;
}): string {
  const when = a.dueOn
    ? a.startsOn
      ? `${danishDate(a.startsOn)} – ${danishDate(a.dueOn)}`
      : danishDate(a.dueOn)
    : "";
  return [a.place ?? "", when].filter((s) => s !== "").join(", ");
}

/** "Mette Hansen (Sundhed)" → name and sector; the sector label or its code, any case. */
export function parseOwner(text: string): { ownerName?: string; ownerSector?: string } {
  const t = text.trim();
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(t);
  if (!m) return t ? { ownerName: t } : {};
  const label = (m[2] ?? "").trim().toLowerCase();
  const sector = sectors.find((s) => s === label || sectorLabels[s].da.toLowerCase() === label);
  return { ...(m[1]?.trim() ? { ownerName: m[1].trim() } : {}), ownerSector: sector ?? label };
}

export function formatOwner(a: { ownerName: string | null; ownerSector: Sector | null }): string {
  if (!a.ownerSector) return a.ownerName ?? "";
  return `${a.ownerName ?? ""} (${sectorLabels[a.ownerSector].da})`.trim();
}

/** "Udskudt – venter på budget" → status and reason. An empty cell means not started. */
export function parseStatus(text: string): { status?: string; statusReason?: string } {
  const t = text.trim();
  if (!t) return {};
  const [head = "", ...rest] = t.split(/\s*[–:]\s*|\s+-\s+/);
  const label = head.trim().toLowerCase();
  const status = actionStatuses.find((s) => s === label || actionStatusLabels[s].da.toLowerCase() === label);
  const reason = rest.join(" – ").trim();
  return { status: status ?? label, ...(reason ? { statusReason: reason } : {}) };
}

export function formatStatus(a: { status: ActionStatus; statusReason: string | null }): string {
  const label = actionStatusLabels[a.status].da;
  return a.statusReason ? `${label} – ${a.statusReason}` : label;
}

export type CsvRowError = FieldError & { row: number };
export type CsvImport =
  | { ok: true; actions: ActionFields[] }
  | { ok: false; errors: CsvRowError[]; rows: number };

/**
 * Reads an action plan. All or nothing: any bad row means no actions, and every error names its row
 * (1 = the first line after the header, as the spreadsheet shows it minus the header) and column.
 */
export function importActionPlan(
  text: string,
  context: { goals: { id: string; title: string }[]; policyStart: string | null },
): CsvImport {
  const records = parseCsvRecords(text);
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name.toLowerCase());
  const indexes = csvColumns.map((c) => column(c));
  const missing = csvColumns.filter((_, i) => indexes[i] === -1 && csvColumns[i] !== "Status");
  if (missing.length > 0) {
    return {
      ok: false,
      rows: 0,
      errors: missing.map((c) => ({
        row: 0,
        field: c,
        code: "csv_missing_column",
        message: messageFor("csv_missing_column"),
      })),
    };
  }
  const goalByTitle = new Map(context.goals.map((g) => [g.title.trim().toLowerCase(), g.id]));
  const rows = records.slice(1);
  const actions: ActionFields[] = [];
  const errors: CsvRowError[] = [];
  const fieldColumn: Record<string, string> = {
    handling: "Handling",
    goalId: "Mål",
    goalText: "Mål",
    ownerName: "Tovholder",
    ownerSector: "Tovholder",
    place: "Hvor/når",
    startsOn: "Hvor/når",
    dueOn: "Hvor/når",
    status: "Status",
    statusReason: "Status",
  };
  rows.forEach((record, i) => {
    const cell = (c: number) => {
      const index = indexes[c] ?? -1;
      return index === -1 ? "" : (record[index] ?? "").trim();
    };
    const goal = cell(1);
    const goalId = goalByTitle.get(goal.toLowerCase());
    const whereWhen = parseWhereWhen(cell(3));
    const candidate = {
      handling: cell(0),
      ...(goal ? (goalId ? { goalId } : { goalText: goal }) : {}),
      ...parseOwner(cell(2)),
      ...(whereWhen.place ? { place: whereWhen.place } : {}),
      ...(whereWhen.startsOn ? { startsOn: whereWhen.startsOn } : {}),
      ...(whereWhen.dueOn ? { dueOn: whereWhen.dueOn } : {}),
      ...parseStatus(cell(4)),
    };
    const parsed = actionFields.safeParse(candidate);
    const rowErrors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error);
    for (const issue of actionIssues(candidate, context.policyStart)) {
      rowErrors.push({ ...issue, message: messageFor(issue.code) });
    }
    if (whereWhen.badDate) {
      rowErrors.push({ field: "dueOn", code: "invalid_date", message: messageFor("invalid_date") });
    }
    for (const e of rowErrors) errors.push({ ...e, row: i + 1, field: fieldColumn[e.field] ?? e.field });
    if (parsed.success && rowErrors.length === 0) actions.push(parsed.data);
  });
  if (rows.length === 0) {
    errors.push({ row: 0, field: "Handling", code: "csv_empty", message: messageFor("csv_empty") });
  }
  return errors.length > 0 ? { ok: false, errors, rows: rows.length } : { ok: true, actions };
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

export type ExportableAction = {
  handling: string;
  goalTitle: string | null;
  goalText: string | null;
  ownerName: string | null;
  ownerSector: Sector | null;
  place: string | null;
  startsOn: string | null;
  dueOn: string | null;
  status: ActionStatus;
  statusReason: string | null;
};

/** The action plan as Danish Excel opens it: semicolons, CRLF, a BOM so æøå survive. */
export function exportActionPlan(actions: ExportableAction[]): string {
  const d = ";";
  const lines = [csvColumns.join(d)];
  for (const a of actions) {
    lines.push(
      [a.handling, a.goalTitle ?? a.goalText ?? "", formatOwner(a), formatWhereWhen(a), formatStatus(a)]
        .map((v) => quote(v, d))
        .join(d),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
