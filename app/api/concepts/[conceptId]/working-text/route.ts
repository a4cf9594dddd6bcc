import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { exportWorkingText } from "@/lib/word/export-working-text";

export const dynamic = "force-dynamic";

function attachment(base: string): string {
  const safe = base.replace(/[^A-Za-z0-9äöüÄÖÜß._-]+/g, "-");
  return `attachment; filename="${safe.replace(/[^\x20-\x7e]/g, "-")}.docx"; filename*=UTF-8''${encodeURIComponent(safe)}.docx`;
}

/**
 * /api/concepts/{id}/working-text[?section={id}] — the live text with its open suggestions as Word tracked changes
 * (DOCX), for whoever may read the drafts.
 */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const actor = await requireActorOrThrow();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const section = new URL(request.url).searchParams.get("section");
  const download = await exportWorkingText(await getDb(), actor, {
    conceptId,
    sectionId: section === null ? undefined : parseIdOrNotFound(section),
  });
  return new Response(download.body as Uint8Array<ArrayBuffer>, {
    headers: {
      "Cache-Control": "private, no-store",
      "Content-Type": download.contentType,
      "Content-Disposition": attachment(download.fileName),
    },
  });
});
