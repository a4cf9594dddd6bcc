import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { commentColumns, commentMentions, comments, organisations, users } from "@/db/schema";

export type CommentView = {
  id: string;
  authorId: string;
  authorName: string;
  organisationName: string | null;
  /** null once deleted: the placeholder keeps the thread readable. */
  body: string | null;
  createdAt: Date;
  edited: boolean;
  deleted: boolean;
  /** Names of the people and organisations mentioned. */
  mentions: string[];
};

/**
 * The comments of the given threads, oldest first, with their mentions: two queries whatever the number of
 * threads. The caller has already checked that the actor may see these threads.
 */
export async function listThreadComments(db: Db, threadIds: string[]): Promise<Map<string, CommentView[]>> {
  const byThread = new Map<string, CommentView[]>();
  if (!threadIds.length) return byThread;
  const commentRows = await db
    .select({ comment: commentColumns, authorName: users.name, organisationName: organisations.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(organisations, eq(organisations.id, comments.organisationId))
    .where(inArray(comments.threadId, threadIds))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const mentionRows = await db
    .select({ commentId: commentMentions.commentId, userName: users.name, organisationName: organisations.name })
    .from(commentMentions)
    .innerJoin(comments, eq(comments.id, commentMentions.commentId))
    .leftJoin(users, eq(users.id, commentMentions.userId))
    .leftJoin(organisations, eq(organisations.id, commentMentions.organisationId))
    .where(inArray(comments.threadId, threadIds));
  const mentionsByComment = new Map<string, string[]>();
  for (const m of mentionRows)
    mentionsByComment.set(m.commentId, [
      ...(mentionsByComment.get(m.commentId) ?? []),
      m.userName ?? m.organisationName ?? "",
    ]);
  for (const { comment, authorName, organisationName } of commentRows) {
    const list = byThread.get(comment.threadId) ?? [];
    list.push({
      id: comment.id,
      authorId: comment.authorId,
      authorName,
      organisationName,
      body: comment.deletedAt ? null : comment.body,
      createdAt: comment.createdAt,
      edited: Boolean(comment.editedAt),
      deleted: Boolean(comment.deletedAt),
      mentions: mentionsByComment.get(comment.id) ?? [],
    });
    byThread.set(comment.threadId, list);
  }
  return byThread;
}
