import "server-only";
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  ExternalHyperlink,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type INumberingOptions,
  type ParagraphChild,
} from "docx";
import type { Block, Inline, InlineChange } from "./content-blocks";

/** Section content (blocks) → docx paragraphs and tables. Lists use real Word numbering, one instance per list. */
export const COLORS = { heading: "173A5E", muted: "4A4A4A", rule: "8A8F98", headerFill: "E6ECF2" };

type NumberingDefinition = INumberingOptions["config"][number];

/** Collects the numbering definitions the lists of a document need (one per ordered start value). */
export class DocxNumbering {
  private readonly definitions = new Map<string, NumberingDefinition>();
  private instances = 0;

  constructor() {
    this.definitions.set("bullet", {
      reference: "bullet",
      levels: levels(() => ({ format: LevelFormat.BULLET, text: "•" })),
    });
  }

  listReference(ordered: boolean, start: number): { reference: string; instance: number } {
    const reference = ordered ? `ordered-${start}` : "bullet";
    if (!this.definitions.has(reference)) {
      this.definitions.set(reference, {
        reference,
        levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start })),
      });
    }
    this.instances += 1;
    return { reference, instance: this.instances };
  }

  config(): INumberingOptions {
    return { config: [...this.definitions.values()] };
  }
}

function levels(make: (level: number) => Pick<ILevelsOptions, "format" | "text" | "start">): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    alignment: AlignmentType.LEFT,
    ...make(level),
    style: { paragraph: { indent: { left: 454 * (level + 1), hanging: 340 } } },
  }));
}

/** depth: list nesting; indent: twips from the margin; quoted: inside a blockquote; bold: header cells. */
export type DocxContext = { numbering: DocxNumbering; depth: number; indent: number; quoted: boolean; bold?: boolean };

// Word wants every tracked change's w:id unique within the document; unique within the process is enough.
let changeIds = 0;

type RunOptions = { text: string; bold?: boolean; italics?: boolean; color?: string; style?: string; break?: number };

/** An open suggestion as a Word tracked change (w:ins / w:del), with its author and date. */
function trackedRun(change: InlineChange, options: RunOptions) {
  const tracked = {
    id: ++changeIds,
    author: change.author || "Unbekannt",
    date: change.date || new Date().toISOString(),
  };
  return change.kind === "insertion"
    ? new InsertedTextRun({ ...options, ...tracked })
    : new DeletedTextRun({ ...options, ...tracked });
}

export function runsFromInlines(
  inlines: Inline[],
  base: { bold?: boolean; italics?: boolean; color?: string } = {},
): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let pendingBreaks = 0;
  for (const inline of inlines) {
    if (inline.kind === "break") {
      pendingBreaks += 1;
      continue;
    }
    const options: RunOptions = {
      text: inline.text,
      bold: inline.bold || base.bold,
      italics: inline.italic || base.italics,
      color: inline.href ? undefined : base.color,
      style: inline.href ? "Hyperlink" : undefined,
      break: pendingBreaks || undefined,
    };
    const run = inline.change ? trackedRun(inline.change, options) : new TextRun(options);
    pendingBreaks = 0;
    children.push(inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run);
  }
  return children;
}

const HEADINGS: Record<number, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
  5: HeadingLevel.HEADING_5,
  6: HeadingLevel.HEADING_6,
};

function quoteBorder(ctx: DocxContext) {
  return ctx.quoted ? { left: { style: BorderStyle.SINGLE, size: 12, color: COLORS.rule, space: 8 } } : undefined;
}

function listBlocks(ctx: DocxContext, list: Extract<Block, { kind: "list" }>): (Paragraph | Table)[] {
  const { reference, instance } = ctx.numbering.listReference(list.ordered, list.start);
  const level = Math.min(ctx.depth, 8);
  const inner = { ...ctx, depth: ctx.depth + 1 };
  return list.items.flatMap((item) => {
    const [first, ...rest] = item;
    const head = new Paragraph({
      children:
        first && (first.kind === "paragraph" || first.kind === "heading")
          ? runsFromInlines(first.inlines, { bold: ctx.bold })
          : [],
      numbering: { reference, level, instance },
      spacing: { after: 60 },
    });
    const remaining = first && (first.kind === "paragraph" || first.kind === "heading") ? rest : item;
    // Follow-on blocks of an item sit at the item's text indent, without a number of their own.
    const indented = docxBlocks({ ...inner, indent: 454 * (level + 1) }, remaining);
    return [head, ...indented];
  });
}

function tableBlock(ctx: DocxContext, table: Extract<Block, { kind: "table" }>): Table {
  const headerRows = table.rows.findIndex((row) => !row.every((c) => c.header));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: index < (headerRows === -1 ? table.rows.length : headerRows),
          cantSplit: false,
          children: row.map((cell) => {
            const content = docxBlocks({ ...ctx, depth: 0, indent: 0, quoted: false, bold: cell.header }, cell.blocks);
            return new TableCell({
              columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
              shading: cell.header ? { type: ShadingType.CLEAR, color: "auto", fill: COLORS.headerFill } : undefined,
              children: withTrailingParagraph(content),
            });
          }),
        }),
    ),
  });
}

/** OOXML requires every table cell to end in a paragraph. */
export function withTrailingParagraph(content: (Paragraph | Table)[]): (Paragraph | Table)[] {
  return content.at(-1) instanceof Paragraph ? content : [...content, new Paragraph({ children: [] })];
}

export function docxBlocks(ctx: DocxContext, blocks: Block[]): (Paragraph | Table)[] {
  const indent = ctx.indent ? { left: ctx.indent } : undefined;
  return blocks.flatMap((block): (Paragraph | Table)[] => {
    switch (block.kind) {
      case "heading":
        return [
          new Paragraph({
            heading: HEADINGS[block.level] ?? HeadingLevel.HEADING_6,
            children: runsFromInlines(block.inlines),
            indent,
            keepNext: true,
          }),
        ];
      case "paragraph":
        return [
          new Paragraph({
            children: runsFromInlines(block.inlines, { bold: ctx.bold }),
            indent,
            border: quoteBorder(ctx),
          }),
        ];
      case "list":
        return listBlocks(ctx, block);
      case "blockquote":
        return docxBlocks({ ...ctx, indent: ctx.indent + 567, quoted: true }, block.blocks);
      case "table":
        return [tableBlock(ctx, block)];
    }
  });
}
