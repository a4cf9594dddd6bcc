import "server-only";
import type { FlatParagraph } from "./content-blocks";
import {
  artifact,
  COLORS,
  currentPage,
  ensureSpace,
  lineHeight,
  measureRuns,
  newPage,
  pageBottom,
  plainRuns,
  runsFromInlines,
  SIZES,
  writeRuns,
  type PdfContext,
  type Run,
  type StructElement,
} from "./pdf-writer";

/**
 * Tables drawn by hand rather than with pdfkit's table(): cells hold rich text, the header row repeats on every
 * page, and a row never loses text (pdfkit's table clips and ellipsizes rows taller than a page).
 */
export type PdfTableCell = { header: boolean; colspan: number; paragraphs: Run[][] };
export type PdfTable = { columns: number; rows: PdfTableCell[][]; size: number };

const PAD = 4;

export function cellFromFlat(header: boolean, colspan: number, paragraphs: FlatParagraph[]): PdfTableCell {
  return {
    header,
    colspan,
    paragraphs: paragraphs.map((p) => [
      ...plainRuns(" ".repeat(p.indent * 2) + p.prefix),
      ...runsFromInlines(p.inlines, { bold: header || p.emphasis }),
    ]),
  };
}

export function cellFromText(text: string, header = false): PdfTableCell {
  return {
    header,
    colspan: 1,
    paragraphs: text.split("\n").map((line) => plainRuns(line, header ? "bold" : "regular")),
  };
}

function longestWord(ctx: PdfContext, runs: Run[]): number {
  const words = runs
    .map((r) => r.text)
    .join("")
    .split(/\s+/);
  return words.reduce((max, w) => Math.max(max, ctx.pdf.widthOfString(w)), 0);
}

/** Auto layout in the spirit of HTML tables: every column gets its longest word, the rest goes by content. */
function columnWidths(ctx: PdfContext, table: PdfTable, width: number): number[] {
  const min = Array.from({ length: table.columns }, () => 24);
  const want = Array.from({ length: table.columns }, () => 24);
  const cap = width / table.columns;
  ctx.pdf.font("bold-latin").fontSize(table.size);
  for (const row of table.rows) {
    let col = 0;
    for (const cell of row) {
      if (cell.colspan === 1 && col < table.columns) {
        const natural = cell.paragraphs.reduce(
          (max, p) => Math.max(max, ctx.pdf.widthOfString(p.map((r) => r.text).join(""))),
          0,
        );
        const word = cell.paragraphs.reduce((max, p) => Math.max(max, longestWord(ctx, p)), 0);
        min[col] = Math.max(min[col]!, Math.min(word, cap) + 2 * PAD + 1);
        want[col] = Math.max(want[col]!, Math.min(natural, width) + 2 * PAD + 1);
      }
      col += cell.colspan;
    }
  }
  return fillColumns(min, want, width);
}

/** Water-filling: narrow columns get their natural width, wide ones share the rest; no column below its minimum. */
function fillColumns(min: number[], want: number[], width: number): number[] {
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= width) return min.map((m) => (m / minSum) * width);
  const widths = [...min];
  let remaining = width;
  const order = want.map((w, i) => i).sort((a, b) => want[a]! - want[b]!);
  order.forEach((col, n) => {
    const share = remaining / (order.length - n);
    widths[col] = Math.max(min[col]!, Math.min(want[col]!, share));
    remaining -= widths[col]!;
  });
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w / total) * width);
}

type Placed = { cell: PdfTableCell; x: number; width: number };

function place(row: PdfTableCell[], widths: number[], x: number): Placed[] {
  let col = 0;
  let left = x;
  return row.map((cell) => {
    const span = widths.slice(col, col + cell.colspan).reduce((a, b) => a + b, 0);
    const placed = { cell, x: left, width: span };
    col += cell.colspan;
    left += span;
    return placed;
  });
}

function cellHeight(ctx: PdfContext, placed: Placed, size: number): number {
  const inner = placed.width - 2 * PAD;
  const text = placed.cell.paragraphs.reduce((sum, p) => sum + measureRuns(ctx, p, inner, size), 0);
  // heightOfString counts the line gap after the last line too; without it the text sits centred in the cell.
  return Math.max(text, lineHeight(ctx, size)) + 2 * PAD - SIZES.lineGap;
}

function drawCell(ctx: PdfContext, parent: StructElement | null, placed: Placed, top: number, size: number): void {
  ctx.pdf.y = top + PAD;
  for (const runs of placed.cell.paragraphs) {
    writeRuns(ctx, parent, "P", runs, { x: placed.x + PAD, width: placed.width - 2 * PAD, size });
  }
}

function drawFrame(ctx: PdfContext, cells: Placed[], top: number, height: number, fill: boolean): void {
  artifact(ctx, (pdf) => {
    for (const { x, width, cell } of cells) {
      if (fill && cell.header) pdf.rect(x, top, width, height).fill(COLORS.headerFill);
      pdf.lineWidth(0.6).strokeColor(COLORS.rule).rect(x, top, width, height).stroke();
    }
  });
}

