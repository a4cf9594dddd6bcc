import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { requireOutlineAccess, requireOwnerOrganisation } from "./outline-access";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZAddSection } from "./section-schemas";

/** A new, empty section at the end of the outline. It has no revision until someone saves text. */
export async function addSection(db: Db, actor: Actor, rawInput: unknown) {
  const input = parseOrThrow(ZAddSection, rawInput);
  return db.transaction(async (tx) => {
    const { concept } = await requireOutlineAccess(tx, actor, input.conceptId);
    await requireOwnerOrganisation(tx, concept, input.ownerOrganisationId);
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${sections.position}), 0)` })
      .from(sections)
      .where(eq(sections.conceptId, concept.id));
    const [section] = await tx
      .insert(sections)
      .values({
        conceptId: concept.id,
        position: Number(last?.max ?? 0) + 1,
        title: input.title,
        ownerOrganisationId: input.ownerOrganisationId,
        content: { type: "doc", content: [{ type: "paragraph" }] },
        contentText: "",
        version: 0,
        updatedBy: actor.id,
      })
      .returning({ id: sections.id });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.added",
      objectType: "section",
      objectId: section!.id,
      conceptId: concept.id,
      summary: { title: input.title, owner: input.ownerOrganisationId },
    });
    return { sectionId: section!.id };
  });
}
