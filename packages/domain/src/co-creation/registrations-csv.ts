import { formatDateTime } from "../shared/format.ts";
import { type RegistrationStatus, registrationStatusLabels } from "./sessions.ts";

export const registrationCsvColumns = [
  "Møde",
  "Tidspunkt",
  "Navn",
  "E-mail",
  "Status",
  "Behov",
  "Tilmeldt",
] as const;

export type RegistrationCsvRow = {
  sessionTitle: string;
  sessionStartsAt: Date;
  name: string;
  email: string;
  status: RegistrationStatus;
  needs: string | null;
  createdAt: Date;
};

/**
 * A cell as Danish Excel reads it: quoted when it holds the delimiter, a quote or a line break; and a text
 * that starts like a formula (= + - @) is prefixed with an apostrophe, so a name typed on the public form can
 * never run as a formula on an organiser's computer.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The organisers' list: semicolon-separated UTF-8 with a byte-order mark, in Danish, one line per sign-up. */
export function registrationsCsv(rows: readonly RegistrationCsvRow[]): string {
  const lines = [registrationCsvColumns.join(";")];
  for (const r of rows) {
    lines.push(
      [
        r.sessionTitle,
        formatDateTime(r.sessionStartsAt),
        r.name,
        r.email,
        registrationStatusLabels[r.status].da,
        r.needs ?? "",
        formatDateTime(r.createdAt),
      ]
        .map(csvCell)
        .join(";"),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
