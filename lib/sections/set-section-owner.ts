import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { requireOutlineAccess, requireOwnerOrganisation, requireSectionOfConcept } from "./outline-access";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZSetSectionOwner } from "./section-schemas";

/** Assigns the organisation responsible for a section (and so, for Träger, who may edit it). */
export async function setSectionOwner(db: Db, actor: Actor, rawInput: unknown) {
  const input = parseOrThrow(ZSetSectionOwner, rawInput);
  return db.transaction(async (tx) => {
    const { concept } = await requireOutlineAccess(tx, actor, input.conceptId);
    const section = await requireSectionOfConcept(tx, concept.id, input.sectionId);
    await requireOwnerOrganisation(tx, concept, input.ownerOrganisationId);
    if (section.ownerOrganisationId === input.ownerOrganisationId) return { changed: false };
    await tx
      .update(sections)
      .set({ ownerOrganisationId: input.ownerOrganisationId, updatedAt: sql`now()` })
      .where(eq(sections.id, section.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.owner_changed",
      objectType: "section",
      objectId: section.id,
      conceptId: concept.id,
      summary: { from: section.ownerOrganisationId, to: input.ownerOrganisationId },
    });
    return { changed: true };
  });
}
