import "server-only";
import { cleanText, toBlocks, type Block } from "./content-blocks";
import type { ExportDocument, SynopseRow } from "./export-document";
import {
  CONSULTATION_HEADERS,
  EMPTY_SECTION_TEXT,
  frontMatter,
  AUDIT_HEAD_LABEL,
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
  type FrontMatter,
} from "./export-labels";
import { writeBlocks, writeHeading, writeParagraph, type Frame } from "./pdf-blocks";
import { fillToc, reserveToc, writeFooters, type TocEntry } from "./pdf-furniture";
import { cellFromText, writeTable } from "./pdf-table";
import {
  artifact,
  COLORS,
  createPdf,
  currentPage,
  drawDecorations,
  finishPdf,
  MARGINS,
  plainRuns,
  SIZES,
  writeRuns,
  type PdfContext,
  type StructElement,
} from "./pdf-writer";

/** Tagged, A4, fonts embedded: the PDF of a concept (or of one Fassung) as the committees receive it. */
function frameFor(ctx: PdfContext, parent: StructElement): Frame {
  return {
    parent,
    x: MARGINS.left,
    width: ctx.pdf.page.width - MARGINS.left - MARGINS.right,
    depth: 0,
    color: COLORS.text,
  };
}

const textParagraph = (text: string): Block => ({
  kind: "paragraph",
  inlines: [{ kind: "text", text, bold: false, italic: false }],
});

export function textTable(headers: readonly string[], rows: string[][], size: number) {
  return {
    columns: headers.length,
    size,
    rows: [headers.map((h) => cellFromText(h, true)), ...rows.map((r) => r.map((c) => cellFromText(c)))],
  };
}

function writeTitlePage(ctx: PdfContext, root: StructElement, fm: FrontMatter, lead: string): void {
  const { pdf } = ctx;
  pdf.addPage();
  const frame = frameFor(ctx, root);
  pdf.y = MARGINS.top + 40;
  writeRuns(ctx, root, "P", plainRuns(cleanText(lead, false), "semibold"), {
    x: frame.x,
    width: frame.width,
    size: 12,
    color: COLORS.muted,
  });
  pdf.y += 18;
  writeRuns(ctx, root, "H1", plainRuns(fm.title, "semibold"), {
    x: frame.x,
    width: frame.width,
    size: 26,
    color: COLORS.heading,
  });
  pdf.y += 10;
  writeRuns(ctx, root, "P", plainRuns(`${fm.mandateLine}\n${fm.deadlineLine}`), {
    x: frame.x,
    width: frame.width,
    size: 12.5,
  });
  const ruleY = pdf.y + 12;
  artifact(ctx, (p) =>
    p
      .lineWidth(1.2)
      .strokeColor(COLORS.heading)
      .moveTo(frame.x, ruleY)
      .lineTo(frame.x + 120, ruleY)
      .stroke(),
  );
  pdf.y = ruleY + 12;
  if (fm.mandateItems.length) {
    writeHeading(ctx, frame, "H2", plainRuns("Prüfaufträge"), 13);
    writeBlocks(ctx, frame, [
      { kind: "list", ordered: true, start: 1, items: fm.mandateItems.map((item) => [textParagraph(item)]) },
    ]);
  }
  if (fm.consultations.length) {
    writeHeading(ctx, frame, "H2", plainRuns("Beratungsfolge"), 13);
    const rows = fm.consultations.map((c) => [c.committee, c.role, c.meetingDate]);
    writeTable(ctx, root, textTable(CONSULTATION_HEADERS, rows, SIZES.table), frame.x, frame.width);
  }
  pdf.y += 16;
  const facts = [fm.versionLine, fm.leadLine, fm.vorlageLine].filter((l): l is string => !!l).join("\n");
  writeRuns(ctx, root, "P", plainRuns(facts), {
    x: frame.x,
    width: frame.width,
    size: SIZES.body,
    color: COLORS.muted,
  });
}

/** A chapter heading that is also a TOC entry, a bookmark and a link target. */
function writeChapterHeading(ctx: PdfContext, root: StructElement, label: string, entries: TocEntry[]): void {
  const destination = `kapitel-${entries.length + 1}`;
  writeHeading(ctx, frameFor(ctx, root), "H2", plainRuns(label), 17, destination);
  ctx.pdf.outline.addItem(label);
  entries.push({ label, destination, page: currentPage(ctx) });
}

