import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { mandateItems, organisations, sectionMandateItems, sections } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { can } from "@/lib/permissions/permissions";
import { ownerOrganisationsOf } from "./outline-access";

/** The outline page: sections in order (and the archived ones), owners to choose from, mandate items. */
export async function getSectionOutline(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.readDrafts");
  const { concept } = access;
  const [rows, items, links, owners, [activeCount]] = await Promise.all([
    db
      .select({
        id: sections.id,
        title: sections.title,
        position: sections.position,
        version: sections.version,
        archivedAt: sections.archivedAt,
        ownerOrganisationId: sections.ownerOrganisationId,
        ownerName: organisations.name,
      })
      .from(sections)
      .innerJoin(organisations, eq(organisations.id, sections.ownerOrganisationId))
      .where(eq(sections.conceptId, concept.id))
      .orderBy(asc(sections.position), asc(sections.createdAt)),
    db
      .select({ id: mandateItems.id, text: mandateItems.text, position: mandateItems.position })
      .from(mandateItems)
      .where(eq(mandateItems.conceptId, concept.id))
      .orderBy(asc(mandateItems.position)),
    db
      .select({ sectionId: sectionMandateItems.sectionId, mandateItemId: sectionMandateItems.mandateItemId })
      .from(sectionMandateItems)
      .innerJoin(sections, eq(sections.id, sectionMandateItems.sectionId))
      .where(eq(sections.conceptId, concept.id)),
    ownerOrganisationsOf(db, concept),
    db
      .select({ n: count() })
      .from(sections)
      .where(and(eq(sections.conceptId, concept.id), isNull(sections.archivedAt))),
  ]);
  const withItems = rows.map((s) => ({
    ...s,
    mandateItemIds: links.filter((l) => l.sectionId === s.id).map((l) => l.mandateItemId),
  }));
  const active = withItems.filter((s) => !s.archivedAt).map((s, i) => ({ ...s, number: i + 1 }));
  return {
    concept,
    sections: active,
    archived: withItems.filter((s) => s.archivedAt),
    mandateItems: items,
    owners,
    mayManage: can("section.manage", access.subject),
    activeCount: activeCount?.n ?? 0,
  };
}
