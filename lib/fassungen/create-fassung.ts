import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { concepts, fassungen } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { roleColumns, toAccess } from "@/lib/concepts/concept-access";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";

const duplicateName = () => new AppError("VALIDATION", "Eine Fassung mit diesem Namen gibt es schon.", { name: "Bitte wählen Sie einen anderen Namen." });

/**
 * Freezes the current state of all sections as a named Fassung. It stores which revision of each section
 * it consists of (ids, never copies of the text), taken in one statement so it is one consistent moment.
 */
export async function createFassung(db: Db, actor: Actor, input: { conceptId: string; name: string }): Promise<{ fassungId: string; sectionCount: number }> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ concept: concepts, ...roleColumns(actor) })
        .from(concepts)
        .where(eq(concepts.id, input.conceptId))
        .limit(1)
        .for("share", { of: concepts });
      if (!row) throw notFound();
      const access = toAccess(actor, row.concept, row.roles, row.inBeratungsfolge);
      if (!can("fassung.read", access.subject)) throw notFound();
      if (!can("fassung.create", access.subject)) throw forbidden("Fassungen legt nur die Federführung an.");
      const [existing] = await tx.select({ id: fassungen.id }).from(fassungen).where(and(eq(fassungen.conceptId, input.conceptId), eq(fassungen.name, input.name)));
      if (existing) throw duplicateName();
      const [fassung] = await tx.insert(fassungen).values({ conceptId: input.conceptId, name: input.name, createdBy: actor.id }).returning({ id: fassungen.id });
      const inserted = await tx.execute<{ section_id: string }>(sql`
        insert into fassung_sections (fassung_id, section_id, revision_id, position, title, owner_organisation_id)
        select ${fassung!.id}, s.id, r.id, row_number() over (order by s.position, s.created_at), s.title, s.owner_organisation_id
        from sections s
        left join section_revisions r on r.section_id = s.id and r.number = s.version
        where s.concept_id = ${input.conceptId} and s.archived_at is null
        returning section_id`);
      const sectionCount = rowCount(inserted);
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "fassung.created",
        objectType: "fassung",
        objectId: fassung!.id,
        conceptId: input.conceptId,
        summary: { name: input.name, sections: sectionCount },
      });
      return { fassungId: fassung!.id, sectionCount };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

/** postgres.js returns an array, PGlite an object with rows. */
function rowCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  return ((result as { rows?: unknown[] }).rows ?? []).length;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}
