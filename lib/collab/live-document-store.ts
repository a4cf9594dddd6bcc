import "server-only";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import * as Y from "yjs";
import type { Db, Tx } from "@/db/connect";
import { sectionLiveDocuments, sectionLiveUpdates, sections } from "@/db/schema";
import { canonicalJson } from "@/lib/audit/canonical-json";
import type { Actor } from "@/lib/auth/load-actor";
import { withoutSuggestions } from "@/lib/content/suggestions";
import { validateContent, validateLiveContent } from "@/lib/content/validate-content";
import { writeSectionRevision } from "@/lib/sections/write-section-revision";
import { liveDocumentJson, replaceLiveContent, seedLiveDocument, SERVER_ORIGIN } from "./live-content";

/** What the server keeps beside a loaded live document. */
export type LiveState = {
  conceptId: string;
  /** The revision the live text was last cut as (or started from). */
  baseVersion: number;
  /** Changes since that revision. */
  dirty: boolean;
  contributors: Set<string>;
  lastActor: Actor | null;
  idleTimer?: ReturnType<typeof setTimeout>;
  /** When the text last changed (the idle cut waits for a quiet `IDLE_REVISION_MS`). */
  lastChangeAt?: number;
  /** What is stored of the document (a Yjs state vector): the next store appends only what lies beyond it. */
  storedVector?: Uint8Array;
  /** Updates appended since the state was last written whole. */
  appended?: number;
  /** The row's other columns as last written, so unchanged ones are not written again with every store. */
  storedMeta?: string;
};

/** After this many appended updates a store writes the state whole again (and folds them in). */
const COMPACT_AFTER = 100;

type StoredLiveState = {
  sectionId: string;
  /** The stored state with the updates appended since merged in: the live text as the database holds it. */
  state: Uint8Array;
  baseVersion: number;
  dirty: boolean;
  contributorIds: string[];
  /** The id of the last appended update folded into `state` (0 without any). */
  lastUpdateId: number;
  appended: number;
};

/** The stored live texts of the given sections (those that have one), each with its appended updates merged in. */
export async function readStoredLiveStates(
  db: Db | Tx,
  sectionIds: string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, StoredLiveState>> {
  const result = new Map<string, StoredLiveState>();
  if (sectionIds.length === 0) return result;
  const query = db.select().from(sectionLiveDocuments).where(inArray(sectionLiveDocuments.sectionId, sectionIds));
  // Whole writes of a section take turns (across processes), so none deletes updates another has not folded in.
  const rows = options.lock ? await query.orderBy(asc(sectionLiveDocuments.sectionId)).for("update") : await query;
  if (rows.length === 0) return result;
  const updates = await db
    .select({ id: sectionLiveUpdates.id, sectionId: sectionLiveUpdates.sectionId, update: sectionLiveUpdates.update })
    .from(sectionLiveUpdates)
    .where(
      inArray(
        sectionLiveUpdates.sectionId,
        rows.map((row) => row.sectionId),
      ),
    )
    .orderBy(asc(sectionLiveUpdates.id));
  const bySection = new Map<string, { id: number; update: Uint8Array }[]>();
  for (const u of updates) bySection.set(u.sectionId, [...(bySection.get(u.sectionId) ?? []), u]);
  for (const row of rows) {
    const appended = bySection.get(row.sectionId) ?? [];
    result.set(row.sectionId, {
      sectionId: row.sectionId,
      state: appended.length ? Y.mergeUpdates([row.state, ...appended.map((u) => u.update)]) : row.state,
      baseVersion: row.baseVersion,
      dirty: row.dirty,
      contributorIds: row.contributorIds,
      lastUpdateId: appended.at(-1)?.id ?? 0,
      appended: appended.length,
    });
  }
  return result;
}

export async function readStoredLiveState(
  db: Db | Tx,
  sectionId: string,
  options: { lock?: boolean } = {},
): Promise<StoredLiveState | null> {
  return (await readStoredLiveStates(db, [sectionId], options)).get(sectionId) ?? null;
}

/**
 * Writes a section's live state whole in the caller's transaction, with everything appended so far folded in
 * (read under the row's lock) and those updates deleted. `state` is what the caller holds; updates another
 * process appended meanwhile are merged, never dropped.
 */
export async function writeStoredLiveState(
  tx: Tx,
  sectionId: string,
  state: Uint8Array,
  meta: { baseVersion: number; dirty: boolean; contributorIds: string[] },
): Promise<void> {
  // The section first, as every writer of a section takes it (a revision cut, a freeze): waiting for each other in
  // a circle would need the opposite order.
  await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId)).for("key share");
  const stored = await readStoredLiveState(tx, sectionId, { lock: true });
  const values = {
    state: stored ? Y.mergeUpdates([stored.state, state]) : state,
    ...meta,
    updatedAt: new Date(),
  };
  await tx
    .insert(sectionLiveDocuments)
    .values({ sectionId, ...values })
    .onConflictDoUpdate({ target: sectionLiveDocuments.sectionId, set: values });
  if (stored?.lastUpdateId) {
    await tx
      .delete(sectionLiveUpdates)
      .where(and(eq(sectionLiveUpdates.sectionId, sectionId), lte(sectionLiveUpdates.id, stored.lastUpdateId)));
  }
}

