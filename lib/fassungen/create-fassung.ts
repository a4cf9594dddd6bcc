import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { loadConceptAccess } from "@/lib/concepts/concept-access";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";
import { duplicateFassungName, freezeFassung, isUniqueViolation } from "./freeze-fassung";

/** The lead freezes the current state of all sections as a named Fassung. */
export async function createFassung(
  db: Db,
  actor: Actor,
  input: { conceptId: string; name: string },
): Promise<{ fassungId: string; sectionCount: number }> {
  try {
    return await db.transaction(async (tx) => {
      const access = await loadConceptAccess(tx, actor, input.conceptId, { lock: "share", action: "fassung.read" });
      if (!can("fassung.create", access.subject)) throw forbidden("appError.fassung.leadOnly");
      return freezeFassung(tx, actor.id, input.conceptId, input.name);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateFassungName();
    throw error;
  }
}
