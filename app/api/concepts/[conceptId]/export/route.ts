import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { exportConceptBackup } from "@/lib/backup/export-concept-backup";
import { buildExportDocument, ZExportQuery } from "@/lib/export/build-export-document";
import { renderInWorker } from "@/lib/export/render-in-worker";
import { renderMarkdown } from "@/lib/export/render-markdown";
import { parseOrThrow } from "@/lib/validation/parse";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";

export const dynamic = "force-dynamic";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

function attachment(base: string, extension: string): string {
  const safe = base.replace(/[^A-Za-z0-9äöüÄÖÜß._-]+/g, "-");
  return `attachment; filename="${safe.replace(/[^\x20-\x7e]/g, "-")}.${extension}"; filename*=UTF-8''${encodeURIComponent(safe)}.${extension}`;
}

/**
 * /api/concepts/{id}/export?format=pdf|docx|md&version=current|{fassungId} — what the actor may see, as a download;
 * format=json — the whole concept as a backup (lead and admins only). PDF and DOCX render in a worker thread.
 */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const actor = await requireActorOrThrow();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const sp = new URL(request.url).searchParams;
  const query = parseOrThrow(ZExportQuery, {
    format: sp.get("format") ?? undefined,
    version: sp.get("version") ?? undefined,
  });
  const headers = { "Cache-Control": "private, no-store" };
  if (query.format === "json") {
    const backup = await exportConceptBackup(await getDb(), actor, conceptId);
    const reference = String(backup.payload.tables.concepts![0]!.mandateReference);
    return new Response(JSON.stringify(backup), {
      headers: {
        ...headers,
        "Content-Type": TYPES.json,
        "Content-Disposition": attachment(`${reference}-Sicherung-${backup.payload.exportedAt.slice(0, 10)}`, "json"),
      },
    });
  }
  const document = await buildExportDocument(await getDb(), actor, conceptId, query.version);
  const body =
    query.format === "md"
      ? Buffer.from(renderMarkdown(document), "utf8")
      : await renderInWorker(query.format, document);
  return new Response(new Uint8Array(body), {
    headers: {
      ...headers,
      "Content-Type": TYPES[query.format],
      "Content-Disposition": attachment(`${document.mandate.reference}-${document.versionLabel}`, query.format),
    },
  });
});
