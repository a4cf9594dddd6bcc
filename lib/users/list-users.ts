import "server-only";
import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { likePattern } from "@/lib/organisations/list-organisations";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";

export async function listUsers(db: Db, actor: Actor, filter: { q?: string; status?: "active" | "inactive" | "all" }) {
  assertCanGlobally(actor, "admin.users");
  const conditions: SQL[] = [];
  const q = filter.q?.trim().slice(0, 100);
  if (q) conditions.push(or(ilike(users.name, likePattern(q)), ilike(users.email, likePattern(q)))!);
  if (filter.status === "active" || filter.status === undefined) conditions.push(eq(users.active, true));
  if (filter.status === "inactive") conditions.push(eq(users.active, false));
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      isAdmin: users.isAdmin,
      canCreateConcepts: users.canCreateConcepts,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      organisations: sql<string | null>`(
        select string_agg(o.name, ', ' order by o.name) from memberships m join organisations o on o.id = m.organisation_id
        where m.user_id = "users"."id")`,
    })
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(users.name), asc(users.email));
}
