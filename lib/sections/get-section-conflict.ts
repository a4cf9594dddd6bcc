import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, sectionRevisions, users, type TiptapDoc } from "@/db/schema";
import { canonicalJson } from "@/lib/audit/canonical-json";
import type { Actor } from "@/lib/auth/actor";
import { validateContent } from "@/lib/content/validate-content";
import { mergeBlocks } from "@/lib/diff/merge-blocks";
import { diffText, type DiffPart } from "@/lib/diff/word-diff";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { editRefusalError, loadSectionAccess } from "./section-access";
import { ZSectionConflict } from "./section-schemas";

export type SectionConflictInput = { conceptId: string; sectionId: string; baseVersion: number; content: unknown };

export type SectionConflict = {
  baseVersion: number;
  currentVersion: number;
  /** The revisions saved since the user's base, oldest first. */
  changes: {
    number: number;
    authorName: string | null;
    organisationName: string | null;
    createdAt: Date;
    note: string | null;
  }[];
  /** What the others changed: base → current. */
  theirs: DiffPart[];
  /** What the user changed: base → their editor content. */
  mine: DiffPart[];
  currentContent: TiptapDoc;
  /** Both sides combined paragraph by paragraph, or null when they changed the same paragraphs. */
  merged: TiptapDoc | null;
  overlaps: number;
};

const EMPTY: TiptapDoc = { type: "doc", content: [] };

/**
 * Everything the conflict view needs after a SECTION_STALE: the others' changes as a word diff, the
 * user's own changes, and a paragraph-level three-way merge when the two did not touch the same place.
 * Reads only; the user's text stays in their editor and is saved later against the new base.
 */
export async function getSectionConflict(db: Db, actor: Actor, raw: SectionConflictInput): Promise<SectionConflict> {
  const input = parseOrThrow(ZSectionConflict, raw);
  const access = await loadSectionAccess(db, actor, input.conceptId, input.sectionId);
  if (access.refusal) throw editRefusalError(access.refusal, access.ownerName);
  const { section } = access;
  if (input.baseVersion > section.version) throw new AppError("VALIDATION", "appError.section.unknownVersion");
  const mine = validateContent(input.content);

  const revisions = await db
    .select({
      number: sectionRevisions.number,
      content: sectionRevisions.content,
      contentText: sectionRevisions.contentText,
      note: sectionRevisions.note,
      createdAt: sectionRevisions.createdAt,
      authorName: users.name,
      organisationName: organisations.name,
    })
    .from(sectionRevisions)
    .leftJoin(users, eq(users.id, sectionRevisions.authorId))
    .leftJoin(organisations, eq(organisations.id, sectionRevisions.organisationId))
    .where(
      and(
        eq(sectionRevisions.sectionId, section.id),
        input.baseVersion > 0 ? gt(sectionRevisions.number, input.baseVersion - 1) : undefined,
      ),
    )
    .orderBy(asc(sectionRevisions.number));
  const base =
    input.baseVersion > 0 ? revisions.find((r) => r.number === input.baseVersion) : { content: EMPTY, contentText: "" };
  if (!base) throw new AppError("VALIDATION", "appError.section.unknownVersion");
  const current: TiptapDoc = section.content;

  const blocks = (d: TiptapDoc) => (d.content ?? []) as unknown[];
  const merge = mergeBlocks(blocks(base.content), blocks(mine.content), blocks(current), canonicalJson);
  const merged = merge.conflicts === 0 ? validateContent({ type: "doc", content: merge.merged }).content : null;

  return {
    baseVersion: input.baseVersion,
    currentVersion: section.version,
    changes: revisions
      .filter((r) => r.number > input.baseVersion)
      .map(({ number, authorName, organisationName, createdAt, note }) => ({
        number,
        authorName,
        organisationName,
        createdAt,
        note,
      })),
    theirs: diffText(base.contentText, section.contentText),
    mine: diffText(base.contentText, mine.text),
    currentContent: current,
    merged,
    overlaps: merge.conflicts,
  };
}
