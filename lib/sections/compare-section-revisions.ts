import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, sectionRevisions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { LRUCache } from "lru-cache";
import { diffText, summariseDiff, type DiffPart } from "@/lib/diff/word-diff";
import { notFound } from "@/lib/errors";
import { requireSectionReadAccess } from "./section-access";
import { describeSection } from "./section-number";

/** Revisions never change, so the diff of a pair is computed once per process. */
const diffs = new LRUCache<string, DiffPart[]>({ max: 200 });

/** Word-level diff between any two revisions of a section (older → newer as given). */
export async function compareSectionRevisions(
  db: Db,
  actor: Actor,
  conceptId: string,
  sectionId: string,
  from: number,
  to: number,
) {
  const access = await requireSectionReadAccess(db, actor, conceptId, sectionId);
  const rows = await db
    .select({
      number: sectionRevisions.number,
      createdAt: sectionRevisions.createdAt,
      note: sectionRevisions.note,
      restoredFromNumber: sectionRevisions.restoredFromNumber,
      contentText: sectionRevisions.contentText,
      authorName: users.name,
      organisationName: organisations.name,
    })
    .from(sectionRevisions)
    .leftJoin(users, eq(users.id, sectionRevisions.authorId))
    .leftJoin(organisations, eq(organisations.id, sectionRevisions.organisationId))
    .where(and(eq(sectionRevisions.sectionId, sectionId), inArray(sectionRevisions.number, [from, to])));
  const older = rows.find((r) => r.number === from);
  const newer = rows.find((r) => r.number === to);
  if (!older || !newer) throw notFound();
  const key = `${sectionId}:${from}:${to}`;
  let parts = diffs.get(key);
  if (!parts) diffs.set(key, (parts = diffText(older.contentText, newer.contentText)));
  const meta = (r: typeof older) => ({
    number: r.number,
    createdAt: r.createdAt,
    note: r.note,
    restoredFromNumber: r.restoredFromNumber,
    authorName: r.authorName,
    organisationName: r.organisationName,
  });
  return {
    concept: access.concept,
    section: await describeSection(db, access),
    from: meta(older),
    to: meta(newer),
    parts,
    summary: summariseDiff(parts),
  };
}
