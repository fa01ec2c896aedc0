import { describe, expect, it } from "vitest";
import { csvCell, registrationsCsv } from "./registrations-csv.ts";

describe("the organisers' registration list as CSV", () => {
  it("has Danish headings, Danish times and one line per sign-up, for Danish Excel", () => {
    const csv = registrationsCsv([
      {
        sessionTitle: "Idémøde 1",
        sessionStartsAt: new Date("2026-09-20T17:00:00Z"),
        name: "Birthe Nielsen",
        email: "birthe@example.dk",
        status: "waiting",
        needs: "Kommer i kørestol; har ledsager",
        createdAt: new Date("2026-09-01T08:00:00Z"),
      },
    ]);
    expect(csv.startsWith("\uFEFFMøde;Tidspunkt;Navn;E-mail;Status;Behov;Tilmeldt\r\n")).toBe(true);
    const line = csv.split("\r\n")[1];
    expect(line).toContain("Idémøde 1;");
    expect(line).toContain("20. september 2026");
    expect(line).toContain(";På venteliste;");
    expect(line).toContain(';"Kommer i kørestol; har ledsager";');
  });

  it("quotes quotes and line breaks, and defuses formulas typed into the public form", () => {
    expect(csvCell('Sig "hej"')).toBe('"Sig ""hej"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+45 12345678")).toBe("'+45 12345678");
    expect(csvCell("Almindelig tekst")).toBe("Almindelig tekst");
  });
});
