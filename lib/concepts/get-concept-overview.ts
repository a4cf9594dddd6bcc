import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import {
  commentThreads,
  consultations,
  mandateItems,
  organisations,
  sectionMandateItems,
  sections,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { listOpenBreakGlass } from "./open-break-glass";
import { can } from "@/lib/permissions/permissions";
import { requireConceptAccess, type ConceptAccess } from "./concept-access";

/**
 * Everything the concept overview shows, in a fixed number of queries whatever the concept's size:
 * access, lead office, mandate items, Beratungsfolge, sections, section ↔ mandate item links.
 */
export async function getConceptOverview(db: Db, actor: Actor, conceptId: string) {
  const access: ConceptAccess = await requireConceptAccess(db, actor, conceptId, "concept.readDrafts");
  const { concept } = access;
  const internalAllowed = can("comment.readInternal", access.subject);
  const [leadOrg, items, folge, sectionRows, links, openThreads] = await Promise.all([
    db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, concept.leadOrganisationId))
      .then((r) => r[0]),
    db.select().from(mandateItems).where(eq(mandateItems.conceptId, conceptId)).orderBy(asc(mandateItems.position)),
    db
      .select({
        id: consultations.id,
        position: consultations.position,
        role: consultations.role,
        meetingDate: consultations.meetingDate,
        submissionDeadline: consultations.submissionDeadline,
        outcome: consultations.outcome,
        committeeName: organisations.name,
        committeeShortName: organisations.shortName,
        classification: organisations.classification,
      })
      .from(consultations)
      .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
      .where(eq(consultations.conceptId, conceptId))
      .orderBy(asc(consultations.position)),
    db
      .select({
        id: sections.id,
        position: sections.position,
        title: sections.title,
        status: sections.status,
        version: sections.version,
        updatedAt: sections.updatedAt,
        ownerId: organisations.id,
        ownerName: organisations.name,
        ownerIllustrative: organisations.illustrative,
        updatedByName: users.name,
      })
      .from(sections)
      .innerJoin(organisations, eq(organisations.id, sections.ownerOrganisationId))
      .leftJoin(users, eq(users.id, sections.updatedBy))
      .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
      .orderBy(asc(sections.position)),
    db
      .select({ sectionId: sectionMandateItems.sectionId, mandateItemId: sectionMandateItems.mandateItemId })
      .from(sectionMandateItems)
      .innerJoin(sections, eq(sections.id, sectionMandateItems.sectionId))
      .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt))),
    db
      .select({ sectionId: commentThreads.sectionId, open: count() })
      .from(commentThreads)
      .where(
        and(
          eq(commentThreads.conceptId, conceptId),
          eq(commentThreads.status, "open"),
          internalAllowed ? undefined : eq(commentThreads.visibility, "alle"),
        ),
      )
      .groupBy(commentThreads.sectionId),
  ]);
  const numbered = sectionRows.map((s, i) => ({
    ...s,
    number: i + 1,
    openThreads: openThreads.find((o) => o.sectionId === s.id)?.open ?? 0,
  }));
  const coverage = items.map((item) => ({
    ...item,
    sections: numbered
      .filter((s) => links.some((l) => l.mandateItemId === item.id && l.sectionId === s.id))
      .map((s) => ({ id: s.id, number: s.number, title: s.title })),
  }));
  return {
    /** For what else the page loads about this concept in the same request (the workflow panel). */
    access,
    concept,
    role: access.role!,
    leadOrganisationName: leadOrg?.name ?? "",
    mandateItems: coverage,
    consultations: folge,
    sections: numbered,
    mayManage: can("concept.manage", access.subject),
    mayManageParticipants: can("concept.manageParticipants", access.subject),
    /** The lead sees while an administrator holds break-glass access to the backup and the Protokoll. */
    openBreakGlass: access.role === "lead" ? await listOpenBreakGlass(db, conceptId) : [],
    /** Moving sections between Entwurf, zur Abstimmung and abgestimmt: the lead, until the content is frozen. */
    mayMoveSections: can("section.manage", access.subject),
    /** The workflow panel (status, steps, blockers) belongs to the drafting side, not to committee members. */
    mayReadWorkflow: can("concept.readDrafts", access.subject),
  };
}
