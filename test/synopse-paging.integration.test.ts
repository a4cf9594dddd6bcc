import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeProposals, comments, commentThreads, sectionRevisions, sections, type TiptapDoc } from "@/db/schema";
import { loadDemoRefs, seedDemo } from "@/demo/seed-demo";
import { seedSubmittedVorlage } from "@/demo/seed-submitted-vorlage";
import type { Actor } from "@/lib/auth/load-actor";
import {
  listSynopse,
  listSynopseForDownload,
  SYNOPSE_PAGE_SIZE,
  type SynopseEntry,
  type SynopseFilter,
} from "@/lib/synopse/list-synopse";
import { getReadingRoom, getReadingRoomSynopse, getReadingRoomSynopsePage } from "@/lib/workflow/get-reading-room";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { freshConcept, paragraph } from "./workflow-helpers";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: Actor;
let awo: Actor;
let conceptId: string;
let orgIds: Awaited<ReturnType<typeof loadDemoRefs>>["orgIds"];
const THREADS = 130;
const PROPOSALS = 12;
/** Every seventh thread (0, 7, … 126) is internal. */
const VISIBLE_THREADS = THREADS - 19;

/**
 * A Synopse of 142 entries that tests the order: threads and proposals at the very same instants (three per
 * second), every seventh thread internal, some in a section that was archived afterwards (its entries go last).
 */
beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedDemo(db);
  const refs = await loadDemoRefs(db);
  orgIds = refs.orgIds;
  [lead, awo] = await Promise.all([demoActor(db, "federfuehrung"), demoActor(db, "awo")]);
  ({ conceptId } = await freshConcept(db, "Synopse in Seiten"));
  const live = await db
    .select()
    .from(sections)
    .where(eq(sections.conceptId, conceptId))
    .orderBy(asc(sections.position));
  const base = Date.UTC(2022, 2, 1);
  const authors = [
    { user: refs.userIds.awo!, org: orgIds.awo },
    { user: refs.userIds.diakonie!, org: orgIds.diakonie },
    { user: refs.userIds.jugendamt!, org: orgIds.jugendamt },
  ];
  const decisions = [
    null,
    "uebernommen",
    "nicht_uebernommen",
    "teilweise_uebernommen",
    "zur_kenntnis_genommen",
  ] as const;
  const threads = Array.from({ length: THREADS }, (_, i) => {
    const by = authors[i % authors.length]!;
    return {
      id: randomUUID(),
      conceptId,
      // Sections in reverse, so the insertion order is not the table's order.
      sectionId: live[live.length - 1 - (i % live.length)]!.id,
      createdBy: by.user,
      createdByOrganisationId: by.org,
      visibility: i % 7 === 0 ? ("verwaltung" as const) : ("alle" as const),
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
      decision: decisions[i % decisions.length]!,
      decisionReason: decisions[i % decisions.length] ? `Begründung ${i}` : null,
    };
  });
  await db.insert(commentThreads).values(threads);
  await db.insert(comments).values(
    threads.map((t, i) => ({
      threadId: t.id,
      authorId: t.createdBy,
      organisationId: t.createdByOrganisationId,
      body: `Hinweis ${i}`,
      createdAt: t.createdAt,
    })),
  );
  // A later reply never becomes the thread's text.
  await db.insert(comments).values(
    threads.map((t) => ({
      threadId: t.id,
      authorId: refs.userIds.federfuehrung!,
      body: "Antwort",
      createdAt: new Date(t.createdAt.getTime() + 60_000),
    })),
  );
  const revisions = await db
    .select({ id: sectionRevisions.id, sectionId: sectionRevisions.sectionId })
    .from(sectionRevisions)
    .innerJoin(sections, eq(sections.id, sectionRevisions.sectionId))
    .where(eq(sections.conceptId, conceptId));
  await db.insert(changeProposals).values(
    Array.from({ length: PROPOSALS }, (_, i) => {
      const sectionId = live[i % live.length]!.id;
      return {
        conceptId,
        sectionId,
        baseRevisionId: revisions.find((r) => r.sectionId === sectionId)!.id,
        baseVersion: 1,
        content: paragraph(`Vorschlag ${i}`) as TiptapDoc,
        contentText: `Vorschlag ${i}`,
        reason: `Begründung des Vorschlags ${i}`,
        proposerId: refs.userIds.diakonie!,
        proposerOrganisationId: orgIds.diakonie,
        // Exactly at a thread's instant: the order must still be total.
        createdAt: new Date(base + i * 1000),
        decision: i % 2 ? ("uebernommen" as const) : null,
      };
    }),
  );
  // The last section leaves the outline: its entries keep their place at the end, unnumbered.
  await db
    .update(sections)
    .set({ archivedAt: new Date() })
    .where(eq(sections.id, live.at(-1)!.id));
}, 120_000);
afterAll(async () => database?.cleanup());

