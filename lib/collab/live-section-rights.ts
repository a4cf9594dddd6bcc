import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sections } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";
import { editRefusalError, loadSectionAccess } from "@/lib/sections/section-access";

export type LiveRights =
  | { mode: "none" }
  | { mode: "read"; conceptId: string; reason: AppError }
  | { mode: "suggest"; conceptId: string; reason: AppError }
  | { mode: "write"; conceptId: string };

/**
 * What a person may do with a section's live text: write it (`sectionEditRefusal` says nothing against it), suggest
 * changes (may not edit it but may propose changes: another organisation's section, before any freeze), only follow
 * it (may read the section), or nothing (not connected at all). Same rules as every save.
 */
export async function liveSectionRights(db: Db, actor: Actor, sectionId: string): Promise<LiveRights> {
  const [row] = await db
    .select({ conceptId: sections.conceptId })
    .from(sections)
    .where(eq(sections.id, sectionId))
    .limit(1);
  if (!row) return { mode: "none" };
  try {
    const access = await loadSectionAccess(db, actor, row.conceptId, sectionId);
    if (!can("section.read", access.subject)) return { mode: "none" };
    if (access.refusal) {
      const reason = editRefusalError(access.refusal, access.ownerName);
      const mode = can("suggestion.create", access.subject) ? "suggest" : "read";
      return { mode, conceptId: row.conceptId, reason };
    }
    return { mode: "write", conceptId: row.conceptId };
  } catch (error) {
    if (error instanceof AppError) return { mode: "none" };
    throw error;
  }
}
