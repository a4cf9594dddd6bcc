import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, sections, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";
import { sectionEditRefusal } from "@/lib/permissions/permissions";
import { collabServer } from "@/lib/collab/live-registry";

/** One section with its content rendered to sanitized HTML on the server, plus its neighbours for navigation. */
export async function getSectionForReading(db: Db, actor: Actor, conceptId: string, sectionId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "section.read");
  const siblings = await db
    .select({
      id: sections.id,
      title: sections.title,
      status: sections.status,
      version: sections.version,
      updatedAt: sections.updatedAt,
      ownerOrganisationId: sections.ownerOrganisationId,
      ownerName: organisations.name,
      updatedByName: users.name,
    })
    .from(sections)
    .innerJoin(organisations, eq(organisations.id, sections.ownerOrganisationId))
    .leftJoin(users, eq(users.id, sections.updatedBy))
    .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
    .orderBy(asc(sections.position));
  const index = siblings.findIndex((s) => s.id === sectionId);
  const section = siblings[index];
  if (!section) throw notFound();
  const ownsSection = actor.organisations.some((o) => o.id === section.ownerOrganisationId);
  const refusal = sectionEditRefusal({ ...access.subject, ownsSection });
  const nav = (s: (typeof siblings)[number] | undefined, offset: number) =>
    s ? { id: s.id, title: s.title, number: index + 1 + offset } : null;
  return {
    concept: access.concept,
    role: access.role!,
    // The text itself, with comment anchors marked, comes from getSectionDiscussion.
    section: { ...section, number: index + 1 },
    previous: nav(siblings[index - 1], -1),
    next: nav(siblings[index + 1], 1),
    mayEdit: refusal === null,
    refusal,
    // Who has the section open in the live editor now (this server process).
    othersEditing: collabServer()?.presentPeople(section.id, actor.id) ?? [],
  };
}
