import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { organisations, sectionColumns, sections } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadConceptAccess, type ConceptAccess } from "@/lib/concepts/concept-access";
import { AppError, notFound } from "@/lib/errors";
import { can, sectionEditRefusal, type Action, type SectionEditRefusal } from "@/lib/permissions/permissions";

export type SectionRow = Omit<typeof sections.$inferSelect, "searchVector">;
export type SectionAccess = ConceptAccess & {
  section: SectionRow;
  ownerName: string;
  refusal: SectionEditRefusal | null;
};

/**
 * The concept (locked FOR SHARE when `lock` is set, so a workflow step cannot freeze it halfway through a
 * write) and one of its sections, archived or not. A section of another concept is "not found".
 */
export async function loadSectionAccess(
  db: Db | Tx,
  actor: Actor,
  conceptId: string,
  sectionId: string,
  lock = false,
): Promise<SectionAccess> {
  const access = await loadConceptAccess(db, actor, conceptId, {
    lock: lock ? "share" : undefined,
    action: "section.read",
  });
  const [found] = await db
    .select({ section: sectionColumns, ownerName: organisations.name })
    .from(sections)
    .innerJoin(organisations, eq(organisations.id, sections.ownerOrganisationId))
    .where(and(eq(sections.id, sectionId), eq(sections.conceptId, conceptId)))
    .limit(1);
  if (!found) throw notFound();
  const subject = {
    ...access.subject,
    ownsSection: actor.organisations.some((o) => o.id === found.section.ownerOrganisationId),
    sectionArchived: found.section.archivedAt !== null,
  };
  return {
    ...access,
    subject,
    section: found.section,
    ownerName: found.ownerName,
    refusal: sectionEditRefusal(subject),
  };
}

/** German reasons, safe to show; the server says them whatever the UI showed or hid. */
export function editRefusalError(refusal: SectionEditRefusal, ownerName: string): AppError {
  switch (refusal) {
    case "frozen":
      return new AppError("CONCEPT_FROZEN", "appError.section.frozen");
    case "archived":
      return new AppError("CONFLICT", "appError.section.archived");
    case "not-owner":
      return new AppError("FORBIDDEN", "appError.section.notOwner", { owner: ownerName });
    case "no-right":
      return new AppError("FORBIDDEN", "appError.section.editForbidden");
  }
}

/** For every write to a section's content: the section, or the reason why not, as a typed error. */
export async function requireSectionEditAccess(
  tx: Tx,
  actor: Actor,
  conceptId: string,
  sectionId: string,
): Promise<SectionAccess> {
  const access = await loadSectionAccess(tx, actor, conceptId, sectionId, true);
  if (access.refusal) throw editRefusalError(access.refusal, access.ownerName);
  return access;
}

/** Reading a section's history and revisions; archived sections keep theirs. */
export async function requireSectionReadAccess(
  db: Db,
  actor: Actor,
  conceptId: string,
  sectionId: string,
  action: Action = "section.read",
): Promise<SectionAccess> {
  const access = await loadSectionAccess(db, actor, conceptId, sectionId);
  if (!can(action, access.subject)) throw notFound();
  return access;
}

/** The organisation a revision is credited to: the owner when the author belongs to it, else the author's own. */
export function actingOrganisationId(actor: Actor, ownerOrganisationId: string): string | null {
  if (actor.organisations.some((o) => o.id === ownerOrganisationId)) return ownerOrganisationId;
  return (actor.organisations.find((o) => o.kind === "verwaltung") ?? actor.organisations[0])?.id ?? null;
}