type RowPlan = { cells: Placed[]; height: number; isHeader: boolean };

function drawRow(ctx: PdfContext, table: StructElement | null, plan: RowPlan, size: number, repeated: boolean): void {
  const top = ctx.pdf.y;
  drawFrame(ctx, plan.cells, top, plan.height, true);
  const tr = table && !repeated ? ctx.pdf.struct("TR") : null;
  if (tr) table!.add(tr);
  for (const placed of plan.cells) {
    const tag = placed.cell.header ? "TH" : "TD";
    const options = placed.cell.header ? { scope: plan.isHeader ? "Column" : "Row" } : {};
    const cellEl = tr ? ctx.pdf.struct(tag, options as PDFKit.Mixins.StructureElementOptions) : null;
    if (cellEl) tr!.add(cellEl);
    drawCell(ctx, cellEl, placed, top, size);
    cellEl?.end();
  }
  tr?.end();
  ctx.pdf.y = top + plan.height;
}

/** A row taller than a page: its cells are stacked full width, each led by its column's header, and flow on. */
function drawTallRow(
  ctx: PdfContext,
  table: StructElement,
  plan: RowPlan,
  labels: string[],
  box: { x: number; width: number; size: number },
): void {
  const tr = ctx.pdf.struct("TR");
  table.add(tr);
  artifact(ctx, (pdf) =>
    pdf
      .lineWidth(0.6)
      .strokeColor(COLORS.rule)
      .moveTo(box.x, pdf.y)
      .lineTo(box.x + box.width, pdf.y)
      .stroke(),
  );
  let column = 0;
  for (const placed of plan.cells) {
    const cellEl = ctx.pdf.struct(placed.cell.header ? "TH" : "TD");
    tr.add(cellEl);
    ctx.pdf.y += PAD;
    const label = labels[column] ? plainRuns(`${labels[column]}: `, "bold") : [];
    placed.cell.paragraphs.forEach((runs, i) => {
      writeRuns(ctx, cellEl, "P", i === 0 ? [...label, ...runs] : runs, {
        x: box.x + PAD,
        width: box.width - 2 * PAD,
        size: box.size,
      });
    });
    cellEl.end();
    column += placed.cell.colspan;
  }
  tr.end();
  ctx.pdf.y += PAD;
}

function headerLabels(headers: RowPlan[]): string[] {
  return (headers[0]?.cells ?? []).flatMap(({ cell }) => {
    const text = cell.paragraphs
      .map((runs) => runs.map((r) => r.text).join(""))
      .join(" ")
      .trim();
    return [text, ...Array.from({ length: cell.colspan - 1 }, () => "")];
  });
}

function planRows(ctx: PdfContext, table: PdfTable, x: number, width: number): RowPlan[] {
  const widths = columnWidths(ctx, table, width);
  return table.rows.map((row) => {
    const cells = place(row, widths, x);
    return {
      cells,
      height: Math.max(...cells.map((c) => cellHeight(ctx, c, table.size))),
      isHeader: row.every((c) => c.header),
    };
  });
}

export function writeTable(ctx: PdfContext, parent: StructElement, table: PdfTable, x: number, width: number): void {
  const plans = planRows(ctx, table, x, width);
  const headerCount = plans.findIndex((p) => !p.isHeader);
  const headers = plans.slice(0, headerCount === -1 ? plans.length : headerCount);
  const headerHeight = headers.reduce((sum, p) => sum + p.height, 0);
  const tableEl = ctx.pdf.struct("Table");
  parent.add(tableEl);
  const room = pageBottom(ctx) - ctx.pdf.page.margins.top - headerHeight;
  const isTall = (plan: RowPlan) => plan.height > room;
  const line = lineHeight(ctx, table.size);
  const first = plans[headers.length];
  // Header and first row start together; a row too tall for any page only needs a few lines to begin.
  ensureSpace(ctx, headerHeight + (first ? (isTall(first) ? 3 * line : first.height) : 0));
  let headerPage = currentPage(ctx);
  plans.forEach((plan, index) => {
    const body = index >= headers.length;
    if (body && isTall(plan)) {
      ensureSpace(ctx, 3 * line);
      return drawTallRow(ctx, tableEl, plan, headerLabels(headers), { x, width, size: table.size });
    }
    if (ctx.pdf.y + plan.height > pageBottom(ctx)) newPage(ctx);
    // Every page a table continues on starts with its header row again (as an artifact: it is read once).
    if (body && currentPage(ctx) !== headerPage) headers.forEach((h) => drawRow(ctx, null, h, table.size, true));
    headerPage = currentPage(ctx);
    drawRow(ctx, tableEl, plan, table.size, false);
  });
  tableEl.end();
  ctx.pdf.y += 8;
}
