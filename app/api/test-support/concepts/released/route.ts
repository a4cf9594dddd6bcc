import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { seedReleasedRound } from "@/demo/seed-released-round";
import { testSupportEnabled } from "@/config/env";

/**
 * End-to-end tests only: brings a fresh test concept to "Freigegeben" with a completed Mitzeichnung round, so
 * submission specs need not walk the whole sign-off journey. Exists only when the server was started with
 * KONZEPTWERK_E2E=1; everywhere else it is a 404 like any unknown path.
 */
export async function POST(request: Request) {
  if (!testSupportEnabled()) {
    return NextResponse.json({ ok: false }, { status: 404 });
  }
  const body = (await request.json().catch(() => ({}))) as { conceptId?: unknown };
  if (typeof body.conceptId !== "string" || !/^[0-9a-f-]{36}$/i.test(body.conceptId))
    return NextResponse.json({ ok: false }, { status: 400 });
  const result = await seedReleasedRound(await getDb(), body.conceptId);
  return NextResponse.json(result);
}
