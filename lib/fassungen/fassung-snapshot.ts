import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import {
  fassungSections,
  fassungen,
  organisations,
  sectionRevisions,
  sections,
  users,
  type TiptapDoc,
} from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { OutlineEntry } from "./compare-outlines";

/** revisionId identifies the content (for the rendered-HTML cache); null for a section without revision. */
export type SnapshotEntry = OutlineEntry & { content: TiptapDoc | null; revisionId?: string | null };
export type FassungMeta = { id: string; name: string; createdAt: Date; createdByName: string | null };

/** A Fassung of this concept with its sections in order, each read through the revision it points to. */
export async function loadFassungSnapshot(
  db: Db,
  conceptId: string,
  fassungId: string,
): Promise<{ fassung: FassungMeta; entries: SnapshotEntry[] }> {
  const [fassung] = await db
    .select({ id: fassungen.id, name: fassungen.name, createdAt: fassungen.createdAt, createdByName: users.name })
    .from(fassungen)
    .leftJoin(users, eq(users.id, fassungen.createdBy))
    .where(and(eq(fassungen.id, fassungId), eq(fassungen.conceptId, conceptId)))
    .limit(1);
  if (!fassung) throw notFound();
  const rows = await db
    .select({
      sectionId: fassungSections.sectionId,
      number: fassungSections.position,
      title: fassungSections.title,
      ownerName: organisations.name,
      revisionId: fassungSections.revisionId,
      revisionNumber: sectionRevisions.number,
      text: sectionRevisions.contentText,
      content: sectionRevisions.content,
    })
    .from(fassungSections)
    .innerJoin(organisations, eq(organisations.id, fassungSections.ownerOrganisationId))
    .leftJoin(sectionRevisions, eq(sectionRevisions.id, fassungSections.revisionId))
    .where(eq(fassungSections.fassungId, fassung.id))
    .orderBy(asc(fassungSections.position));
  return {
    fassung,
    entries: rows.map((r) => ({
      ...r,
      text: r.text ?? "",
      revisionNumber: r.revisionNumber ?? null,
      content: r.content ?? null,
    })),
  };
}

/** The current state of the concept in the same shape, for "Fassung ↔ aktueller Stand". */
export async function loadCurrentSnapshot(db: Db, conceptId: string): Promise<SnapshotEntry[]> {
  const rows = await db
    .select({
      sectionId: sections.id,
      title: sections.title,
      ownerName: organisations.name,
      version: sections.version,
      text: sections.contentText,
      content: sections.content,
    })
    .from(sections)
    .innerJoin(organisations, eq(organisations.id, sections.ownerOrganisationId))
    .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
    .orderBy(asc(sections.position), asc(sections.createdAt));
  return rows.map((r, i) => ({
    sectionId: r.sectionId,
    number: i + 1,
    title: r.title,
    ownerName: r.ownerName,
    revisionNumber: r.version || null,
    text: r.text,
    content: r.version ? r.content : null,
  }));
}
