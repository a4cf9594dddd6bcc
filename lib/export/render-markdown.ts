import "server-only";
import {
  cleanText,
  flattenBlocks,
  toBlocks,
  type Block,
  type Inline,
  type TableCell,
  type TextInline,
} from "./content-blocks";
import type { ExportDocument } from "./export-document";
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
} from "./export-labels";

/** Backslash-escapes every character that could start Markdown or HTML syntax inside running text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, "\\$&");
}

// Characters that only mean something at the start of a line: headings, quotes, list markers, setext underlines.
function escapeLineStarts(text: string): string {
  return text.replace(/^([ ]*)([#>+=-])/gm, "$1\\$2").replace(/^([ ]*\d+)([.)])/gm, "$1\\$2");
}

function safeUrl(href: string): string {
  return new URL(href).href.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20");
}

function emphasis(run: TextInline): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text);
  const [, lead = "", core = "", trail = ""] = match ?? [];
  if (!core) return run.text;
  const marker = run.bold && run.italic ? "***" : run.bold ? "**" : run.italic ? "*" : "";
  return `${lead}${marker}${escapeMarkdown(core)}${marker}${trail}`;
}

/** Inline runs → Markdown; consecutive runs with the same link target become one link. */
function renderInlines(inlines: Inline[], lineBreak: string): string {
  let out = "";
  for (let i = 0; i < inlines.length; i++) {
    const inline = inlines[i]!;
    if (inline.kind === "break") {
      out += lineBreak;
      continue;
    }
    if (!inline.href) {
      out += emphasis(inline);
      continue;
    }
    let label = "";
    let j = i;
    for (; j < inlines.length; j++) {
      const next = inlines[j]!;
      if (next.kind !== "text" || next.href !== inline.href) break;
      label += emphasis(next);
    }
    out += `[${label}](${safeUrl(inline.href)})`;
    i = j - 1;
  }
  return out;
}

function paragraph(inlines: Inline[]): string {
  return escapeLineStarts(renderInlines(inlines, "\\\n").trim());
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => (line ? by + line : line))
    .join("\n");
}

function renderList(block: Extract<Block, { kind: "list" }>): string {
  return block.items
    .map((item, i) => {
      const marker = block.ordered ? `${block.start + i}. ` : "- ";
      const body = renderBlocks(item).trim();
      return marker + indent(body, " ".repeat(marker.length)).trimStart();
    })
    .join("\n");
}

function cellText(cell: TableCell): string {
  return flattenBlocks(cell.blocks)
    .map((p) => escapeMarkdown(p.prefix) + renderInlines(p.inlines, "<br>"))
    .join("<br>")
    .replace(/\n/g, " ");
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c || " ").join(" | ")} |`;
}

/** GFM tables have no spans: a spanning cell is followed by empty cells to keep the grid. */
export function markdownTable(header: string[] | undefined, rows: string[][], columns: number): string {
  const head = header ?? Array.from({ length: columns }, () => "");
  return [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
}

function renderTable(block: Extract<Block, { kind: "table" }>): string {
  const cells = block.rows.map((r) =>
    r.flatMap((cell) => [cellText(cell), ...Array.from({ length: cell.colspan - 1 }, () => "")]),
  );
  const hasHeader = block.rows[0]?.every((cell) => cell.header) ?? false;
  return markdownTable(hasHeader ? cells[0] : undefined, hasHeader ? cells.slice(1) : cells, block.columns);
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${renderInlines(block.inlines, " ").trim()}`;
    case "paragraph":
      return paragraph(block.inlines);
    case "list":
      return renderList(block);
    case "blockquote":
      return renderBlocks(block.blocks)
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n");
    case "table":
      return renderTable(block);
  }
}

function renderBlocks(blocks: Block[]): string {
  return blocks
    .map((b) => renderBlock(b))
    .filter((text) => text.trim() !== "")
    .join("\n\n");
}

function escapeCell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, "<br>");
}

function titleBlock(doc: ExportDocument): string[] {
  const fm = frontMatter(doc);
  const lines = [fm.mandateLine, fm.deadlineLine, fm.leadLine, fm.versionLine, fm.vorlageLine].filter(
    (l): l is string => !!l,
  );
  const parts = [`# ${escapeMarkdown(fm.title)}`, lines.map((l) => escapeLineStarts(escapeMarkdown(l))).join("  \n")];
  if (fm.mandateItems.length)
    parts.push("**Prüfaufträge**", fm.mandateItems.map((item, i) => `${i + 1}. ${escapeMarkdown(item)}`).join("\n"));
  if (fm.consultations.length) {
    const rows = fm.consultations.map((c) => [c.committee, c.role, c.meetingDate].map(escapeCell));
    parts.push("**Beratungsfolge**", markdownTable([...CONSULTATION_HEADERS], rows, 3));
  }
  return parts;
}

/** The whole concept as GitHub-flavoured Markdown. Text is escaped; only http(s) and mailto links survive. */
export function renderMarkdown(doc: ExportDocument): string {
  const parts = titleBlock(doc);
  for (const part of paperParts(doc)) {
    parts.push(
      `## ${part.title}`,
      ...part.paragraphs.map((p) => escapeLineStarts(escapeMarkdown(p)).replace(/\n/g, "\\\n")),
    );
  }
  const mandate = mandateParagraphs(doc);
  if (mandate.length) {
    // The motion's own line breaks (its numbered items) are kept as hard breaks, the whole quoted.
    const quoted = mandate.map((p) => escapeLineStarts(escapeMarkdown(p)).replace(/\n/g, "\\\n")).join("\n\n");
    parts.push(
      `## ${MANDATE_TITLE}`,
      quoted
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n"),
    );
  }
  for (const section of doc.sections) {
    parts.push(`## ${escapeMarkdown(sectionHeading(section))}`, `*${escapeMarkdown(ownerLine(section))}*`);
    // Content headings sit below the section's "##".
    const body = renderBlocks(toBlocks(section.content, 2));
    parts.push(body || `*${EMPTY_SECTION_TEXT}*`);
  }
  if (doc.signoffs?.length || doc.contentHash) parts.push(`## ${SIGNOFF_TITLE}`);
  if (doc.signoffs?.length) {
    const rows = doc.signoffs.map((s) => signoffCells(s).map(escapeCell));
    parts.push(markdownTable([...SIGNOFF_HEADERS], rows, SIGNOFF_HEADERS.length));
  }
  if (doc.contentHash) parts.push(`${HASH_LABEL}: \`${cleanText(doc.contentHash, false).replace(/`/g, "")}\``);
  if (doc.synopse?.length) {
    const rows = doc.synopse.map((r) => synopseCells(r).map(escapeCell));
    parts.push(`## ${SYNOPSE_TITLE}`, markdownTable([...SYNOPSE_HEADERS], rows, SYNOPSE_HEADERS.length));
  }
  return parts.join("\n\n") + "\n";
}