/**
 * Fills a freshly created live document: the stored Yjs state, brought up to the section's latest revision when
 * that changed while nobody had the section open; without stored state, the latest revision itself.
 */
export async function loadLiveDocument(db: Db, sectionId: string, document: Y.Doc): Promise<LiveState> {
  const [section] = await db
    .select({ conceptId: sections.conceptId, version: sections.version, content: sections.content })
    .from(sections)
    .where(eq(sections.id, sectionId))
    .limit(1);
  if (!section) throw new Error("unknown section");
  const row = await readStoredLiveState(db, sectionId);
  const state: LiveState = {
    conceptId: section.conceptId,
    baseVersion: section.version,
    dirty: false,
    contributors: new Set(row?.contributorIds ?? []),
    lastActor: null,
  };
  if (row) {
    Y.applyUpdate(document, row.state);
    state.dirty = row.dirty;
    state.storedVector = Y.encodeStateVectorFromUpdate(row.state);
    state.appended = row.appended;
    state.storedMeta = metaKey(row);
    if (row.baseVersion !== section.version) replaceLiveContent(document, section.content, SERVER_ORIGIN);
  } else {
    const seed = seedLiveDocument(section.content);
    Y.applyUpdate(document, Y.encodeStateAsUpdate(seed));
    seed.destroy();
  }
  return state;
}

const metaOf = (state: LiveState) => ({
  baseVersion: state.baseVersion,
  dirty: state.dirty,
  contributorIds: [...state.contributors],
});
const metaKey = (meta: { baseVersion: number; dirty: boolean; contributorIds: string[] }) =>
  JSON.stringify([meta.baseVersion, meta.dirty, [...meta.contributorIds].sort()]);

/** Writes the document whole (see `writeStoredLiveState`); afterwards stores append to it again. */
export async function storeLiveDocument(db: Db | Tx, sectionId: string, document: Y.Doc, state: LiveState) {
  const vector = Y.encodeStateVector(document);
  const meta = metaOf(state);
  await db.transaction((tx) => writeStoredLiveState(tx, sectionId, Y.encodeStateAsUpdate(document), meta));
  state.storedVector = vector;
  state.appended = 0;
  state.storedMeta = metaKey(meta);
}

/**
 * Documents per statement when stores are batched. Each chunk is encoded right before its statement and the event
 * loop is handed back between chunks: encoding and sending 200 documents at once held it for tens of
 * milliseconds, during which no keystroke was passed on.
 */
const BATCH_ROWS = 25;

/**
 * Stores that fall due together are written in few statements. Under continuous typing Hocuspocus' debounce makes
 * every open document due in the same timer tick (at most 2 s after its first unsaved change); one upsert per
 * document meant a round trip and a commit each, and on PGlite a synchronous run of the embedded database each,
 * during which no message was handled. Each document appends only what it holds beyond its previous store (a
 * Yjs update of the typing since then) instead of its whole state, and is written whole again every
 * `COMPACT_AFTER` stores. The returned promise settles once the document's change is written, so
 * `onStoreDocument` (run under the document's save mutex) still finishes only after its state is stored, and the
 * update is encoded at that moment — never older than when the store was asked for.
 */
