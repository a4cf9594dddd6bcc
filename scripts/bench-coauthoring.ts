/**
 * Benchmarks for co-authoring (docs/benchmarks.md): saving a 30-page section and diffing two 30-page
 * revisions. Runs against a throwaway database on DATABASE_URL (PostgreSQL) or in-memory PGlite.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --conditions=react-server scripts/bench-coauthoring.ts
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { concepts, memberships, organisations, sections, users } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { doc, h, p } from "@/demo/tiptap";
import { validateContent } from "@/lib/content/validate-content";
import { diffText } from "@/lib/diff/word-diff";
import { compareSectionRevisions } from "@/lib/sections/compare-section-revisions";
import { saveSection } from "@/lib/sections/save-section";
import type { Actor } from "@/lib/auth/actor";
import { createTestDatabase } from "@/test/test-database";

/** The lead's actor, built here: lib/auth/actor pulls in Next.js, which a plain script cannot load. */
async function leadActor(db: Db): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.email, "federfuehrung@demo.example"));
  const orgs = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      maySignOff: memberships.maySignOff,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, user!.id));
  return {
    id: user!.id,
    name: user!.name,
    email: user!.email,
    isAdmin: false,
    canCreateConcepts: true,
    locale: "de",
    organisations: orgs,
  };
}

/** One A4 page of German prose ≈ 3,000 characters; 30 pages ≈ 90,000 characters in 690 paragraphs. */
const PAGES = 30;
const SENTENCES = [
  "Die Welcome Points sind als Anlaufstellen in den Stadtbezirken entstanden und fördern die Begegnung zwischen Geflüchteten und Nachbarschaft.",
  "Die Träger beraten zu Sprachkursen, Arbeit, Bildung und Wohnen und lotsen in die Regelangebote der Stadt.",
  "Die Verstetigung in der Gemeinwesenarbeit sichert die Qualität des Angebots über die Förderperiode hinaus.",
  "Eine strukturelle Anbindung an die Familienzentren wird im Jugendamt geprüft und mit den Trägern abgestimmt.",
];
const PER_PAGE = 23;
const paragraphText = (i: number, variant = "") => `${i + 1}. ${SENTENCES[i % 4]}${variant}`;
function bigDoc(variant: (i: number) => string = () => "") {
  const blocks = [];
  for (let page = 0; page < PAGES; page++) {
    blocks.push(h(3, `Teil ${page + 1}`));
    for (let k = 0; k < PER_PAGE; k++) blocks.push(p(paragraphText(page * PER_PAGE + k, variant(page * PER_PAGE + k))));
  }
  return doc(...blocks);
}

const percentile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const database = await createTestDatabase();
try {
  await seedDemo(database.db);
  const db = database.db;
  const lead = await leadActor(db);
  const [concept] = await db.select().from(concepts).limit(1);
  const [section] = await db
    .select()
    .from(sections)
    .where(eq(sections.title, "Finanzierung"))
    .orderBy(asc(sections.position));
  const { text } = validateContent(bigDoc());
  console.log(
    `Dokument: ${PAGES} Seiten, ${text.length.toLocaleString("de-DE")} Zeichen, ${Buffer.byteLength(JSON.stringify(bigDoc())).toLocaleString("de-DE")} Bytes JSON (${database.kind})`,
  );

  // Saves: each edits one paragraph somewhere in the document, against the current version.
  let version = section!.version;
  const saveTimes: number[] = [];
  const RUNS = 120;
  for (let run = 0; run < RUNS; run++) {
    const content = bigDoc((i) => (i === (run * 37) % (PAGES * PER_PAGE) ? ` Ergänzung ${run}.` : ""));
    const start = performance.now();
    const result = await saveSection(db, lead, {
      conceptId: concept!.id,
      sectionId: section!.id,
      baseVersion: version,
      content,
      note: `Lauf ${run}`,
    });
    const elapsed = performance.now() - start;
    version = result.version;
    if (run >= 20) saveTimes.push(elapsed);
  }
  const [after] = await db.select({ version: sections.version }).from(sections).where(eq(sections.id, section!.id));
  console.log(
    `Speichern (${saveTimes.length} Läufe nach 20 zum Aufwärmen): p50 ${ms(percentile(saveTimes, 0.5))}, p95 ${ms(percentile(saveTimes, 0.95))}, max ${ms(Math.max(...saveTimes))}; Version jetzt ${after!.version}`,
  );

  // Diffs: two 30-page revisions, a typical edit (2 % of paragraphs) and a heavy one (30 %).
  for (const [label, share] of [
    ["2 % der Absätze geändert", 50],
    ["30 % der Absätze geändert", 3],
  ] as const) {
    const before = validateContent(bigDoc()).text;
    const changed = validateContent(
      bigDoc((i) => (i % share === 0 ? ` Neu eingefügter Satz Nummer ${i} mit weiteren Angaben.` : "")),
    ).text;
    const times: number[] = [];
    for (let run = 0; run < 30; run++) {
      const start = performance.now();
      diffText(before, changed);
      times.push(performance.now() - start);
    }
    console.log(`Diff (${label}): p50 ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}`);
  }
  const compareTimes: number[] = [];
  for (let run = 0; run < 20; run++) {
    const start = performance.now();
    await compareSectionRevisions(db, lead, concept!.id, section!.id, version - 60, version);
    compareTimes.push(performance.now() - start);
  }
  console.log(
    `Vergleich zweier Versionen inkl. Laden aus der Datenbank: p50 ${ms(percentile(compareTimes, 0.5))}, p95 ${ms(percentile(compareTimes, 0.95))}`,
  );
} finally {
  await database.cleanup();
}
