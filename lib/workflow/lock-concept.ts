import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { concepts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { roleColumns, toAccess, type ConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";

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
  const [row] = await tx
    .select({ concept: concepts, ...roleColumns(actor) })
    .from(concepts)
    .where(eq(concepts.id, conceptId))
    .limit(1)
    .for(mode, { of: concepts });
  if (!row) throw notFound();
  return toAccess(actor, row.concept, row.roles, row.inBeratungsfolge);
}
