import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { mandateItems, sectionMandateItems } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { requireOutlineAccess, requireSectionOfConcept } from "./outline-access";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZSetSectionMandateItems } from "./section-schemas";

/** Which mandate items (Prüfaufträge) a section covers: replaces the whole set. */
export async function setSectionMandateItems(db: Db, actor: Actor, rawInput: unknown) {
  const input = parseOrThrow(ZSetSectionMandateItems, rawInput);
  const wanted = [...new Set(input.mandateItemIds)];
  return db.transaction(async (tx) => {
    const { concept } = await requireOutlineAccess(tx, actor, input.conceptId);
    const section = await requireSectionOfConcept(tx, concept.id, input.sectionId);
    if (wanted.length) {
      const known = await tx
        .select({ id: mandateItems.id })
        .from(mandateItems)
        .where(and(eq(mandateItems.conceptId, concept.id), inArray(mandateItems.id, wanted)));
      if (known.length !== wanted.length) throw new AppError("VALIDATION", "appError.section.foreignMandateItem");
    }
    const before = (
      await tx
        .select({ id: sectionMandateItems.mandateItemId })
        .from(sectionMandateItems)
        .where(eq(sectionMandateItems.sectionId, section.id))
    ).map((r) => r.id);
    if (before.length === wanted.length && before.every((id) => wanted.includes(id))) return { changed: false };
    await tx.delete(sectionMandateItems).where(eq(sectionMandateItems.sectionId, section.id));
    if (wanted.length)
      await tx
        .insert(sectionMandateItems)
        .values(wanted.map((mandateItemId) => ({ sectionId: section.id, mandateItemId })));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.mandate_items_set",
      objectType: "section",
      objectId: section.id,
      conceptId: concept.id,
      summary: { before, after: wanted },
    });
    return { changed: true };
  });
}
