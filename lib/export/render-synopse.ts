import "server-only";
import { Document, Packer } from "docx";
import { cleanText } from "./content-blocks";
import { docxStyles, pageFooter, synopseSection } from "./render-docx";
import type { SynopseRow } from "./export-document";
import { formatDateTime, SYNOPSE_HEADERS, synopseCells } from "./export-labels";
import { writeSynopse } from "./render-pdf";
import { COLORS, createPdf, finishPdf, MARGINS, plainRuns, SIZES, writeRuns } from "./pdf-writer";
import { writeFooters } from "./pdf-furniture";

/**
 * The Synopse (Abwägungstabelle) on its own: CSV for spreadsheets, PDF and DOCX for the committee papers.
 *
 * CSV choices: `;` as separator, because Excel with German regional settings splits on the list separator `;`
 * and would put a comma-separated file into one column; a UTF-8 BOM, without which Excel reads UTF-8 as
 * Windows-1252 (Umlaute broken); CRLF and double-quoted fields as RFC 4180 prescribes (RFC 4180 names the comma,
 * but every reader takes the separator as a parameter).
 */
export type SynopseExport = { conceptTitle: string; versionLabel?: string; generatedAt: string; rows: SynopseRow[] };

const BOM = "\uFEFF";
// Cells a spreadsheet would run as a formula (OWASP "CSV injection"), also behind leading blanks and in
// full-width look-alikes; tabs have already become spaces.
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: string): string {
  let text = cleanText(value).replace(/\n/g, "\r\n");
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderSynopseCsv(rows: SynopseRow[]): string {
  const lines = [
    SYNOPSE_HEADERS.map(csvCell).join(";"),
    ...rows.map((row) => synopseCells(row).map(csvCell).join(";")),
  ];
  return BOM + lines.join("\r\n") + "\r\n";
}

function subtitle(input: SynopseExport): string {
  return [cleanText(input.versionLabel ?? "", false), `erstellt am ${formatDateTime(input.generatedAt)}`]
    .filter(Boolean)
    .join(", ");
}

export async function renderSynopsePdf(input: SynopseExport): Promise<Buffer> {
  const title = cleanText(input.conceptTitle, false) || "Konzept";
  const ctx = createPdf({ title: `Synopse: ${title}`, author: "Konzeptwerk", subject: "Synopse der Stellungnahmen" });
  const root = ctx.pdf.struct("Document");
  ctx.pdf.addStructure(root);
  writeSynopse(ctx, root, input.rows, () => {
    const x = MARGINS.left;
    const width = ctx.pdf.page.width - MARGINS.left - MARGINS.right;
    writeRuns(ctx, root, "H1", plainRuns(`Synopse der Stellungnahmen: ${title}`, "semibold"), {
      x,
      width,
      size: 17,
      color: COLORS.heading,
    });
    writeRuns(ctx, root, "P", plainRuns(subtitle(input)), { x, width, size: SIZES.small, color: COLORS.muted });
    ctx.pdf.y += 8;
  });
  writeFooters(ctx, `Synopse: ${title}`, true);
  root.end();
  return finishPdf(ctx);
}

export async function renderSynopseDocx(input: SynopseExport): Promise<Buffer> {
  const title = cleanText(input.conceptTitle, false) || "Konzept";
  const section = synopseSection(input.rows, pageFooter(`Synopse: ${title}`), `Synopse der Stellungnahmen: ${title}`);
  const document = new Document({
    title: `Synopse: ${title}`,
    subject: subtitle(input),
    styles: docxStyles(),
    sections: [section],
  });
  return Packer.toBuffer(document);
}
