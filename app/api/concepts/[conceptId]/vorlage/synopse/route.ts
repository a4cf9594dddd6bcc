import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { parseSynopseFormat, synopseResponse } from "@/lib/export/synopse-response";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { getReadingRoomSynopse } from "@/lib/workflow/get-reading-room";

export const dynamic = "force-dynamic";

/** The whole Synopse of the submitted Vorlage as CSV, PDF or DOCX — the snapshot taken at submission, for the reading room. */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const actor = await requireActorOrThrow();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const format = parseSynopseFormat(request);
  const synopse = await getReadingRoomSynopse(await getDb(), actor, conceptId);
  return synopseResponse(format, {
    conceptTitle: synopse.concept.title,
    versionLabel: `Stand der Vorlage ${synopse.reference}`,
    generatedAt: synopse.takenAt,
    entries: synopse.entries,
    fileStem: synopse.reference,
  });
});
