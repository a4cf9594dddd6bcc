import { and, eq, inArray } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { consultations, organisations } from "@/db/schema";
import { seedSubmittedVorlage } from "@/demo/seed-submitted-vorlage";
import { parseIdOrNotFound } from "@/lib/ids";
import { testSupportEnabled } from "@/config/env";

/**
 * End-to-end tests only (KONZEPTWERK_E2E=1): makes a concept "submitted" — Fassung, PDF, Vorlage, status
 * eingereicht — until the workflow does it through the UI. A 404 everywhere else. `withoutCommittees` (short
 * names) first takes committees out of the Beratungsfolge, so a spec can submit without the paper reaching
 * the demo committee member, whose empty start page another spec checks.
 */
export async function POST(request: Request) {
  if (!testSupportEnabled()) return NextResponse.json({ ok: false }, { status: 404 });
  const body = (await request.json().catch(() => ({}))) as {
    conceptId?: unknown;
    reference?: unknown;
    withoutCommittees?: unknown;
  };
  const conceptId = parseIdOrNotFound(body.conceptId);
  const reference = typeof body.reference === "string" && body.reference.length <= 40 ? body.reference : undefined;
  const db = await getDb();
  const without = Array.isArray(body.withoutCommittees)
    ? body.withoutCommittees.filter((x): x is string => typeof x === "string")
    : [];
  const result = await db.transaction(async (tx) => {
    if (without.length) {
      const committees = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.kind, "gremium"), inArray(organisations.shortName, without)));
      if (committees.length) {
        await tx.delete(consultations).where(
          and(
            eq(consultations.conceptId, conceptId),
            inArray(
              consultations.committeeId,
              committees.map((c) => c.id),
            ),
          ),
        );
      }
    }
    return seedSubmittedVorlage(tx, conceptId, { reference });
  });
  return NextResponse.json(result);
}
