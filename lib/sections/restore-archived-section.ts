import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { requireOutlineAccess, requireSectionOfConcept } from "./outline-access";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZSectionRef } from "./section-schemas";

/** Brings an archived section back, at the end of the outline, with its history intact. */
export async function restoreArchivedSection(db: Db, actor: Actor, rawInput: unknown) {
  const input = parseOrThrow(ZSectionRef, rawInput);
  return db.transaction(async (tx) => {
    await requireOutlineAccess(tx, actor, input.conceptId);
    const section = await requireSectionOfConcept(tx, input.conceptId, input.sectionId);
    if (!section.archivedAt) throw new AppError("CONFLICT", "appError.section.notRemoved");
    await tx
      .update(sections)
      .set({
        archivedAt: null,
        position: sql`(select coalesce(max(s.position), 0) + 1 from sections s where s.concept_id = ${input.conceptId} and s.archived_at is null)`,
      })
      .where(eq(sections.id, section.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.unarchived",
      objectType: "section",
      objectId: section.id,
      conceptId: input.conceptId,
      summary: { title: section.title },
    });
  });
}
