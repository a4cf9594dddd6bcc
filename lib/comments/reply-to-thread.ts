import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { comments, sections } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError, forbidden } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { notify } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions/permissions";
import { ZReply } from "./comment-schemas";
import { takeContributionToken } from "./contribution-rate-limit";
import { insertMentions } from "./create-thread";
import { threadHref } from "./discussion-links";
import { listThreadComments, type CommentView } from "./list-thread-comments";
import { resolveMentions } from "./resolve-mentions";
import { actorOrganisationFor, requireVisibleThread } from "./thread-access";

export async function replyToThread(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<{ commentId: string; comment: CommentView }> {
  const data = parseOrThrow(ZReply, input);
  const { thread, access } = await requireVisibleThread(db, actor, data.threadId);
  if (!can("comment.create", access.subject)) throw forbidden("appError.comment.cannotReply");
  const { commentId } = await db.transaction(async (tx) => {
    await takeContributionToken(tx, actor.id);
    const [section] = await tx
      .select({ title: sections.title, archivedAt: sections.archivedAt })
      .from(sections)
      .where(eq(sections.id, thread.sectionId));
    if (!section || section.archivedAt) throw new AppError("CONFLICT", "appError.comment.sectionRemoved");
    const mentions = await resolveMentions(tx, thread.conceptId, data.mentions);
    const organisationId = actorOrganisationFor(actor);
    const [comment] = await tx
      .insert(comments)
      .values({ threadId: thread.id, authorId: actor.id, organisationId, body: data.body })
      .returning({ id: comments.id });
    await insertMentions(tx, comment!.id, mentions);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      actorOrganisationId: organisationId,
      action: "comment.replied",
      objectType: "comment",
      objectId: comment!.id,
      conceptId: thread.conceptId,
      summary: { threadId: thread.id, length: data.body.length },
    });
    const link = threadHref(thread.conceptId, thread.sectionId, thread.id);
    const internal = thread.visibility === "verwaltung";
    const excerpt = `${actor.name}: ${data.body.slice(0, 280)}`;
    const inThread = await tx
      .selectDistinct({ authorId: comments.authorId })
      .from(comments)
      .where(eq(comments.threadId, thread.id));
    await notify(tx, actor.id, mentions.recipients, {
      kind: "mention",
      conceptId: thread.conceptId,
      title: { key: "mentionTitle", params: { actor: actor.name, section: section.title } },
      body: { key: "plain", params: { text: excerpt } },
      link,
      internal,
    });
    await notify(
      tx,
      actor.id,
      inThread.map((r) => r.authorId).filter((id) => !mentions.recipients.includes(id)),
      {
        kind: "reply",
        conceptId: thread.conceptId,
        title: { key: "replyTitle", params: { section: section.title } },
        body: { key: "plain", params: { text: excerpt } },
        link,
        internal,
      },
    );
    return { commentId: comment!.id };
  });
  // The stored reply as the discussion lists it (author, organisation, time, mentions): the form shows it at once.
  const stored = (await listThreadComments(db, [thread.id])).get(thread.id)?.find((c) => c.id === commentId);
  if (!stored) throw new Error(`Antwort ${commentId} nach dem Speichern nicht gefunden`);
  return { commentId, comment: stored };
}
