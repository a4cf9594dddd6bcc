import "server-only";
import { z } from "zod";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { loadConceptAccess } from "@/lib/concepts/concept-access";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";
import { isUniqueViolation } from "@/lib/db-errors";
import { hasVisibleText, isSingleLine, SINGLE_LINE_MESSAGE } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";
import { duplicateFassungName, freezeFassung } from "./freeze-fassung";

const ZCreateFassung = z.object({
  conceptId: z.uuid(),
  name: z
    .string()
    .trim()
    .min(1, "appError.common.nameRequired")
    .refine(hasVisibleText, "appError.common.nameRequired")
    .refine(isSingleLine, SINGLE_LINE_MESSAGE)
    .max(120, "appError.fassung.nameTooLong"),
});

/** The lead freezes the current state of all sections as a named Fassung. */
export async function createFassung(
  db: Db,
  actor: Actor,
  rawInput: unknown,
): Promise<{ fassungId: string; sectionCount: number }> {
  const input = parseOrThrow(ZCreateFassung, rawInput);
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
