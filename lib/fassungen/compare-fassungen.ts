import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { LRUCache } from "lru-cache";
import { diffText, type DiffPart } from "@/lib/diff/word-diff";
import { compareOutlines, type OutlineEntry } from "./compare-outlines";
import { loadCurrentSnapshot, loadFassungSnapshot, type FassungMeta } from "./fassung-snapshot";

export const CURRENT_STATE = "aktuell";

/** Word diffs between two revisions of a section never change: computed once per pair and process. */
const diffs = new LRUCache<string, DiffPart[]>({ max: 500 });
function cachedDiff(b: OutlineEntry, a: OutlineEntry): DiffPart[] {
  if (b.revisionNumber === null || a.revisionNumber === null) return diffText(b.text, a.text);
  const key = `${b.sectionId}:${b.revisionNumber}:${a.revisionNumber}`;
  let parts = diffs.get(key);
  if (!parts) diffs.set(key, (parts = diffText(b.text, a.text)));
  return parts;
}

/** Compares two Fassungen, or a Fassung with the current state (`to` = "aktuell"), section by section. */
export async function compareFassungen(db: Db, actor: Actor, conceptId: string, fromId: string, toId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "fassung.read");
  const from = await loadFassungSnapshot(db, conceptId, fromId);
  const to: { fassung: FassungMeta | null; entries: Awaited<ReturnType<typeof loadCurrentSnapshot>> } =
    toId === CURRENT_STATE
      ? { fassung: null, entries: await loadCurrentSnapshot(db, conceptId) }
      : await loadFassungSnapshot(db, conceptId, toId);
  return {
    concept: access.concept,
    from: from.fassung,
    to: to.fassung,
    ...compareOutlines(from.entries, to.entries, cachedDiff),
  };
}
