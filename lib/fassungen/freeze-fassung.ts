import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { fassungen } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

export const duplicateFassungName = () =>
  new AppError(
    "VALIDATION",
    "appError.fassung.nameTaken",
    {},
    {
      name: "appError.fassung.chooseOtherName",
    },
  );

/**
 * Freezes the current state of all live sections as a named Fassung inside the caller's transaction. It
 * stores which revision of each section it consists of (ids, never copies of the text), taken in one
 * statement so it is one consistent moment. Permission checks are the caller's job.
 */
export async function freezeFassung(
  tx: Tx,
  actorId: string,
  conceptId: string,
  name: string,
): Promise<{ fassungId: string; sectionCount: number }> {
  const [existing] = await tx
    .select({ id: fassungen.id })
    .from(fassungen)
    .where(and(eq(fassungen.conceptId, conceptId), eq(fassungen.name, name)));
  if (existing) throw duplicateFassungName();
  const [fassung] = await tx
    .insert(fassungen)
    .values({ conceptId, name, createdBy: actorId })
    .returning({ id: fassungen.id });
  const inserted = await tx.execute<{ section_id: string }>(sql`
    insert into fassung_sections (fassung_id, section_id, revision_id, position, title, owner_organisation_id)
    select ${fassung!.id}, s.id, r.id, row_number() over (order by s.position, s.created_at), s.title, s.owner_organisation_id
    from sections s
    left join section_revisions r on r.section_id = s.id and r.number = s.version
    where s.concept_id = ${conceptId} and s.archived_at is null
    returning section_id`);
  const sectionCount = rowCount(inserted);
  await recordAuditEvent(tx, {
    actorId,
    action: "fassung.created",
    objectType: "fassung",
    objectId: fassung!.id,
    conceptId,
    summary: { name, sections: sectionCount },
  });
  return { fassungId: fassung!.id, sectionCount };
}

/** postgres.js returns an array, PGlite an object with rows. */
export function rowCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  return ((result as { rows?: unknown[] }).rows ?? []).length;
}
