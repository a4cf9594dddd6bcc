import { beforeAll, describe, expect, it } from "vitest";
import { doc, link, p, table, ul } from "@/demo/tiptap";
import { inspectPdf, squash, type InspectedPdf } from "@/test/pdf-inspect";
import { flattenBlocks, inlinesToPlain, toBlocks } from "./content-blocks";
import type { ExportDocument } from "./export-document";
import { renderPdf } from "./render-pdf";
import { sampleExportDocument } from "@/demo/sample-export-document";

const noSpace = (text: string) => text.replace(/\s+/g, "");

describe("renderPdf with the Welcome Points sample", () => {
  const sample = sampleExportDocument();
  let bytes: Buffer;
  let pdf: InspectedPdf;

  beforeAll(async () => {
    bytes = await renderPdf(sample);
    pdf = await inspectPdf(bytes);
  });

  it("has a title page with the mandate, the Prüfaufträge, the Vorlage and the Beratungsfolge", () => {
    const title = pdf.pages[0]!;
    expect(title).toContain("Weiterentwicklung und Verstetigung der Welcome Points in Düsseldorf");
    expect(title).toContain("Ratsauftrag RAT/676/2021 vom 16.12.2021");
    expect(title).toContain("Vorzulegen bis 30.06.2022");
    for (const item of sample.mandate.items) expect(title).toContain(item);
    expect(title).toContain("Informationsvorlage AGS/029/2022 vom 17.05.2022");
    expect(title).toContain("Integrationsrat Vorberatung 31.05.2022");
    expect(title).toContain("Ausschuss für Gesundheit und Soziales Entscheidung 23.06.2022");
    expect(title).toContain("Einreichungsfassung, erstellt am 01.06.2022, 09:30 Uhr");
    expect(title).not.toContain("Seite 1 von");
  });

  it("lists every chapter in the table of contents with the page its heading is on", () => {
    const toc = pdf.pages[1]!;
    expect(toc).toContain("Inhaltsverzeichnis");
    for (const section of sample.sections) {
      const heading = `${section.number}. ${section.title}`;
      const match = new RegExp(`${heading.replace(/[.()]/g, "\\$&")} (\\d+)`).exec(toc);
      expect(match, heading).not.toBeNull();
      const page = Number(match![1]);
      expect(pdf.pages[page - 1], heading).toContain(heading);
    }
    expect(toc).toMatch(/Mitzeichnung \d+/);
    expect(toc).toMatch(/Anlage: Synopse der Stellungnahmen \d+/);
  });

  it("holds every heading, paragraph, list item and table cell of every section", () => {
    const all = noSpace(pdf.text);
    for (const section of sample.sections) {
      expect(pdf.text).toContain(`${section.number}. ${section.title}`);
      expect(pdf.text).toContain(`Verantwortlich: ${section.owner}`);
      for (const line of flattenBlocks(toBlocks(section.content))) {
        const text = inlinesToPlain(line.inlines);
        if (text.includes(" | ")) for (const cell of text.split(" | ")) expect(all).toContain(noSpace(cell));
        else expect(all, text).toContain(noSpace(text));
      }
    }
    expect(pdf.text).toContain("• Begegnung zwischen Geflüchteten und Nachbarschaft als Kernauftrag");
    expect(pdf.text).toContain("2. Verbindliche Absprachen je Stadtbezirk – Quartalstreffen der Träger");
    expect(pdf.text).toContain(
      "Stadtbezirk Träger Anbindung geprüft an 1 Diakonie Düsseldorf Familienzentrum im Stadtteil",
    );
  });

  it("has the sign-off page with German statuses, names, dates and the content hash", () => {
    const page = pdf.pages.find((t) => t.startsWith("Mitzeichnung"))!;
    expect(page).toContain("Organisation Status Durch Am Anmerkungen");
    expect(page).toContain(
      "Diakonie Düsseldorf Zugestimmt mit Anmerkungen Miriam Schulte 11.05.2022, 16:40 Uhr Raumfrage in Bezirk 1 bis Herbst klären.",
    );
    expect(page).toContain("AWO Düsseldorf Zugestimmt Deniz Aydın 12.05.2022, 08:55 Uhr");
    expect(page).toContain("Caritasverband Düsseldorf Ausstehend");
    expect(noSpace(page)).toContain(noSpace(`Prüfsumme der Fassung (SHA-256): ${sample.contentHash}`));
  });

  it("appends the Synopse with every row", () => {
    const page = pdf.pages.at(-1)!;
    expect(page).toContain("Anlage: Synopse der Stellungnahmen");
    for (const row of sample.synopse!) {
      for (const value of Object.values(row)) expect(noSpace(page)).toContain(noSpace(value));
    }
  });

  it("is a tagged PDF in German with embedded fonts, metadata and page numbers", () => {
    const raw = bytes.toString("latin1");
    const catalog = /\/Type \/Catalog[^]*?>>/.exec(raw)?.[0] ?? "";
    const markInfo = /\/MarkInfo (\d+) 0 R/.exec(catalog)?.[1];
    expect(raw).toMatch(new RegExp(`\\n${markInfo} 0 obj\\n<<\\n/Marked true\\n>>`));
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(catalog).toContain("/Lang (de-DE)");
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toContain("/FontFile2");
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(pdf.marked).toBe(true);
    expect(pdf.info).toMatchObject({
      Title: sample.title,
      Author: sample.leadOrganisation,
      Subject: "RAT/676/2021",
      Language: "de-DE",
    });
    expect(pdf.pageCount).toBeGreaterThan(1);
    pdf.pages.slice(1).forEach((page, i) => expect(page).toContain(`Seite ${i + 2} von ${pdf.pageCount}`));
  });

  it("tags headings, paragraphs, lists, tables, quotes, links and the TOC", () => {
    for (const role of [
      "Document",
      "H1",
      "H2",
      "H3",
      "P",
      "L",
      "LI",
      "Lbl",
      "LBody",
      "Table",
      "TR",
      "TH",
      "TD",
      "BlockQuote",
      "Link",
      "TOC",
      "TOCI",
    ]) {
      expect(pdf.roles, role).toContain(role);
    }
  });

  it("makes links clickable, to http(s) and mailto targets only", () => {
    expect(new Set(pdf.linkTargets)).toEqual(
      new Set(["mailto:welcome-points@duesseldorf.example", "https://www.hs-duesseldorf.de/"]),
    );
  });
});

