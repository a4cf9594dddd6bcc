import "server-only";
import { count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { fassungSections, fassungen, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { can } from "@/lib/permissions/permissions";

/** The Fassungen of a concept, newest first. */
export async function listFassungen(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "fassung.read");
  const rows = await db
    .select({
      id: fassungen.id,
      name: fassungen.name,
      createdAt: fassungen.createdAt,
      createdByName: users.name,
      sectionCount: count(fassungSections.sectionId),
    })
    .from(fassungen)
    .leftJoin(users, eq(users.id, fassungen.createdBy))
    .leftJoin(fassungSections, eq(fassungSections.fassungId, fassungen.id))
    .where(eq(fassungen.conceptId, conceptId))
    .groupBy(fassungen.id, users.name)
    .orderBy(desc(fassungen.createdAt));
  return {
    concept: access.concept,
    fassungen: rows,
    mayCreate: can("fassung.create", access.subject),
    mayReadDrafts: can("concept.readDrafts", access.subject),
  };
}
