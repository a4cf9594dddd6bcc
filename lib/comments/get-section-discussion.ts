import "server-only";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { Node as PmNode } from "@tiptap/pm/model";
import type { Db } from "@/db/connect";
import { conceptParticipants, memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { LRUCache } from "lru-cache";
import { placeHtmlHeadings } from "@/lib/content/place-heading-levels";
import { renderCachedHtml } from "@/lib/content/render-cache";
import { editorSchema, type Highlight } from "@/lib/content/render-html";
import { textMap, textRangeToPositions, type TextMap } from "@/lib/content/text-map";
import { can } from "@/lib/permissions/permissions";
import { clampPage, type PageWindow } from "@/lib/paging";
import type { ThreadFilter } from "./discussion-links";
import { listSectionThreads, listThreadIdsCommentedBy, type ThreadSummary } from "./list-section-threads";
import { listThreadComments, type CommentView } from "./list-thread-comments";
import { requireSectionInConcept } from "./thread-access";

const textMaps = new LRUCache<string, TextMap>({ max: 200 });

/** Threads per page of the discussion beside a section. */
export const THREADS_PAGE_SIZE = 20;

export type { ThreadFilter } from "./discussion-links";
export type ThreadView = ThreadSummary & { comments: CommentView[] };

/**
 * Which page of the (filtered) thread list to show: `page` as asked (the raw `?seite=`, clamped), or else
 * the page holding `threadId` — page 1 when that thread is not in the list, so nothing is revealed about it.
 */
export type DiscussionPaging = { page?: number | string | null; threadId?: string | null };

/**
 * Everything the discussion beside a section needs: the section's HTML with anchored comments marked (all
 * open threads, whatever the page), one page of the threads the actor may see under the filter, with their
 * comments, counts over all of them, who can be mentioned, and what the actor may do. The number of queries
 * does not depend on the number of threads; comments are read for the threads of the page only.
 */
export async function getSectionDiscussion(
  db: Db,
  actor: Actor,
  conceptId: string,
  sectionId: string,
  filter: ThreadFilter = "alle",
  paging: DiscussionPaging = {},
) {
  const access = await requireConceptAccess(db, actor, conceptId, "section.read");
  const section = await requireSectionInConcept(db, conceptId, sectionId);
  // A section's content is fixed for each version: its text map and HTML are computed once per version.
  const contentKey = `${section.id}@${section.version}`;
  let map = textMaps.get(contentKey);
  if (!map) textMaps.set(contentKey, (map = textMap(PmNode.fromJSON(editorSchema(), section.content))));
  const all = await listSectionThreads(db, access, section.id, map.text);
  const highlights: Highlight[] = [];
  for (const t of all) {
    if (t.placement?.status !== "anchored" || t.status !== "open") continue;
    for (const r of textRangeToPositions(map, t.placement.start, t.placement.end))
      highlights.push({ ...r, threadId: t.id });
  }
  const commentedIn =
    filter === "meine" && all.length ? await listThreadIdsCommentedBy(db, section.id, actor.id) : new Set<string>();
  const filtered = all.filter((t) => {
    if (filter === "offen") return t.status === "open";
    if (filter === "erledigt") return t.status === "resolved";
    if (filter === "meine") return t.createdBy === actor.id || commentedIn.has(t.id);
    if (filter.startsWith("org:")) return t.createdByOrganisationId === filter.slice(4);
    return true;
  });
  const pageWindow = pageOf(filtered, paging);
  const onPage = filtered.slice(pageWindow.offset, pageWindow.offset + pageWindow.perPage);
  const commentsByThread = await listThreadComments(
    db,
    onPage.map((t) => t.id),
  );
  const threads: ThreadView[] = onPage.map((t) => ({ ...t, comments: commentsByThread.get(t.id) ?? [] }));
  return {
    // The section's text sits below its (visually hidden) h2 on the section page.
    html: placeHtmlHeadings(renderCachedHtml(contentKey, section.content, highlights), 2),
    threads,
    paging: pageWindow,
    counts: { open: all.filter((t) => t.status === "open").length, total: all.length },
    threadOrganisations: [
      ...new Map(
        all.filter((t) => t.createdByOrganisationId).map((t) => [t.createdByOrganisationId!, t.organisationName ?? ""]),
      ).entries(),
    ],
    mentionables: await listMentionables(db, conceptId),
    may: {
      comment: can("comment.create", access.subject),
      propose: can("proposal.create", access.subject),
      commentInternally: can("comment.readInternal", access.subject) && can("comment.create", access.subject),
      decide: can("thread.decide", access.subject),
      resolveAny: can("thread.resolveAny", access.subject),
    },
    sectionVersion: section.version,
  };
}

function pageOf(filtered: { id: string }[], { page, threadId }: DiscussionPaging): PageWindow {
  const asked = page ?? undefined;
  if ((asked === undefined || asked === "") && threadId) {
    const index = filtered.findIndex((t) => t.id === threadId);
    return clampPage(index < 0 ? 1 : Math.floor(index / THREADS_PAGE_SIZE) + 1, filtered.length, THREADS_PAGE_SIZE);
  }
  return clampPage(asked, filtered.length, THREADS_PAGE_SIZE);
}

/** People and organisations taking part in the concept, for @-mentions. */
export async function listMentionables(db: Db, conceptId: string) {
  const parts = await db.select().from(conceptParticipants).where(eq(conceptParticipants.conceptId, conceptId));
  const orgIds = parts.map((p) => p.organisationId).filter(Boolean) as string[];
  const userIds = parts.map((p) => p.userId).filter(Boolean) as string[];
  if (!orgIds.length && !userIds.length) return { organisations: [], people: [] };
  const orgs = orgIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(and(inArray(organisations.id, orgIds), eq(organisations.active, true)))
        .orderBy(asc(organisations.name))
    : [];
  const people = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        or(
          userIds.length ? inArray(users.id, userIds) : undefined,
          orgIds.length ? inArray(memberships.organisationId, orgIds) : undefined,
        ),
      ),
    )
    .orderBy(asc(users.name));
  return { organisations: orgs, people };
}
