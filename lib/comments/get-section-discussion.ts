import "server-only";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { Node as PmNode } from "@tiptap/pm/model";
import type { Db } from "@/db/connect";
import { conceptParticipants, memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { LruCache, renderCachedHtml } from "@/lib/content/render-cache";
import { editorSchema, type Highlight } from "@/lib/content/render-html";
import { textMap, textRangeToPositions, type TextMap } from "@/lib/content/text-map";
import { can } from "@/lib/permissions/permissions";
import { listSectionThreads } from "./list-section-threads";
import { requireSectionInConcept } from "./thread-access";

const textMaps = new LruCache<TextMap>(200);

export type ThreadFilter = "alle" | "offen" | "erledigt" | "meine" | `org:${string}`;

/**
 * Everything the discussion beside a section needs: the section's HTML with anchored comments marked,
 * the threads the actor may see (filtered), who can be mentioned, and what the actor may do.
 */
export async function getSectionDiscussion(db: Db, actor: Actor, conceptId: string, sectionId: string, filter: ThreadFilter = "alle") {
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
    for (const r of textRangeToPositions(map, t.placement.start, t.placement.end)) highlights.push({ ...r, threadId: t.id });
  }
  const threads = all.filter((t) => {
    if (filter === "offen") return t.status === "open";
    if (filter === "erledigt") return t.status === "resolved";
    if (filter === "meine") return t.createdBy === actor.id || t.comments.some((c) => c.authorId === actor.id);
    if (filter.startsWith("org:")) return t.createdByOrganisationId === filter.slice(4);
    return true;
  });
  return {
    html: renderCachedHtml(contentKey, section.content, highlights),
    threads,
    counts: { open: all.filter((t) => t.status === "open").length, total: all.length },
    threadOrganisations: [...new Map(all.filter((t) => t.createdByOrganisationId).map((t) => [t.createdByOrganisationId!, t.organisationName ?? ""])).entries()],
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

/** People and organisations taking part in the concept, for @-mentions. */
export async function listMentionables(db: Db, conceptId: string) {
  const parts = await db.select().from(conceptParticipants).where(eq(conceptParticipants.conceptId, conceptId));
  const orgIds = parts.map((p) => p.organisationId).filter(Boolean) as string[];
  const userIds = parts.map((p) => p.userId).filter(Boolean) as string[];
  if (!orgIds.length && !userIds.length) return { organisations: [], people: [] };
  const orgs = orgIds.length ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(inArray(organisations.id, orgIds), eq(organisations.active, true))).orderBy(asc(organisations.name)) : [];
  const people = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.active, true), or(userIds.length ? inArray(users.id, userIds) : undefined, orgIds.length ? inArray(memberships.organisationId, orgIds) : undefined)))
    .orderBy(asc(users.name));
  return { organisations: orgs, people };
}

