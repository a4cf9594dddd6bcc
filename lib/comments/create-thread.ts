import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { commentMentions, commentThreads, comments, sectionRevisions, sectionSuggestions } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { AppError, forbidden } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { can } from "@/lib/permissions/permissions";
import { leadsOf, membersOf, notify } from "@/lib/notifications/notify";
import { anchorFromQuote } from "./anchoring";
import { takeContributionToken } from "./contribution-rate-limit";
import { threadHref } from "./discussion-links";
import { ZCreateThread, type CreateThreadInput } from "./comment-schemas";
import { resolveMentions, type ResolvedMentions } from "./resolve-mentions";
import { actorOrganisationFor, requireSectionInConcept } from "./thread-access";

/** Opens a thread on a section (whole section or a quoted text passage) with its first comment. */
export async function createThread(db: Db, actor: Actor, input: CreateThreadInput): Promise<{ threadId: string }> {
  const data = parseOrThrow(ZCreateThread, input);
  const access = await requireConceptAccess(db, actor, data.conceptId, "section.read");
  if (!can("comment.create", access.subject)) throw forbidden("appError.comment.cannotComment");
  if (data.visibility === "verwaltung" && !can("comment.readInternal", access.subject)) {
    throw new AppError(
      "VALIDATION",
      "appError.comment.internalOnlyAdministration",
      {},
      {
        visibility: "appError.comment.internalOnlyAdministration",
      },
    );
  }
  return db.transaction(async (tx) => {
    await takeContributionToken(tx, actor.id);
    const section = await requireSectionInConcept(tx, data.conceptId, data.sectionId);
    const [revision] = await tx
      .select({ id: sectionRevisions.id, contentText: sectionRevisions.contentText })
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, section.id), eq(sectionRevisions.number, section.version)))
      .orderBy(desc(sectionRevisions.number))
      .limit(1);
    let anchor = null;
    if (data.quote) {
      anchor = revision
        ? anchorFromQuote(revision.contentText, data.quote.exact, data.quote.prefix, data.quote.suffix)
        : null;
      if (!anchor) {
        const message = "appError.comment.quoteNotFound";
        throw new AppError("VALIDATION", message, {}, { quote: message });
      }
    }
    if (data.suggestionId) {
      const [suggestion] = await tx
        .select({ id: sectionSuggestions.id })
        .from(sectionSuggestions)
        .where(and(eq(sectionSuggestions.id, data.suggestionId), eq(sectionSuggestions.sectionId, section.id)));
      if (!suggestion) throw new AppError("VALIDATION", "appError.suggestion.notFound");
    }
    const mentions = await resolveMentions(tx, data.conceptId, data.mentions);
    const organisationId = actorOrganisationFor(actor);
    const [thread] = await tx
      .insert(commentThreads)
      .values({
        conceptId: data.conceptId,
        sectionId: section.id,
        revisionId: revision?.id ?? null,
        anchor,
        visibility: data.visibility,
        blocking: data.blocking,
        suggestionId: data.suggestionId ?? null,
        createdBy: actor.id,
        createdByOrganisationId: organisationId,
      })
      .returning({ id: commentThreads.id });
    const [comment] = await tx
      .insert(comments)
      .values({ threadId: thread!.id, authorId: actor.id, organisationId, body: data.body })
      .returning({ id: comments.id });
    await insertMentions(tx, comment!.id, mentions);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      actorOrganisationId: organisationId,
      action: "thread.created",
      objectType: "comment_thread",
      objectId: thread!.id,
      conceptId: data.conceptId,
      summary: {
        sectionId: section.id,
        visibility: data.visibility,
        blocking: data.blocking,
        anchored: Boolean(anchor),
        length: data.body.length,
      },
    });
    const link = threadHref(data.conceptId, section.id, thread!.id);
    const internal = data.visibility === "verwaltung";
    const excerpt = data.body.slice(0, 280);
    await notify(tx, actor.id, mentions.recipients, {
      kind: "mention",
      conceptId: data.conceptId,
      title: { key: "mentionTitle", params: { actor: actor.name, section: section.title } },
      body: { key: "plain", params: { text: excerpt } },
      link,
      internal,
    });
    const owners = (await membersOf(tx, [section.ownerOrganisationId])).filter(
      (id) => !mentions.recipients.includes(id),
    );
    await notify(tx, actor.id, owners, {
      kind: "section_activity",
      conceptId: data.conceptId,
      title: { key: "commentTitle", params: { section: section.title } },
      body: { key: "byline", params: { actor: actor.name, text: excerpt } },
      link,
      internal,
    });
    // The lead weighs every comment (Abwägung), also on sections other organisations own.
    const informed = new Set([...mentions.recipients, ...owners]);
    await notify(
      tx,
      actor.id,
      (await leadsOf(tx, data.conceptId)).filter((id) => !informed.has(id)),
      {
        kind: "lead_activity",
        conceptId: data.conceptId,
        title: { key: "commentTitle", params: { section: section.title } },
        body: { key: "byline", params: { actor: actor.name, text: excerpt } },
        link,
        internal,
      },
    );
    return { threadId: thread!.id };
  });
}

export async function insertMentions(tx: Tx, commentId: string, mentions: ResolvedMentions) {
  const rows = [
    ...mentions.userIds.map((userId) => ({ commentId, userId })),
    ...mentions.organisationIds.map((organisationId) => ({ commentId, organisationId })),
  ];
  if (rows.length) await tx.insert(commentMentions).values(rows);
}
