import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { assertCanGlobally } from "@/lib/permissions/assert-can-globally";

export async function getOrganisationForAdmin(db: Db, actor: Actor, organisationId: string) {
  assertCanGlobally(actor, "admin.organisations");
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) throw notFound();
  const members = await db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
  return { organisation, members };
}
