import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { concepts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { roleColumns, toAccess } from "@/lib/concepts/concept-access";
import { forbidden, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";
import { isUniqueViolation } from "@/lib/db-errors";
import { duplicateFassungName, freezeFassung } from "./freeze-fassung";

/** The lead freezes the current state of all sections as a named Fassung. */
export async function createFassung(
  db: Db,
  actor: Actor,
  input: { conceptId: string; name: string },
): Promise<{ fassungId: string; sectionCount: number }> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ concept: concepts, ...roleColumns(actor) })
        .from(concepts)
        .where(eq(concepts.id, input.conceptId))
        .limit(1)
        .for("share", { of: concepts });
      if (!row) throw notFound();
      const access = toAccess(actor, row.concept, row.roles, row.inBeratungsfolge);
      if (!can("fassung.read", access.subject)) throw notFound();
      if (!can("fassung.create", access.subject)) throw forbidden("Fassungen legt nur die Federführung an.");
      return freezeFassung(tx, actor.id, input.conceptId, input.name);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateFassungName();
    throw error;
  }
}
