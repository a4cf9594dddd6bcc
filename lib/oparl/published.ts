import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { queryRows } from "@/db/query-rows";
import type { ListFilters } from "./list-query";

/**
 * What OParl publishes, as SQL common table expressions — never anything else:
 *
 * - papers: Vorlagen whose concept is submitted (eingereicht, beraten, abgeschlossen). A withdrawn Vorlage
 *   (vorlagen.withdrawn_at) stays as a deleted stub whose modified is the withdrawal time; its concept is a
 *   draft again, so nothing else of it is read.
 * - consults: the Beratungsfolge of those papers; of a withdrawn paper only the rows that existed when it
 *   was withdrawn, as deleted stubs.
 * - meetings: one per committee and meeting date of a live consultation.
 * - orgs: the committees of live consultations and the lead offices of live papers.
 * - files: the PDFs of live papers.
 *
 * Timestamps leave the database as epoch milliseconds (float8): both drivers return a plain number.
 * "published" is when a paper became public; modified of everything it brings along is at least that,
 * so clients syncing with modified_since never miss an object that turned public after their last visit.
 */
export const PUBLISHED = sql`
with papers as (
  select v.id, v.concept_id, v.paper_type::text as paper_type, v.reference, v.paper_date::text as paper_date,
         v.file_id, c.title, c.lead_organisation_id,
         v.decision_proposal, v.financial_impact, v.reasoning,
         (v.withdrawn_at is not null) as deleted,
         v.created_at as created,
         greatest(v.submitted_at, v.updated_at) as published,
         case when v.withdrawn_at is not null then v.withdrawn_at
              else greatest(v.updated_at, v.submitted_at, c.updated_at,
                            (select max(k.updated_at) from consultations k where k.concept_id = c.id)) end as modified
  from vorlagen v join concepts c on c.id = v.concept_id
  where v.withdrawn_at is not null or c.status in ('eingereicht', 'beraten', 'abgeschlossen')
),
consults as (
  select k.id, p.id as paper_id, k.committee_id, k.role::text as role, k.meeting_date::text as meeting_date,
         k.meeting_time, k.position, p.deleted, k.created_at as created,
         case when p.deleted then p.modified else greatest(k.updated_at, p.modified) end as modified
  from consultations k join papers p on p.concept_id = k.concept_id
  where not p.deleted or k.created_at <= p.modified
),
meetings as (
  select k.committee_id, k.meeting_date, min(k.meeting_time) as meeting_time, min(k.created) as created,
         max(k.modified) as modified
  from consults k where not k.deleted
  group by k.committee_id, k.meeting_date
),
org_refs as (
  select k.committee_id as organisation_id, p.published from consults k join papers p on p.id = k.paper_id where not k.deleted
  union all
  select p.lead_organisation_id, p.published from papers p where not p.deleted
),
orgs as (
  select o.id, o.name, o.short_name, o.kind::text as kind, o.classification::text as classification,
         o.created_at as created, greatest(o.updated_at, min(r.published)) as modified
  from organisations o join org_refs r on r.organisation_id = o.id
  group by o.id
),
files as (
  select f.id, f.file_name, f.mime_type, f.size::float8 as size, f.sha512, min(p.paper_date) as paper_date,
         string_agg(p.id::text, ',' order by p.id) as paper_ids, min(p.title) as title, min(p.reference) as reference,
         f.created_at as created, greatest(f.created_at, max(p.published)) as modified
  from stored_files f join papers p on p.file_id = f.id and not p.deleted
  group by f.id
)`;

/** Epoch milliseconds of a timestamp column, the same on PGlite and PostgreSQL. */
export const ms = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/** The OParl list filters on an object's created and modified columns (inclusive bounds). */
export function filterWhere(alias: string, filters: ListFilters): SQL {
  const created = sql.raw(`${alias}.created`);
  const modified = sql.raw(`${alias}.modified`);
  const parts: SQL[] = [sql`true`];
  if (filters.createdSince) parts.push(sql`${created} >= ${filters.createdSince.toISOString()}::timestamptz`);
  if (filters.createdUntil) parts.push(sql`${created} <= ${filters.createdUntil.toISOString()}::timestamptz`);
  if (filters.modifiedSince) parts.push(sql`${modified} >= ${filters.modifiedSince.toISOString()}::timestamptz`);
  if (filters.modifiedUntil) parts.push(sql`${modified} <= ${filters.modifiedUntil.toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

export { queryRows };

export async function countRows(db: Db, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`${PUBLISHED} select count(*)::int as n from (${query}) counted`);
  return row?.n ?? 0;
}
