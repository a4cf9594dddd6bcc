import "server-only";
import { eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Db, Tx } from "@/db/connect";
import { sectionLiveDocuments, sections } from "@/db/schema";
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
};

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
  const [row] = await db.select().from(sectionLiveDocuments).where(eq(sectionLiveDocuments.sectionId, sectionId));
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
    if (row.baseVersion !== section.version) replaceLiveContent(document, section.content, SERVER_ORIGIN);
  } else {
    const seed = seedLiveDocument(section.content);
    Y.applyUpdate(document, Y.encodeStateAsUpdate(seed));
    seed.destroy();
  }
  return state;
}

const valuesOf = (document: Y.Doc, state: LiveState) => ({
  state: Y.encodeStateAsUpdate(document),
  baseVersion: state.baseVersion,
  dirty: state.dirty,
  contributorIds: [...state.contributors],
  updatedAt: new Date(),
});

export async function storeLiveDocument(db: Db | Tx, sectionId: string, document: Y.Doc, state: LiveState) {
  const values = valuesOf(document, state);
  await db
    .insert(sectionLiveDocuments)
    .values({ sectionId, ...values })
    .onConflictDoUpdate({ target: sectionLiveDocuments.sectionId, set: values });
}

/** Rows per statement when stores are batched (six parameters each, far below PostgreSQL's limit). */
const BATCH_ROWS = 200;

/**
 * Stores that fall due together are written as one statement. Under continuous typing Hocuspocus' debounce makes
 * every open document due in the same timer tick (at most 2 s after its first unsaved change); one upsert per
 * document meant a round trip and a commit each, and on PGlite a synchronous run of the embedded database each,
 * during which no message was handled. The returned promise settles once the document's row is written, so
 * `onStoreDocument` (run under the document's save mutex) still finishes only after its state is stored, and the
 * state is encoded at that moment — never older than when the store was asked for.
 */
export function createLiveStoreBatch(getDb: () => Promise<Db>) {
  let pending = new Map<string, { document: Y.Doc; state: LiveState }>();
  let flush: Promise<void> | null = null;
  async function write() {
    await new Promise((resolve) => setImmediate(resolve));
    // In one order everywhere (by section id): two processes' batches never wait for each other in a circle.
    const batch = [...pending].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    pending = new Map();
    flush = null;
    const db = await getDb();
    for (let i = 0; i < batch.length; i += BATCH_ROWS) {
      await db
        .insert(sectionLiveDocuments)
        .values(
          batch
            .slice(i, i + BATCH_ROWS)
            .map(([id, { document, state }]) => ({ sectionId: id, ...valuesOf(document, state) })),
        )
        .onConflictDoUpdate({
          target: sectionLiveDocuments.sectionId,
          set: {
            state: sql`excluded.state`,
            baseVersion: sql`excluded.base_version`,
            dirty: sql`excluded.dirty`,
            contributorIds: sql`excluded.contributor_ids`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }
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
