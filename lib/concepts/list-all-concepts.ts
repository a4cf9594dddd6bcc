import "server-only";
import { asc, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { concepts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";

/** Admins manage participants of every concept (e.g. when its only lead has left) without reading its content. */
export async function listAllConcepts(db: Db, actor: Actor) {
  assertCanGlobally(actor, "admin.concepts");
  return db
    .select({
      id: concepts.id,
      title: concepts.title,
      mandateReference: concepts.mandateReference,
      status: concepts.status,
      deadline: concepts.deadline,
      leads: sql<string | null>`(
        select string_agg(coalesce(u.name, o.name), ', ' order by coalesce(u.name, o.name))
        from concept_participants cp
        left join users u on u.id = cp.user_id and u.active
        left join organisations o on o.id = cp.organisation_id and o.active
        where cp.concept_id = "concepts"."id" and cp.role = 'lead' and (u.id is not null or o.id is not null))`,
    })
    .from(concepts)
    .orderBy(asc(concepts.deadline), asc(concepts.title));
}
