import "server-only";
import { TOC_TITLE } from "./export-labels";
import { writeHeading, type Frame } from "./pdf-blocks";
import {
  artifact,
  COLORS,
  lineHeight,
  MARGINS,
  plainRuns,
  SIZES,
  writeRuns,
  type PdfContext,
  type StructElement,
} from "./pdf-writer";

/**
 * The parts of the PDF that only exist once every page does: the table of contents with page numbers (its pages
 * are reserved up front and filled last, with bufferPages) and the running footer "Seite n von m".
 */
export type TocEntry = { label: string; destination: string; page: number };
export type TocReservation = { element: StructElement; pages: number[]; top: number };

const ENTRY_HEIGHT = 20;

function entriesPerPage(ctx: PdfContext, top: number): number {
  return Math.max(1, Math.floor((ctx.pdf.page.maxY() - top) / ENTRY_HEIGHT));
}

/** Adds the TOC heading and enough empty pages for `count` one-line entries; the entries come in fillToc. */
export function reserveToc(ctx: PdfContext, root: StructElement, count: number): TocReservation {
  const { pdf } = ctx;
  pdf.addPage();
  const frame: Frame = {
    parent: root,
    x: MARGINS.left,
    width: pdf.page.width - MARGINS.left - MARGINS.right,
    depth: 0,
    color: COLORS.text,
  };
  writeHeading(ctx, frame, "H2", plainRuns(TOC_TITLE), 17);
  const top = pdf.y + 6;
  const pages = [pdf.bufferedPageRange().count - 1];
  const element = pdf.struct("TOC");
  root.add(element);
  for (let left = count - entriesPerPage(ctx, top); left > 0; left -= entriesPerPage(ctx, MARGINS.top)) {
    pdf.addPage();
    pages.push(pdf.bufferedPageRange().count - 1);
  }
  return { element, pages, top };
}

function writeEntry(ctx: PdfContext, toc: StructElement, entry: TocEntry, y: number): void {
  const { pdf } = ctx;
  const x = MARGINS.left;
  const width = pdf.page.width - MARGINS.left - MARGINS.right;
  const item = pdf.struct("TOCI");
  toc.add(item);
  const number = String(entry.page + 1);
  const size = SIZES.body;
  // One line per entry keeps the reserved pages exact; the full heading is in the document and the bookmarks.
  pdf.y = y;
  writeRuns(ctx, item, "Link", plainRuns(entry.label), {
    x,
    width: width - 48,
    size,
    height: lineHeight(ctx, size),
    // The whole row, page number included, jumps to the heading.
    beforeEnd: (link) =>
      pdf.goTo(x, y, width, ENTRY_HEIGHT - 4, entry.destination, {
        structParent: link,
        Contents: new String(`${entry.label}, Seite ${number}`),
      } as unknown as PDFKit.Mixins.AnnotationOption),
  });
  pdf.y = y;
  writeRuns(ctx, item, "Span", plainRuns(number), { x: x + width - 40, width: 40, size, align: "right" });
  item.end();
  pdf.font("regular-latin").fontSize(SIZES.body);
  const labelEnd = x + Math.min(pdf.widthOfString(entry.label), width - 48) + 6;
  const leaderEnd = x + width - 44 - pdf.widthOfString(number);
  if (leaderEnd > labelEnd) {
    const base = y + SIZES.body;
    artifact(ctx, (p) =>
      p
        .lineWidth(0.8)
        .dash(0.8, { space: 2.5 })
        .strokeColor(COLORS.rule)
        .moveTo(labelEnd, base)
        .lineTo(leaderEnd, base)
        .stroke()
        .undash(),
    );
  }
}

export function fillToc(ctx: PdfContext, toc: TocReservation, entries: TocEntry[]): void {
  let pageIndex = 0;
  let y = toc.top;
  for (const entry of entries) {
    if (y + ENTRY_HEIGHT > ctx.pdf.page.maxY() && pageIndex < toc.pages.length - 1) {
      pageIndex++;
      y = MARGINS.top;
    }
    ctx.pdf.switchToPage(toc.pages[pageIndex]!);
    writeEntry(ctx, toc.element, entry, y);
    y += ENTRY_HEIGHT;
  }
  toc.element.end();
}

/** Footer on every page (but a title page), as a pagination artifact. */
export function writeFooters(ctx: PdfContext, caption: string, onFirstPage = false): void {
  const { pdf } = ctx;
  const range = pdf.bufferedPageRange();
  for (let i = range.start + (onFirstPage ? 0 : 1); i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing below the bottom margin would otherwise start a new page
    const x = MARGINS.left;
    const width = pdf.page.width - MARGINS.left - MARGINS.right;
    // The caption wraps rather than being cut off; a long one is set smaller and starts higher.
    const captionWidth = width - 110;
    pdf.font("regular-latin").fontSize(SIZES.small);
    const lines = Math.ceil(pdf.heightOfString(caption, { width: captionWidth }) / pdf.currentLineHeight(true));
    const size = lines > 2 ? SIZES.small - 1.5 : SIZES.small;
    const y = pdf.page.height - MARGINS.bottom + (lines > 2 ? 14 : 22);
    artifact(ctx, (p) =>
      p
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .moveTo(x, y - 6)
        .lineTo(x + width, y - 6)
        .stroke(),
    );
    pdf.y = y;
    writeRuns(ctx, null, "", plainRuns(caption), { x, width: captionWidth, size, color: COLORS.muted });
    pdf.y = y;
    writeRuns(ctx, null, "", plainRuns(`Seite ${i + 1} von ${range.count}`), {
      x: x + width - 100,
      width: 100,
      size: SIZES.small,
      color: COLORS.muted,
      align: "right",
    });
    pdf.page.margins.bottom = bottom;
  }
}
