import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/load-actor";
import { roleColumns } from "@/lib/concepts/concept-access";
import { headlinePattern, MARK_END, MARK_START } from "./search-query";
import { SEARCH_INTERNAL_ROLES, SEARCH_READ_ROLES } from "./search-scope";

export type SearchHitKind = "section" | "comment" | "proposal";

export type HitRow = {
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

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`;
/** ts_headline drops anything that looks like an HTML tag; "<" is swapped out so such text survives into the snippet. */
const headlineInput = (text: SQL) => sql`replace(translate(${text}, E'\\uE000\\uE001\\uE002', ''), '<', E'\\uE002')`;

/**
 * ts_headline parses the whole text it is given (≈ 0.13 ms per 1,000 characters), so for a text longer than
 * LONG_TEXT bytes it reads a window of WINDOW characters that starts WINDOW_BEFORE characters (the words a
 * fragment shows before its match) ahead of the first place a word of the query is written, cut to whole words.
 * Equal windows get one ts_headline call: a proposal carries the whole section text, so a section and its
 * proposals mostly share their window.
 */
const LONG_TEXT = 2500;
const WINDOW = 1500;
const WINDOW_BEFORE = 200;
const FIRST_LOOK = 2000;

/**
 * The hits of a German full-text query the actor may read, best first, at most `limit` rows. Permissions are
 * part of the query: only concepts in which the actor holds a role that the permission table grants
 * section.read (drafting participants; committee members find no drafts), comments of "nur Verwaltung" threads
 * only with comment.readInternal, no deleted comments, nothing of archived sections.
 *
 * Each branch matches and ranks on the stored search_vector column with the tsquery as a constant, so the
 * planner can take the column's GIN index; the allowed concepts are an array computed once. Snippets are made
 * only for the rows returned. "offset 0" keeps a lateral value computed once per row where it is used twice.
 */
export function searchHitsSql(actor: Actor, tsquery: string, limit: number): SQL {
  const query = sql`${tsquery}::tsquery`;
  const pattern = headlinePattern(tsquery);
  const headline = (text: SQL) => sql`ts_headline('german', ${headlineInput(text)}, ${query}, ${HEADLINE_OPTIONS})`;
  // The first match is looked for in the first FIRST_LOOK characters before the whole text (regexp_instr
  // converts all of its input before it starts).
  const firstMatch =
    pattern === null
      ? sql`1`
      : sql`coalesce(nullif(regexp_instr(left(src.body, ${FIRST_LOOK}), ${pattern}::text), 0), regexp_instr(src.body, ${pattern}::text))`;
  // The window holds one character more than WINDOW, to tell whether its end cuts the text.
  const cutStart = sql`case when f.at > ${WINDOW_BEFORE + 1} then regexp_replace(w.text, '^\\S*\\s', '') else w.text end`;
  // A window without a marked word (the pattern found a look-alike) is not used: the whole text is.
  const windowHeadline =
    pattern === null ? sql`wh.headline` : sql`case when strpos(wh.headline, ${MARK_START}) > 0 then wh.headline end`;
  const { roles } = roleColumns(actor);
  return sql`
    with allowed as (
      select "concepts"."id" as id, "concepts"."title" as title, ${roles} && ${textArray(SEARCH_INTERNAL_ROLES)} as internal_ok
      from "concepts"
      where ${roles} && ${textArray(SEARCH_READ_ROLES)}
    ),
    hits as (
      select 'section' as kind, s.concept_id, s.id as section_id, null::uuid as thread_id, null::uuid as proposal_id, s.id as source_id,
             false as internal, ts_rank(s.search_vector, ${query}) as rank, s.updated_at as at
      from sections s
      where s.concept_id = any(array(select id from allowed)) and s.archived_at is null and s.search_vector @@ ${query}
      union all
      select 'comment', t.concept_id, t.section_id, t.id, null::uuid, cm.id, t.visibility = 'verwaltung',
             ts_rank(cm.search_vector, ${query}), cm.created_at
      from comments cm join comment_threads t on t.id = cm.thread_id join sections s on s.id = t.section_id
      where t.concept_id = any(array(select id from allowed)) and cm.deleted_at is null and s.archived_at is null
            and (t.visibility = 'alle' or t.concept_id = any(array(select id from allowed where internal_ok)))
            and cm.search_vector @@ ${query}
      union all
      select 'proposal', p.concept_id, p.section_id, null::uuid, p.id, p.id, false,
             ts_rank(p.search_vector, ${query}), p.created_at
      from change_proposals p join sections s on s.id = p.section_id
      where p.concept_id = any(array(select id from allowed)) and s.archived_at is null and p.search_vector @@ ${query}
    ),
    top as (select * from hits order by rank desc, at desc, section_id limit ${limit}),
    shown as materialized (
      select top.*, a.title as concept_title, s.title as section_title,
             (select count(*)::int from sections n where n.concept_id = s.concept_id and n.archived_at is null and n.position <= s.position) as section_number,
             src.body, win.text as snippet_window
      from top join allowed a on a.id = top.concept_id join sections s on s.id = top.section_id
      cross join lateral (
        select case top.kind
                 when 'section' then s.content_text
                 when 'comment' then (select cm.body from comments cm where cm.id = top.source_id)
                 else (select p.reason || ' ' || p.content_text from change_proposals p where p.id = top.source_id)
               end as body
        offset 0
      ) src
      left join lateral (
        select case when length(w.text) > ${WINDOW} then substring(${cutStart} from '^.*\\s') else ${cutStart} end as text
        from (select case when octet_length(src.body) > ${LONG_TEXT} then ${firstMatch} end as at offset 0) f
        cross join lateral (select substr(src.body, greatest(1, f.at - ${WINDOW_BEFORE}), ${WINDOW + 1}) as text offset 0) w
        where f.at > 0
        offset 0
      ) win on true
    ),
    window_headlines as materialized (
      select d.snippet_window, ${headline(sql`d.snippet_window`)} as headline
      from (select distinct snippet_window from shown where snippet_window is not null) d
    )
    select shown.kind, shown.concept_id as "conceptId", shown.concept_title as "conceptTitle", shown.section_id as "sectionId",
           shown.section_title as "sectionTitle", shown.section_number as "sectionNumber", shown.thread_id as "threadId",
           shown.proposal_id as "proposalId", shown.internal,
           coalesce(${windowHeadline}, ${headline(sql`shown.body`)}) as headline,
           shown.rank::float8 as rank, (extract(epoch from shown.at) * 1000)::float8 as "atMs"
    from shown left join window_headlines wh on wh.snippet_window = shown.snippet_window
    order by shown.rank desc, shown.at desc, shown.section_id`;
}
