import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { parseSynopseFormat, synopseResponse } from "@/lib/export/synopse-response";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { listSynopseForDownload } from "@/lib/synopse/list-synopse";

export const dynamic = "force-dynamic";

/** The whole Synopse of a concept as CSV, PDF or DOCX — what the actor may see, internal threads only for the Verwaltung. */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const actor = await requireActorOrThrow();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const format = parseSynopseFormat(request);
  const synopse = await listSynopseForDownload(await getDb(), actor, conceptId);
  return synopseResponse(format, {
    conceptTitle: synopse.concept.title,
    versionLabel: "Aktueller Stand",
    generatedAt: new Date().toISOString(),
    entries: synopse.entries,
    fileStem: synopse.concept.mandateReference,
  });
});
