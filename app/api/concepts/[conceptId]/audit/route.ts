import { getDb } from "@/db/client";
import { auditCsvRows, listConceptAudit } from "@/lib/audit/list-concept-audit";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { csvDocument } from "@/lib/export/csv";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";

export const dynamic = "force-dynamic";

/** The concept's audit trail as CSV (lead and admins), with the same filters as the page; at most 50 000 rows. */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const actor = await requireActorOrThrow();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const sp = new URL(request.url).searchParams;
  const filter = {
    category: sp.get("kategorie") || undefined,
    actorId: sp.get("person") || undefined,
    from: sp.get("von") || undefined,
    to: sp.get("bis") || undefined,
  } as Parameters<typeof listConceptAudit>[3];
  const { rows } = await listConceptAudit(await getDb(), actor, conceptId, filter, 50_000);
  const csv = csvDocument(auditCsvRows(rows));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="Protokoll-${conceptId}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
