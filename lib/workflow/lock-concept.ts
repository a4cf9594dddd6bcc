import "server-only";
import type { Tx } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { loadConceptAccess, type ConceptAccess } from "@/lib/concepts/concept-access";

/**
 * Loads the concept with the actor's role inside a transaction and locks its row, so concurrent workflow
 * writers on one concept run one after the other (the status they then see is the committed one).
 */
export async function lockConceptForActor(
  tx: Tx,
  actor: Actor,
  conceptId: string,
  mode: "update" | "share" = "update",
): Promise<ConceptAccess> {
  return loadConceptAccess(tx, actor, conceptId, { lock: mode });
}
