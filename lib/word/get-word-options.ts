import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/permissions/permissions";
import { loadSectionAccess } from "@/lib/sections/section-access";

export type WordOptions = {
  /** What an uploaded Word document becomes: a revision (section editors), suggestions (others who may suggest). */
  importAs: "revision" | "suggestions" | null;
  /** May download the working text with its suggestions as tracked changes. */
  mayExport: boolean;
};

/** What the section page offers for Word; the upload and the download check the same rules again. */
export async function getWordOptions(db: Db, actor: Actor, conceptId: string, sectionId: string): Promise<WordOptions> {
  const access = await loadSectionAccess(db, actor, conceptId, sectionId);
  const importAs = !access.refusal ? "revision" : can("suggestion.create", access.subject) ? "suggestions" : null;
  return { importAs, mayExport: can("concept.readDrafts", access.subject) && !access.section.archivedAt };
}
