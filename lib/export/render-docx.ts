import "server-only";
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from "docx";
import { cleanText, toBlocks } from "./content-blocks";
import { COLORS, docxBlocks, DocxNumbering, type DocxContext } from "./docx-blocks";
import type { ExportDocument, SynopseRow } from "./export-document";
import {
  CONSULTATION_HEADERS,
  EMPTY_SECTION_TEXT,
  frontMatter,
  HASH_LABEL,
  MANDATE_TITLE,
  mandateParagraphs,
  paperParts,
  ownerLine,
  sectionHeading,
  SIGNOFF_HEADERS,
  SIGNOFF_TITLE,
  signoffCells,
  SYNOPSE_HEADERS,
  SYNOPSE_TITLE,
  synopseCells,
  TOC_TITLE,
} from "./export-labels";

/**
 * The concept as a Word document (docx package): title page, a TOC field, Heading 1 per section, real list
 * numbering, tables with repeating header rows, "Seite n von m" in the footer. Arial rather than Source Sans 3,
 * because Word substitutes fonts a machine lacks, and embedding needs TTF files the npm package does not ship.
 */
type Child = Paragraph | Table | TableOfContents;

const FONT = "Arial";
const MARGIN = { top: 1418, bottom: 1418, left: 1418, right: 1134 }; // 2.5 cm / 2 cm, in twips
// The Synopse's columns on a landscape A4 page (16838 twips less the margins), its text at 9 pt: wide enough for
// "Organisation", "Entscheidung", "Änderungsvorschlag", "Handlungsempfehlung" and "Weiterentwicklung" without breaking
// inside a word (checked in LibreOffice), the rest to the text.
const SYNOPSE_WIDTHS = [1900, 1500, 1200, 2000, 2300, 1500, 2200, 1686];
const SYNOPSE_TEXT_SIZE = 18; // half-points

const plain = (text: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) =>
  new TextRun({ text, ...options });

/** Multi-line text: each line a run, joined by line breaks. */
function lines(
  text: string,
  options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {},
): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

/** `widths` (twips, one per column) fixes the layout, so Word and LibreOffice do not squeeze a column. */
export function textTable(headers: readonly string[], rows: string[][], widths?: number[], size?: number): Table {
  const cell = (text: string, header: boolean, column: number) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: COLORS.headerFill } : undefined,
      width: widths ? { size: widths[column]!, type: WidthType.DXA } : undefined,
      children: [new Paragraph({ spacing: { after: 0 }, children: lines(text, { bold: header, size }) })],
    });
  return new Table({
    ...(widths
      ? {
          width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
        }
      : { width: { size: 100, type: WidthType.PERCENTAGE } }),
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i)) })),
    ],
  });
}

function titlePage(doc: ExportDocument, numbering: DocxNumbering): Child[] {
  const fm = frontMatter(doc);
  const children: Child[] = [
    new Paragraph({
      spacing: { before: 1200, after: 240 },
      children: [plain(cleanText(doc.leadOrganisation, false), { color: COLORS.muted, size: 24 })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [plain(fm.title)] }),
    new Paragraph({ spacing: { after: 360 }, children: lines(`${fm.mandateLine}\n${fm.deadlineLine}`, { size: 25 }) }),
  ];
  if (fm.mandateItems.length) {
    children.push(
      new Paragraph({
        children: [plain("Prüfaufträge", { bold: true, color: COLORS.heading, size: 26 })],
        keepNext: true,
      }),
    );
    const { reference, instance } = numbering.listReference(true, 1);
    children.push(
      ...fm.mandateItems.map(
        (item) => new Paragraph({ numbering: { reference, level: 0, instance }, children: [plain(item)] }),
      ),
    );
  }
  if (fm.consultations.length) {
    children.push(
      new Paragraph({
        spacing: { before: 240 },
        keepNext: true,
        children: [plain("Beratungsfolge", { bold: true, color: COLORS.heading, size: 26 })],
      }),
    );
    children.push(
      textTable(
        CONSULTATION_HEADERS,
        fm.consultations.map((c) => [c.committee, c.role, c.meetingDate]),
      ),
    );
  }
  const facts = [fm.versionLine, fm.leadLine, fm.vorlageLine].filter((l): l is string => !!l).join("\n");
  children.push(new Paragraph({ spacing: { before: 480 }, children: lines(facts, { color: COLORS.muted }) }));
  return children;
}

function body(doc: ExportDocument, ctx: DocxContext): Child[] {
  const children: Child[] = [];
  for (const part of paperParts(doc)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [plain(part.title)] }));
    children.push(...part.paragraphs.map((p) => new Paragraph({ children: lines(p) })));
  }
  const mandate = mandateParagraphs(doc);
  if (mandate.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [plain(MANDATE_TITLE)] }));
    children.push(
      ...mandate.map((p) => new Paragraph({ indent: { left: 567 }, children: lines(p, { color: COLORS.muted }) })),
    );
  }
  for (const section of doc.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [plain(sectionHeading(section))] }));
    children.push(
      new Paragraph({ children: [plain(ownerLine(section), { italics: true, color: COLORS.muted, size: 18 })] }),
    );
    // The section title is Heading 1; content headings follow from Heading 2.
    const blocks = docxBlocks(ctx, toBlocks(section.content, 1, section.suggestions));
    children.push(
      ...(blocks.length
        ? blocks
        : [new Paragraph({ children: [plain(EMPTY_SECTION_TEXT, { italics: true, color: COLORS.muted })] })]),
    );
  }
  return children;
}

