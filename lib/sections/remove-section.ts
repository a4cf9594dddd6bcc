import "server-only";
import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { fassungSections, sectionLiveDocuments, sectionLiveUpdates, sectionMandateItems, sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { requireOutlineAccess, requireSectionOfConcept } from "./outline-access";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZSectionRef } from "./section-schemas";

/**
 * Takes a section out of the outline. One with history (revisions, or part of a Fassung) is archived and
 * can be restored; only a never-saved section that no Fassung refers to is deleted.
 */
export async function removeSection(
  db: Db,
  actor: Actor,
  rawInput: unknown,
): Promise<{ outcome: "archived" | "deleted" }> {
  const input = parseOrThrow(ZSectionRef, rawInput);
  return db.transaction(async (tx) => {
    await requireOutlineAccess(tx, actor, input.conceptId);
    const section = await requireSectionOfConcept(tx, input.conceptId, input.sectionId);
    if (section.archivedAt) throw new AppError("CONFLICT", "appError.section.alreadyRemoved");
    const [inFassung] = await tx
      .select({ n: count() })
      .from(fassungSections)
      .where(eq(fassungSections.sectionId, section.id));
    const keep = section.version > 0 || (inFassung?.n ?? 0) > 0;
    if (keep) {
      await tx
        .update(sections)
        .set({ archivedAt: sql`now()` })
        .where(eq(sections.id, section.id));
    } else {
      await tx.delete(sectionMandateItems).where(eq(sectionMandateItems.sectionId, section.id));
      await tx.delete(sectionLiveUpdates).where(eq(sectionLiveUpdates.sectionId, section.id));
      await tx.delete(sectionLiveDocuments).where(eq(sectionLiveDocuments.sectionId, section.id));
      await tx.delete(sections).where(eq(sections.id, section.id));
    }
    const outcome = keep ? "archived" : "deleted";
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: `section.${outcome}`,
      objectType: "section",
      objectId: section.id,
      conceptId: input.conceptId,
      summary: { title: section.title },
    });
    return { outcome };
  });
}
