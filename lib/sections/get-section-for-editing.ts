import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { describeSection } from "./section-number";
import { requireSectionReadAccess } from "./section-access";
import { othersEditingSection } from "./section-presence";

/**
 * The editing page's data: the stored tiptap JSON and the version it is (the base of the next save), or
 * the reason why this actor may not edit (the page then shows the read view's message instead).
 */
export async function getSectionForEditing(db: Db, actor: Actor, conceptId: string, sectionId: string) {
  const access = await requireSectionReadAccess(db, actor, conceptId, sectionId);
  const section = await describeSection(db, access);
  return {
    concept: access.concept,
    section,
    content: access.refusal ? null : access.section.content,
    refusal: access.refusal,
    others: await othersEditingSection(db, actor, sectionId),
  };
}
