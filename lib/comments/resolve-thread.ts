import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { commentThreads, organisations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError, forbidden } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { can } from "@/lib/permissions/permissions";
import { ZThreadId } from "./comment-schemas";
import { requireVisibleThread } from "./thread-access";

/** Resolve (open → resolved) or reopen (resolved → open); the Verwaltung or the thread's author may. */
export async function setThreadResolved(db: Db, actor: Actor, input: unknown, resolved: boolean): Promise<void> {
  const { threadId } = parseOrThrow(ZThreadId, input);
  const { thread, access } = await requireVisibleThread(db, actor, threadId);
  const mayResolve =
    can("thread.resolveAny", access.subject) ||
    (thread.createdBy === actor.id && can("comment.create", access.subject));
  if (!mayResolve) throw forbidden("appError.comment.resolveForbidden");
  if (resolved && thread.blocking && thread.decision === null && thread.createdBy !== actor.id) {
    // A Träger's blocking objection is closed by someone else only with a recorded Abwägung (decision and reason).
    const [origin] = thread.createdByOrganisationId
      ? await db
          .select({ kind: organisations.kind })
          .from(organisations)
          .where(eq(organisations.id, thread.createdByOrganisationId))
      : [];
    if (origin?.kind === "traeger") throw new AppError("VALIDATION", "appError.comment.blockingNeedsAbwaegung");
  }
  const from = resolved ? "open" : "resolved";
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(commentThreads)
      .set(
        resolved
          ? { status: "resolved", resolvedAt: new Date(), resolvedBy: actor.id }
          : { status: "open", resolvedAt: null, resolvedBy: null },
      )
      .where(and(eq(commentThreads.id, thread.id), eq(commentThreads.status, from)))
      .returning({ id: commentThreads.id });
    if (!row)
      throw new AppError(
        "CONFLICT",
        resolved ? "appError.comment.alreadyResolved" : "appError.comment.alreadyReopened",
      );
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: resolved ? "thread.resolved" : "thread.reopened",
      objectType: "comment_thread",
      objectId: thread.id,
      conceptId: thread.conceptId,
      summary: { before: from, after: resolved ? "resolved" : "open" },
    });
  });
}
