import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/query-rows";
import { changeProposals, comments, sections } from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { doc, p } from "@/demo/tiptap";
import type { Actor } from "@/lib/auth/load-actor";
import { createThread } from "@/lib/comments/create-thread";
import { deleteComment, editComment } from "@/lib/comments/edit-comment";
import { AppError } from "@/lib/errors";
import { createProposal } from "@/lib/proposals/create-proposal";
import { searchContent, type SearchResult } from "@/lib/search/search-content";
import { HEADLINE_OPTIONS, searchHitsSql } from "@/lib/search/search-hits-sql";
import { headlinePattern, snippetSegments } from "@/lib/search/search-query";
import { saveSection } from "@/lib/sections/save-section";
import { demoActor, demoConcept } from "./fixtures";
import { submitConcept } from "./submit-fixture";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let actors: Record<"lead" | "jugendamt" | "diakonie" | "awo" | "ausschuss" | "admin", Actor>;
let conceptId: string;
let sectionByTitle: Record<string, string>;
let publicThreadId: string;
let internalThreadId: string;
let deletedThreadId: string;
let proposalId: string;
let submittedConceptId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedDemo(db);
  const { concept, sections: list } = await demoConcept(db);
  conceptId = concept.id;
  sectionByTitle = Object.fromEntries(list.map((s) => [s.title, s.id]));
  actors = {
    lead: await demoActor(db, "federfuehrung"),
    jugendamt: await demoActor(db, "jugendamt"),
    diakonie: await demoActor(db, "diakonie"),
    awo: await demoActor(db, "awo"),
    ausschuss: await demoActor(db, "ausschuss"),
    admin: await demoActor(db, "admin"),
  };
  const familien = sectionByTitle["Prüfung der Anbindung an die Familienzentren"]!;
  const finanzierung = sectionByTitle["Finanzierung"]!;
  ({ threadId: publicThreadId } = await createThread(db, actors.diakonie, {
    conceptId,
    sectionId: familien,
    body: "a<b und <b>fett</b>: Das Familienzentrum in Benrath <script>alert('x')</script> hat Räume frei.",
  }));
  ({ threadId: internalThreadId } = await createThread(db, actors.jugendamt, {
    conceptId,
    sectionId: finanzierung,
    body: "Intern: Die Zuschüsse für das Familienzentrum vorab mit der Kämmerei klären.",
    visibility: "verwaltung",
  }));
  ({ threadId: deletedThreadId } = await createThread(db, actors.awo, {
    conceptId,
    sectionId: finanzierung,
    body: "Zurückgezogen: Quartiersmanagement Zuschüsse",
  }));
  const [deleted] = await db.select({ id: comments.id }).from(comments).where(eq(comments.threadId, deletedThreadId));
  await deleteComment(db, actors.awo, { commentId: deleted!.id });
  const [section] = await db.select().from(sections).where(eq(sections.id, finanzierung));
  ({ proposalId } = await createProposal(db, actors.awo, {
    conceptId,
    sectionId: finanzierung,
    baseVersion: section!.version,
    content: doc(p("Die Finanzierung erfolgt über das Landesprogramm Familienzentrum NRW und kommunale Zuschüsse.")),
    reason: "Landesmittel ausdrücklich nennen.",
  }));
  // A second concept that was submitted to the committees.
  const second = await db.transaction(async (tx) =>
    seedWelcomePointsConcept(tx, await loadDemoRefs(tx), "Eingereichtes Konzept"),
  );
  submittedConceptId = second.conceptId;
  await submitConcept(db, submittedConceptId);
}, 180_000);
afterAll(async () => database?.cleanup());

const search = (actor: Actor, q: string) => searchContent(database.db, actor, q);
const hits = (result: SearchResult) =>
  result.concepts.flatMap((c) =>
    c.sections.flatMap((s) => s.hits.map((h) => ({ concept: c.title, section: s.title, number: s.number, ...h }))),
  );
const marked = (result: SearchResult) =>
  hits(result).flatMap((h) => h.snippet.filter((s) => s.mark).map((s) => s.text));

