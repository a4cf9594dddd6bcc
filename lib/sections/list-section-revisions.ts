import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { organisations, sectionRevisions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireSectionReadAccess } from "./section-access";
import { describeSection } from "./section-number";

/** The history of one section, newest first: who, for which organisation, when, with which note. */
export async function listSectionRevisions(db: Db, actor: Actor, conceptId: string, sectionId: string) {
  const access = await requireSectionReadAccess(db, actor, conceptId, sectionId);
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
    .where(eq(sectionRevisions.sectionId, sectionId))
    .orderBy(desc(sectionRevisions.number));
  return {
    concept: access.concept,
    section: await describeSection(db, access),
    revisions,
    mayEdit: access.refusal === null,
  };
}
