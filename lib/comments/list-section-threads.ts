import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { commentColumns, commentMentions, commentThreads, comments, organisations, users } from "@/db/schema";
import type { ConceptAccess } from "@/lib/concepts/concept-access";
import { can } from "@/lib/permissions/permissions";
import { resolveAnchor } from "./anchoring";

export type ThreadView = Awaited<ReturnType<typeof listSectionThreads>>[number];

/**
 * The threads of one section the actor may see, with comments, mentions and where each anchor sits in the
 * current text. Internal threads are filtered in the query. Three queries whatever the number of threads.
 */
export async function listSectionThreads(db: Db, access: ConceptAccess, sectionId: string, currentText: string) {
  const internalAllowed = can("comment.readInternal", access.subject);
  const resolver = alias(users, "resolver");
  const threads = await db
    .select({ thread: commentThreads, authorName: users.name, organisationName: organisations.name, resolverName: resolver.name })
    .from(commentThreads)
    .innerJoin(users, eq(users.id, commentThreads.createdBy))
    .leftJoin(organisations, eq(organisations.id, commentThreads.createdByOrganisationId))
    .leftJoin(resolver, eq(resolver.id, commentThreads.decidedBy))
    .where(and(eq(commentThreads.sectionId, sectionId), internalAllowed ? undefined : eq(commentThreads.visibility, "alle")))
    .orderBy(asc(commentThreads.createdAt));
  if (!threads.length) return [];
  const threadIds = threads.map((t) => t.thread.id);
  const commentRows = await db
    .select({ comment: commentColumns, authorName: users.name, organisationName: organisations.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(organisations, eq(organisations.id, comments.organisationId))
    .where(inArray(comments.threadId, threadIds))
    .orderBy(asc(comments.createdAt));
  const mentionRows = await db
    .select({ commentId: commentMentions.commentId, userName: users.name, organisationName: organisations.name })
    .from(commentMentions)
    .innerJoin(comments, eq(comments.id, commentMentions.commentId))
    .leftJoin(users, eq(users.id, commentMentions.userId))
    .leftJoin(organisations, eq(organisations.id, commentMentions.organisationId))
    .where(inArray(comments.threadId, threadIds));
  const mentionsByComment = new Map<string, string[]>();
  for (const m of mentionRows) mentionsByComment.set(m.commentId, [...(mentionsByComment.get(m.commentId) ?? []), m.userName ?? m.organisationName ?? ""]);
  const commentsByThread = new Map<string, typeof commentRows>();
  for (const c of commentRows) commentsByThread.set(c.comment.threadId, [...(commentsByThread.get(c.comment.threadId) ?? []), c]);
  return threads.map(({ thread, authorName, organisationName, resolverName }) => {
    const placed = thread.anchor ? resolveAnchor(currentText, thread.anchor) : null;
    return {
      ...thread,
      authorName,
      organisationName,
      deciderName: resolverName,
      placement: placed,
      comments: (commentsByThread.get(thread.id) ?? []).map((c) => ({
          id: c.comment.id,
          authorId: c.comment.authorId,
          authorName: c.authorName,
          organisationName: c.organisationName,
          body: c.comment.deletedAt ? null : c.comment.body,
          createdAt: c.comment.createdAt,
          edited: Boolean(c.comment.editedAt),
          deleted: Boolean(c.comment.deletedAt),
          mentions: mentionsByComment.get(c.comment.id) ?? [],
        })),
    };
  });
}
