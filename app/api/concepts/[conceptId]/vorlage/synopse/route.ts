import { getDb } from "@/db/client";
import { requireActorOrThrow } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { renderSynopseInWorker } from "@/lib/export/render-in-worker";
import { renderSynopseCsv } from "@/lib/export/render-synopse";
import { jsonRoute } from "@/lib/http/route-handler";
import { parseIdOrNotFound } from "@/lib/ids";
import { toSynopseRows } from "@/lib/synopse/list-synopse";
import { getReadingRoomSynopse } from "@/lib/workflow/get-reading-room";

export const dynamic = "force-dynamic";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** The Synopse of the submitted Vorlage as CSV, PDF or DOCX — the snapshot taken at submission, for the reading room. */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const actor = await requireActorOrThrow();
  const conceptId = parseIdOrNotFound((await params).conceptId);
  const requested = new URL(request.url).searchParams.get("format") ?? "csv";
  if (!Object.hasOwn(TYPES, requested)) throw new AppError("VALIDATION", "Unbekanntes Format. Möglich sind csv, pdf und docx.");
  const format = requested as keyof typeof TYPES;
  const synopse = await getReadingRoomSynopse(await getDb(), actor, conceptId);
  const rows = toSynopseRows(synopse.entries);
  const input = { conceptTitle: synopse.concept.title, versionLabel: `Stand der Vorlage ${synopse.reference}`, generatedAt: synopse.takenAt, rows };
  const body = format === "csv" ? Buffer.from(renderSynopseCsv(rows), "utf8") : await renderSynopseInWorker(format, input);
  const name = `Synopse-${synopse.reference.replace(/[^A-Za-z0-9._-]+/g, "-")}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
