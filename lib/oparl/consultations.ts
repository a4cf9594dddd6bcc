import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import { parseIdOrNotFound } from "@/lib/ids";
import { pageOf, type ListQuery } from "./list-query";
import type { OparlContext } from "./oparl-context";
import { toConsultation, type ConsultationRow } from "./oparl-objects";
import { PUBLISHED, countRows, filterWhere, ms, queryRows } from "./published";

export const CONSULTATION_COLUMNS = sql`k.id, k.paper_id as "paperId", k.committee_id as "committeeId", k.role,
  k.meeting_date as "meetingDate", k.deleted, ${ms(sql`k.created`)} as "createdMs", ${ms(sql`k.modified`)} as "modifiedMs"`;

export async function listConsultations(ctx: OparlContext, query: ListQuery, params: URLSearchParams) {
  const base: SQL = sql`select ${CONSULTATION_COLUMNS} from consults k where ${filterWhere("k", query.filters)}`;
  const total = await countRows(ctx.db, base);
  const rows = await queryRows<ConsultationRow>(
    ctx.db,
    sql`${PUBLISHED} ${base} order by k.id limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`,
  );
  return pageOf(
    ctx.urls.list("consultation"),
    query,
    total,
    rows.map((r) => toConsultation(r, ctx.urls)),
    params,
  );
}

export async function getConsultation(ctx: OparlContext, rawId: string) {
  const id = parseIdOrNotFound(rawId);
  const [row] = await queryRows<ConsultationRow>(
    ctx.db,
    sql`${PUBLISHED} select ${CONSULTATION_COLUMNS} from consults k where k.id = ${id}`,
  );
  if (!row) throw notFound();
  return toConsultation(row, ctx.urls);
}
