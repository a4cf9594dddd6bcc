import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import { parseIdOrNotFound } from "@/lib/ids";
import { pageOf, type ListQuery } from "./list-query";
import type { OparlContext } from "./oparl-context";
import { toOrganization, type OrganizationRow } from "./oparl-objects";
import { PUBLISHED, countRows, filterWhere, ms, queryRows } from "./published";

const ORGANIZATION_COLUMNS = sql`g.id, g.name, g.short_name as "shortName", g.kind, g.classification,
  ${ms(sql`g.created`)} as "createdMs", ${ms(sql`g.modified`)} as "modifiedMs"`;

export async function listOrganizations(ctx: OparlContext, query: ListQuery, params: URLSearchParams) {
  const base: SQL = sql`select ${ORGANIZATION_COLUMNS} from orgs g where ${filterWhere("g", query.filters)}`;
  const total = await countRows(ctx.db, base);
  const rows = await queryRows<OrganizationRow>(
    ctx.db,
    sql`${PUBLISHED} ${base} order by g.id limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`,
  );
  return pageOf(
    ctx.urls.list("organization"),
    query,
    total,
    rows.map((r) => toOrganization(r, ctx.urls)),
    params,
  );
}

export async function getOrganization(ctx: OparlContext, rawId: string) {
  const id = parseIdOrNotFound(rawId);
  const [row] = await queryRows<OrganizationRow>(
    ctx.db,
    sql`${PUBLISHED} select ${ORGANIZATION_COLUMNS} from orgs g where g.id = ${id}`,
  );
  if (!row) throw notFound();
  return toOrganization(row, ctx.urls);
}
