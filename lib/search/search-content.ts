import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/load-actor";
import { threadHref } from "@/lib/comments/discussion-links";
import { AppError } from "@/lib/errors";
import { queryRows } from "@/db/query-rows";
import { searchHitsSql, type HitRow, type SearchHitKind } from "./search-hits-sql";
import {
  MAX_QUERY_LENGTH,
  parseSearchQuery,
  prefixTsquery,
  snippetSegments,
  type SnippetSegment,
} from "./search-query";

/** More hits than this are not shown; the page asks for a narrower query. */
export const MAX_HITS = 100;

export type { SearchHitKind };
export type SearchHit = { kind: SearchHitKind; href: string; snippet: SnippetSegment[]; internal: boolean; at: Date };
export type SearchSectionGroup = { sectionId: string; number: number; title: string; href: string; hits: SearchHit[] };
export type SearchConceptGroup = { conceptId: string; title: string; sections: SearchSectionGroup[] };
export type SearchResult = { query: string; hitCount: number; truncated: boolean; concepts: SearchConceptGroup[] };

/**
 * German full-text search over the current text of sections, the comments and the change proposals the actor
 * may read (the rules are in searchHitsSql). Two queries: the tsquery, then the hits with their snippets.
 */
export async function searchContent(db: Db, actor: Actor, rawQuery: unknown): Promise<SearchResult> {
  const parsed = parseSearchQuery(rawQuery);
  if (!parsed.ok) {
    throw parsed.reason === "empty"
      ? new AppError("VALIDATION", "appError.search.queryRequired")
      : new AppError("VALIDATION", "appError.search.queryTooLong", { max: MAX_QUERY_LENGTH });
  }
  const [tsq] = await queryRows<{ text: string }>(
    db,
    sql`select websearch_to_tsquery('german', ${parsed.q})::text as text`,
  );
  const tsquery = prefixTsquery(tsq?.text ?? "");
  if (!tsquery.trim()) return { query: parsed.q, hitCount: 0, truncated: false, concepts: [] };

  const rows = await queryRows<HitRow>(db, searchHitsSql(actor, tsquery, MAX_HITS + 1));
  const truncated = rows.length > MAX_HITS;
  return {
    query: parsed.q,
    hitCount: Math.min(rows.length, MAX_HITS),
    truncated,
    concepts: groupHits(rows.slice(0, MAX_HITS)),
  };
}

const KIND_ORDER: Record<SearchHitKind, number> = { section: 0, comment: 1, proposal: 2 };

function hrefOf(row: HitRow): string {
  const section = `/konzepte/${row.conceptId}/abschnitte/${row.sectionId}`;
  if (row.kind === "comment") return threadHref(row.conceptId, row.sectionId, row.threadId!);
  if (row.kind === "proposal") return `${section}/vorschlaege/${row.proposalId}`;
  return section;
}

/** Concepts in the order of their best hit, sections in document order, section text before comments and proposals. */
function groupHits(rows: HitRow[]): SearchConceptGroup[] {
  const concepts = new Map<string, SearchConceptGroup>();
  for (const row of rows) {
    let concept = concepts.get(row.conceptId);
    if (!concept)
      concepts.set(row.conceptId, (concept = { conceptId: row.conceptId, title: row.conceptTitle, sections: [] }));
    let section = concept.sections.find((s) => s.sectionId === row.sectionId);
    if (!section) {
      section = {
        sectionId: row.sectionId,
        number: row.sectionNumber,
        title: row.sectionTitle,
        href: `/konzepte/${row.conceptId}/abschnitte/${row.sectionId}`,
        hits: [],
      };
      concept.sections.push(section);
    }
    section.hits.push({
      kind: row.kind,
      href: hrefOf(row),
      snippet: snippetSegments(row.headline),
      internal: row.internal,
      at: new Date(row.atMs),
    });
  }
  for (const concept of concepts.values()) {
    concept.sections.sort((a, b) => a.number - b.number);
    for (const section of concept.sections) section.hits.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  }
  return [...concepts.values()];
}
