import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { memberships, organisations, signoffDeputies, users } from "@/db/schema";
import type { SignerCapacity } from "./permissions";

export type Signer = { organisationId: string; userId: string; name: string; capacity: SignerCapacity };

/**
 * Everyone who may sign off for the given organisations right now — `maySignFor` in the database: active members
 * with the sign-off right and named deputies, both active people of an active organisation.
 */
export async function signersOf(db: Db | Tx, organisationIds: readonly string[]): Promise<Signer[]> {
  if (!organisationIds.length) return [];
  const ids = [...new Set(organisationIds)];
  const [members, deputies] = await Promise.all([
    db
      .select({ organisationId: memberships.organisationId, userId: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(
        and(
          inArray(memberships.organisationId, ids),
          eq(memberships.maySignOff, true),
          eq(users.active, true),
          eq(organisations.active, true),
        ),
      ),
    db
      .select({ organisationId: signoffDeputies.organisationId, userId: users.id, name: users.name })
      .from(signoffDeputies)
      .innerJoin(users, eq(users.id, signoffDeputies.userId))
      .innerJoin(organisations, eq(organisations.id, signoffDeputies.organisationId))
      .where(and(inArray(signoffDeputies.organisationId, ids), eq(users.active, true), eq(organisations.active, true))),
  ]);
  const result: Signer[] = members.map((m) => ({ ...m, capacity: "member" as const }));
  for (const d of deputies)
    if (!result.some((r) => r.organisationId === d.organisationId && r.userId === d.userId))
      result.push({ ...d, capacity: "deputy" });
  return result;
}

/** The organisations among `organisationIds` that nobody may sign off for. */
export async function organisationsWithoutSigner(db: Db | Tx, organisationIds: readonly string[]): Promise<string[]> {
  const signers = await signersOf(db, organisationIds);
  return organisationIds.filter((id) => !signers.some((s) => s.organisationId === id));
}
