import "server-only";
import { and, count, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sections } from "@/db/schema";
import type { SectionAccess, SectionRow } from "./section-access";

/** The number a reader sees (1, 2, 3 … over the sections in the outline); null for an archived section. */
export async function sectionNumber(
  db: Db,
  section: Pick<SectionRow, "conceptId" | "position" | "archivedAt">,
): Promise<number | null> {
  if (section.archivedAt) return null;
  const [row] = await db
    .select({ n: count() })
    .from(sections)
    .where(
      and(
        eq(sections.conceptId, section.conceptId),
        isNull(sections.archivedAt),
        lt(sections.position, section.position),
      ),
    );
  return (row?.n ?? 0) + 1;
}

/** What pages about a section show in their heading: no content, no internal columns. */
export async function describeSection(db: Db, access: SectionAccess) {
  const { id, title, version, status, archivedAt, updatedAt } = access.section;
  return {
    id,
    title,
    version,
    status,
    archivedAt,
    updatedAt,
    ownerName: access.ownerName,
    number: await sectionNumber(db, access.section),
  };
}