function signoffPart(doc: ExportDocument): Child[] {
  const children: Child[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [plain(SIGNOFF_TITLE)] }),
  ];
  if (doc.signoffs?.length) {
    children.push(
      new Paragraph({
        children: [plain("Die beteiligten Organisationen haben diese Fassung wie folgt mitgezeichnet:")],
      }),
    );
    children.push(textTable(SIGNOFF_HEADERS, doc.signoffs.map(signoffCells)));
  }
  if (doc.contentHash) {
    children.push(
      new Paragraph({
        spacing: { before: 240 },
        children: [plain(`${HASH_LABEL}: `, { bold: true }), plain(cleanText(doc.contentHash, false))],
      }),
    );
  }
  return children;
}

export function synopseSection(rows: SynopseRow[], footer: Footer, heading: string = SYNOPSE_TITLE): ISectionOptions {
  return {
    properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
    footers: { default: footer },
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [plain(heading)] }),
      new Paragraph({
        children: [plain("Abwägung der Kommentare und Änderungsvorschläge mit Entscheidung und Begründung.")],
      }),
      textTable(SYNOPSE_HEADERS, rows.map(synopseCells), SYNOPSE_WIDTHS, SYNOPSE_TEXT_SIZE),
    ],
  };
}

export function pageFooter(caption: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: `${caption} · `, color: COLORS.muted, size: 18 }),
          new TextRun({
            children: ["Seite ", PageNumber.CURRENT, " von ", PageNumber.TOTAL_PAGES],
            color: COLORS.muted,
            size: 18,
          }),
        ],
      }),
    ],
  });
}

export function docxStyles() {
  // Line spacing as a multiple of the font's own line height ("auto", 240 = single): without the rule
  // LibreOffice takes 288 as an exact height, and a two-line 24 pt title overprints itself.
  const heading = (size: number) => ({
    run: { font: FONT, size, bold: true, color: COLORS.heading },
    paragraph: { spacing: { before: 280, after: 120, line: 264, lineRule: LineRuleType.AUTO }, keepNext: true },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language: { value: "de-DE" } },
        paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: FONT, size: 48, bold: true, color: COLORS.heading },
        paragraph: { spacing: { after: 240, line: 252, lineRule: LineRuleType.AUTO } },
      },
      heading1: heading(32),
      heading2: heading(27),
      heading3: heading(24),
      heading4: heading(22),
      heading5: heading(22),
      heading6: heading(22),
      hyperlink: { run: { color: "0B57A4", underline: {} } },
    },
  };
}

export async function renderDocx(doc: ExportDocument): Promise<Buffer> {
  if (doc.bodyOnly) return renderBodyOnly(doc);
  const fm = frontMatter(doc);
  const numbering = new DocxNumbering();
  const footer = pageFooter(`${fm.title} · ${cleanText(doc.versionLabel, false)}`);
  const main: Child[] = [
    ...titlePage(doc, numbering),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ children: [plain(TOC_TITLE, { bold: true, size: 32, color: COLORS.heading })] }),
    new TableOfContents(TOC_TITLE, { hyperlink: true, headingStyleRange: "1-1" }),
    new Paragraph({ children: [new PageBreak()] }),
    ...body(doc, { numbering, depth: 0, indent: 0, quoted: false }),
  ];
  if (doc.signoffs?.length || doc.contentHash) main.push(...signoffPart(doc));
  // The title page has its own, empty footer; a footer part must still hold one paragraph.
  const noFooter = new Footer({ children: [new Paragraph({ children: [] })] });
  const sections: ISectionOptions[] = [
    {
      properties: { titlePage: true, page: { margin: MARGIN } },
      footers: { default: footer, first: noFooter },
      children: main,
    },
  ];
  if (doc.synopse?.length) sections.push(synopseSection(doc.synopse, footer));
  const document = new Document({
    title: fm.title,
    subject: fm.mandateLine,
    creator: cleanText(doc.leadOrganisation, false),
    keywords: cleanText(doc.mandate.reference, false),
    description: fm.versionLine,
    styles: docxStyles(),
    numbering: numbering.config(),
    // Word fills in the TOC's page numbers when it opens the file (after asking). docx/layout's estimatePageNumbers
    // would write them up front, but it costs ~1 s for the sample and ~20 s for one 300-letter word, synchronously,
    // which would stall every other request of the server.
    features: { updateFields: true },
    sections,
  });
  return Packer.toBuffer(document);
}

/** Only the sections' text (see ExportDocument.bodyOnly): what Word opens is what a Word upload reads back. */
function renderBodyOnly(doc: ExportDocument): Promise<Buffer> {
  const numbering = new DocxNumbering();
  const ctx: DocxContext = { numbering, depth: 0, indent: 0, quoted: false };
  const children = doc.sections.flatMap((section) =>
    docxBlocks(ctx, toBlocks(section.content, 0, section.suggestions)),
  );
  const document = new Document({
    title: cleanText(doc.sections.map((s) => s.title).join(", "), false),
    creator: cleanText(doc.leadOrganisation, false),
    styles: docxStyles(),
    numbering: numbering.config(),
    sections: [
      { properties: { page: { margin: MARGIN } }, children: children.length ? children : [new Paragraph({})] },
    ],
  });
  return Packer.toBuffer(document);
}
