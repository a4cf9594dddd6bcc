import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { memberships, organisations, signoffDeputies, users, userSessions } from "@/db/schema";

export type OrganisationKind = "verwaltung" | "traeger" | "gremium";
export type Actor = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  canCreateConcepts: boolean;
  locale: string;
  organisations: { id: string; name: string; kind: OrganisationKind; maySignOff: boolean }[];
  /** Active organisations for which the person is a named deputy (Vertretung) for the Mitzeichnung. */
  deputyFor?: { id: string; name: string }[];
};

/**
 * The active user with their active organisations; null when unknown, inactive or the session is outdated
 * (another session version) or over (its server-side row ended or expired: signed out, here or everywhere).
 */
export async function loadActor(
  db: Db,
  userId: string,
  sessionVersion?: string,
  sessionId?: string,
): Promise<Actor | null> {
  const conditions = [eq(users.id, userId), eq(users.active, true)];
  if (sessionVersion !== undefined) conditions.push(eq(users.sessionVersion, sessionVersion));
  if (sessionId !== undefined)
    conditions.push(
      sql`exists (select 1 from ${userSessions} where ${userSessions.id} = ${sessionId} and ${userSessions.userId} = ${users.id} and ${userSessions.endedAt} is null and ${userSessions.expiresAt} > now())`,
    );
  const [user] = await db
    .select()
    .from(users)
    .where(and(...conditions))
    .limit(1);
  if (!user) return null;
  const orgs = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      maySignOff: memberships.maySignOff,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, user.id), eq(organisations.active, true)));
  const deputyFor = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(signoffDeputies)
    .innerJoin(organisations, eq(organisations.id, signoffDeputies.organisationId))
    .where(and(eq(signoffDeputies.userId, user.id), eq(organisations.active, true)));
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    canCreateConcepts: user.canCreateConcepts,
    locale: user.locale,
    organisations: orgs,
    deputyFor,
  };
}
