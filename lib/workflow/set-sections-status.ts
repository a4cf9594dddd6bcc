import "server-only";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { commentThreads, sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { canMoveSectionStatus } from "./section-status";

const ZSetSectionsStatus = z.object({
  conceptId: z.uuid(),
  to: z.enum(["zur_abstimmung", "abgestimmt"], "appError.workflow.unknownSectionStatus"),
});

/**
 * The lead moves every live section that can make the move to "zur Abstimmung" (from Entwurf) or "abgestimmt" (from
 * zur Abstimmung) in one step; each section's change is its own audit event. Sections already there or elsewhere
 * stay as they are. "abgestimmt" is refused as a whole, naming the sections, while any of them has an open blocking
 * comment. Returns how many sections moved.
 */
export async function setSectionsStatus(db: Db, actor: Actor, input: unknown): Promise<{ moved: number }> {
  const data = parseOrThrow(ZSetSectionsStatus, input);
  await requireConceptAccess(db, actor, data.conceptId, "section.manage");
  const from = data.to === "zur_abstimmung" ? "entwurf" : "zur_abstimmung";
  if (!canMoveSectionStatus(from, data.to)) throw new AppError("VALIDATION", "appError.workflow.unknownSectionStatus");
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({ id: sections.id, title: sections.title })
      .from(sections)
      .where(and(eq(sections.conceptId, data.conceptId), eq(sections.status, from), isNull(sections.archivedAt)))
      .orderBy(asc(sections.position))
      .for("update");
    if (!candidates.length) return { moved: 0 };
    if (data.to === "abgestimmt") {
      const blocked = await tx
        .select({ sectionId: commentThreads.sectionId, n: count() })
        .from(commentThreads)
        .where(
          and(
            inArray(
              commentThreads.sectionId,
              candidates.map((c) => c.id),
            ),
            eq(commentThreads.blocking, true),
            eq(commentThreads.status, "open"),
          ),
        )
        .groupBy(commentThreads.sectionId);
      if (blocked.length)
        throw new AppError("VALIDATION", "appError.workflow.sectionsHaveOpenBlocking", {
          titles: candidates
            .filter((c) => blocked.some((b) => b.sectionId === c.id))
            .map((c) => `„${c.title}“`)
            .join(", "),
        });
    }
    const moved = await tx
      .update(sections)
      .set({ status: data.to, updatedAt: new Date() })
      .where(
        and(
          inArray(
            sections.id,
            candidates.map((c) => c.id),
          ),
          eq(sections.status, from),
        ),
      )
      .returning({ id: sections.id });
    for (const row of moved)
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "section.status_changed",
        objectType: "section",
        objectId: row.id,
        conceptId: data.conceptId,
        summary: { before: from, after: data.to, bulk: true },
      });
    return { moved: moved.length };
  });
}
