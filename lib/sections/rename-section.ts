import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { requireOutlineAccess, requireSectionOfConcept } from "./outline-access";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZRenameSection } from "./section-schemas";

export async function renameSection(db: Db, actor: Actor, rawInput: unknown) {
  const input = parseOrThrow(ZRenameSection, rawInput);
  return db.transaction(async (tx) => {
    await requireOutlineAccess(tx, actor, input.conceptId);
    const section = await requireSectionOfConcept(tx, input.conceptId, input.sectionId);
    if (section.title === input.title) return { changed: false };
    await tx
      .update(sections)
      .set({ title: input.title, updatedAt: sql`now()` })
      .where(eq(sections.id, section.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.renamed",
      objectType: "section",
      objectId: section.id,
      conceptId: input.conceptId,
      summary: { from: section.title, to: input.title },
    });
    return { changed: true };
  });
}
