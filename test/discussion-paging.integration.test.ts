import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentMentions, comments, commentThreads, sections } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import type { Actor } from "@/lib/auth/load-actor";
import { anchorFromQuote } from "@/lib/comments/anchoring";
import { getSectionDiscussion, THREADS_PAGE_SIZE, type ThreadFilter } from "@/lib/comments/get-section-discussion";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { freshConcept } from "./workflow-helpers";

/** Every statement the database runs, with its parameters, while `recording` is on. */
const log: { query: string; params: unknown[] }[] = [];
let recording = false;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: Actor;
let diakonie: Actor;
let awo: Actor;
let conceptId: string;
let busySectionId: string;
let quietSectionId: string;

const VISIBLE = 45;
/** The visible threads, oldest first: index i is the i-th thread a Träger sees. */
const ids: string[] = [];
/** Three internal threads between the visible ones (after 4, 24 and 40); the first is anchored. */
const internalIds: string[] = [];
/** Anchored open threads on page 1, 2 and 3, and an anchored thread that is resolved (not highlighted). */
const ANCHORED = {
  2: "separaten Strukturen",
  27: "Synergieeffekte",
  42: "Standardleistung",
  9: "Qualität des Angebots",
} as const;
const resolved = (i: number) => i % 5 === 4;
/** Diakonie opens the even threads, AWO the odd ones; Diakonie also answers every sixth from 1 (all AWO's). */
const diakonieAnswers = (i: number) => i % 6 === 1;

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query, params) => void (recording && log.push({ query, params })) });
  const db = database.db;
  await seedDemo(db);
  [lead, diakonie, awo] = await Promise.all([
    demoActor(db, "federfuehrung"),
    demoActor(db, "diakonie"),
    demoActor(db, "awo"),
  ]);
  const jugendamt = await demoActor(db, "jugendamt");
  const seeded = await freshConcept(db, "Diskussion in Seiten");
  conceptId = seeded.conceptId;
  busySectionId = seeded.sectionIds["Verstetigung in der Gemeinwesenarbeit"]!;
  quietSectionId = seeded.sectionIds["Prüfung der Anbindung an die Familienzentren"]!;
  const [section] = await db.select().from(sections).where(eq(sections.id, busySectionId));
  const text = section!.contentText;
  const anchor = (exact: string) => {
    const found = anchorFromQuote(text, exact);
    if (!found) throw new Error(`not in the text: ${exact}`);
    return found;
  };
  const base = Date.UTC(2022, 2, 1);
  const diakonieOrg = diakonie.organisations[0]!.id;
  const awoOrg = awo.organisations[0]!.id;
  const jugendamtOrg = jugendamt.organisations[0]!.id;
  const rows: (typeof commentThreads.$inferInsert)[] = [];
  const firstComment = new Map<string, string>();
  for (let i = 0; i < VISIBLE; i++) {
    const by =
      i % 2 === 0
        ? { createdBy: diakonie.id, createdByOrganisationId: diakonieOrg }
        : { createdBy: awo.id, createdByOrganisationId: awoOrg };
    const exact = ANCHORED[i as keyof typeof ANCHORED];
    rows.push({
      id: randomUUID(),
      conceptId,
      sectionId: busySectionId,
      ...by,
      createdAt: new Date(base + i * 60_000),
      status: resolved(i) ? "resolved" : "open",
      anchor: exact ? anchor(exact) : null,
    });
    ids.push(rows.at(-1)!.id!);
    firstComment.set(ids.at(-1)!, `Hinweis ${i}`);
    if (i === 4 || i === 24 || i === 40) {
      rows.push({
        id: randomUUID(),
        conceptId,
        sectionId: busySectionId,
        createdBy: jugendamt.id,
        createdByOrganisationId: jugendamtOrg,
        visibility: "verwaltung",
        createdAt: new Date(base + i * 60_000 + 30_000),
        anchor: i === 4 ? anchor("Gemeinwesenarbeit") : null,
      });
      internalIds.push(rows.at(-1)!.id!);
      firstComment.set(internalIds.at(-1)!, `Intern ${internalIds.length}`);
    }
  }
  // Two threads on another section, to compare the cost of a short discussion with a long one.
  rows.push({
    id: randomUUID(),
    conceptId,
    sectionId: quietSectionId,
    createdBy: awo.id,
    createdByOrganisationId: awoOrg,
    createdAt: new Date(base),
  });
  rows.push({
    id: randomUUID(),
    conceptId,
    sectionId: quietSectionId,
    createdBy: diakonie.id,
    createdByOrganisationId: diakonieOrg,
    createdAt: new Date(base + 60_000),
  });
  await db.insert(commentThreads).values(rows);
  await db.insert(comments).values(
    rows.map((t) => ({
      threadId: t.id!,
      authorId: t.createdBy,
      organisationId: t.createdByOrganisationId,
      body: firstComment.get(t.id!) ?? "Kurz",
      createdAt: t.createdAt,
    })),
  );
  const answers = ids
    .filter((_, i) => diakonieAnswers(i))
    .map((threadId, k) => ({
      threadId,
      authorId: diakonie.id,
      organisationId: diakonieOrg,
      body: `Antwort ${k}`,
      createdAt: new Date(base + 3_600_000 * 24 + k),
    }));
  const inserted = await db
    .insert(comments)
    .values(answers)
    .returning({ id: comments.id, threadId: comments.threadId });
  // The answer in thread 25 (page 2) mentions the Jugendamt.
  await db
    .insert(commentMentions)
    .values({ commentId: inserted.find((c) => c.threadId === ids[25])!.id, organisationId: jugendamtOrg });
}, 120_000);
afterAll(async () => database?.cleanup());

