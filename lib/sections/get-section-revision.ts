import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, sectionRevisions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { placeHtmlHeadings } from "@/lib/content/place-heading-levels";
import { renderCachedHtml } from "@/lib/content/render-cache";
import { notFound } from "@/lib/errors";
import { requireSectionReadAccess } from "./section-access";
import { listRevisionsSince, peopleIn } from "./list-revisions-since";
import { describeSection } from "./section-number";

/** One revision of a section, rendered to sanitized HTML on the server. */
export async function getSectionRevision(db: Db, actor: Actor, conceptId: string, sectionId: string, number: number) {
  const access = await requireSectionReadAccess(db, actor, conceptId, sectionId);
  const [revision] = await db
    .select({
      number: sectionRevisions.number,
      createdAt: sectionRevisions.createdAt,
      note: sectionRevisions.note,
      restoredFromNumber: sectionRevisions.restoredFromNumber,
      content: sectionRevisions.content,
      authorName: users.name,
      organisationName: organisations.name,
    })
    .from(sectionRevisions)
    .leftJoin(users, eq(users.id, sectionRevisions.authorId))
    .leftJoin(organisations, eq(organisations.id, sectionRevisions.organisationId))
    .where(and(eq(sectionRevisions.sectionId, sectionId), eq(sectionRevisions.number, number)))
    .limit(1);
  if (!revision) throw notFound();
  const { content, ...meta } = revision;
  const mayRestore = access.refusal === null && number !== access.section.version;
  const later = mayRestore ? await listRevisionsSince(db, sectionId, number) : [];
  return {
    concept: access.concept,
    section: await describeSection(db, access),
    revision: { ...meta, html: placeHtmlHeadings(renderCachedHtml(`${sectionId}#${number}`, content), 2) },
    isCurrent: number === access.section.version,
    mayRestore,
    /** What restoring would take back: the versions after this one and the other people whose changes they are. */
    takenBack: {
      versions: later.length,
      others: peopleIn(later, [actor.id]).map((p) => p.name),
      includesOwn: later.some((r) => r.people.some((p) => p.id === actor.id)),
    },
  };
}
