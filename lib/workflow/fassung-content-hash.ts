import "server-only";
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { fassungSections, sectionRevisions } from "@/db/schema";
import { canonicalJson } from "@/lib/audit/canonical-json";

/**
 * SHA-256 over the canonical JSON of a Fassung's content: [{sectionId, position, title, owner, revisionId,
 * content}] in order. What an organisation signs; it cannot change while the Fassung's revisions exist.
 */
export async function fassungContentHash(db: Db | Tx, fassungId: string): Promise<string> {
  const rows = await db
    .select({
      sectionId: fassungSections.sectionId,
      position: fassungSections.position,
      title: fassungSections.title,
      owner: fassungSections.ownerOrganisationId,
      revisionId: fassungSections.revisionId,
      content: sectionRevisions.content,
    })
    .from(fassungSections)
    .leftJoin(sectionRevisions, eq(sectionRevisions.id, fassungSections.revisionId))
    .where(eq(fassungSections.fassungId, fassungId))
    .orderBy(asc(fassungSections.position));
  const entries = rows.map((r) => ({ ...r, revisionId: r.revisionId ?? null, content: r.content ?? null }));
  return createHash("sha256").update(canonicalJson(entries)).digest("hex");
}
