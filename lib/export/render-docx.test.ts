import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { doc, link, p } from "@/demo/tiptap";
import { inspectPdf } from "@/test/pdf-inspect";
import { xmlProblems } from "@/test/xml-well-formed";
import type { ExportDocument } from "./export-document";
import { renderDocx } from "./render-docx";
import { sampleExportDocument } from "@/demo/sample-export-document";

type Unzipped = Record<string, string>;

async function unzip(buffer: Buffer): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(buffer);
  const files: Unzipped = {};
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name]!.dir) files[name] = await zip.files[name]!.async("string");
  }
  return files;
}

/** The visible text of the paragraphs with a given style, in order. */
function paragraphsWithStyle(xml: string, style: string): string[] {
  const paragraphs = xml.split("<w:p>").slice(1).concat(xml.split("<w:p ").slice(1));
  return paragraphs
    .filter((para) => para.includes(`<w:pStyle w:val="${style}"/>`))
    .map((para) => [...para.split("</w:p>")[0]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
}

const soffice = (() => {
  try {
    return execFileSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
})();

describe("renderDocx with the Welcome Points sample", () => {
  const sample = sampleExportDocument();
  let buffer: Buffer;
  let files: Unzipped;
  let xml: string;

  beforeAll(async () => {
    buffer = await renderDocx(sample);
    files = await unzip(buffer);
    xml = files["word/document.xml"] ?? "";
  });

  it("is a well-formed OOXML package", () => {
    for (const part of [
      "[Content_Types].xml",
      "word/document.xml",
      "word/styles.xml",
      "word/numbering.xml",
      "word/_rels/document.xml.rels",
      "docProps/core.xml",
    ]) {
      expect(files[part], part).toBeDefined();
    }
    for (const [name, content] of Object.entries(files).filter(([n]) => n.endsWith(".xml") || n.endsWith(".rels"))) {
      expect(xmlProblems(content), name).toEqual([]);
    }
    expect(files["docProps/core.xml"]).toContain(`<dc:title>${sample.title}</dc:title>`);
    expect(files["word/styles.xml"]).toContain('<w:lang w:val="de-DE"/>');
  });

  it("has a title page, a TOC field and a numbered Heading 1 per section", () => {
    expect(paragraphsWithStyle(xml, "Title")).toEqual([sample.title]);
    expect(xml).toContain("Ratsauftrag RAT/676/2021 vom 16.12.2021");
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;<\/w:instrText>/);
    const headings = paragraphsWithStyle(xml, "Heading1");
    expect(headings).toEqual([
      "Auftrag des Rates",
      ...sample.sections.map((s) => `${s.number}. ${s.title}`),
      "Mitzeichnung",
      "Anlage: Synopse der Stellungnahmen",
    ]);
    // Stored as h3 right under the section: placed at Heading 2, below the section's Heading 1.
    expect(paragraphsWithStyle(xml, "Heading2")).toEqual(["Handlungsempfehlungen", "Ansprechpartnerin"]);
    expect(paragraphsWithStyle(xml, "Heading3")).toEqual([]);
    expect(paragraphsWithStyle(xml, "TOC1")).toContain("1. Ausgangslage und Auftrag");
  });

  it("numbers lists with Word numbering, restarting per list and nesting by level", () => {
    expect(xml).toContain("<w:numPr>");
    expect(xml).toMatch(/<w:ilvl w:val="1"\/>/);
    const numbering = files["word/numbering.xml"]!;
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    const numIds = new Set([...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect(numIds.size).toBeGreaterThanOrEqual(4); // Prüfaufträge, bullets of §3, ordered and nested list of §9
  });

  it("holds tables with header rows, the sign-off table and the Synopse in landscape", () => {
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(4); // Beratungsfolge, §6, Mitzeichnung, Synopse
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain("Zugestimmt mit Anmerkungen");
    expect(xml).toContain("Raumfrage in Bezirk 1 bis Herbst klären.");
    expect(xml).toContain(sample.contentHash);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain("Lotsenfunktion ausdrücklich auch für Angebote der Gesundheitsversorgung vorsehen.");
  });

  it("sets line spacing as a multiple (no overprinting two-line title) and fixes the Synopse's column widths", () => {
    const styles = files["word/styles.xml"]!;
    const title = styles.slice(styles.indexOf('w:styleId="Title"'));
    expect(title.slice(0, title.indexOf("</w:style>"))).toMatch(/<w:spacing [^>]*w:lineRule="auto"/);
    expect(styles).not.toMatch(/<w:spacing (?![^>]*w:lineRule)[^>]*w:line="/);
    const synopse = xml.slice(xml.lastIndexOf("<w:tbl>"));
    expect(synopse).toContain('<w:tblLayout w:type="fixed"/>');
    expect([...synopse.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toHaveLength(8);
  });

  it("puts page numbers in the footer", () => {
    const footers = Object.entries(files)
      .filter(([n]) => /word\/footer\d+\.xml/.test(n))
      .map(([, c]) => c)
      .join("");
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(footers).toContain("Seite ");
  });

  it("links only to http(s) and mailto targets", () => {
    const rels = files["word/_rels/document.xml.rels"]!;
    const targets = [...rels.matchAll(/Target="([^"]+)" TargetMode="External"/g)].map((m) => m[1]);
    expect(new Set(targets)).toEqual(
      new Set(["mailto:welcome-points@duesseldorf.example", "https://www.hs-duesseldorf.de/"]),
    );
    expect(xml).toContain("<w:hyperlink");
  });

  it.skipIf(!soffice)("opens in LibreOffice and converts to a PDF with the same sections", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "docx-"));
    try {
      writeFileSync(path.join(dir, "konzept.docx"), buffer);
      execFileSync(
        soffice,
        [
          "--headless",
          `-env:UserInstallation=file://${dir}/profile`,
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          path.join(dir, "konzept.docx"),
        ],
        { timeout: 60_000, stdio: "ignore" },
      );
      const pdf = await inspectPdf(readFileSync(path.join(dir, "konzept.pdf")));
      for (const section of sample.sections) expect(pdf.text).toContain(`${section.number}. ${section.title}`);
      expect(pdf.text).toContain(`Seite 2 von ${pdf.pageCount}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("renderDocx with hostile content", () => {
  it("escapes markup, drops javascript: links and survives control characters", async () => {
    const hostile: ExportDocument = {
      ...sampleExportDocument(),
      title: '<w:p>Titel & "Zitat"\u0001',
      sections: [
        {
          number: 1,
          title: "</w:t>",
          owner: "x",
          content: doc(
            p(
              "<script>alert(1)</script>\u0007",
              link("klick", "javascript:alert(1)"),
              link("ok", "https://example.org/?a=1&b=2"),
            ),
          ),
        },
        { number: 2, title: "Leer", owner: "y", content: { type: "doc" } },
      ],
    };
    const files = await unzip(await renderDocx(hostile));
    const xml = files["word/document.xml"]!;
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(xml).toContain("&lt;w:p&gt;Titel &amp; ");
    expect(xml).toContain("&lt;/w:t&gt;");
    expect(xml).toContain("Dieser Abschnitt enthält noch keinen Text.");
    expect(Object.values(files).join("")).not.toMatch(/javascript:/i);
    expect(files["word/_rels/document.xml.rels"]).toContain('Target="https://example.org/?a=1&amp;b=2"');
    for (const [name, content] of Object.entries(files).filter(([n]) => n.endsWith(".xml")))
      expect(xmlProblems(content), name).toEqual([]);
  });
});
