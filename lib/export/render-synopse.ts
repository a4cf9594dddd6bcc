import "server-only";
import { Document, Packer } from "docx";
import { cleanText } from "./content-blocks";
import { csvDocument } from "./csv";
import { docxStyles, pageFooter, synopseSection } from "./render-docx";
import type { SynopseRow } from "./export-document";
import { formatDateTime, SYNOPSE_HEADERS, synopseCells } from "./export-labels";
import { writeSynopse } from "./render-pdf";
import { COLORS, createPdf, finishPdf, MARGINS, plainRuns, SIZES, writeRuns } from "./pdf-writer";
import { writeFooters } from "./pdf-furniture";

/** The Synopse (Abwägungstabelle) on its own: CSV for spreadsheets (`csv.ts`), PDF and DOCX for the committee papers. */
export type SynopseExport = { conceptTitle: string; versionLabel?: string; generatedAt: string; rows: SynopseRow[] };

export function renderSynopseCsv(rows: SynopseRow[]): string {
  return csvDocument([SYNOPSE_HEADERS, ...rows.map(synopseCells)]);
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
