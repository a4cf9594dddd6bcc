import "server-only";
import { and, desc, eq, gt, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { organisations, sectionRevisions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { clampPage } from "@/lib/paging";
import { requireSectionReadAccess } from "./section-access";
import { describeSection } from "./section-number";

/** Revisions per page of the history; a page costs the same however long the history is. */
export const REVISIONS_PER_PAGE = 50;

/**
 * One page of the history of one section, newest first: who, for which organisation, when, with which note.
 * Revision numbers run without gaps from 1 to the section's version, so a page is a range of numbers read
 * through the (section, number) index.
 */
export async function listSectionRevisions(db: Db, actor: Actor, conceptId: string, sectionId: string, page = 1) {
  const access = await requireSectionReadAccess(db, actor, conceptId, sectionId);
  const total = access.section.version;
  const { page: current, pageCount } = clampPage(page, total, REVISIONS_PER_PAGE);
  const newest = total - (current - 1) * REVISIONS_PER_PAGE;
  const credited = alias(users, "credited");
  const revisions = await db
    .select({
      number: sectionRevisions.number,
      createdAt: sectionRevisions.createdAt,
      note: sectionRevisions.note,
      restoredFromNumber: sectionRevisions.restoredFromNumber,
      authorName: users.name,
      organisationName: organisations.name,
      creditedName: credited.name,
    })
    .from(sectionRevisions)
    .leftJoin(users, eq(users.id, sectionRevisions.authorId))
    .leftJoin(credited, eq(credited.id, sectionRevisions.creditedUserId))
    .leftJoin(organisations, eq(organisations.id, sectionRevisions.organisationId))
    .where(
      and(
        eq(sectionRevisions.sectionId, sectionId),
        lte(sectionRevisions.number, newest),
        gt(sectionRevisions.number, newest - REVISIONS_PER_PAGE),
      ),
    )
    .orderBy(desc(sectionRevisions.number));
  return {
    concept: access.concept,
    section: await describeSection(db, access),
    revisions,
    total,
    page: current,
    pageCount,
    mayEdit: access.refusal === null,
  };
}