describe("German full-text search", () => {
  it("runs on a database with the german text search configuration and lets the planner use the GIN indexes", async () => {
    const [config] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_ts_config where cfgname = 'german'`,
    );
    expect(config!.n).toBe(1);
    const [stem] = await queryRows<{ v: string }>(
      database.db,
      sql`select to_tsvector('german', 'Familienzentren')::text as v`,
    );
    expect(stem!.v).toBe("'familienzentr':1");
    let plan = "";
    await database.db
      .transaction(async (tx) => {
        // On this small data set the planner rightly prefers reading by concept or by thread; without those
        // paths (rolled back below) it must show that each branch's match can be answered from a GIN index.
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(
          sql`drop index sections_concept_idx, comments_thread_idx, change_proposals_concept_idx, change_proposals_section_idx`,
        );
        const rows = await queryRows<{ "QUERY PLAN": string }>(
          tx,
          sql`explain ${searchHitsSql(actors.lead, "'familienzentr':*", 101)}`,
        );
        plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
        tx.rollback();
      })
      .catch(() => {});
    expect(plan).toContain("sections_search_vector_idx");
    expect(plan).toContain("comments_search_vector_idx");
    expect(plan).toContain("change_proposals_search_vector_idx");
    // Matching and ranking read the stored vectors; nothing is parsed per row but the snippets of the shown rows.
    expect(plan).not.toContain("to_tsvector");
  });

  it("finds 'Familienzentrum' for 'Familienzentren' and the other way round, with the words highlighted", async () => {
    const plural = await search(actors.diakonie, "Familienzentren");
    const found = hits(plural);
    const comment = found.find((h) => h.kind === "comment");
    expect(comment?.href).toBe(
      `/konzepte/${conceptId}/abschnitte/${sectionByTitle["Prüfung der Anbindung an die Familienzentren"]}?thread=${publicThreadId}#thread-${publicThreadId}`,
    );
    expect(comment?.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(["Familienzentrum"]);
    expect(found.find((h) => h.kind === "proposal")?.href).toBe(
      `/konzepte/${conceptId}/abschnitte/${sectionByTitle["Finanzierung"]}/vorschlaege/${proposalId}`,
    );
    expect(
      found.some(
        (h) => h.kind === "section" && h.section === "Prüfung der Anbindung an die Familienzentren" && h.number === 5,
      ),
    ).toBe(true);
    expect(marked(plural)).toEqual(expect.arrayContaining(["Familienzentren", "Familienzentrum"]));
    const singular = await search(actors.diakonie, "Familienzentrum");
    expect(marked(singular)).toEqual(expect.arrayContaining(["Familienzentren", "Familienzentrum"]));
  });

  it("groups by concept and section in document order, section text before comments and proposals", async () => {
    const result = await search(actors.lead, "Familienzentren");
    expect(result.concepts.map((c) => c.conceptId).sort()).toEqual([conceptId, submittedConceptId].sort());
    for (const concept of result.concepts) {
      const numbers = concept.sections.map((s) => s.number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
    }
    const familien = result.concepts.find((c) => c.conceptId === conceptId)!.sections.find((s) => s.number === 5)!;
    expect(familien.hits.map((h) => h.kind)).toEqual(["section", "comment"]);
    expect(familien.href).toBe(
      `/konzepte/${conceptId}/abschnitte/${sectionByTitle["Prüfung der Anbindung an die Familienzentren"]}`,
    );
    expect(result.hitCount).toBe(hits(result).length);
  });

  it("never returns an internal thread to a Träger, but to the Verwaltung", async () => {
    for (const actor of [actors.diakonie, actors.awo]) {
      for (const q of ["Kämmerei", "Zuschüsse", "Familienzentrum", "intern"]) {
        const result = await search(actor, q);
        expect(JSON.stringify(result), `${actor.email}: ${q}`).not.toContain(internalThreadId);
        expect(hits(result).some((h) => h.internal)).toBe(false);
      }
    }
    for (const actor of [actors.lead, actors.jugendamt]) {
      const internal = hits(await search(actor, "Kämmerei")).find((h) => h.kind === "comment");
      expect(internal).toMatchObject({
        internal: true,
        href: expect.stringContaining(`?thread=${internalThreadId}#thread-${internalThreadId}`),
      });
    }
  });

  it("gives committee members and admins without a role nothing of drafts — nor of the submitted concept's working text", async () => {
    // The committee member sits in the Beratungsfolge of both concepts; one of them is submitted to the committee.
    for (const actor of [actors.ausschuss, actors.admin]) {
      for (const q of ["Familienzentren", "Welcome Points", "Kämmerei", "Finanzierung", "Benrath"]) {
        const result = await search(actor, q);
        expect(result.concepts, `${actor.email}: ${q}`).toEqual([]);
      }
    }
    expect(hits(await search(actors.diakonie, "Familienzentren")).length).toBeGreaterThan(0);
  });

  it("leaves out deleted comments and archived sections", async () => {
    expect(JSON.stringify(await search(actors.lead, "Quartiersmanagement"))).not.toContain(deletedThreadId);
    const zeitplan = sectionByTitle["Zeitplan und nächste Schritte"]!;
    expect(JSON.stringify(await search(actors.lead, "Quartal"))).toContain(zeitplan);
    await database.db.update(sections).set({ archivedAt: new Date() }).where(eq(sections.id, zeitplan));
    expect(JSON.stringify(await search(actors.lead, "Quartal"))).not.toContain(zeitplan);
    await database.db.update(sections).set({ archivedAt: null }).where(eq(sections.id, zeitplan));
  });

  it("keeps markup as text in snippets instead of dropping or executing it", async () => {
    const comment = hits(await search(actors.diakonie, "Benrath")).find((h) => h.kind === "comment")!;
    const text = comment.snippet.map((s) => s.text).join("");
    expect(text).toContain("<script>alert('x')</script>");
    expect(text).toContain("fett</b>: Das Familienzentrum");
  });

  it("answers empty and over-long queries with a German message and stop words with no hits", async () => {
    await expect(search(actors.lead, "   ")).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Bitte geben Sie einen Suchbegriff ein.",
    });
    await expect(search(actors.lead, "x".repeat(201))).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Der Suchbegriff darf höchstens 200 Zeichen lang sein.",
    });
    expect(await search(actors.lead, "der die das")).toMatchObject({ hitCount: 0, concepts: [] });
  });

  it("gives the same answers on PGlite and PostgreSQL (one snapshot for both runs)", async () => {
    const summary: Record<string, string[]> = {};
    for (const q of [
      "Familienzentren",
      "Familienzentrum",
      "Kämmerei",
      '"Anbindung an die Familienzentren"',
      "Welcome Points -Benrath",
      "Gemeinwesenarbeit or Quartier",
      "Träger Stadtbezirk",
    ]) {
      summary[q] = hits(await search(actors.jugendamt, q)).map(
        (h) =>
          `${h.concept === "Eingereichtes Konzept" ? "B" : "A"} ${h.number}.${h.kind}${h.internal ? " (intern)" : ""}: ${h.snippet.map((s) => (s.mark ? `[${s.text}]` : s.text)).join("")}`,
      );
    }
    expect(summary).toMatchSnapshot();
  });

  it("never fails on any string (fuzzed)", async () => {
    const nasty = [
      "'",
      "\\",
      "''",
      "&|!<->():*",
      '"unclosed',
      "a\u0000b",
      "😀 Familienzentren",
      "<mark>x</mark>",
      "or",
      "-",
      "!",
      "a <-> b",
      "'; drop table sections; --",
      "\uE000x\uE001",
      "\uD800",
      "ß".repeat(200),
      "Familienzentrum:*",
    ];
    const check = async (q: string) => {
      try {
        const result = await search(actors.lead, q);
        expect(result.hitCount).toBeGreaterThanOrEqual(0);
      } catch (error) {
        expect(error, JSON.stringify(q)).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("VALIDATION");
      }
    };
    for (const q of nasty) await check(q);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 220 }),
          fc.string({ unit: "grapheme", maxLength: 60 }),
          fc.stringMatching(/^[ a-zäöüß"'\-|&!():*<>\\]{0,40}$/),
        ),
        check,
      ),
      { numRuns: 150 },
    );
  });
});

