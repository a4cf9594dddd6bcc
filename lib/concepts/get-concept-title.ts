import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";
import { loadConceptAccess } from "./concept-access";

/**
 * The concept's title for the title of one of its pages: two concepts can have pages of the same name
 * ("Synopse", "Protokoll"), and the browser tab, history and screen readers tell them apart by the concept.
 * For whoever may read the concept or its audit log; everyone else gets "not found", as from the page itself.
 */
export async function getConceptTitle(db: Db, actor: Actor, conceptId: string): Promise<string> {
  const access = await loadConceptAccess(db, actor, conceptId);
  if (!can("concept.read", access.subject) && !can("concept.readAudit", access.subject)) throw notFound();
  return access.concept.title;
}
