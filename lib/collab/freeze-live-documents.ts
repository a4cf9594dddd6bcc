import "server-only";
import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Tx } from "@/db/connect";
import { sections } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { SERVER_ORIGIN } from "./live-content";
import { cutLiveRevision, readStoredLiveStates } from "./live-document-store";
import { collabServer } from "./live-registry";

/**
 * Before a concept freezes, in the freezing transaction: every open live text of its sections stops taking
 * changes — in every process: with several, each is asked over Redis to hold and to store what it holds, and
 * answers when it has — then each section's live text is cut as a revision: from memory where it is open here
 * (with what the other processes stored merged in), else from its stored state. So the frozen Fassung contains
 * everything acknowledged anywhere before the step. Then `afterFreezeAttempt` tells everyone connected their
 * rights (read-only now, or writable again when the transaction failed) and the new revision numbers.
 */
export async function cutLiveRevisionsBeforeFreeze(tx: Tx, conceptId: string, actor: Actor): Promise<void> {
  const server = collabServer();
  await server?.holdEverywhere(conceptId);
  // All of the concept's sections at once, in the order batched stores take them (by id), so a store running now
  // and this freeze never wait for each other in a circle.
  const sectionRows = await tx
    .select({ id: sections.id })
    .from(sections)
    .where(eq(sections.conceptId, conceptId))
    .orderBy(asc(sections.id))
    .for("update");
  const stored = await readStoredLiveStates(
    tx,
    sectionRows.map((section) => section.id),
  );
  const open = new Map((server?.liveDocuments(conceptId) ?? []).map((d) => [d.document.name, d]));
  for (const row of stored.values()) {
    const here = open.get(row.sectionId);
    if (!here) {
      if (!row.dirty) continue;
      const doc = Object.assign(new Y.Doc(), { name: row.sectionId });
      Y.applyUpdate(doc, row.state);
      const state = {
        conceptId,
        baseVersion: row.baseVersion,
        dirty: true,
        contributors: new Set(row.contributorIds),
        lastActor: null,
      };
      await cutLiveRevision(tx, doc, state, actor, null, { freezing: true });
      doc.destroy();
      continue;
    }
    // What another process acknowledged may not have reached this copy through Redis yet; it is in its store.
    Y.applyUpdate(here.document, row.state, SERVER_ORIGIN);
    if (row.dirty) {
      here.state.dirty = true;
      for (const id of row.contributorIds) here.state.contributors.add(id);
    }
  }
  for (const { document, state } of open.values()) {
    if (state.dirty) await cutLiveRevision(tx, document, state, state.lastActor ?? actor, null, { freezing: true });
  }
}

export function afterFreezeAttempt(conceptId: string): void {
  collabServer()?.refreshEverywhere(conceptId);
}
