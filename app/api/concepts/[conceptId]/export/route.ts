import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { buildExportDocument, ZExportQuery } from "@/lib/export/build-export-document";
import { renderDocx } from "@/lib/export/render-docx";
import { renderMarkdown } from "@/lib/export/render-markdown";
import { renderPdf } from "@/lib/export/render-pdf";
import { parseOrThrow } from "@/lib/http/action-result";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";

export const dynamic = "force-dynamic";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
} as const;

/** /api/concepts/{id}/export?format=pdf|docx|md&version=current|{fassungId} — what the actor may see, as a download. */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const actor = await requireActorOrThrow();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const sp = new URL(request.url).searchParams;
  const query = parseOrThrow(ZExportQuery, { format: sp.get("format") ?? undefined, version: sp.get("version") ?? undefined });
  const document = await buildExportDocument(await getDb(), actor, conceptId, query.version);
  const body = query.format === "pdf" ? await renderPdf(document) : query.format === "docx" ? await renderDocx(document) : Buffer.from(renderMarkdown(document), "utf8");
  const base = `${document.mandate.reference}-${document.versionLabel}`.replace(/[^A-Za-z0-9äöüÄÖÜß._-]+/g, "-");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[query.format],
      "Content-Disposition": `attachment; filename="${base.replace(/[^\x20-\x7e]/g, "-")}.${query.format}"; filename*=UTF-8''${encodeURIComponent(base)}.${query.format}`,
      "Cache-Control": "private, no-store",
    },
  });
});