describe("renderPdf with hostile or unusual content", () => {
  const longWord = "Donaudampfschifffahrtsgesellschaftskapitän".repeat(40);
  const bigCell = Array.from({ length: 700 }, (_, i) => `Satz${i}`).join(" ");
  const hostile: ExportDocument = {
    ...sampleExportDocument(),
    title: "<script>alert(1)</script> Konzept",
    signoffs: undefined,
    contentHash: undefined,
    synopse: [
      {
        section: "1",
        organisation: "X",
        author: "=cmd()",
        kind: "Kommentar",
        text: bigCell,
        decision: "offen",
        reason: "",
        result: "",
      },
    ],
    sections: [
      {
        number: 1,
        title: "Feindlich",
        owner: "Олена Шевченко",
        content: doc(
          p(
            "<script>alert('x')</script>",
            link("böser Link", "javascript:alert(1)"),
            " ",
            link("gut", "https://example.org/"),
          ),
          p(longWord),
          p("Ελληνικά, Українська, Tiếng Việt, العربية, 😀"),
          { type: "unknownWidget", content: [p("unsichtbar")] } as never,
          ul(...Array.from({ length: 3 }, (_, i) => `Punkt ${i}`)),
          table(
            ["Nr", "Wert"],
            Array.from({ length: 80 }, (_, i) => [String(i), `Zeile ${i}`]),
          ),
        ),
      },
      { number: 2, title: "Leer", owner: "Amt", content: { type: "doc", content: [] } },
    ],
  };
  let bytes: Buffer;
  let pdf: InspectedPdf;

  beforeAll(async () => {
    bytes = await renderPdf(hostile);
    pdf = await inspectPdf(bytes);
  });

  it("prints markup as text and emits no script or javascript: action", () => {
    const raw = bytes.toString("latin1");
    expect(pdf.text).toContain("<script>alert('x')</script>böser Link gut");
    expect(raw).not.toMatch(/\/JavaScript|\/JS\b|javascript:/i);
    expect(pdf.linkTargets).toEqual(["https://example.org/", "https://example.org/"]);
  });

  it("breaks words longer than a line without losing characters", () => {
    expect(noSpace(pdf.text)).toContain(longWord);
  });

  it("draws Cyrillic, Greek and Vietnamese from embedded subsets and replaces what no font has", () => {
    expect(pdf.text).toContain("Verantwortlich: Олена Шевченко");
    expect(pdf.text).toContain("Ελληνικά, Українська, Tiếng Việt, ");
    expect(pdf.text).toContain("Tiếng Việt, ???????, ?"); // Arabic and emoji: no embedded font has them
  });

  it("skips unknown nodes and marks empty sections", () => {
    expect(pdf.text).not.toContain("unsichtbar");
    expect(pdf.text).toContain("2. Leer Verantwortlich: Amt Dieser Abschnitt enthält noch keinen Text.");
  });

  it("repeats the header row of a table that runs over pages and keeps every row", () => {
    const withRows = pdf.pages.filter((page) => /Zeile \d+/.test(page));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page).toContain("Nr Wert");
    for (let i = 0; i < 80; i++) expect(pdf.text).toContain(`${i} Zeile ${i}`);
  });

  it("lets a table row taller than a page flow on instead of clipping it", () => {
    const withoutFooters = pdf.pages.map((page) =>
      page.replace(/<script>alert\(1\)<\/script> Konzept · Einreichungsfassung Seite \d+ von \d+$/, ""),
    );
    const text = squash(withoutFooters.join(" "));
    expect(text.includes(bigCell), "every word of the tall cell, in order").toBe(true);
    expect(text).toContain(
      "Begründung Ergebnis Abschnitt: 1 Organisation: X Verfasst von: =cmd() Art: Kommentar Stellungnahme: Satz0 Satz1",
    );
    expect(text).toContain("Satz699 Entscheidung: offen");
  });
});