export function createLiveStoreBatch(getDb: () => Promise<Db>) {
  let pending = new Map<string, { document: Y.Doc; state: LiveState }>();
  let flush: Promise<void> | null = null;
  const yieldToMessages = () => new Promise((resolve) => setImmediate(resolve));
  async function appendChunk(db: Db, chunk: [string, { document: Y.Doc; state: LiveState }][]) {
    const appends = chunk.map(([sectionId, { document, state }]) => {
      const update = Y.encodeStateAsUpdate(document, state.storedVector);
      state.storedVector = Y.encodeStateVector(document);
      state.appended = (state.appended ?? 0) + 1;
      return { sectionId, update, state };
    });
    try {
      await db.insert(sectionLiveUpdates).values(appends.map(({ sectionId, update }) => ({ sectionId, update })));
      for (const { sectionId, state } of appends) {
        const meta = metaOf(state);
        if (metaKey(meta) === state.storedMeta) continue;
        await db
          .update(sectionLiveDocuments)
          .set({ ...meta, updatedAt: new Date() })
          .where(eq(sectionLiveDocuments.sectionId, sectionId));
        state.storedMeta = metaKey(meta);
      }
    } catch (error) {
      // Not known to be stored: the next store writes these documents whole.
      for (const { state } of appends) state.storedVector = undefined;
      throw error;
    }
  }
  async function write() {
    await yieldToMessages();
    // In one order everywhere (by section id): two processes' batches never wait for each other in a circle.
    const batch = [...pending].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    pending = new Map();
    flush = null;
    const db = await getDb();
    const whole = batch.filter(([, { state }]) => !state.storedVector || (state.appended ?? 0) >= COMPACT_AFTER);
    const appending = batch.filter((entry) => !whole.includes(entry));
    let failure: unknown = null;
    for (let i = 0; i < appending.length; i += BATCH_ROWS) {
      if (i > 0) await yieldToMessages();
      // A failed chunk does not keep the others from being written; the caller still learns of it.
      await appendChunk(db, appending.slice(i, i + BATCH_ROWS)).catch((error) => (failure ??= error));
    }
    for (const [sectionId, { document, state }] of whole) await storeLiveDocument(db, sectionId, document, state);
    if (failure) throw failure;
  }
  return function store(sectionId: string, document: Y.Doc, state: LiveState): Promise<void> {
    pending.set(sectionId, { document, state });
    flush ??= write();
    return flush;
  };
}

/**
 * Cuts a revision of the live text in the caller's transaction: validated like every save, credited to `actor`
 * (the last person who typed, or who asked for it) with everyone who typed since the previous revision as
 * contributors. Returns the new revision number, or null when the text equals the latest revision.
 */
export async function cutLiveRevision(
  tx: Tx,
  document: Y.Doc & { name?: string },
  state: LiveState,
  actor: Actor | null,
  note: string | null,
  options: { freezing?: boolean } = {},
): Promise<number | null> {
  const sectionId = (document as { name: string }).name;
  const [section] = await tx
    .select({
      id: sections.id,
      conceptId: sections.conceptId,
      ownerOrganisationId: sections.ownerOrganisationId,
      version: sections.version,
      content: sections.content,
      archivedAt: sections.archivedAt,
    })
    .from(sections)
    .where(eq(sections.id, sectionId))
    .for("update");
  if (!section || section.archivedAt) return null;
  // Open suggestions are not part of a revision: it holds the text as it is without them.
  const { content, text } = validateContent(
    withoutSuggestions(validateLiveContent(liveDocumentJson(document))).toJSON(),
  );
  let number: number | null = null;
  if (actor && (canonicalJson(content) !== canonicalJson(section.content) || note)) {
    ({ number } = await writeSectionRevision(tx, actor, {
      section,
      baseVersion: section.version,
      content,
      text,
      note,
      contributorIds: [...state.contributors],
      keepStatus: options.freezing,
    }));
  }
  state.baseVersion = number ?? section.version;
  state.dirty = false;
  state.contributors.clear();
  await storeLiveDocument(tx, sectionId, document, state);
  return number;
}
