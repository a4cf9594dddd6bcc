import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { loadDemoRefs, seedWelcomePointsConcept } from "@/db/seed/seed-demo";

/**
 * End-to-end tests only: gives each spec its own fresh copy of the demo concept, so specs running in
 * parallel never share data. Exists only when the server was started with KONZEPTWERK_E2E=1 and a demo
 * database; everywhere else it is a 404 like any unknown path.
 */
export async function POST(request: Request) {
  if (process.env.KONZEPTWERK_E2E !== "1") {
    return NextResponse.json({ ok: false }, { status: 404 });
  }
  const body = (await request.json().catch(() => ({}))) as { title?: unknown };
  const title = typeof body.title === "string" && body.title.length <= 200 ? body.title : `Testkonzept ${Date.now()}`;
  const db = await getDb();
  const result = await db.transaction(async (tx) => seedWelcomePointsConcept(tx, await loadDemoRefs(tx), title));
  return NextResponse.json(result);
}
