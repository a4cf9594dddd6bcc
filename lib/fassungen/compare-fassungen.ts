import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { compareOutlines } from "./compare-outlines";
import { loadCurrentSnapshot, loadFassungSnapshot, type FassungMeta } from "./fassung-snapshot";

export const CURRENT_STATE = "aktuell";

/** Compares two Fassungen, or a Fassung with the current state (`to` = "aktuell"), section by section. */
export async function compareFassungen(db: Db, actor: Actor, conceptId: string, fromId: string, toId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "fassung.read");
  const from = await loadFassungSnapshot(db, conceptId, fromId);
  const to: { fassung: FassungMeta | null; entries: Awaited<ReturnType<typeof loadCurrentSnapshot>> } =
    toId === CURRENT_STATE ? { fassung: null, entries: await loadCurrentSnapshot(db, conceptId) } : await loadFassungSnapshot(db, conceptId, toId);
  return { concept: access.concept, from: from.fassung, to: to.fassung, ...compareOutlines(from.entries, to.entries) };
}
