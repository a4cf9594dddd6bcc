import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sectionLiveUpdates } from "@/db/schema";
import { loadDemoRefs, seedDemo, seedWelcomePointsConcept } from "@/demo/seed-demo";
import { LIVE_FIELD, liveDocumentJson } from "@/lib/collab/live-content";
import {
  createLiveStoreBatch,
  loadLiveDocument,
  readStoredLiveState,
  storeLiveDocument,
} from "@/lib/collab/live-document-store";
import { createTestDatabase } from "./test-database";

/**
 * How a live text is kept in the database: written whole once, then each store appends only the typing since the
 * previous one; every 100 appends it is written whole again. Whatever is read back — after a crash, by another
 * process — is the whole text, and a whole write never drops what another process appended meanwhile.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => {
  await database?.cleanup();
});

async function freshSection() {
  const { sectionIds } = await database.db.transaction(async (tx) =>
    seedWelcomePointsConcept(tx, await loadDemoRefs(tx), `Speicher ${Math.random()}`),
  );
  return sectionIds["Inhaltliche Weiterentwicklung"]!;
}

const type = (doc: Y.Doc, text: string) => {
  const paragraph = doc
    .getXmlFragment(LIVE_FIELD)
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph")!;
  const run = paragraph.get(0) as Y.XmlText;
  run.insert(run.length, text);
};

const storedText = async (sectionId: string) => {
  const row = await readStoredLiveState(database.db, sectionId);
  if (!row) return "";
  const doc = new Y.Doc();
  Y.applyUpdate(doc, row.state);
  return JSON.stringify(liveDocumentJson(doc));
};

const appendedRows = async (sectionId: string) =>
  (
    await database.db.select({ n: count() }).from(sectionLiveUpdates).where(eq(sectionLiveUpdates.sectionId, sectionId))
  )[0]!.n;

describe("storing live texts", () => {
  it("appends only the typing since the last store, and writes the text whole again every 100 stores", async () => {
    const sectionId = await freshSection();
    const doc = new Y.Doc();
    const state = await loadLiveDocument(database.db, sectionId, doc);
    const store = createLiveStoreBatch(async () => database.db);

    type(doc, " Erster Satz.");
    await store(sectionId, doc, state);
    expect(await appendedRows(sectionId)).toBe(0);
    for (let i = 1; i <= 100; i++) {
      type(doc, ` Satz ${i}.`);
      await store(sectionId, doc, state);
    }
    expect(await appendedRows(sectionId)).toBe(100);
    const row = await readStoredLiveState(database.db, sectionId);
    expect(row!.appended).toBe(100);
    // An appended update carries the typing since the previous store, not the section.
    const updates = await database.db
      .select({ update: sectionLiveUpdates.update })
      .from(sectionLiveUpdates)
      .where(eq(sectionLiveUpdates.sectionId, sectionId));
    expect(Math.max(...updates.map((u) => u.update.byteLength))).toBeLessThan(
      Y.encodeStateAsUpdate(doc).byteLength / 5,
    );
    expect(await storedText(sectionId)).toContain("Satz 100.");

    type(doc, " Nach dem Zusammenführen.");
    await store(sectionId, doc, state);
    expect(await appendedRows(sectionId)).toBe(0);
    expect(await storedText(sectionId)).toContain("Nach dem Zusammenführen.");

    // What a restarted server loads is the whole text.
    const reloaded = new Y.Doc();
    await loadLiveDocument(database.db, sectionId, reloaded);
    expect(JSON.stringify(liveDocumentJson(reloaded))).toBe(JSON.stringify(liveDocumentJson(doc)));
  });

  it("stores of many documents falling due together are all written, in statements of a few documents each", async () => {
    const sectionIds: string[] = [];
    for (let c = 0; c < 7; c++) {
      const { sectionIds: ids } = await database.db.transaction(async (tx) =>
        seedWelcomePointsConcept(tx, await loadDemoRefs(tx), `Viele ${c} ${Math.random()}`),
      );
      sectionIds.push(...Object.values(ids));
    }
    expect(sectionIds.length).toBeGreaterThan(50);
    const store = createLiveStoreBatch(async () => database.db);
    const docs = await Promise.all(
      sectionIds.map(async (id) => {
        const doc = new Y.Doc();
        const state = await loadLiveDocument(database.db, id, doc);
        return { id, doc, state };
      }),
    );
    // The first store writes each document whole; the second, due for all at once, appends.
    await Promise.all(docs.map(({ id, doc, state }) => store(id, doc, state)));
    for (const { id, doc } of docs) type(doc, ` Zusatz für ${id}.`);
    await Promise.all(docs.map(({ id, doc, state }) => store(id, doc, state)));
    for (const { id } of docs) {
      expect(await appendedRows(id)).toBe(1);
      expect(await storedText(id)).toContain(`Zusatz für ${id}.`);
    }
  });

  it("a whole write by one process keeps what another process appended meanwhile", async () => {
    const sectionId = await freshSection();
    const a = new Y.Doc();
    const b = new Y.Doc();
    const stateA = await loadLiveDocument(database.db, sectionId, a);
    const stateB = await loadLiveDocument(database.db, sectionId, b);
    const storeA = createLiveStoreBatch(async () => database.db);
    const storeB = createLiveStoreBatch(async () => database.db);
    type(a, " Von A.");
    await storeA(sectionId, a, stateA);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    await storeB(sectionId, b, stateB);
    // B types and appends; A has not received it yet and writes whole (a revision cut, a compaction).
    type(b, " Von B, noch nicht bei A.");
    await storeB(sectionId, b, stateB);
    expect(await appendedRows(sectionId)).toBeGreaterThan(0);
    type(a, " Wieder A.");
    await storeLiveDocument(database.db, sectionId, a, stateA);
    expect(await appendedRows(sectionId)).toBe(0);
    const text = await storedText(sectionId);
    expect(text).toContain("Von B, noch nicht bei A.");
    expect(text).toContain("Wieder A.");
  });
});
