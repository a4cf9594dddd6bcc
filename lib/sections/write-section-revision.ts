import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { sectionRevisionContributors, sectionRevisions, sections, type TiptapDoc } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { followRevisionInLiveText } from "@/lib/collab/follow-revision";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { actingOrganisationId, type SectionRow } from "./section-access";

export function sectionStaleError(): AppError {
  return new AppError("SECTION_STALE", "appError.section.stale");
}

export type RevisionWrite = {
  section: Pick<SectionRow, "id" | "conceptId" | "ownerOrganisationId">;
  baseVersion: number;
  content: TiptapDoc;
  text: string;
  note: string | null;
  restoredFromNumber?: number;
  /** The person whose change proposal this revision applies (credited in the history). */
  creditedUserId?: string;
  /** Audit action; defaults to section.saved / section.restored. */
  action?: string;
  /** Set for a revision cut from the live text: everyone who typed in it since the previous revision. */
  contributorIds?: string[];
  /**
   * The live text cut just before a freeze: the section keeps its status (the last words were typed in front of
   * everyone while it was agreed; sending it back to Entwurf would contradict the freeze).
   */
  keepStatus?: boolean;
};

/**
 * The one way section content changes: a guarded UPDATE that succeeds only if nobody saved since
 * `baseVersion`, the immutable revision row, and the audit event, all in the caller's transaction.
 */
export async function writeSectionRevision(
  tx: Tx,
  actor: Actor,
  input: RevisionWrite,
): Promise<{ number: number; id: string }> {
  const [row] = await tx
    .update(sections)
    // Any edit sends an agreed section back to Entwurf: the agreement was about the earlier text.
    .set({
      content: input.content,
      contentText: input.text,
      version: sql`${sections.version} + 1`,
      ...(input.keepStatus ? {} : { status: "entwurf" as const }),
      updatedAt: sql`now()`,
      updatedBy: actor.id,
    })
    .where(and(eq(sections.id, input.section.id), eq(sections.version, input.baseVersion), isNull(sections.archivedAt)))
    .returning({ version: sections.version });
  if (!row) throw sectionStaleError();
  const organisationId = actingOrganisationId(actor, input.section.ownerOrganisationId);
  const [revision] = await tx
    .insert(sectionRevisions)
    .values({
      sectionId: input.section.id,
      number: row.version,
      authorId: actor.id,
      organisationId,
      note: input.note,
      restoredFromNumber: input.restoredFromNumber ?? null,
      creditedUserId: input.creditedUserId ?? null,
      content: input.content,
      contentText: input.text,
    })
    .returning({ id: sectionRevisions.id });
  const contributors = [...new Set(input.contributorIds ?? [])];
  if (contributors.length)
    await tx
      .insert(sectionRevisionContributors)
      .values(contributors.map((userId) => ({ revisionId: revision!.id, userId })));
  await recordAuditEvent(tx, {
    actorId: actor.id,
    actorOrganisationId: organisationId,
    action: input.action ?? (input.restoredFromNumber === undefined ? "section.saved" : "section.restored"),
    objectType: "section",
    objectId: input.section.id,
    conceptId: input.section.conceptId,
    summary: {
      number: row.version,
      base: input.baseVersion,
      ...(input.restoredFromNumber === undefined ? {} : { restoredFrom: input.restoredFromNumber }),
      ...(input.note ? { note: input.note } : {}),
      ...(contributors.length ? { contributors } : {}),
    },
  });
  // Any other revision (restore, accepted proposal, import) is carried into the live text.
  if (input.contributorIds === undefined)
    await followRevisionInLiveText(tx, input.section.id, input.content, row.version);
  return { number: row.version, id: revision!.id };
}
