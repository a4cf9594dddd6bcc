import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { commentThreads, sections } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess, type ConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";
import { can, type Action } from "@/lib/permissions/permissions";

export type ThreadRow = typeof commentThreads.$inferSelect;

/** A live section of the concept, or 404 (also for a section of another concept). */
export async function requireSectionInConcept(db: Db | Tx, conceptId: string, sectionId: string) {
  const [section] = await db
    .select()
    .from(sections)
    .where(and(eq(sections.id, sectionId), eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
    .limit(1);
  if (!section) throw notFound();
  return section;
}

/**
 * A thread the actor may see, with the actor's access to its concept. Internal threads are "not found"
 * for anyone outside the Verwaltung, on every path.
 */
export async function requireVisibleThread(
  db: Db | Tx,
  actor: Actor,
  threadId: string,
  action: Action = "section.read",
): Promise<{ thread: ThreadRow; access: ConceptAccess }> {
  const [thread] = await db.select().from(commentThreads).where(eq(commentThreads.id, threadId)).limit(1);
  if (!thread) throw notFound();
  const access = await requireConceptAccess(db as Db, actor, thread.conceptId, action);
  if (thread.visibility === "verwaltung" && !can("comment.readInternal", access.subject)) throw notFound();
  return { thread, access };
}

export function actorOrganisationFor(actor: Actor): string | null {
  return actor.organisations.find((o) => o.kind !== "gremium")?.id ?? actor.organisations[0]?.id ?? null;
}
