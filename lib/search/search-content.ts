import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/load-actor";
import { roleColumns } from "@/lib/concepts/concept-access";
import { AppError } from "@/lib/errors";
import { queryRows } from "@/db/query-rows";
import { MARK_END, MARK_START, MAX_QUERY_LENGTH, parseSearchQuery, prefixTsquery, snippetSegments, type SnippetSegment } from "./search-query";
import { SEARCH_INTERNAL_ROLES, SEARCH_READ_ROLES } from "./search-scope";

/** More hits than this are not shown; the page asks for a narrower query. */
export const MAX_HITS = 100;

export type SearchHitKind = "section" | "comment" | "proposal";
export type SearchHit = { kind: SearchHitKind; href: string; snippet: SnippetSegment[]; internal: boolean; at: Date };
export type SearchSectionGroup = { sectionId: string; number: number; title: string; href: string; hits: SearchHit[] };
export type SearchConceptGroup = { conceptId: string; title: string; sections: SearchSectionGroup[] };
export type SearchResult = { query: string; hitCount: number; truncated: boolean; concepts: SearchConceptGroup[] };

type HitRow = {
  kind: SearchHitKind;
  conceptId: string;
  conceptTitle: string;
  sectionId: string;
  sectionTitle: string;
  sectionNumber: number;
  threadId: string | null;
  proposalId: string | null;
  internal: boolean;
  headline: string;
  rank: number;
  atMs: number;
};

const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`;
/** ts_headline drops anything that looks like an HTML tag; "<" is swapped out so such text survives into the snippet. */
const headlineInput = (column: string) => sql.raw(`replace(translate(${column}, E'\\uE000\\uE001\\uE002', ''), '<', E'\\uE002')`);

/**
 * German full-text search over the current text of sections, the comments and the change proposals the actor
 * may read. Permissions are part of the query: only concepts in which the actor holds a role that the
 * permission table grants section.read (drafting participants; committee members find no drafts), comments of
 * "nur Verwaltung" threads only with comment.readInternal. Two queries: the tsquery, then the hits.
 */
export async function searchContent(db: Db, actor: Actor, rawQuery: unknown): Promise<SearchResult> {
  const parsed = parseSearchQuery(rawQuery);
  if (!parsed.ok) {
    throw new AppError("VALIDATION", parsed.reason === "empty" ? "Bitte geben Sie einen Suchbegriff ein." : `Der Suchbegriff darf höchstens ${MAX_QUERY_LENGTH} Zeichen lang sein.`);
  }
  const [tsq] = await queryRows<{ text: string }>(db, sql`select websearch_to_tsquery('german', ${parsed.q})::text as text`);
  const tsquery = prefixTsquery(tsq?.text ?? "");
  if (!tsquery.trim()) return { query: parsed.q, hitCount: 0, truncated: false, concepts: [] };

  const { roles } = roleColumns(actor);
  const rows = await queryRows<HitRow>(
    db,
    sql`
    with q as (select ${tsquery}::tsquery as query),
    allowed as (
      select "concepts"."id" as id, "concepts"."title" as title, ${roles} && ${textArray(SEARCH_INTERNAL_ROLES)} as internal_ok
      from "concepts"
      where ${roles} && ${textArray(SEARCH_READ_ROLES)}
    ),
    hits as (
      select 'section' as kind, s.concept_id, s.id as section_id, null::uuid as thread_id, null::uuid as proposal_id, false as internal,
             s.content_text as body, ts_rank(to_tsvector('german', s.content_text), q.query) as rank, s.updated_at as at
      from sections s join allowed a on a.id = s.concept_id cross join q
      where s.archived_at is null and to_tsvector('german', s.content_text) @@ q.query
      union all
      select 'comment', t.concept_id, t.section_id, t.id, null::uuid, t.visibility = 'verwaltung',
             cm.body, ts_rank(to_tsvector('german', cm.body), q.query), cm.created_at
      from comments cm join comment_threads t on t.id = cm.thread_id join allowed a on a.id = t.concept_id
           join sections s on s.id = t.section_id cross join q
      where cm.deleted_at is null and s.archived_at is null and (t.visibility = 'alle' or a.internal_ok)
            and to_tsvector('german', cm.body) @@ q.query
      union all
      select 'proposal', p.concept_id, p.section_id, null::uuid, p.id, false,
             p.reason || ' ' || p.content_text, ts_rank(to_tsvector('german', p.reason || ' ' || p.content_text), q.query), p.created_at
      from change_proposals p join allowed a on a.id = p.concept_id join sections s on s.id = p.section_id cross join q
      where s.archived_at is null and to_tsvector('german', p.reason || ' ' || p.content_text) @@ q.query
    ),
    top as (select * from hits order by rank desc, at desc, section_id limit ${MAX_HITS + 1})
    select top.kind, top.concept_id as "conceptId", a.title as "conceptTitle", top.section_id as "sectionId", s.title as "sectionTitle",
           (select count(*)::int from sections n where n.concept_id = s.concept_id and n.archived_at is null and n.position <= s.position) as "sectionNumber",
           top.thread_id as "threadId", top.proposal_id as "proposalId", top.internal,
           ts_headline('german', ${headlineInput("top.body")}, q.query, ${HEADLINE_OPTIONS}) as headline,
           top.rank::float8 as rank, (extract(epoch from top.at) * 1000)::float8 as "atMs"
    from top join allowed a on a.id = top.concept_id join sections s on s.id = top.section_id cross join q
    order by top.rank desc, top.at desc, top.section_id`,
  );
  const truncated = rows.length > MAX_HITS;
  return { query: parsed.q, hitCount: Math.min(rows.length, MAX_HITS), truncated, concepts: groupHits(rows.slice(0, MAX_HITS)) };
}

const KIND_ORDER: Record<SearchHitKind, number> = { section: 0, comment: 1, proposal: 2 };

function hrefOf(row: HitRow): string {
  const section = `/konzepte/${row.conceptId}/abschnitte/${row.sectionId}`;
  if (row.kind === "comment") return `${section}#thread-${row.threadId}`;
  if (row.kind === "proposal") return `${section}/vorschlaege/${row.proposalId}`;
  return section;
}

/** Concepts in the order of their best hit, sections in document order, section text before comments and proposals. */
function groupHits(rows: HitRow[]): SearchConceptGroup[] {
  const concepts = new Map<string, SearchConceptGroup>();
  for (const row of rows) {
    let concept = concepts.get(row.conceptId);
    if (!concept) concepts.set(row.conceptId, (concept = { conceptId: row.conceptId, title: row.conceptTitle, sections: [] }));
    let section = concept.sections.find((s) => s.sectionId === row.sectionId);
    if (!section) {
      section = { sectionId: row.sectionId, number: row.sectionNumber, title: row.sectionTitle, href: `/konzepte/${row.conceptId}/abschnitte/${row.sectionId}`, hits: [] };
      concept.sections.push(section);
    }
    section.hits.push({ kind: row.kind, href: hrefOf(row), snippet: snippetSegments(row.headline), internal: row.internal, at: new Date(row.atMs) });
  }
  for (const concept of concepts.values()) {
    concept.sections.sort((a, b) => a.number - b.number);
    for (const section of concept.sections) section.hits.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  }
  return [...concepts.values()];
}