const discussion = (
  actor: Actor,
  filter: ThreadFilter = "alle",
  paging: { page?: number | string; threadId?: string } = {},
  sectionId = busySectionId,
) => getSectionDiscussion(database.db, actor, conceptId, sectionId, filter, paging);

describe("the discussion beside a section in pages of 20", () => {
  it("shows 20 threads a page, oldest first, with their comments; counts stay over all threads", async () => {
    expect(THREADS_PAGE_SIZE).toBe(20);
    const pages = [
      await discussion(awo),
      await discussion(awo, "alle", { page: 2 }),
      await discussion(awo, "alle", { page: "3" }),
    ];
    expect(pages.map((p) => p.threads.length)).toEqual([20, 20, 5]);
    expect(pages.map((p) => p.paging)).toEqual(
      [1, 2, 3].map((page) => ({ page, pageCount: 3, perPage: 20, total: VISIBLE, offset: (page - 1) * 20 })),
    );
    expect(pages.flatMap((p) => p.threads.map((t) => t.id))).toEqual(ids);
    for (const p of pages) {
      expect(p.counts).toEqual({ open: VISIBLE - 9, total: VISIBLE });
      expect(p.threadOrganisations.map(([, name]) => name).sort()).toEqual(["AWO Düsseldorf", "Diakonie Düsseldorf"]);
    }
    const page2 = pages[1]!.threads;
    const mentioned = page2.find((t) => t.id === ids[25])!;
    expect(mentioned.comments.map((c) => c.body)).toEqual(["Hinweis 25", expect.stringMatching(/^Antwort \d+$/)]);
    expect(mentioned.comments.map((c) => c.mentions)).toEqual([[], ["Jugendamt"]]);
    expect(page2.map((t) => t.comments[0]!.body)).toEqual(Array.from({ length: 20 }, (_, k) => `Hinweis ${20 + k}`));
  });

  it("clamps a page out of range or not a number", async () => {
    for (const page of ["99", 4, "1e9"])
      expect((await discussion(awo, "alle", { page })).paging.page, String(page)).toBe(3);
    for (const page of ["0", "-1", "abc", ""]) {
      const clamped = await discussion(awo, "alle", { page });
      expect(clamped.paging.page, String(page)).toBe(1);
      expect(clamped.threads.map((t) => t.id)).toEqual(ids.slice(0, 20));
    }
    expect((await discussion(awo, "alle", { page: "2.7" })).threads.map((t) => t.id)).toEqual(ids.slice(20, 40));
    // A filter with nothing in it is one empty page.
    expect((await discussion(awo, "org:00000000-0000-0000-0000-000000000000", { page: 3 })).paging).toMatchObject({
      page: 1,
      pageCount: 1,
      total: 0,
    });
  });

  it("pages the filtered list and keeps the counts of the whole", async () => {
    const done = await discussion(awo, "erledigt", { page: 2 });
    expect(done.paging).toMatchObject({ page: 1, pageCount: 1, total: 9 });
    expect(done.threads.map((t) => t.id)).toEqual(ids.filter((_, i) => resolved(i)));
    expect(done.counts).toEqual({ open: VISIBLE - 9, total: VISIBLE });

    const ofDiakonie = ids.filter((_, i) => i % 2 === 0);
    const org = [
      await discussion(awo, `org:${diakonie.organisations[0]!.id}`),
      await discussion(awo, `org:${diakonie.organisations[0]!.id}`, { page: 2 }),
    ];
    expect(org.map((p) => p.paging.total)).toEqual([23, 23]);
    expect(org.flatMap((p) => p.threads.map((t) => t.id))).toEqual(ofDiakonie);
    expect(org[1]!.threads).toHaveLength(3);

    // "meine": the threads Diakonie opened and those it answered in (found without loading every comment).
    const mine = ids.filter((_, i) => i % 2 === 0 || diakonieAnswers(i));
    const minePages = [await discussion(diakonie, "meine"), await discussion(diakonie, "meine", { page: 2 })];
    expect(minePages.map((p) => p.threads.length)).toEqual([20, mine.length - 20]);
    expect(minePages.flatMap((p) => p.threads.map((t) => t.id))).toEqual(mine);
    expect((await discussion(awo, "meine")).paging.total).toBe(22);
  });

  it("opens the page that holds a thread given by id, under the filter", async () => {
    expect((await discussion(awo, "alle", { threadId: ids[0] })).paging.page).toBe(1);
    expect((await discussion(awo, "alle", { threadId: ids[19] })).paging.page).toBe(1);
    expect((await discussion(awo, "alle", { threadId: ids[20] })).paging.page).toBe(2);
    const third = await discussion(awo, "alle", { threadId: ids[44] });
    expect(third.paging.page).toBe(3);
    expect(third.threads.map((t) => t.id)).toContain(ids[44]);
    // The filtered list decides: thread 42 is Diakonie's 22nd thread, on page 2 of that filter.
    const filtered = await discussion(awo, `org:${diakonie.organisations[0]!.id}`, { threadId: ids[42] });
    expect(filtered.paging).toMatchObject({ page: 2, pageCount: 2 });
    expect(filtered.threads.map((t) => t.id)).toContain(ids[42]);
    // The lead also sees the internal threads, so its pages are cut elsewhere.
    const leads = await discussion(lead, "alle", { threadId: ids[38] });
    expect(leads.paging).toMatchObject({ page: 3, total: VISIBLE + 3 });
    expect(leads.threads.map((t) => t.id)).toContain(ids[38]);
    // Not in the filtered list: page 1. An explicit page wins over the thread.
    expect((await discussion(awo, "erledigt", { threadId: ids[27] })).paging.page).toBe(1);
    expect((await discussion(awo, "alle", { page: 1, threadId: ids[44] })).paging.page).toBe(1);
    expect((await discussion(awo, "alle", { page: "", threadId: ids[44] })).paging.page).toBe(3);
  });

  it("answers a Träger asking for an internal thread exactly as for an unknown id: page 1, nothing about it", async () => {
    // The last internal thread would be on page 3 if it were counted.
    const hidden = internalIds[2]!;
    const asked = await discussion(awo, "alle", { threadId: hidden });
    const unknown = await discussion(awo, "alle", { threadId: randomUUID() });
    expect(asked.paging.page).toBe(1);
    expect(asked).toEqual(unknown);
    expect(JSON.stringify(asked)).not.toContain(hidden);
    for (const id of internalIds) expect(JSON.stringify(await discussion(awo, "alle", { page: 3 }))).not.toContain(id);
    // The Verwaltung is taken to it.
    const forLead = await discussion(lead, "alle", { threadId: internalIds[2] });
    expect(forLead.paging.page).toBe(3);
    expect(forLead.threads.map((t) => t.id)).toContain(internalIds[2]);
  });

  it("marks every open anchored thread in the text, whichever page is shown", async () => {
    for (const page of [1, 3]) {
      const { html } = await discussion(awo, "alle", { page });
      for (const i of [2, 27, 42]) expect(html, `thread ${i} on page ${page}`).toContain(`data-thread="${ids[i]}"`);
      // Resolved threads and internal ones are not marked for a Träger.
      expect(html).not.toContain(ids[9]);
      expect(html).not.toContain(internalIds[0]);
    }
    // Not even under a filter that leaves them out.
    expect((await discussion(awo, "erledigt")).html).toContain(`data-thread="${ids[27]}"`);
    expect((await discussion(lead)).html).toContain(`data-thread="${internalIds[0]}"`);
  });

  it("runs as many queries for 45 threads as for 2, and reads comments for the page's threads only", async () => {
    const count = async (run: () => Promise<unknown>) => {
      log.length = 0;
      recording = true;
      try {
        await run();
      } finally {
        recording = false;
      }
      return [...log];
    };
    for (const [actor, filter] of [
      [awo, "alle"],
      [diakonie, "meine"],
      [lead, "offen"],
    ] as const) {
      const long = await count(() => discussion(actor, filter, { page: 2 }));
      const short = await count(() => discussion(actor, filter, {}, quietSectionId));
      expect(long.length, `${actor.name}, ${filter}`).toBe(short.length);
    }
    const queries = await count(() => discussion(awo, "alle", { page: 2 }));
    const elsewhere = new Set([...ids.slice(0, 20), ...ids.slice(40)]);
    const params = queries.flatMap((q) => q.params.flat());
    expect(params.filter((p) => typeof p === "string" && elsewhere.has(p))).toEqual([]);
    expect(params.filter((p) => typeof p === "string" && ids.slice(20, 40).includes(p)).length).toBeGreaterThanOrEqual(
      20,
    );
  });
});
