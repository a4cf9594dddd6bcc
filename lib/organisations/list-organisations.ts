import "server-only";
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";
import type { OrganisationKind } from "./organisation-schemas";

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Admin list with search and member counts (active people only). */
export async function listOrganisations(db: Db, actor: Actor, filter: { q?: string; kind?: OrganisationKind }) {
  assertCanGlobally(actor, "admin.organisations");
  const conditions: SQL[] = [];
  const q = filter.q?.trim().slice(0, 100);
  if (q)
    conditions.push(or(ilike(organisations.name, likePattern(q)), ilike(organisations.shortName, likePattern(q)))!);
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      kind: organisations.kind,
      classification: organisations.classification,
      active: organisations.active,
      illustrative: organisations.illustrative,
      memberCount: sql<number>`(
        select count(*)::int from memberships m join users u on u.id = m.user_id
        where m.organisation_id = "organisations"."id" and u.active)`,
    })
    .from(organisations)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(organisations.kind), asc(organisations.name));
}

/** Active organisations for selects (people, lead office, Beratungsfolge, participants); names are not secret. */
export async function listOrganisationOptions(db: Db, kinds?: readonly OrganisationKind[]) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      kind: organisations.kind,
      classification: organisations.classification,
    })
    .from(organisations)
    .where(
      kinds
        ? and(eq(organisations.active, true), inArray(organisations.kind, [...kinds]))
        : eq(organisations.active, true),
    )
    .orderBy(asc(organisations.name));
}
