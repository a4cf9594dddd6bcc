import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { commentThreads, sectionRevisions, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { fieldError, forbidden } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { notify } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions/permissions";
import { ZDecideThread } from "./comment-schemas";
import { threadHref } from "./discussion-links";
import { requireVisibleThread } from "./thread-access";

export const ABWAEGUNG_LABEL = {
  uebernommen: "übernommen",
  teilweise_uebernommen: "teilweise übernommen",
  nicht_uebernommen: "nicht übernommen",
  zur_kenntnis_genommen: "zur Kenntnis genommen",
} as const;

/** Records (or revises) the Abwägung of a thread: decision, reason and, where it led to one, the revision. */
export async function decideThread(db: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(ZDecideThread, input);
  const { thread, access } = await requireVisibleThread(db, actor, data.threadId);
  if (!can("thread.decide", access.subject)) throw forbidden("appError.comment.decideForbidden");
  await db.transaction(async (tx) => {
    let revisionId: string | null = null;
    if (data.revisionNumber !== undefined) {
      const [rev] = await tx
        .select({ id: sectionRevisions.id })
        .from(sectionRevisions)
        .where(and(eq(sectionRevisions.sectionId, thread.sectionId), eq(sectionRevisions.number, data.revisionNumber)));
      if (!rev) {
        throw fieldError("revisionNumber", "appError.common.revisionNotInSection", { number: data.revisionNumber });
      }
      revisionId = rev.id;
    }
    await tx
      .update(commentThreads)
      .set({
        decision: data.decision,
        decisionReason: data.reason,
        decidedBy: actor.id,
        decidedAt: new Date(),
        decisionRevisionId: revisionId,
      })
      .where(eq(commentThreads.id, thread.id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "thread.decided",
      objectType: "comment_thread",
      objectId: thread.id,
      conceptId: thread.conceptId,
      summary: { before: thread.decision, after: data.decision, revisionNumber: data.revisionNumber ?? null },
    });
    const [author] = await tx.select({ id: users.id }).from(users).where(eq(users.id, thread.createdBy));
    await notify(tx, actor.id, author ? [author.id] : [], {
      kind: "decision",
      conceptId: thread.conceptId,
      title: { key: "commentDecisionTitle", params: { decision: data.decision } },
      body: { key: "byline", params: { actor: actor.name, text: data.reason.slice(0, 400) } },
      link: threadHref(thread.conceptId, thread.sectionId, thread.id),
      internal: thread.visibility === "verwaltung",
    });
  });
}
