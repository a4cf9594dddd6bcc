import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { requireOutlineAccess } from "./outline-access";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZMoveSection } from "./section-schemas";

/** Swaps a section with its neighbour above or below (the keyboard way to reorder). */
export async function moveSection(db: Db, actor: Actor, rawInput: unknown) {
  const input = parseOrThrow(ZMoveSection, rawInput);
  return db.transaction(async (tx) => {
    await requireOutlineAccess(tx, actor, input.conceptId);
    const outline = await tx
      .select({ id: sections.id, position: sections.position })
      .from(sections)
      .where(and(eq(sections.conceptId, input.conceptId), isNull(sections.archivedAt)))
      .orderBy(asc(sections.position), asc(sections.createdAt));
    const index = outline.findIndex((s) => s.id === input.sectionId);
    if (index < 0) throw notFound();
    const neighbour = outline[input.direction === "up" ? index - 1 : index + 1];
    if (!neighbour)
      throw new AppError(
        "VALIDATION",
        input.direction === "up" ? "appError.section.alreadyFirst" : "appError.section.alreadyLast",
      );
    const self = outline[index]!;
    // Positions may repeat after old edits; renumber the whole outline so the swap is always well-defined.
    const order = outline.map((s) => s.id);
    const target = input.direction === "up" ? index - 1 : index + 1;
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [i, id] of order.entries()) {
      const current = outline.find((s) => s.id === id)!;
      if (current.position !== i + 1)
        await tx
          .update(sections)
          .set({ position: i + 1 })
          .where(eq(sections.id, id));
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.moved",
      objectType: "section",
      objectId: self.id,
      conceptId: input.conceptId,
      summary: { from: index + 1, to: target + 1 },
    });
    return { number: target + 1, count: outline.length };
  });
}
