import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { loadDemoRefs, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { seedThreads } from "@/demo/seed-threads";
import { testSupportEnabled } from "@/config/env";
import { prepareForSignoff } from "@/demo/prepare-for-signoff";

/**
 * End-to-end tests only: gives each spec its own fresh copy of the demo concept, so specs running in
 * parallel never share data. `threads` (at most 500) adds that many comment threads of the Träger, for a
 * Synopse long enough to be paged; with `threadsOn` (a section title) all of them on that one section, for a
 * paged discussion. `readyForSignoff` walks it to Überarbeitung with every section agreed (the Mitzeichnung can
 * start); `unsignableOrganisation` (a name) adds a Träger without members that must sign. Exists only when the server was started with KONZEPTWERK_E2E=1 and a demo
 * database; everywhere else it is a 404 like any unknown path.
 */
export async function POST(request: Request) {
  if (!testSupportEnabled()) {
    return NextResponse.json({ ok: false }, { status: 404 });
  }
  const body = (await request.json().catch(() => ({}))) as {
    title?: unknown;
    threads?: unknown;
    threadsOn?: unknown;
    readyForSignoff?: unknown;
    unsignableOrganisation?: unknown;
  };
  const title = typeof body.title === "string" && body.title.length <= 200 ? body.title : `Testkonzept ${Date.now()}`;
  const threads =
    typeof body.threads === "number" && Number.isInteger(body.threads) ? Math.min(Math.max(body.threads, 0), 500) : 0;
  const threadsOn = typeof body.threadsOn === "string" ? body.threadsOn : undefined;
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const seeded = await seedWelcomePointsConcept(tx, await loadDemoRefs(tx), title);
    await seedThreads(tx, seeded.conceptId, threads, threadsOn);
    return seeded;
  });
  if (body.readyForSignoff === true) {
    const unsignable =
      typeof body.unsignableOrganisation === "string" ? body.unsignableOrganisation.slice(0, 100) : null;
    await prepareForSignoff(db, result.conceptId, unsignable);
  }
  return NextResponse.json(result);
}
