import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { commentColumns, commentVersions, comments } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { can } from "@/lib/permissions/permissions";
import { ZCommentId, ZEditComment } from "./comment-schemas";
import { requireVisibleThread } from "./thread-access";

async function requireOwnComment(db: Db, actor: Actor, commentId: string) {
  const [comment] = await db.select(commentColumns).from(comments).where(eq(comments.id, commentId)).limit(1);
  if (!comment) throw notFound();
  const { thread, access } = await requireVisibleThread(db, actor, comment.threadId);
  if (comment.authorId !== actor.id) throw forbidden("appError.comment.editOwnOnly");
  if (comment.deletedAt) throw new AppError("CONFLICT", "appError.comment.deleted");
  if (!can("comment.create", access.subject)) throw forbidden("appError.comment.editClosed");
  return { comment, thread };
}

/** Changes the wording of one's own comment; the earlier wording is kept and the comment marked as edited. */
export async function editComment(db: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(ZEditComment, input);
  const { comment, thread } = await requireOwnComment(db, actor, data.commentId);
  if (comment.body === data.body) return;
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(comments)
      .set({ body: data.body, editedAt: new Date() })
      .where(and(eq(comments.id, comment.id), eq(comments.body, comment.body), isNull(comments.deletedAt)))
      .returning({ id: comments.id });
    if (!updated) throw new AppError("CONFLICT", "appError.comment.changedMeanwhile");
    await tx.insert(commentVersions).values({ commentId: comment.id, body: comment.body });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "comment.edited",
      objectType: "comment",
      objectId: comment.id,
      conceptId: thread.conceptId,
      summary: { before: comment.body.length, after: data.body.length },
    });
  });
}

/** Soft delete: the thread stays readable with a placeholder; the text is kept as a version for the record. */
export async function deleteComment(db: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(ZCommentId, input);
  const { comment, thread } = await requireOwnComment(db, actor, data.commentId);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(comments)
      .set({ deletedAt: new Date() })
      .where(and(eq(comments.id, comment.id), isNull(comments.deletedAt)))
      .returning({ id: comments.id });
    if (!updated) throw new AppError("CONFLICT", "appError.comment.alreadyDeleted");
    await tx.insert(commentVersions).values({ commentId: comment.id, body: comment.body });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "comment.deleted",
      objectType: "comment",
      objectId: comment.id,
      conceptId: thread.conceptId,
    });
  });
}
