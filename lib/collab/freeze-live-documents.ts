import "server-only";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Tx } from "@/db/connect";
import { sectionLiveDocuments, sections } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { SERVER_ORIGIN } from "./live-content";
import { cutLiveRevision } from "./live-document-store";
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
  const stored = await tx
    .select({
      sectionId: sectionLiveDocuments.sectionId,
      state: sectionLiveDocuments.state,
      baseVersion: sectionLiveDocuments.baseVersion,
      dirty: sectionLiveDocuments.dirty,
      contributorIds: sectionLiveDocuments.contributorIds,
    })
    .from(sectionLiveDocuments)
    .innerJoin(sections, eq(sections.id, sectionLiveDocuments.sectionId))
    .where(eq(sections.conceptId, conceptId));
  const open = new Map((server?.liveDocuments(conceptId) ?? []).map((d) => [d.document.name, d]));
  for (const row of stored) {
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
