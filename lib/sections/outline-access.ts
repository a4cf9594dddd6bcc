import "server-only";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { conceptParticipants, organisations, sections } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadConceptAccess, type ConceptAccess } from "@/lib/concepts/concept-access";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can, FROZEN_STATUSES } from "@/lib/permissions/permissions";

/**
 * For changes to the outline: the concept, locked FOR UPDATE so two reorders cannot interleave, and only
 * for the lead while the concept is not frozen. Readers who are not the lead get FORBIDDEN, outsiders 404.
 */
export async function requireOutlineAccess(tx: Tx, actor: Actor, conceptId: string): Promise<ConceptAccess> {
  const access = await loadConceptAccess(tx, actor, conceptId, { lock: "update", action: "section.read" });
  if (FROZEN_STATUSES.has(access.subject.status)) {
    throw new AppError("CONCEPT_FROZEN", "appError.section.outlineFrozen");
  }
  if (!can("section.manage", access.subject)) throw forbidden("appError.section.outlineLeadOnly");
  return access;
}

/** A section of this concept (archived or not), or 404. */
export async function requireSectionOfConcept(tx: Db | Tx, conceptId: string, sectionId: string) {
  const [section] = await tx
    .select()
    .from(sections)
    .where(and(eq(sections.id, sectionId), eq(sections.conceptId, conceptId)))
    .limit(1);
  if (!section) throw notFound();
  return section;
}

/** Who may own a section: the lead office and the organisations taking part as authors or contributors. */
export async function ownerOrganisationsOf(db: Db | Tx, concept: { id: string; leadOrganisationId: string }) {
  const participating = db
    .select({ id: conceptParticipants.organisationId })
    .from(conceptParticipants)
    .where(
      and(
        eq(conceptParticipants.conceptId, concept.id),
        isNotNull(conceptParticipants.organisationId),
        inArray(conceptParticipants.role, ["lead", "author", "contributor"]),
      ),
    );
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(
      and(
        eq(organisations.active, true),
        or(eq(organisations.id, concept.leadOrganisationId), inArray(organisations.id, participating)),
      ),
    )
    .orderBy(sql`${organisations.kind} <> 'verwaltung'`, organisations.name);
}

export async function requireOwnerOrganisation(
  db: Db | Tx,
  concept: { id: string; leadOrganisationId: string },
  organisationId: string,
): Promise<string> {
  const allowed = await ownerOrganisationsOf(db, concept);
  if (!allowed.some((o) => o.id === organisationId)) {
    throw new AppError(
      "VALIDATION",
      "appError.section.ownerNotParticipant",
      {},
      {
        ownerOrganisationId: "appError.section.chooseParticipatingOrganisation",
      },
    );
  }
  return organisationId;
}
