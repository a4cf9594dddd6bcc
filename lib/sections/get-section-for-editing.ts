import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { describeSection } from "./section-number";
import { requireSectionReadAccess } from "./section-access";

/**
 * The editing page's data: the section and the reason why this actor may not edit (then the page shows the
 * live text read-only, or the read view's message). The text itself comes over the live connection.
 */
export async function getSectionForEditing(db: Db, actor: Actor, conceptId: string, sectionId: string) {
  const access = await requireSectionReadAccess(db, actor, conceptId, sectionId);
  const section = await describeSection(db, access);
  return {
    concept: access.concept,
    section,
    content: access.section.content,
    refusal: access.refusal,
  };
}
