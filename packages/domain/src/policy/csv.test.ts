import { describe, expect, it } from "vitest";
import {
  decodeCsv,
  type ExportableAction,
  exportActionPlan,
  importActionPlan,
  parseCsvRecords,
  parseWhereWhen,
} from "./csv.ts";

const goals = [{ id: "22222222-2222-4222-8222-222222222222", title: "Flere i job" }];
const ctx = { goals, policyStart: "2026-01-01" };

const semicolonFile = [
  "Handling;Mål;Tovholder;Hvor/når;Status",
  "Temadag om tilgængelighed;Flere i job;Mette Hansen (Beskæftigelse);Jobcentret, 3. december 2026;I gang",
  '"Kursus; for ledere";Bedre skoler;Ole Sørensen (Skole);15/1/2027;',
  "Tilgængelig hjemmeside;;Lone Berg (Administration);Rådhuset, 1. marts 2026 – 30. juni 2026;Udskudt – afventer leverandør",
].join("\r\n");

describe("CSV import of an action plan", () => {
  it("given a Danish Excel file (semicolons, quotes), then every action is read in the conference's form", () => {
    const result = importActionPlan(semicolonFile, ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.actions).toHaveLength(3);
    expect(result.actions[0]).toMatchObject({
      handling: "Temadag om tilgængelighed",
      goalId: goals[0]?.id,
      ownerName: "Mette Hansen",
      ownerSector: "beskaeftigelse",
      place: "Jobcentret",
      dueOn: "2026-12-03",
      status: "in_progress",
    });
    expect(result.actions[1]).toMatchObject({
      handling: "Kursus; for ledere",
      goalText: "Bedre skoler",
      dueOn: "2027-01-15",
    });
    expect(result.actions[2]).toMatchObject({
      startsOn: "2026-03-01",
      dueOn: "2026-06-30",
      status: "postponed",
      statusReason: "afventer leverandør",
    });
  });

  it("given a comma-separated file in Windows-1252, then æøå survive", () => {
    const text =
      "Handling,Mål,Tovholder,Hvor/når,Status\nBedre skiltning på rådhuset,Færre barrierer,Søren Ø (Teknik og miljø),2026-12-01,Ikke startet\n";
    // Windows-1252 encodes æ, ø, å as single bytes, which are invalid UTF-8.
    const bytes = Uint8Array.from(
      [...text].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Ø: 0xd8 })[c] ?? c.charCodeAt(0)),
    );
    const decoded = decodeCsv(bytes);
    expect(decoded).toBe(text);
    const result = importActionPlan(decoded, ctx);
    expect(result.ok && result.actions[0]).toMatchObject({
      goalText: "Færre barrierer",
      ownerSector: "teknik_miljoe",
    });
  });

  it("given UTF-8 with a BOM, then the header is still recognised", () => {
    const bytes = new TextEncoder().encode(`\uFEFF${semicolonFile}`);
    expect(importActionPlan(decodeCsv(bytes), ctx).ok).toBe(true);
  });

  it("given one bad row among good ones, then nothing is imported and each error names row and column", () => {
    const file = `${semicolonFile}\r\n;Mål;Anne (Marketing);Rådhuset, 31/12/2025;Udskudt`;
    const result = importActionPlan(file, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, "Handling", "required"],
      [4, "Tovholder", "unknown_sector"],
      [4, "Hvor/når", "due_before_policy_start"],
      [4, "Status", "reason_required"],
    ]);
    expect(result.errors[0]?.message.da).toBe("Udfyld feltet");
  });

  it("given an impossible date, then invalid_date rather than a place called 31/2/2027", () => {
    const result = importActionPlan("Handling;Mål;Tovholder;Hvor/når\nKursus;;;31/2/2027", ctx);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(["invalid_date"]);
  });

  it("given a file without the Tovholder column, then a missing-column error", () => {
    const result = importActionPlan("Handling;Mål;Hvor/når\nKursus;;", ctx);
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
      ["Tovholder", "csv_missing_column"],
    ]);
  });

  it("given only a header, then an empty-file error", () => {
    expect(importActionPlan("Handling;Mål;Tovholder;Hvor/når;Status\n", ctx).ok).toBe(false);
  });
});

describe("CSV export round-trips through the import", () => {
  const actions: ExportableAction[] = [
    {
      handling: 'Møde med "Ældresagen"; opfølgning',
      goalTitle: "Flere i job",
      goalText: null,
      ownerName: "Mette Hansen",
      ownerSector: "beskaeftigelse",
      place: "Jobcentret, lokale 2",
      startsOn: "2026-03-01",
      dueOn: "2026-12-03",
      status: "dropped",
      statusReason: "Erstattet af ny indsats",
    },
    {
      handling: "Tilgængelighedsgennemgang",
      goalTitle: null,
      goalText: "Færre barrierer",
      ownerName: "Lone Berg",
      ownerSector: "teknik_miljoe",
      place: null,
      startsOn: null,
      dueOn: "2027-01-15",
      status: "done",
      statusReason: null,
    },
  ];

  it("given exported actions, when imported again, then the same fields come back", () => {
    const csv = exportActionPlan(actions);
    expect(csv.startsWith("\uFEFFHandling;Mål;Tovholder;Hvor/når;Status\r\n")).toBe(true);
    expect(csv).toContain("3. december 2026");
    const result = importActionPlan(decodeCsv(new TextEncoder().encode(csv)), ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.actions[0]).toMatchObject({
      handling: 'Møde med "Ældresagen"; opfølgning',
      goalId: goals[0]?.id,
      ownerName: "Mette Hansen",
      ownerSector: "beskaeftigelse",
      place: "Jobcentret, lokale 2",
      startsOn: "2026-03-01",
      dueOn: "2026-12-03",
      status: "dropped",
      statusReason: "Erstattet af ny indsats",
    });
    expect(result.actions[1]).toMatchObject({
      goalText: "Færre barrierer",
      dueOn: "2027-01-15",
      status: "done",
    });
  });

  it("parses quoted fields with newlines", () => {
    expect(parseCsvRecords('a;b\n"x\ny";z\n')).toEqual([
      ["a", "b"],
      ["x\ny", "z"],
    ]);
  });

  it("reads a place without a date as a place", () => {
    expect(parseWhereWhen("Rådhuset")).toMatchObject({ place: "Rådhuset", dueOn: undefined, badDate: false });
  });
});
