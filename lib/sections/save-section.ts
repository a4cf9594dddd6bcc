import "server-only";
import type { Db } from "@/db/connect";
import { canonicalJson } from "@/lib/audit/canonical-json";
import type { Actor } from "@/lib/auth/actor";
import { validateContent } from "@/lib/content/validate-content";
import { parseOrThrow } from "@/lib/validation/parse";
import { requireSectionEditAccess } from "./section-access";
import { ZSaveSection } from "./section-schemas";
import { writeSectionRevision } from "./write-section-revision";

export type SaveSectionInput = {
  conceptId: string;
  sectionId: string;
  baseVersion: number;
  content: unknown;
  note?: string | null;
};
export type SaveSectionResult = { status: "saved"; version: number } | { status: "unchanged"; version: number };

/**
 * Saves the editor's content as a new revision, only if it changed and only against the version it was
 * based on (otherwise SECTION_STALE). Malformed, oversized or unsafe content is refused before anything
 * touches the database.
 */
export async function saveSection(db: Db, actor: Actor, raw: SaveSectionInput): Promise<SaveSectionResult> {
  const input = parseOrThrow(ZSaveSection, raw);
  const { content, text } = validateContent(input.content);
  const note = input.note?.trim() || null;
  return db.transaction(async (tx) => {
    const { section } = await requireSectionEditAccess(tx, actor, input.conceptId, input.sectionId);
    // Identical to what is stored: nothing to write, whatever the base (the user is simply up to date).
    if (canonicalJson(section.content) === canonicalJson(content))
      return { status: "unchanged", version: section.version };
    const { number } = await writeSectionRevision(tx, actor, {
      section,
      baseVersion: input.baseVersion,
      content,
      text,
      note,
    });
    return { status: "saved", version: number };
  });
}
