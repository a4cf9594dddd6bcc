import "server-only";
import { flattenBlocks, type Block } from "./content-blocks";
import { cellFromFlat, writeTable } from "./pdf-table";
import {
  addBar,
  COLORS,
  currentPage,
  ensureSpace,
  lineHeight,
  measureRuns,
  newPage,
  pageBottom,
  runsFromInlines,
  SIZES,
  writeRuns,
  type PdfContext,
  type Run,
  type StructElement,
} from "./pdf-writer";

/** Section content (blocks) → tagged PDF: H3–H5, P, L/LI/Lbl/LBody, BlockQuote, Table. */
export type Frame = { parent: StructElement; x: number; width: number; depth: number; color: string };

// Content headings sit below the section heading (H2): toBlocks places them at H3 and deeper.
const HEADING_SIZES: Record<number, number> = { 3: 13.5, 4: 12 };
const BULLETS = ["•", "–", "•"];

export function writeHeading(
  ctx: PdfContext,
  frame: Frame,
  tag: string,
  runs: Run[],
  size: number,
  destination?: string,
): void {
  const body = lineHeight(ctx, SIZES.body);
  ensureSpace(ctx, measureRuns(ctx, runs, frame.width, size) + 8 + 3 * body);
  ctx.pdf.y += size * 0.6;
  const styled = runs.map(
    (r) => ({ ...r, style: r.style === "italic" || r.style === "boldItalic" ? "boldItalic" : "semibold" }) as Run,
  );
  writeRuns(ctx, frame.parent, tag, styled, {
    x: frame.x,
    width: frame.width,
    size,
    color: COLORS.heading,
    destination,
  });
  ctx.pdf.y += 4;
}

/** Orphan and widow control: never leave one line of a paragraph alone at the foot or head of a page. */
function placeParagraph(ctx: PdfContext, runs: Run[], width: number, size: number, mayBreak: boolean): void {
  if (!mayBreak) return;
  const height = measureRuns(ctx, runs, width, size);
  const line = lineHeight(ctx, size);
  const room = pageBottom(ctx) - ctx.pdf.y;
  if (height <= room) return;
  const lines = Math.round(height / line);
  const fit = Math.floor(room / line);
  if (fit < 2 || lines - fit < 2) newPage(ctx);
}

export function writeParagraph(ctx: PdfContext, frame: Frame, runs: Run[], mayBreak = true, gap = 6): void {
  placeParagraph(ctx, runs, frame.width, SIZES.body, mayBreak);
  const written = writeRuns(ctx, frame.parent, "P", runs, {
    x: frame.x,
    width: frame.width,
    size: SIZES.body,
    color: frame.color,
  });
  ctx.pdf.y += written ? gap : lineHeight(ctx, SIZES.body) / 2;
}

function labelFor(list: Extract<Block, { kind: "list" }>, index: number, depth: number): string {
  return list.ordered ? `${list.start + index}.` : BULLETS[depth % BULLETS.length]!;
}

function writeList(ctx: PdfContext, frame: Frame, list: Extract<Block, { kind: "list" }>): void {
  const { pdf } = ctx;
  const line = lineHeight(ctx, SIZES.body);
  pdf.font("regular-latin").fontSize(SIZES.body);
  const labelWidth = list.ordered ? pdf.widthOfString(`${list.start + list.items.length - 1}.`) + 8 : 13;
  const listEl = pdf.struct("L");
  frame.parent.add(listEl);
  list.items.forEach((item, index) => {
    ensureSpace(ctx, 2 * line);
    const li = pdf.struct("LI");
    listEl.add(li);
    const top = pdf.y;
    const label = labelFor(list, index, frame.depth);
    writeRuns(ctx, li, "Lbl", [{ text: label, style: "regular" }], {
      x: frame.x,
      width: labelWidth - 5,
      size: SIZES.body,
      align: "right",
      color: frame.color,
    });
    pdf.y = top;
    const body = pdf.struct("LBody");
    li.add(body);
    const inner: Frame = {
      ...frame,
      parent: body,
      x: frame.x + labelWidth,
      width: frame.width - labelWidth,
      depth: frame.depth + 1,
    };
    writeBlocks(ctx, inner, item, true);
    if (pdf.y < top + line) pdf.y = top + line;
    body.end();
    li.end();
  });
  listEl.end();
  pdf.y += 3;
}

function writeQuote(ctx: PdfContext, frame: Frame, blocks: Block[]): void {
  const quote = ctx.pdf.struct("BlockQuote");
  frame.parent.add(quote);
  const from = { page: currentPage(ctx), y: ctx.pdf.y + 2 };
  writeBlocks(ctx, { ...frame, parent: quote, x: frame.x + 14, width: frame.width - 14, color: COLORS.muted }, blocks);
  addBar(ctx, frame.x + 3, from, { page: currentPage(ctx), y: ctx.pdf.y - 6 });
  quote.end();
  ctx.pdf.y += 2;
}

type Place = { inItem: boolean; first: boolean };

function writeBlock(ctx: PdfContext, frame: Frame, block: Block, place: Place): void {
  switch (block.kind) {
    case "heading":
      return writeHeading(
        ctx,
        frame,
        `H${block.level}`,
        runsFromInlines(block.inlines),
        HEADING_SIZES[block.level] ?? 11,
      );
    case "paragraph":
      return writeParagraph(
        ctx,
        frame,
        runsFromInlines(block.inlines),
        !(place.inItem && place.first),
        place.inItem ? 3 : 6,
      );
    case "list":
      return writeList(ctx, frame, block);
    case "blockquote":
      return writeQuote(ctx, frame, block.blocks);
    case "table": {
      const rows = block.rows.map((row) =>
        row.map((cell) => cellFromFlat(cell.header, cell.colspan, flattenBlocks(cell.blocks))),
      );
      return writeTable(ctx, frame.parent, { columns: block.columns, rows, size: SIZES.table }, frame.x, frame.width);
    }
  }
}

/** `inItem`: the first block of a list item must stay beside its label, so it may not jump pages. */
export function writeBlocks(ctx: PdfContext, frame: Frame, blocks: Block[], inItem = false): void {
  blocks.forEach((block, i) => writeBlock(ctx, frame, block, { inItem, first: i === 0 }));
}
