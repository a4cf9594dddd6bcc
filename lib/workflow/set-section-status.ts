import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { commentThreads, sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { AppError, notFound } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { canMoveSectionStatus } from "./section-status";

const ZSetSectionStatus = z.object({
  conceptId: z.uuid(),
  sectionId: z.uuid(),
  from: z.enum(["entwurf", "zur_abstimmung", "abgestimmt"]),
  to: z.enum(["entwurf", "zur_abstimmung", "abgestimmt"], "appError.workflow.unknownSectionStatus"),
});

/** The lead moves a section's status; guarded on the status the lead saw, so concurrent moves cannot cross. */
export async function setSectionStatus(db: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(ZSetSectionStatus, input);
  await requireConceptAccess(db, actor, data.conceptId, "section.manage");
  if (!canMoveSectionStatus(data.from, data.to)) {
    throw new AppError("VALIDATION", "appError.workflow.sectionStatusMoveInvalid", {
      from: { key: `sectionStatus.${data.from}` },
      to: { key: `sectionStatus.${data.to}` },
    });
  }
  await db.transaction(async (tx) => {
    if (data.to === "abgestimmt") {
      // A section is agreed only once no blocking objection on it is open.
      const [blocking] = await tx
        .select({ n: count() })
        .from(commentThreads)
        .where(
          and(
            eq(commentThreads.sectionId, data.sectionId),
            eq(commentThreads.blocking, true),
            eq(commentThreads.status, "open"),
          ),
        );
      if (blocking && blocking.n > 0)
        throw new AppError("VALIDATION", "appError.workflow.sectionHasOpenBlocking", { count: blocking.n });
    }
    const [row] = await tx
      .update(sections)
      .set({ status: data.to, updatedAt: new Date() })
      .where(
        and(
          eq(sections.id, data.sectionId),
          eq(sections.conceptId, data.conceptId),
          eq(sections.status, data.from),
          isNull(sections.archivedAt),
        ),
      )
      .returning({ id: sections.id });
    if (!row) {
      const [exists] = await tx
        .select({ id: sections.id })
        .from(sections)
        .where(and(eq(sections.id, data.sectionId), eq(sections.conceptId, data.conceptId)));
      if (!exists) throw notFound();
      throw new AppError("CONFLICT", "appError.workflow.sectionStatusChanged");
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.status_changed",
      objectType: "section",
      objectId: data.sectionId,
      conceptId: data.conceptId,
      summary: { before: data.from, after: data.to },
    });
  });
}
