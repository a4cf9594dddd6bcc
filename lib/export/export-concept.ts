import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { exportConceptBackup } from "@/lib/backup/export-concept-backup";
import { parseOrThrow } from "@/lib/validation/parse";
import { buildExportDocument, ZExportQuery } from "./build-export-document";
import { renderInWorker } from "./render-in-worker";
import { renderMarkdown } from "./render-markdown";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

export type ConceptExport = { body: Uint8Array; contentType: string; fileName: string; extension: string };

/**
 * A concept as a download: format pdf|docx|md of what the actor may see (version `current` or a Fassung's id),
 * or json — the whole concept as a backup (lead, or an admin with break-glass access). The query comes
 * unparsed from the request; PDF and DOCX render in a worker thread.
 */
export async function exportConcept(
  db: Db,
  actor: Actor,
  conceptId: string,
  query: { format?: string; version?: string },
): Promise<ConceptExport> {
  const { format, version } = parseOrThrow(ZExportQuery, query);
  if (format === "json") {
    const backup = await exportConceptBackup(db, actor, conceptId);
    const reference = String(backup.payload.tables.concepts![0]!.mandateReference);
    return {
      body: new TextEncoder().encode(JSON.stringify(backup)),
      contentType: TYPES.json,
      fileName: `${reference}-Sicherung-${backup.payload.exportedAt.slice(0, 10)}`,
      extension: "json",
    };
  }
  const document = await buildExportDocument(db, actor, conceptId, version);
  const body = format === "md" ? Buffer.from(renderMarkdown(document), "utf8") : await renderInWorker(format, document);
  return {
    body: new Uint8Array(body),
    contentType: TYPES[format],
    fileName: `${document.mandate.reference}-${document.versionLabel}`,
    extension: format,
  };
}
