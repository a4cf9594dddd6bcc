import "server-only";
import { sql } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import { pageOf, type ListQuery } from "./list-query";
import type { OparlContext } from "./oparl-context";
import { oparlDateTime } from "./oparl-format";
import { BODY_KEY } from "./oparl-urls";
import { PUBLISHED, ms, queryRows } from "./published";
import { readEnv } from "@/config/env";

export const DEFAULT_BODY_NAME = "Landeshauptstadt Düsseldorf (Demo)";

export function bodyName(env: Record<string, string | undefined> = process.env): string {
  return readEnv(env).OPARL_BODY_NAME ?? DEFAULT_BODY_NAME;
}

/** System and Body change whenever anything published does: created is the installation's first organisation. */
async function stamps({ db }: OparlContext) {
  const [row] = await queryRows<{ createdMs: number; modifiedMs: number }>(
    db,
    sql`${PUBLISHED}, first as (select coalesce(min(created_at), now()) as at from organisations)
        select ${ms(sql`first.at`)} as "createdMs",
               ${ms(sql`greatest(first.at, (select max(modified) from papers), (select max(modified) from orgs), (select max(modified) from consults))`)} as "modifiedMs"
        from first`,
  );
  return { created: oparlDateTime(row!.createdMs), modified: oparlDateTime(row!.modifiedMs) };
}

export async function getSystem(ctx: OparlContext) {
  return {
    id: ctx.urls.system,
    type: "https://schema.oparl.org/1.1/System",
    oparlVersion: "https://schema.oparl.org/1.1/",
    name: `Konzeptwerk – ${bodyName()}`,
    body: ctx.urls.list("body"),
    website: ctx.urls.website,
    ...(await stamps(ctx)),
  };
}

async function body(ctx: OparlContext) {
  const { urls } = ctx;
  return {
    id: urls.body,
    type: "https://schema.oparl.org/1.1/Body",
    system: urls.system,
    name: bodyName(),
    website: urls.website,
    organization: urls.list("organization"),
    person: urls.list("person"),
    meeting: urls.list("meeting"),
    paper: urls.list("paper"),
    consultation: urls.list("consultation"),
    file: urls.list("file"),
    // Konzeptwerk keeps no legislative terms; the list is required, so it is empty.
    legislativeTerm: [],
    ...(await stamps(ctx)),
  };
}

export async function getBody(ctx: OparlContext, key: string) {
  if (key !== BODY_KEY) throw notFound();
  return body(ctx);
}

export async function listBodies(ctx: OparlContext, query: ListQuery, params: URLSearchParams) {
  return pageOf(ctx.urls.list("body"), query, 1, query.page === 1 ? [await body(ctx)] : [], params);
}

/** People are not published (data protection): the list Body requires exists and stays empty. */
export function listPersons(ctx: OparlContext, query: ListQuery, params: URLSearchParams) {
  return pageOf(ctx.urls.list("person"), query, 0, [], params);
}

/** The list is empty (no persons are published), so every person id is unknown: an OParl JSON 404, not a page. */
export async function getPerson(): Promise<never> {
  throw notFound();
}
