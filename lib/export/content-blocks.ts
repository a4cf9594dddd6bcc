import "server-only";
import { isAllowedHref } from "@/lib/content/editor-extensions";
import { placeHeadingLevels } from "@/lib/content/place-heading-levels";
import type { TiptapDoc } from "./export-document";

/**
 * The one place that understands tiptap's node and mark types. Every export format walks the small, closed
 * `Block` union produced here, so a new node type or a hostile document is dealt with once, not per format.
 */
export type TextInline = {
  kind: "text";
  text: string;
  bold: boolean;
  italic: boolean;
  href?: string;
  /** An open suggestion of the live text (only the working-text DOCX carries them): Word's tracked change. */
  change?: InlineChange;
};
export type InlineChange = { kind: "insertion" | "deletion"; author: string; date: string };
/** Who made each suggestion and when, by suggestion id (plain data: the document goes to a worker thread). */
export type SuggestionAuthors = Record<string, { author: string; date: string }>;
export type Inline = TextInline | { kind: "break" };
export type TableCell = { header: boolean; colspan: number; blocks: Block[] };
export type Block =
  /** `level` is the output level (see toBlocks), 2–6. */
  | { kind: "heading"; level: number; inlines: Inline[] }
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "list"; ordered: boolean; start: number; items: Block[][] }
  | { kind: "blockquote"; blocks: Block[] }
  | { kind: "table"; columns: number; rows: TableCell[][] };

// Deeper nesting than any editor produces is dropped rather than risking the stack.
const MAX_DEPTH = 24;
const MAX_SPAN = 20;

type RawNode = { type?: unknown; text?: unknown; attrs?: Record<string, unknown>; content?: unknown; marks?: unknown };

function asNode(value: unknown): RawNode | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as RawNode) : undefined;
}

function childrenOf(node: RawNode): RawNode[] {
  return Array.isArray(node.content) ? node.content.map(asNode).filter((n): n is RawNode => n !== undefined) : [];
}

/** Strips what no output format can carry safely: C0 controls (invalid in XML), lone surrogates, non-characters. */
export function cleanText(value: unknown, keepNewlines = true): string {
  if (typeof value !== "string") return "";
  let text = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "");
  text = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  text = text.replace(/\r\n?/g, "\n").replace(/\t/g, " ");
  return keepNewlines ? text : text.replace(/\n/g, " ");
}

function positiveInt(value: unknown, fallback: number, max: number): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

function textInline(node: RawNode, authors?: SuggestionAuthors): TextInline | undefined {
  // A zero-width space only carries a suggestion across a paragraph break; it has no text of its own.
  const text = cleanText(node.text, false).replace(/\u200B/g, "");
  if (!text) return undefined;
  const inline: TextInline = { kind: "text", text, bold: false, italic: false };
  for (const mark of Array.isArray(node.marks) ? node.marks.map(asNode) : []) {
    if (mark?.type === "bold") inline.bold = true;
    else if (mark?.type === "italic") inline.italic = true;
    else if (mark?.type === "link" && isAllowedHref(mark.attrs?.href)) inline.href = mark.attrs?.href as string;
    else if (authors && (mark?.type === "insertion" || mark?.type === "deletion")) {
      const who = authors[String(mark.attrs?.id ?? "")];
      inline.change = { kind: mark.type, author: who?.author ?? "", date: who?.date ?? "" };
    }
  }
  return inline;
}

function sameStyle(a: TextInline, b: TextInline): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.href === b.href &&
    a.change?.kind === b.change?.kind &&
    a.change?.author === b.change?.author &&
    a.change?.date === b.change?.date
  );
}

/** Inline content of a paragraph or heading; adjacent runs of the same style are merged. */
function toInlines(node: RawNode, authors?: SuggestionAuthors): Inline[] {
  const result: Inline[] = [];
  for (const child of childrenOf(node)) {
    if (child.type === "hardBreak") {
      result.push({ kind: "break" });
      continue;
    }
    const inline = child.type === "text" ? textInline(child, authors) : undefined;
    if (!inline) continue;
    const last = result.at(-1);
    if (last?.kind === "text" && sameStyle(last, inline)) last.text += inline.text;
    else result.push(inline);
  }
  return result;
}

function headingLevel(value: unknown): number {
  if (typeof value !== "number" || value <= 2) return 2;
  return value >= 4 ? 4 : 3;
}

