import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { cache } from "react";
import type { Db, Tx } from "@/db/connect";
import { uuidList } from "@/db/query-rows";
import { breakGlassGrants, concepts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import {
  can,
  COMMITTEE_READABLE_STATUSES,
  strongestRole,
  type Action,
  type ConceptRole,
  type Subject,
} from "@/lib/permissions/permissions";

export type ConceptRow = typeof concepts.$inferSelect;
export type ConceptAccess<C = ConceptRow> = { concept: C; role: ConceptRole | null; subject: Subject };

/**
 * SQL columns computing the actor's roles in each selected concept (direct, via organisation, committee).
 * Column names are written out fully qualified: inside a subquery drizzle would leave them bare, and a bare
 * "id" would bind to the subquery's own table.
 */
export function roleColumns(actor: Actor) {
  const orgIds = actor.organisations.map((o) => o.id);
  const orgs = uuidList(orgIds);
  const deputyIds = (actor.deputyFor ?? []).map((o) => o.id);
  const deputyOrgs = uuidList(deputyIds);
  return {
    // A named deputy (Vertretung) takes part for the organisation as a contributor, never with a Verwaltung role.
    roles: sql<ConceptRole[] | null>`(
        select array_agg(case when cp.user_id = ${actor.id} or cp.organisation_id = any(${orgs})
                              then cp.role::text else 'contributor' end)
        from concept_participants cp
        where cp.concept_id = "concepts"."id"
          and (cp.user_id = ${actor.id} or cp.organisation_id = any(${orgs}) or cp.organisation_id = any(${deputyOrgs})))`,
    inBeratungsfolge: sql<boolean>`exists (select 1 from consultations k where k.concept_id = "concepts"."id" and k.committee_id = any(${orgs}))`,
  };
}

export function toAccess<C extends Pick<ConceptRow, "status"> = ConceptRow>(
  actor: Actor,
  concept: C,
  roles: ConceptRole[] | null,
  inBeratungsfolge: boolean,
  breakGlass = false,
): ConceptAccess<C> {
  const all: ConceptRole[] = [...(roles ?? [])];
  if (inBeratungsfolge) all.push("committee");
  const role = strongestRole(all);
  return {
    concept,
    role,
    subject: { isAdmin: actor.isAdmin, role, status: concept.status, breakGlass },
  };
}

/** SQL: the actor (an admin) holds an open break-glass grant for the concept. Always false for everyone else. */
function breakGlassColumn(actor: Actor) {
  if (!actor.isAdmin) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${breakGlassGrants} g where g.concept_id = "concepts"."id" and g.user_id = ${actor.id} and g.expires_at > now())`;
}

function conceptRowQuery(db: Db | Tx, actor: Actor, conceptId: string) {
  return db
    .select({ concept: concepts, ...roleColumns(actor), breakGlass: breakGlassColumn(actor) })
    .from(concepts)
    .where(eq(concepts.id, conceptId))
    .limit(1);
}

/** A transaction may have changed the concept since its last read: it always reads again. */
const isTransaction = (db: Db | Tx): db is Tx => "rollback" in db;

/**
 * Outside transactions, read once per request while a page renders: a page's title (generateMetadata) and its
 * body ask for the same concept. Elsewhere (services, route handlers) it reads on every call.
 */
const readConceptRowOnce = cache(
  async (db: Db, actor: Actor, conceptId: string) => (await conceptRowQuery(db, actor, conceptId))[0],
);

/**
 * The one loader of a concept with the actor's role in it (computed in SQL together with the row).
 * `lock` takes the row lock inside the caller's transaction: "update" makes writers of one concept run one
 * after the other, "share" keeps a workflow step from changing the concept halfway through a write.
 * `action` also asks the permission table. Unknown ids and ids the actor may not see answer NOT_FOUND alike.
 */
export async function loadConceptAccess(
  db: Db | Tx,
  actor: Actor,
  conceptId: string,
  options: { lock?: "update" | "share"; action?: Action } = {},
): Promise<ConceptAccess> {
  const row = options.lock
    ? (await conceptRowQuery(db, actor, conceptId).for(options.lock, { of: concepts }))[0]
    : isTransaction(db)
      ? (await conceptRowQuery(db, actor, conceptId))[0]
      : await readConceptRowOnce(db, actor, conceptId);
  if (!row) throw notFound();
  const access = toAccess(actor, row.concept, row.roles, row.inBeratungsfolge, row.breakGlass);
  if (options.action && !can(options.action, access.subject)) throw notFound();
  return access;
}

/** Loads the concept and checks the action; unknown and forbidden both answer "not found". */
export async function requireConceptAccess(
  db: Db | Tx,
  actor: Actor,
  conceptId: string,
  action: Action,
): Promise<ConceptAccess> {
  return loadConceptAccess(db, actor, conceptId, { action });
}

/**
 * SQL condition: the concept is visible to the actor on the start page (participant, or a committee of the
 * Beratungsfolge in a status the permission table lets committees read).
 */
export function visibleConceptsWhere(actor: Actor) {
  const { roles, inBeratungsfolge } = roleColumns(actor);
  return sql`(${roles} is not null or (${inBeratungsfolge} and ${inArray(concepts.status, [...COMMITTEE_READABLE_STATUSES])}))`;
}
