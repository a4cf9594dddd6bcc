import { describe, expect, it } from "vitest";
import { doc, h, link, p, quote, table, text, ul } from "@/demo/tiptap";
import type { ExportDocument, TiptapDoc } from "./export-document";
import { escapeMarkdown, renderMarkdown } from "./render-markdown";
import { sampleExportDocument } from "@/demo/sample-export-document";

const minimal = (content: TiptapDoc, extra: Partial<ExportDocument> = {}): ExportDocument => ({
  title: "Konzept",
  versionLabel: "Aktueller Stand",
  generatedAt: "2022-03-15T10:00:00Z",
  leadOrganisation: "Amt 50",
  mandate: { reference: "RAT/1/2022", decisionDate: "2022-01-13", deadline: "2022-06-30", text: "", items: [] },
  sections: [{ number: 1, title: "Abschnitt", owner: "Träger A", content }],
  ...extra,
});

/** Only the section body: everything after the owner line. */
function body(content: TiptapDoc): string {
  const md = renderMarkdown(minimal(content));
  return md.slice(md.indexOf("*Verantwortlich: Träger A*") + "*Verantwortlich: Träger A*\n\n".length);
}

describe("renderMarkdown", () => {
  it("renders a whole small document exactly", () => {
    const md = renderMarkdown(
      minimal(doc(p("Text.")), {
        mandate: {
          reference: "RAT/1/2022",
          decisionDate: "2022-01-13",
          deadline: "2022-06-30",
          text: "Der Rat beauftragt.",
          items: ["Prüfen"],
        },
        signoffs: [
          {
            organisation: "AWO",
            status: "zugestimmt_mit_anmerkungen",
            by: "D. A.",
            at: "2022-05-12T08:55:00+02:00",
            remarks: "a|b",
          },
        ],
        contentHash: "abc123",
      }),
    );
    expect(md).toBe(
      [
        "# Konzept",
        "",
        "Ratsauftrag RAT/1/2022 vom 13.01.2022  \nVorzulegen bis 30.06.2022  \nFederführung: Amt 50  \nAktueller Stand, erstellt am 15.03.2022, 11:00 Uhr",
        "",
        "**Prüfaufträge**",
        "",
        "1. Prüfen",
        "",
        "## Auftrag des Rates",
        "",
        "> Der Rat beauftragt.",
        "",
        "## 1. Abschnitt",
        "",
        "*Verantwortlich: Träger A*",
        "",
        "Text.",
        "",
        "## Mitzeichnung",
        "",
        "| Organisation | Status | Durch | Am | Anmerkungen |",
        "| --- | --- | --- | --- | --- |",
        "| AWO | Zugestimmt mit Anmerkungen | D. A. | 12.05.2022, 08:55 Uhr | a\\|b |",
        "",
        "Prüfsumme der Fassung (SHA-256): `abc123`",
        "",
      ].join("\n"),
    );
  });

  it("renders emphasis, links and hard breaks", () => {
    const content = doc({
      type: "paragraph",
      content: [
        text("fett", "bold"),
        text(" "),
        text("kursiv ", "italic"),
        text("beides", "bold", "italic"),
        { type: "hardBreak" },
        link("Seite (neu)", "https://example.org/a b(c)"),
      ],
    });
    expect(body(content)).toBe("**fett** *kursiv* ***beides***\\\n[Seite (neu)](https://example.org/a%20b%28c%29)\n");
  });

  it("escapes Markdown and HTML in text so nothing becomes markup or active content", () => {
    const content = doc(
      p("<script>alert('x')</script> *kein* _Stil_ [k](javascript:alert(1)) `code` a|b ~x~ &amp;"),
      p("# keine Überschrift"),
      p("1. keine Liste"),
      p("- kein Punkt"),
      p("> kein Zitat"),
    );
    expect(body(content)).toBe(
      [
        "\\<script\\>alert('x')\\</script\\> \\*kein\\* \\_Stil\\_ \\[k\\](javascript:alert(1)) \\`code\\` a\\|b \\~x\\~ \\&amp;",
        "\\# keine Überschrift",
        "1\\. keine Liste",
        "\\- kein Punkt",
        "\\> kein Zitat",
      ].join("\n\n") + "\n",
    );
    expect(escapeMarkdown("a*b")).toBe("a\\*b");
  });

  it("never turns a javascript: href into a link", () => {
    expect(body(doc(p(link("klick", "javascript:alert(1)"))))).toBe("klick\n");
  });

  it("renders nested lists, headings below the section level and quotes", () => {
    const content = doc(
      h(2, "Teil"),
      {
        type: "orderedList",
        attrs: { start: 9 },
        content: [
          { type: "listItem", content: [p("neun"), ul("a", "b")] },
          { type: "listItem", content: [p("zehn"), p("zweiter Absatz")] },
        ],
      },
      quote("zitiert", "weiter"),
    );
    expect(body(content)).toBe(
      [
        "### Teil",
        "",
        "9. neun",
        "",
        "   - a",
        "   - b",
        "10. zehn",
        "",
        "    zweiter Absatz",
        "",
        "> zitiert",
        ">",
        "> weiter",
        "",
      ].join("\n"),
    );
  });

  it("renders GFM tables with escaped pipes, spans padded and lists flattened into cells", () => {
    const content = doc(table(["A", "B|C"], [["1", "2"]]), {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [{ type: "tableCell", attrs: { colspan: 2 }, content: [p("breit"), ul("x", "y")] }],
        },
        {
          type: "tableRow",
          content: [
            { type: "tableCell", content: [p("l")] },
            { type: "tableCell", content: [p("r")] },
          ],
        },
      ],
    });
    expect(body(content)).toBe(
      [
        "| A | B\\|C |",
        "| --- | --- |",
        "| 1 | 2 |",
        "",
        "|   |   |",
        "| --- | --- |",
        "| breit<br>• x<br>• y |   |",
        "| l | r |",
        "",
      ].join("\n"),
    );
  });

  it("puts a Vorlage's own parts first, as chapters at the section level, with paragraphs and escaping kept", () => {
    const sample = sampleExportDocument();
    const md = renderMarkdown({
      ...sample,
      vorlage: {
        type: "Beschlussvorlage",
        reference: "AGS/029/2022",
        date: "2022-05-17",
        decisionProposal: "Der Ausschuss beschließt *das* Konzept.",
        financialImpact: "Keine.",
        reasoning: "Erster Absatz.\n\n# Kein Titel",
      },
    });
    const order = ["## Beschlussvorschlag", "## Finanzielle Auswirkungen", "## Begründung", "## Auftrag des Rates"];
    const positions = order.map((heading) => md.indexOf(`\n${heading}\n`));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain("Der Ausschuss beschließt \\*das\\* Konzept.");
    expect(md).toContain("Erster Absatz.\n\n\\# Kein Titel");
    // An Informationsvorlage without these parts has no empty chapters.
    expect(renderMarkdown(sample)).not.toContain("## Beschlussvorschlag");
  });

  it("marks an empty section instead of leaving a bare heading", () => {
    expect(body({ type: "doc", content: [] })).toBe("*Dieser Abschnitt enthält noch keinen Text.*\n");
    expect(body(doc(p("")))).toBe("*Dieser Abschnitt enthält noch keinen Text.*\n");
  });

  it("holds every section, the Beratungsfolge and the Synopse of the Welcome Points sample", () => {
    const sample = sampleExportDocument();
    const md = renderMarkdown(sample);
    for (const section of sample.sections) expect(md).toContain(`## ${section.number}. ${section.title}`);
    expect(md).toContain("| Integrationsrat | Vorberatung | 31.05.2022 |");
    expect(md).toContain("## Anlage: Synopse der Stellungnahmen");
    expect(md).toContain("| 3. Inhaltliche Weiterentwicklung | AWO Düsseldorf | Deniz Aydın | Änderungsvorschlag |");
    expect(md).toContain("| Stadtbezirk | Träger | Anbindung geprüft an |");
    expect(md).toContain("[welcome-points@duesseldorf.example](mailto:welcome-points@duesseldorf.example)");
  });
});