describe("stored search vectors and snippets of long texts", () => {
  const sentence = (i: number) => `Satz ${i} beschreibt die Arbeit der Beratungsstellen im Stadtgebiet ausführlich.`;
  const filler = (from: number, count: number) => Array.from({ length: count }, (_, i) => sentence(from + i)).join(" ");
  const save = async (sectionId: string, text: string) => {
    const [section] = await database.db
      .select({ version: sections.version })
      .from(sections)
      .where(eq(sections.id, sectionId));
    await saveSection(database.db, actors.lead, {
      conceptId,
      sectionId,
      baseVersion: section!.version,
      content: doc(p(text)),
    });
  };
  const sectionHit = async (q: string, sectionId: string) =>
    hits(await search(actors.lead, q)).find((h) => h.kind === "section" && h.href.endsWith(sectionId));

  it("finds a section save, a comment edit and a proposal update by their new words right away", async () => {
    const zeitplan = sectionByTitle["Zeitplan und nächste Schritte"]!;
    expect(await sectionHit("Wimmelbuchausgabe", zeitplan)).toBeUndefined();
    await save(zeitplan, "Die Wimmelbuchausgabe erscheint im Herbst.");
    expect(marked(await search(actors.lead, "Wimmelbuchausgabe"))).toEqual(["Wimmelbuchausgabe"]);
    expect(await sectionHit("Quartal", zeitplan)).toBeUndefined();

    const [comment] = await database.db
      .select({ id: comments.id })
      .from(comments)
      .where(eq(comments.threadId, publicThreadId));
    await editComment(database.db, actors.diakonie, {
      commentId: comment!.id,
      body: "Im Quartierstreff Sonnenblume sind Räume frei.",
    });
    expect(hits(await search(actors.diakonie, "Sonnenblume"))).toEqual([
      expect.objectContaining({
        kind: "comment",
        href: expect.stringContaining(`?thread=${publicThreadId}#thread-${publicThreadId}`),
      }),
    ]);
    expect(JSON.stringify(await search(actors.diakonie, "Benrath"))).not.toContain(publicThreadId);

    // No service rewrites a proposal's text; the column follows any update all the same.
    await database.db
      .update(changeProposals)
      .set({ reason: "Die Förderkulisse des Bundes nennen." })
      .where(eq(changeProposals.id, proposalId));
    expect(hits(await search(actors.lead, "Förderkulisse"))).toEqual([
      expect.objectContaining({ kind: "proposal", href: expect.stringContaining(proposalId) }),
    ]);
    expect(JSON.stringify(await search(actors.lead, "Landesmittel"))).not.toContain(proposalId);
  });

  it("finds where the words of a query are written, with umlauts, ß and capitals, on this database", async () => {
    const cases: [string, string, string][] = [
      ["'kammerei':*", "Zuerst die Kämmerei", "Kämmerei"],
      ["'strass':*", "In der STRASSE, in der Straße", "STRASSE"],
      ["'strass':*", "Eine Straße", "Straße"],
      ["'familienzentr':*", "Das Landesfamilienzentrum und die Familienzentren", "Familienzentren"],
      ["'alle':*", "Wir wollen alles in der Allee", "alles"],
    ];
    for (const [query, text, word] of cases) {
      const [row] = await queryRows<{ at: number }>(
        database.db,
        sql`select regexp_instr(${text}, ${headlinePattern(query)}) as at`,
      );
      expect(row!.at, `${query} in ${text}`).toBe(text.indexOf(word) + 1);
    }
  });

  it("makes the snippet of a long text from the part around the first match, as the whole text would give it", async () => {
    const finanzierung = sectionByTitle["Finanzierung"]!;
    const text = `${filler(1, 60)} Die Spielplatzpaten im Stadtteil treffen sich monatlich. ${filler(61, 8)} Auch im Süden gibt es Spielplatzpaten. ${filler(69, 60)}`;
    expect(text.length).toBeGreaterThan(8000);
    await save(finanzierung, text);
    const snippet = (await sectionHit("Spielplatzpaten", finanzierung))!.snippet;
    expect(snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(["Spielplatzpaten", "Spielplatzpaten"]);
    const [whole] = await queryRows<{ h: string }>(
      database.db,
      sql`select ts_headline('german', ${text}, ${"'spielplatzpat':*"}::tsquery, ${HEADLINE_OPTIONS}) as h`,
    );
    expect(snippet).toEqual(snippetSegments(whole!.h));

    // Only the window is read: a second match far behind it does not make a second fragment.
    await save(
      finanzierung,
      `${filler(1, 60)} Die Spielplatzpaten treffen sich. ${filler(61, 40)} Auch im Süden gibt es Spielplatzpaten. ${filler(101, 5)}`,
    );
    const far = (await sectionHit("Spielplatzpaten", finanzierung))!.snippet;
    expect(far.filter((s) => s.mark).map((s) => s.text)).toEqual(["Spielplatzpaten"]);
    expect(far.map((s) => s.text).join("")).not.toContain("…");
  });

  it("uses the whole long text when the first place found is no match", async () => {
    const finanzierung = sectionByTitle["Finanzierung"]!;
    // "alles" is a stop word, so only "Allee" (stem "alle") matches, far behind it.
    await save(finanzierung, `Wir wollen alles bedenken. ${filler(1, 80)} Der Treffpunkt liegt in der Allee am Park.`);
    const snippet = (await sectionHit("Allee", finanzierung))!.snippet;
    expect(snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(["Allee"]);
    expect(snippet.map((s) => s.text).join("")).toContain("Der Treffpunkt liegt in der Allee am Park");
  });
});