function writeSections(ctx: PdfContext, root: StructElement, doc: ExportDocument, entries: TocEntry[]): void {
  for (const part of paperParts(doc)) {
    writeChapterHeading(ctx, root, part.title, entries);
    const frame = frameFor(ctx, root);
    writeBlocks(ctx, frame, part.paragraphs.map(textParagraph));
    ctx.pdf.y += 10;
  }
  const mandate = mandateParagraphs(doc);
  if (mandate.length) {
    writeChapterHeading(ctx, root, MANDATE_TITLE, entries);
    writeBlocks(ctx, frameFor(ctx, root), [{ kind: "blockquote", blocks: mandate.map(textParagraph) }]);
  }
  for (const section of doc.sections) {
    writeChapterHeading(ctx, root, sectionHeading(section), entries);
    const frame = frameFor(ctx, root);
    writeRuns(ctx, root, "P", plainRuns(ownerLine(section), "italic"), {
      x: frame.x,
      width: frame.width,
      size: SIZES.small,
      color: COLORS.muted,
    });
    ctx.pdf.y += 6;
    const blocks = toBlocks(section.content, 2);
    if (blocks.length) writeBlocks(ctx, frame, blocks);
    else writeParagraph(ctx, { ...frame, color: COLORS.muted }, plainRuns(EMPTY_SECTION_TEXT, "italic"));
    ctx.pdf.y += 10;
  }
}

function writeSignoffs(ctx: PdfContext, root: StructElement, doc: ExportDocument, entries: TocEntry[]): void {
  ctx.pdf.addPage();
  writeChapterHeading(ctx, root, SIGNOFF_TITLE, entries);
  const frame = frameFor(ctx, root);
  if (doc.signoffs?.length) {
    writeParagraph(
      ctx,
      frame,
      plainRuns("Die beteiligten Organisationen haben diese Fassung wie folgt mitgezeichnet:"),
    );
    writeTable(
      ctx,
      root,
      textTable(SIGNOFF_HEADERS, doc.signoffs.map(signoffCells), SIZES.table),
      frame.x,
      frame.width,
    );
  }
  if (doc.contentHash) {
    writeParagraph(ctx, frame, [
      { text: `${HASH_LABEL}: `, style: "bold" },
      { text: cleanText(doc.contentHash, false), style: "regular" },
    ]);
  }
  if (doc.auditHead) {
    writeParagraph(ctx, frame, [
      { text: `${AUDIT_HEAD_LABEL}: `, style: "bold" },
      { text: `${doc.auditHead.seq}:${cleanText(doc.auditHead.hash, false)}`, style: "regular" },
    ]);
  }
}

/** The Synopse on landscape pages: eight columns do not fit portrait A4 legibly. */
export function writeSynopse(ctx: PdfContext, root: StructElement, rows: SynopseRow[], writeTitle: () => void): void {
  ctx.pdf.addPage({ size: "A4", layout: "landscape", margins: MARGINS });
  writeTitle();
  const frame = frameFor(ctx, root);
  writeParagraph(
    ctx,
    frame,
    plainRuns("Abwägung der Kommentare und Änderungsvorschläge mit Entscheidung und Begründung."),
  );
  writeTable(ctx, root, textTable(SYNOPSE_HEADERS, rows.map(synopseCells), 8.5), frame.x, frame.width);
}

function tocCount(doc: ExportDocument): number {
  const optional = [
    mandateParagraphs(doc).length > 0,
    !!(doc.signoffs?.length || doc.contentHash),
    !!doc.synopse?.length,
  ];
  return doc.sections.length + paperParts(doc).length + optional.filter(Boolean).length;
}

export async function renderPdf(doc: ExportDocument): Promise<Buffer> {
  const fm = frontMatter(doc);
  const created = new Date(doc.generatedAt);
  const ctx = createPdf({
    title: fm.title,
    author: cleanText(doc.leadOrganisation, false),
    subject: cleanText(doc.mandate.reference, false),
    keywords: [fm.mandateLine, cleanText(doc.versionLabel, false), fm.vorlageLine].filter(Boolean).join("; "),
    createdAt: Number.isNaN(created.getTime()) ? undefined : created,
    auditHead:
      doc.auditHead && /^[0-9a-f]{64}$/.test(doc.auditHead.hash)
        ? `${doc.auditHead.seq}:${doc.auditHead.hash}`
        : undefined,
  });
  const root = ctx.pdf.struct("Document");
  ctx.pdf.addStructure(root);
  writeTitlePage(ctx, root, fm, doc.leadOrganisation);
  const toc = reserveToc(ctx, root, tocCount(doc));
  const entries: TocEntry[] = [];
  ctx.pdf.addPage();
  writeSections(ctx, root, doc, entries);
  if (doc.signoffs?.length || doc.contentHash) writeSignoffs(ctx, root, doc, entries);
  if (doc.synopse?.length)
    writeSynopse(ctx, root, doc.synopse, () => writeChapterHeading(ctx, root, SYNOPSE_TITLE, entries));
  fillToc(ctx, toc, entries);
  drawDecorations(ctx);
  writeFooters(ctx, `${fm.title} · ${cleanText(doc.versionLabel, false)}`);
  root.end();
  return finishPdf(ctx);
}