function toTable(node: RawNode, depth: number, authors?: SuggestionAuthors): Block | undefined {
  const rows: TableCell[][] = [];
  for (const row of childrenOf(node).filter((r) => r.type === "tableRow")) {
    const cells = childrenOf(row)
      .filter((c) => c.type === "tableCell" || c.type === "tableHeader")
      .map((c) => ({
        header: c.type === "tableHeader",
        colspan: positiveInt(c.attrs?.colspan, 1, MAX_SPAN),
        blocks: blocksOf(c, depth + 1, authors),
      }));
    if (cells.length > 0) rows.push(cells);
  }
  if (rows.length === 0) return undefined;
  const columns = Math.max(...rows.map((r) => r.reduce((sum, c) => sum + c.colspan, 0)));
  // Ragged rows (and rows shortened by a rowspan above) are padded so every format can draw a plain grid.
  for (const row of rows) {
    const width = row.reduce((sum, c) => sum + c.colspan, 0);
    for (let i = width; i < columns; i++) row.push({ header: false, colspan: 1, blocks: [] });
  }
  return { kind: "table", columns, rows };
}

function toBlock(node: RawNode, depth: number, authors?: SuggestionAuthors): Block | undefined {
  switch (node.type) {
    case "paragraph":
      return { kind: "paragraph", inlines: toInlines(node, authors) };
    case "heading":
      return { kind: "heading", level: headingLevel(node.attrs?.level), inlines: toInlines(node, authors) };
    case "bulletList":
    case "orderedList": {
      const items = childrenOf(node)
        .filter((item) => item.type === "listItem")
        .map((item) => blocksOf(item, depth + 1, authors));
      const start = node.type === "orderedList" ? positiveInt(node.attrs?.start, 1, 1_000_000) : 1;
      return items.length ? { kind: "list", ordered: node.type === "orderedList", start, items } : undefined;
    }
    case "blockquote":
      return { kind: "blockquote", blocks: blocksOf(node, depth + 1, authors) };
    case "table":
      return toTable(node, depth, authors);
    default:
      return undefined; // unknown node types are skipped: the editor schema cannot produce them
  }
}

function blocksOf(node: RawNode, depth: number, authors?: SuggestionAuthors): Block[] {
  if (depth > MAX_DEPTH) return [];
  return childrenOf(node)
    .map((child) => toBlock(child, depth, authors))
    .filter((b): b is Block => b !== undefined);
}

/** Headings in document order (inside lists and quotes too; table cells flatten theirs to emphasis). */
function headingsOf(blocks: Block[]): Extract<Block, { kind: "heading" }>[] {
  return blocks.flatMap((b) =>
    b.kind === "heading"
      ? [b]
      : b.kind === "list"
        ? b.items.flatMap(headingsOf)
        : b.kind === "blockquote"
          ? headingsOf(b.blocks)
          : [],
  );
}

/**
 * Tiptap JSON → blocks. Never throws: anything that is not a well-formed node is left out. Heading levels
 * come out relative to the heading the content sits under (`parentLevel`), without skipped levels. With `authors`
 * (the live text's open suggestions) inserted and deleted text carries its change.
 */
export function toBlocks(doc: TiptapDoc | unknown, parentLevel = 1, authors?: SuggestionAuthors): Block[] {
  const node = asNode(doc);
  const blocks = node ? blocksOf(node, 0, authors) : [];
  const headings = headingsOf(blocks);
  const placed = placeHeadingLevels(
    headings.map((h) => h.level),
    parentLevel,
  );
  headings.forEach((h, i) => (h.level = placed[i]!));
  return blocks;
}

export function inlinesToPlain(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === "break" ? "\n" : i.text)).join("");
}

/** A block flattened to one line of a table cell: list markers become text, nesting becomes indentation. */
export type FlatParagraph = { prefix: string; indent: number; emphasis: boolean; inlines: Inline[] };

export function flattenBlocks(blocks: Block[], indent = 0): FlatParagraph[] {
  const out: FlatParagraph[] = [];
  for (const block of blocks) {
    if (block.kind === "paragraph") out.push({ prefix: "", indent, emphasis: false, inlines: block.inlines });
    else if (block.kind === "heading") out.push({ prefix: "", indent, emphasis: true, inlines: block.inlines });
    else if (block.kind === "blockquote") out.push(...flattenBlocks(block.blocks, indent + 1));
    else if (block.kind === "table") {
      for (const row of block.rows) {
        const text = row
          .map((cell) =>
            flattenBlocks(cell.blocks)
              .map((p) => inlinesToPlain(p.inlines))
              .join(" "),
          )
          .join(" | ");
        out.push({
          prefix: "",
          indent,
          emphasis: false,
          inlines: [{ kind: "text", text, bold: false, italic: false }],
        });
      }
    } else {
      block.items.forEach((item, i) => {
        const [first, ...rest] = flattenBlocks(item, indent + 1);
        const prefix = block.ordered ? `${block.start + i}. ` : "• ";
        out.push({ ...(first ?? { indent: indent + 1, emphasis: false, inlines: [] }), prefix }, ...rest);
      });
    }
  }
  return out;
}
