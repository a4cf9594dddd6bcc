import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { inspectPdf } from "@/test/pdf-inspect";
import type { SynopseRow } from "./export-document";
import { csvCell } from "./csv";
import { renderSynopseCsv, renderSynopseDocx, renderSynopsePdf } from "./render-synopse";
import { SAMPLE_SYNOPSE } from "@/demo/sample-export-document";

const row = (over: Partial<SynopseRow>): SynopseRow => ({
  section: "1. Ausgangslage",
  organisation: "AWO",
  author: "D. A.",
  kind: "Kommentar",
  text: "Text",
  decision: "übernommen",
  reason: "",
  result: "",
  ...over,
});

describe("renderSynopseCsv", () => {
  it("writes a BOM, a German header, ';' separators and CRLF line ends", () => {
    expect(renderSynopseCsv([row({})])).toBe(
      "\uFEFFAbschnitt;Organisation;Verfasst von;Art;Stellungnahme;Entscheidung;Begründung;Ergebnis\r\n" +
        "1. Ausgangslage;AWO;D. A.;Kommentar;Text;übernommen;;\r\n",
    );
    expect(renderSynopseCsv([])).toBe(
      "\uFEFFAbschnitt;Organisation;Verfasst von;Art;Stellungnahme;Entscheidung;Begründung;Ergebnis\r\n",
    );
  });

  it("quotes fields with separators, quotes, line breaks or edge spaces (RFC 4180)", () => {
    const csv = renderSynopseCsv([row({ text: 'Er sagte "ja"; dann\nnein', reason: " eingerückt" })]);
    expect(csv.split("\r\n")[1]).toBe('1. Ausgangslage;AWO;D. A.;Kommentar;"Er sagte ""ja""; dann');
    expect(csv).toContain('"Er sagte ""ja""; dann\r\nnein";übernommen;" eingerückt";\r\n');
  });

  it("defuses cells a spreadsheet would evaluate as formulas", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+49 211 123")).toBe("'+49 211 123");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("' =1");
    expect(csvCell("  -1")).toBe("'  -1");
    expect(csvCell("＝1+1")).toBe("'＝1+1");
    expect(csvCell("Summe = 3")).toBe("Summe = 3");
    expect(renderSynopseCsv([row({ author: "=cmd|' /C calc'!A0" })]).split("\r\n")[1]).toContain(
      ";'=cmd|' /C calc'!A0;",
    );
  });

  it("strips control characters that would corrupt the file", () => {
    expect(csvCell("a\u0000b\u001Bc")).toBe("abc");
  });
});

describe("standalone Synopse documents", () => {
  const input = {
    conceptTitle: "Welcome Points",
    versionLabel: "Einreichungsfassung",
    generatedAt: "2022-06-01T09:30:00+02:00",
    rows: SAMPLE_SYNOPSE,
  };

  it("renders a tagged PDF holding every row", async () => {
    const pdf = await inspectPdf(await renderSynopsePdf(input));
    expect(pdf.text).toContain("Synopse der Stellungnahmen: Welcome Points");
    expect(pdf.text).toContain("Einreichungsfassung, erstellt am 01.06.2022, 09:30 Uhr");
    for (const r of SAMPLE_SYNOPSE) {
      for (const value of [r.organisation, r.author, r.kind, r.decision]) expect(pdf.text).toContain(value);
    }
    expect(pdf.text).toContain("Seite 1 von 1");
    expect(pdf.marked).toBe(true);
    expect(pdf.roles).toContain("Table");
  });

  it("renders a DOCX with the table in landscape", async () => {
    const zip = await JSZip.loadAsync(await renderSynopseDocx(input));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain("<w:tbl>");
    expect(xml).toContain("Lotsenfunktion ausdrücklich auch für Angebote der Gesundheitsversorgung vorsehen.");
    expect(xml).toContain("Deniz Aydın");
  });
});
