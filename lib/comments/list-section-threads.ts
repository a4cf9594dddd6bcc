import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { commentThreads, comments, organisations, sectionSuggestions, users } from "@/db/schema";
import type { ConceptAccess } from "@/lib/concepts/concept-access";
import { can } from "@/lib/permissions/permissions";
import { resolveAnchor } from "./anchoring";

export type ThreadSummary = Awaited<ReturnType<typeof listSectionThreads>>[number];

/**
 * The threads of one section the actor may see, oldest first, with where each anchor sits in the current
 * text — without their comments (see listThreadComments), so counts, filters and highlights cost one query
 * however long the discussion is. Internal threads are filtered in the query.
 */
export async function listSectionThreads(db: Db, access: ConceptAccess, sectionId: string, currentText: string) {
  const internalAllowed = can("comment.readInternal", access.subject);
  const resolver = alias(users, "resolver");
  const threads = await db
    .select({
      thread: commentThreads,
      authorName: users.name,
      organisationName: organisations.name,
      resolverName: resolver.name,
      suggestionKind: sectionSuggestions.kind,
      suggestionDeleted: sectionSuggestions.deletedText,
      suggestionInserted: sectionSuggestions.insertedText,
    })
    .from(commentThreads)
    .innerJoin(users, eq(users.id, commentThreads.createdBy))
    .leftJoin(organisations, eq(organisations.id, commentThreads.createdByOrganisationId))
    .leftJoin(resolver, eq(resolver.id, commentThreads.decidedBy))
    .leftJoin(sectionSuggestions, eq(sectionSuggestions.id, commentThreads.suggestionId))
    .where(
      and(eq(commentThreads.sectionId, sectionId), internalAllowed ? undefined : eq(commentThreads.visibility, "alle")),
    )
    // The id breaks ties, so a thread keeps its page from one request to the next.
    .orderBy(asc(commentThreads.createdAt), asc(commentThreads.id));
  return threads.map(({ thread, authorName, organisationName, resolverName, ...s }) => ({
    ...thread,
    authorName,
    organisationName,
    deciderName: resolverName,
    /** The suggestion in the text this thread discusses. */
    suggestion: s.suggestionKind
      ? { kind: s.suggestionKind, deletedText: s.suggestionDeleted ?? "", insertedText: s.suggestionInserted ?? "" }
      : null,
    placement: thread.anchor ? resolveAnchor(currentText, thread.anchor) : null,
  }));
}

/** Ids of the section's threads someone wrote a comment in (deleted ones included), for the filter "meine". */
export async function listThreadIdsCommentedBy(db: Db, sectionId: string, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ threadId: comments.threadId })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(and(eq(commentThreads.sectionId, sectionId), eq(comments.authorId, userId)));
  return new Set(rows.map((r) => r.threadId));
}
