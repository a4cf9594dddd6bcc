import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sectionRevisions } from "@/db/schema";
import { canonicalJson } from "@/lib/audit/canonical-json";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import type { SaveSectionResult } from "./save-section";
import { requireSectionEditAccess } from "./section-access";
import { writeSectionRevision } from "./write-section-revision";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZRestoreRevision } from "./section-schemas";

/**
 * Brings back the content of an old revision as a new revision ("Wiederhergestellt aus Nr. n"); history is
 * never rewritten. Guarded like a save: if someone saved since the user looked, nothing happens.
 */
export async function restoreSectionRevision(db: Db, actor: Actor, rawInput: unknown): Promise<SaveSectionResult> {
  const input = parseOrThrow(ZRestoreRevision, rawInput);
  return db.transaction(async (tx) => {
    const { section } = await requireSectionEditAccess(tx, actor, input.conceptId, input.sectionId);
    const [old] = await tx
      .select({ content: sectionRevisions.content, contentText: sectionRevisions.contentText })
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, section.id), eq(sectionRevisions.number, input.number)))
      .limit(1);
    if (!old) throw notFound();
    if (canonicalJson(old.content) === canonicalJson(section.content))
      return { status: "unchanged", version: section.version };
    const { number } = await writeSectionRevision(tx, actor, {
      section,
      baseVersion: input.baseVersion,
      content: old.content,
      text: old.contentText,
      note: `Wiederhergestellt aus Nr. ${input.number}`,
      restoredFromNumber: input.number,
    });
    return { status: "saved", version: number };
  });
}
