import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { connect } from "@/db/connect";
import { seedDemo } from "@/demo/seed-demo";
import { loadActor } from "@/lib/auth/load-actor";
import { getConceptOverview } from "@/lib/concepts/get-concept-overview";
import { createThread } from "@/lib/comments/create-thread";
import { getSectionDiscussion } from "@/lib/comments/get-section-discussion";
import { replyToThread } from "@/lib/comments/reply-to-thread";
import { getSectionForReading } from "@/lib/sections/get-section-for-reading";
import { concepts, users } from "@/db/schema";
import { eq } from "drizzle-orm";

/**
 * Server time and query count of the concept overview and a section page's data, on a throwaway
 * database seeded with the demo (PostgreSQL when DATABASE_URL is set, else in-memory PGlite).
 * The full load benchmark with budgets is `npm run bench`.
 */
const baseUrl = process.env.DATABASE_URL;
let dbName: string | undefined;
let url: string | undefined;
if (baseUrl) {
  dbName = `konzeptwerk_bench_${process.pid}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  url = u.toString();
}
let queries = 0;
const database = await connect({ databaseUrl: url, pgliteDir: "memory://", onQuery: () => queries++ });
try {
  await database.migrate();
  await seedDemo(database.db);
  const db = database.db;
  const [lead] = await db.select().from(users).where(eq(users.email, "federfuehrung@demo.example"));
  const actor = (await loadActor(db, lead!.id))!;
  const [concept] = await db.select().from(concepts);
  const overview = await getConceptOverview(db, actor, concept!.id);
  const sectionId = overview.sections[5]!.id;

  async function measure(name: string, fn: () => Promise<unknown>, runs = 300) {
    for (let i = 0; i < 30; i++) await fn();
    const times: number[] = [];
    queries = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
    console.log(
      `${name.padEnd(28)} p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms  queries/call ${(queries / runs).toFixed(1)}`,
    );
  }
  console.log(`database: ${database.kind}`);
  await measure("concept overview", () => getConceptOverview(db, actor, concept!.id));
  await measure("section page (read + discussion + HTML)", () =>
    Promise.all([
      getSectionForReading(db, actor, concept!.id, sectionId),
      getSectionDiscussion(db, actor, concept!.id, sectionId),
    ]),
  );

  // 200 anchored threads (with a reply each) on one section: the discussion must still render quickly.
  const awo = await loadActor(db, (await db.select().from(users).where(eq(users.email, "awo@demo.example")))[0]!.id);
  const busy = overview.sections[3]!.id;
  const words = [
    "Synergieeffekte",
    "Gemeinwesenarbeit",
    "Strukturen",
    "Qualität",
    "Angebots",
    "Flüchtlingskrise",
    "Standardleistung",
    "Welcome",
  ];
  // 400 contributions from two accounts in seconds: a flood by the rate limit's measure, wanted here.
  process.env.COMMENT_RATE_LIMIT_BURST = "100000";
  for (let i = 0; i < 200; i++) {
    const { threadId } = await createThread(db, awo!, {
      conceptId: concept!.id,
      sectionId: busy,
      body: `Anmerkung ${i}`,
      quote: { exact: words[i % words.length]!, prefix: "", suffix: "" },
    });
    await replyToThread(db, actor, { threadId, body: `Antwort ${i}` });
  }
  await measure("section with 200 threads", () => getSectionDiscussion(db, actor, concept!.id, busy), 100);
} finally {
  await database.close();
  if (baseUrl && dbName) {
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}
