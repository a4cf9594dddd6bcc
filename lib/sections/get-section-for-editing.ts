import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/permissions/permissions";
import { listSectionSuggestions } from "@/lib/suggestions/list-section-suggestions";
import { describeSection } from "./section-number";
import { requireSectionReadAccess } from "./section-access";

/**
 * The editing page's data: the section, the reason why this actor may not edit (then the page shows the live text
 * to suggest in or read-only, or the read view's message), and what is known of the open suggestions (author,
 * organisation, time). The text itself comes over the live connection.
 */
export async function getSectionForEditing(db: Db, actor: Actor, conceptId: string, sectionId: string) {
  const access = await requireSectionReadAccess(db, actor, conceptId, sectionId);
  const section = await describeSection(db, access);
  const suggestions = (await listSectionSuggestions(db, sectionId)).filter((s) => s.status === "open");
  return {
    concept: access.concept,
    section,
    content: access.section.content,
    refusal: access.refusal,
    mode: access.refusal === null ? "write" : can("suggestion.create", access.subject) ? "suggest" : "read",
    suggestions,
  } as const;
}
