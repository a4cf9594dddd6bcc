import "server-only";
import type { Tx } from "@/db/connect";
import type { Actor } from "@/lib/auth/load-actor";
import { cutLiveRevision } from "./live-document-store";
import { collabServer } from "./live-registry";

/**
 * Before a concept freezes, in the freezing transaction: every open live text of its sections stops taking
 * changes at once and what it holds is cut as a revision, so the frozen Fassung contains the last words typed.
 * Then `afterFreezeAttempt` tells everyone connected their rights (read-only now, or writable again when the
 * transaction failed).
 */
export async function cutLiveRevisionsBeforeFreeze(tx: Tx, conceptId: string, actor: Actor): Promise<void> {
  const server = collabServer();
  if (!server) return;
  server.holdConcept(conceptId);
  for (const { document, state } of server.liveDocuments(conceptId)) {
    if (state.dirty) await cutLiveRevision(tx, document, state, state.lastActor ?? actor, null, { freezing: true });
  }
}

export function afterFreezeAttempt(conceptId: string): void {
  void collabServer()
    ?.recheckConcept(conceptId)
    .catch((error) => console.error("Konzeptwerk: Rechteprüfung nach Statuswechsel", error));
}
