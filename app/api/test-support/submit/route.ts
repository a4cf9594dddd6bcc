import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { seedSubmittedVorlage } from "@/db/seed/seed-submitted-vorlage";
import { parseIdOrNotFound } from "@/lib/ids";

/**
 * End-to-end tests only (KONZEPTWERK_E2E=1): makes a concept "submitted" — Fassung, PDF, Vorlage, status
 * eingereicht — until the workflow does it through the UI. A 404 everywhere else.
 */
export async function POST(request: Request) {
  if (process.env.KONZEPTWERK_E2E !== "1") return NextResponse.json({ ok: false }, { status: 404 });
  const body = (await request.json().catch(() => ({}))) as { conceptId?: unknown; reference?: unknown };
  const conceptId = parseIdOrNotFound(body.conceptId);
  const reference = typeof body.reference === "string" && body.reference.length <= 40 ? body.reference : undefined;
  const db = await getDb();
  const result = await db.transaction((tx) => seedSubmittedVorlage(tx, conceptId, { reference }));
  return NextResponse.json(result);
}