async function allPages(actor: Actor, filter: SynopseFilter = {}) {
  const first = await listSynopse(database.db, actor, conceptId, filter, 1);
  const pages = [first];
  for (let page = 2; page <= first.pageCount; page++)
    pages.push(await listSynopse(database.db, actor, conceptId, filter, page));
  return { first, pages, entries: pages.flatMap((p) => p.entries) };
}

/** The table's order: section number (archived sections last), oldest first, comments before proposals, then id. */
function inTableOrder(a: SynopseEntry, b: SynopseEntry) {
  return (
    (a.sectionNumber ?? Infinity) - (b.sectionNumber ?? Infinity) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.kind.localeCompare(b.kind) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

describe("the Synopse in pages of 50", () => {
  it("counts every entry, shows 50 a page and pages through all of them once, in the order of the download", async () => {
    const { first, pages, entries } = await allPages(lead);
    expect(first.total).toBe(THREADS + PROPOSALS);
    expect(first.unfilteredTotal).toBe(THREADS + PROPOSALS);
    expect(first.pageCount).toBe(Math.ceil((THREADS + PROPOSALS) / SYNOPSE_PAGE_SIZE));
    expect(pages.map((p) => p.entries.length)).toEqual([50, 50, THREADS + PROPOSALS - 100]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => e.id)).toEqual([...entries].sort(inTableOrder).map((e) => e.id));
    // The downloads read the whole list, unpaged, in the same order.
    const download = await listSynopseForDownload(database.db, lead, conceptId);
    expect(download.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
  });

  it("keeps the order stable from one request to the next, ties included", async () => {
    const once = (await allPages(lead)).entries.map((e) => e.id);
    const again = (await allPages(lead)).entries.map((e) => e.id);
    expect(again).toEqual(once);
  });

  it("shows what a row needs: the first comment as text, the quote, the section number, archived sections unnumbered at the end", async () => {
    const { entries } = await allPages(lead);
    const thread = entries.find((e) => e.kind === "kommentar")!;
    expect(thread.text).toMatch(/^Hinweis \d+$/);
    const proposal = entries.find((e) => e.kind === "vorschlag")!;
    expect(proposal.text).toMatch(/^Begründung des Vorschlags \d+$/);
    expect(entries[0]!.sectionNumber).toBe(1);
    const unnumbered = entries.filter((e) => e.sectionNumber === null);
    expect(unnumbered.length).toBeGreaterThan(0);
    expect(entries.slice(-unnumbered.length).every((e) => e.sectionNumber === null)).toBe(true);
  });

  it("pages the filter result and counts it against the whole", async () => {
    const all = (await listSynopseForDownload(database.db, lead, conceptId)).entries;
    const filter: SynopseFilter = { organisationId: orgIds.awo, decision: "offen" };
    const { first, entries } = await allPages(lead, filter);
    const expected = all.filter((e) => e.organisation === "AWO Düsseldorf" && e.decision === null);
    expect(expected.length).toBeGreaterThan(0);
    expect(first.total).toBe(expected.length);
    expect(first.unfilteredTotal).toBe(THREADS + PROPOSALS);
    expect(entries.map((e) => e.id)).toEqual(expected.map((e) => e.id));

    const onlyComments = await allPages(lead, { kind: "kommentar" });
    expect(onlyComments.first.total).toBe(THREADS);
    expect(onlyComments.first.pageCount).toBe(3);
    expect(onlyComments.entries.map((e) => e.id)).toEqual(all.filter((e) => e.kind === "kommentar").map((e) => e.id));
    const decided = await listSynopse(database.db, lead, conceptId, { kind: "vorschlag", decision: "uebernommen" });
    expect(decided.total).toBe(PROPOSALS / 2);
    expect(decided.entries.every((e) => e.kind === "vorschlag" && e.decision === "uebernommen")).toBe(true);
  });

  it("clamps a page out of range or not a number to the first or the last page", async () => {
    const last = await listSynopse(database.db, lead, conceptId, {}, 3);
    for (const page of ["999", 4, "1e9", "Infinity"]) {
      const clamped = await listSynopse(database.db, lead, conceptId, {}, page);
      expect(clamped.page, String(page)).toBe(3);
      expect(clamped.entries.map((e) => e.id)).toEqual(last.entries.map((e) => e.id));
    }
    const firstPage = await listSynopse(database.db, lead, conceptId, {}, 1);
    for (const page of ["0", "-2", "abc", "", 0, Number.NaN]) {
      const clamped = await listSynopse(database.db, lead, conceptId, {}, page);
      expect(clamped.page, String(page)).toBe(1);
      expect(clamped.entries.map((e) => e.id)).toEqual(firstPage.entries.map((e) => e.id));
    }
    // A filter with no result is one empty page, whatever was asked for.
    const none = await listSynopse(database.db, lead, conceptId, { organisationId: orgIds.caritas }, "5");
    expect(none).toMatchObject({ total: 0, page: 1, pageCount: 1, entries: [] });
  });

  it("leaves internal threads out of every page, the count and the download for a Träger", async () => {
    const { first, entries } = await allPages(awo);
    expect(first.total).toBe(VISIBLE_THREADS + PROPOSALS);
    expect(first.internalAllowed).toBe(false);
    expect(entries).toHaveLength(first.total);
    expect(entries.some((e) => e.internal)).toBe(false);
    const hidden = await database.db
      .select({ id: commentThreads.id })
      .from(commentThreads)
      .where(and(eq(commentThreads.conceptId, conceptId), eq(commentThreads.visibility, "verwaltung")));
    const ids = new Set(entries.map((e) => e.id));
    expect(hidden.some((t) => ids.has(t.id))).toBe(false);
    expect(
      (await listSynopse(database.db, awo, conceptId, { organisationId: orgIds.jugendamt })).entries.some(
        (e) => e.internal,
      ),
    ).toBe(false);
    const download = await listSynopseForDownload(database.db, awo, conceptId);
    expect(download.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    // The lead sees them, marked.
    expect((await allPages(lead)).entries.filter((e) => e.internal)).toHaveLength(hidden.length);
  });
});

describe("the reading room's Synopse in pages of 50", () => {
  it("pages the snapshot in its stored order and clamps the page; the reading room itself only counts it", async () => {
    const db = database.db;
    await db.transaction((tx) => seedSubmittedVorlage(tx, conceptId));
    const ausschuss = await demoActor(db, "ausschuss");
    const whole = await getReadingRoomSynopse(db, ausschuss, conceptId);
    expect(whole.entries).toHaveLength(VISIBLE_THREADS + PROPOSALS);
    expect((await getReadingRoom(db, ausschuss, conceptId)).synopseCount).toBe(whole.entries.length);
    const first = await getReadingRoomSynopsePage(db, ausschuss, conceptId, "1");
    expect(first).toMatchObject({ page: 1, pageCount: 3, total: whole.entries.length });
    const pages = [
      first,
      await getReadingRoomSynopsePage(db, ausschuss, conceptId, "2"),
      await getReadingRoomSynopsePage(db, ausschuss, conceptId, "3"),
    ];
    expect(pages.flatMap((p) => p.entries.map((e) => e.id))).toEqual(whole.entries.map((e) => e.id));
    expect((await getReadingRoomSynopsePage(db, ausschuss, conceptId, "77")).page).toBe(3);
    expect((await getReadingRoomSynopsePage(db, ausschuss, conceptId, "x")).page).toBe(1);
  }, 60_000);
});
