import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { getVorlagePdf } from "@/lib/workflow/get-vorlage";

export const dynamic = "force-dynamic";

/** The stored PDF of the submitted Vorlage, byte for byte as it was stored (its SHA-512 is shown on the pages). */
export const GET = jsonRoute(async (_request: Request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const actor = await requireActorOrThrow();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const file = await getVorlagePdf(await getDb(), actor, conceptId);
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-SHA512": file.sha512,
    },
  });
});
