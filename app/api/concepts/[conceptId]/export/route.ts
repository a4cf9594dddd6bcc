import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { exportConcept } from "@/lib/export/export-concept";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";

export const dynamic = "force-dynamic";

function attachment(base: string, extension: string): string {
  const safe = base.replace(/[^A-Za-z0-9äöüÄÖÜß._-]+/g, "-");
  return `attachment; filename="${safe.replace(/[^\x20-\x7e]/g, "-")}.${extension}"; filename*=UTF-8''${encodeURIComponent(safe)}.${extension}`;
}

/**
 * /api/concepts/{id}/export?format=pdf|docx|md&version=current|{fassungId} — what the actor may see, as a download;
 * format=json — the whole concept as a backup (lead and admins only).
 */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const actor = await requireActorOrThrow();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const sp = new URL(request.url).searchParams;
  const download = await exportConcept(await getDb(), actor, conceptId, {
    format: sp.get("format") ?? undefined,
    version: sp.get("version") ?? undefined,
  });
  return new Response(download.body as Uint8Array<ArrayBuffer>, {
    headers: {
      "Cache-Control": "private, no-store",
      "Content-Type": download.contentType,
      "Content-Disposition": attachment(download.fileName, download.extension),
    },
  });
});
