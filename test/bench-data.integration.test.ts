import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentThreads, sectionRevisions, sections } from "@/db/schema";
import { getSectionDiscussion } from "@/lib/comments/get-section-discussion";
import { validateContent } from "@/lib/content/validate-content";
import { listSectionRevisions, REVISIONS_PER_PAGE } from "@/lib/sections/list-section-revisions";
import { compareFassungen } from "@/lib/fassungen/compare-fassungen";
import { getReadingRoom, getReadingRoomSynopse } from "@/lib/workflow/get-reading-room";
import { growHistory, seedBench, setConceptStatus, type BenchData } from "@/scripts/bench/seed";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let data: BenchData;

beforeAll(async () => {
  database = await createTestDatabase();
  data = await seedBench(database.db, {
    concepts: 3,
    sections: 4,
    pages: 4,
    revisions: 120,
    threads: 40,
    participants: 10,
    fassungen: 3,
  });
}, 120_000);
afterAll(async () => database?.cleanup());

describe("benchmark data set (npm run bench)", () => {
  it("stores valid tiptap content whose plain text matches validateContent, revisions numbered without gaps", async () => {
    const rows = await database.db
      .select()
      .from(sections)
      .where(eq(sections.conceptId, data.conceptId))
      .orderBy(asc(sections.position));
    expect(rows).toHaveLength(4);
    for (const s of rows) {
      expect(validateContent(s.content).text).toBe(s.contentText);
      const revs = await database.db
        .select({
          number: sectionRevisions.number,
          content: sectionRevisions.content,
          text: sectionRevisions.contentText,
        })
        .from(sectionRevisions)
        .where(eq(sectionRevisions.sectionId, s.id))
        .orderBy(asc(sectionRevisions.number));
      expect(revs.map((r) => r.number)).toEqual(Array.from({ length: s.version }, (_, i) => i + 1));
      expect(validateContent(revs[0]!.content).text).toBe(revs[0]!.text);
      expect(revs.at(-1)!.text).toBe(s.contentText);
    }
  });

  it("anchors the seeded threads in the current text and serves the pages of the benchmark", async () => {
    const lead = await demoActor(database.db, "federfuehrung");
    const discussion = await getSectionDiscussion(database.db, lead, data.conceptId, data.measuredSectionId);
    expect(discussion.threads.length).toBe(10);
    expect(discussion.threads.filter((t) => t.anchor).every((t) => t.placement?.status === "anchored")).toBe(true);
    expect(discussion.html).toContain('class="comment-anchor"');
    const compared = await compareFassungen(
      database.db,
      lead,
      data.conceptId,
      data.fassungIds[0]!,
      data.fassungIds.at(-1)!,
    );
    expect(compared.from?.name).toBe("Arbeitsfassung 1");
    await setConceptStatus(database.db, data.conceptId, "eingereicht");
    const room = await getReadingRoom(database.db, await demoActor(database.db, "ausschuss"), data.conceptId);
    expect(room.sections).toHaveLength(4);
    expect(room.synopseCount).toBeGreaterThan(0);
    const { entries } = await getReadingRoomSynopse(
      database.db,
      await demoActor(database.db, "ausschuss"),
      data.conceptId,
    );
    expect(entries).toHaveLength(room.synopseCount!);
    const internalIds = new Set(
      (
        await database.db
          .select({ id: commentThreads.id })
          .from(commentThreads)
          .where(eq(commentThreads.visibility, "verwaltung"))
      ).map((t) => t.id),
    );
    expect(entries.some((e) => internalIds.has(e.id))).toBe(false);
    await setConceptStatus(database.db, data.conceptId, "ueberarbeitung");
  });

  it("pages the history: the same number of rows per page however long the history grows", async () => {
    const lead = await demoActor(database.db, "federfuehrung");
    await growHistory(database.db, data.measuredSectionId, data.revisionsPerSection * 10);
    const [section] = await database.db.select().from(sections).where(eq(sections.id, data.measuredSectionId));
    expect(section!.version).toBe(300);
    // The current text is unchanged: the newest grown revision repeats the last seeded one.
    const [newest] = await database.db
      .select()
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, section!.id), eq(sectionRevisions.number, 300)));
    expect(newest!.contentText).toBe(section!.contentText);

    const first = await listSectionRevisions(database.db, lead, data.conceptId, data.measuredSectionId);
    expect(first.total).toBe(300);
    expect(first.pageCount).toBe(6);
    expect(first.revisions.map((r) => r.number)).toEqual(Array.from({ length: REVISIONS_PER_PAGE }, (_, i) => 300 - i));
    const last = await listSectionRevisions(database.db, lead, data.conceptId, data.measuredSectionId, 6);
    expect(last.revisions.map((r) => r.number)).toEqual(Array.from({ length: 50 }, (_, i) => 50 - i));
    const beyond = await listSectionRevisions(database.db, lead, data.conceptId, data.measuredSectionId, 99);
    expect(beyond.page).toBe(6);
  });
});
