import JSZip from "jszip";
import { marked } from "marked";
import { beforeAll, describe, expect, it } from "vitest";
import { doc, h, link, p } from "@/demo/tiptap";
import { sampleExportDocument } from "@/demo/sample-export-document";
import { inspectPdf, type InspectedPdf } from "@/test/pdf-inspect";
import type { ExportDocument } from "./export-document";
import { renderDocx } from "./render-docx";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";

/** Levels in order must start at `first` and never go more than one deeper than the level before. */
function skippedLevels(levels: number[], first: number): string[] {
  const problems: string[] = [];
  levels.forEach((level, i) => {
    const previous = i === 0 ? first - 1 : levels[i - 1]!;
    if (level > previous + 1) problems.push(`#${i}: ${previous} → ${level}`);
  });
  if (levels[0] !== first) problems.push(`starts at ${levels[0]}`);
  return problems;
}

// Stored levels that skip: h4 straight under the section, h3 after h2 after h4, and a section starting at h3.
const LONG_TITLE =
  "Weiterentwicklung und Verstetigung der Welcome Points in allen zehn Stadtbezirken mit Beteiligung der freien Träger der Wohlfahrtspflege und des Integrationsrates";
const skipping = (): ExportDocument => {
  const sample = sampleExportDocument();
  return {
    ...sample,
    title: LONG_TITLE,
    sections: [
      ...sample.sections,
      {
        number: 90,
        title: "Sprunghafte Gliederung",
        owner: "Amt",
        content: doc(h(4, "Tief"), p("a"), h(2, "Oben"), h(4, "Drunter"), h(3, "Mitte"), p("b")),
      },
      {
        number: 91,
        title: "Mit Verweis",
        owner: "Amt",
        content: doc(h(3, "Erst h3"), p("Siehe ", link("die Satzung", "https://example.org/satzung"), ".")),
      },
    ],
  };
};

describe("heading order in every export format", () => {
  const document = skipping();
  let pdf: InspectedPdf;
  let docxXml: string;

  beforeAll(async () => {
    pdf = await inspectPdf(await renderPdf(document));
    const zip = await JSZip.loadAsync(await renderDocx(document));
    docxXml = await zip.file("word/document.xml")!.async("string");
  });

  it("Markdown: parsed headings start at # and skip no level", () => {
    const depths = marked
      .lexer(renderMarkdown(document))
      .filter((token) => token.type === "heading")
      .map((token) => (token as { depth: number }).depth);
    expect(depths.length).toBeGreaterThan(document.sections.length);
    expect(skippedLevels(depths, 1)).toEqual([]);
    // The skipping section: "## 90. …" then its content from ### on.
    const texts = marked.lexer(renderMarkdown(document)).filter((t) => t.type === "heading") as {
      depth: number;
      text: string;
    }[];
    const from = texts.findIndex((t) => t.text.includes("Sprunghafte Gliederung"));
    expect(texts.slice(from, from + 5).map((t) => t.depth)).toEqual([2, 3, 3, 4, 4]);
  });

  it("DOCX: heading styles in document order start at Heading 1 and skip no level", () => {
    const levels = [...docxXml.matchAll(/<w:pStyle w:val="Heading(\d)"\/>/g)].map((m) => Number(m[1]));
    expect(levels.length).toBeGreaterThan(document.sections.length);
    expect(skippedLevels(levels, 1)).toEqual([]);
  });

  it("PDF: heading roles in the structure tree start at H1 and skip no level", () => {
    const levels = pdf.headings.map((role) => Number(role.slice(1)));
    expect(levels.length).toBeGreaterThan(document.sections.length);
    expect(skippedLevels(levels, 1)).toEqual([]);
  });

  it("PDF: every link annotation carries a description in /Contents", () => {
    expect(pdf.linkContents.length).toBeGreaterThan(0);
    expect(pdf.linkContents.filter((c) => !c.trim())).toEqual([]);
    expect(pdf.linkContents).toContain("die Satzung (https://example.org/satzung)");
  });

  it("PDF: a long title in the footer is printed whole, not cut off", () => {
    const caption = `${LONG_TITLE} · ${document.versionLabel}`;
    for (const page of pdf.pages.slice(1)) expect(page).toContain(caption);
  });
});
