import "server-only";
import { and, asc, eq, gte, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { sectionRevisionContributors, sectionRevisions, users } from "@/db/schema";
import { diffText, type DiffPart } from "@/lib/diff/word-diff";

export type Person = { id: string; name: string };

/** One revision saved after a given one: who made it and, on request, what it changed against its predecessor. */
export type RevisionSince = {
  number: number;
  createdAt: Date;
  note: string | null;
  /** Whose text it is: the author, the proposer a proposal was credited to, everyone who typed it live. */
  people: Person[];
  /** Empty unless asked for. */
  parts: DiffPart[];
};

/**
 * The revisions of a section after `afterNumber`, oldest first, each with the people whose change it is and
 * its word diff against the revision before it: what restoring an old version or accepting an old proposal
 * would take back.
 */
export async function listRevisionsSince(
  db: Db | Tx,
  sectionId: string,
  afterNumber: number,
  options: { diff?: boolean } = {},
): Promise<RevisionSince[]> {
  const rows = await db
    .select({
      id: sectionRevisions.id,
      number: sectionRevisions.number,
      createdAt: sectionRevisions.createdAt,
      note: sectionRevisions.note,
      authorId: sectionRevisions.authorId,
      creditedUserId: sectionRevisions.creditedUserId,
      contentText: sectionRevisions.contentText,
    })
    .from(sectionRevisions)
    .where(and(eq(sectionRevisions.sectionId, sectionId), gte(sectionRevisions.number, Math.max(afterNumber, 0))))
    .orderBy(asc(sectionRevisions.number));
  const later = rows.filter((r) => r.number > afterNumber);
  if (!later.length) return [];
  const contributors = await db
    .select({ revisionId: sectionRevisionContributors.revisionId, userId: sectionRevisionContributors.userId })
    .from(sectionRevisionContributors)
    .where(
      inArray(
        sectionRevisionContributors.revisionId,
        later.map((r) => r.id),
      ),
    );
  const idsOf = (r: (typeof later)[number]) => [
    ...new Set(
      [r.creditedUserId, r.authorId, ...contributors.filter((c) => c.revisionId === r.id).map((c) => c.userId)].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
  const allIds = [...new Set(later.flatMap(idsOf))];
  const names = allIds.length
    ? new Map(
        (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, allIds))).map((u) => [
          u.id,
          u.name,
        ]),
      )
    : new Map<string, string>();
  const textBefore = (number: number) => rows.find((r) => r.number === number - 1)?.contentText ?? "";
  return later.map((r) => ({
    number: r.number,
    createdAt: r.createdAt,
    note: r.note,
    people: idsOf(r).map((id) => ({ id, name: names.get(id) ?? "—" })),
    parts: options.diff ? diffText(textBefore(r.number), r.contentText) : [],
  }));
}

/** Everyone whose change is among `revisions`, once each, in the order they first appear, without `except`. */
export function peopleIn(revisions: RevisionSince[], except: readonly string[] = []): Person[] {
  const seen = new Map<string, Person>();
  for (const r of revisions) for (const p of r.people) if (!except.includes(p.id) && !seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}
