import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { commentThreads, organisations, sectionRevisions, sectionSuggestions, users } from "@/db/schema";

export type SectionSuggestion = {
  id: string;
  authorId: string;
  authorName: string;
  organisationId: string | null;
  organisation: string | null;
  kind: "insertion" | "deletion" | "replacement" | "formatting";
  deletedText: string;
  insertedText: string;
  context: string;
  status: "open" | "accepted" | "rejected" | "withdrawn";
  decision: string | null;
  reason: string | null;
  decidedByName: string | null;
  resultVersion: number | null;
  createdAt: Date;
  decidedAt: Date | null;
  /** Discussions about it (threads visible to everyone), oldest first. */
  threadIds: string[];
};

/**
 * Every suggestion a section's live text has held, oldest first: open ones with author and organisation, decided
 * ones with their Abwägung. The caller has checked that the actor may read the section.
 */
export async function listSectionSuggestions(db: Db, sectionId: string): Promise<SectionSuggestion[]> {
  const decider = alias(users, "decider");
  const rows = await db
    .select({
      id: sectionSuggestions.id,
      authorId: sectionSuggestions.authorId,
      authorName: users.name,
      organisationId: sectionSuggestions.authorOrganisationId,
      organisation: organisations.name,
      kind: sectionSuggestions.kind,
      deletedText: sectionSuggestions.deletedText,
      insertedText: sectionSuggestions.insertedText,
      context: sectionSuggestions.context,
      status: sectionSuggestions.status,
      decision: sectionSuggestions.decision,
      reason: sectionSuggestions.decisionReason,
      decidedByName: decider.name,
      resultVersion: sectionRevisions.number,
      createdAt: sectionSuggestions.createdAt,
      decidedAt: sectionSuggestions.decidedAt,
      threadIds: sql<string[]>`coalesce((select array_agg(ct.id::text order by ct.created_at) from ${commentThreads} ct
        where ct.suggestion_id = ${sectionSuggestions.id} and ct.visibility = 'alle'), '{}')`,
    })
    .from(sectionSuggestions)
    .innerJoin(users, eq(users.id, sectionSuggestions.authorId))
    .leftJoin(organisations, eq(organisations.id, sectionSuggestions.authorOrganisationId))
    .leftJoin(decider, eq(decider.id, sectionSuggestions.decidedBy))
    .leftJoin(sectionRevisions, eq(sectionRevisions.id, sectionSuggestions.resultRevisionId))
    .where(eq(sectionSuggestions.sectionId, sectionId))
    .orderBy(asc(sectionSuggestions.createdAt), asc(sectionSuggestions.id));
  return rows;
}
