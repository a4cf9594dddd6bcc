import "server-only";
import { and, eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Db } from "@/db/connect";
import { memberships, organisations, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authOptions } from "./auth-options";

export type OrganisationKind = "verwaltung" | "traeger" | "gremium";
export type Actor = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  canCreateConcepts: boolean;
  locale: string;
  organisations: { id: string; name: string; kind: OrganisationKind; maySignOff: boolean }[];
};

/** The active user with their active organisations; null when unknown, inactive or the session is outdated. */
export async function loadActor(db: Db, userId: string, sessionVersion?: string): Promise<Actor | null> {
  const conditions = [eq(users.id, userId), eq(users.active, true)];
  if (sessionVersion !== undefined) conditions.push(eq(users.sessionVersion, sessionVersion));
  const [user] = await db.select().from(users).where(and(...conditions)).limit(1);
  if (!user) return null;
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, maySignOff: memberships.maySignOff })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, user.id), eq(organisations.active, true)));
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    canCreateConcepts: user.canCreateConcepts,
    locale: user.locale,
    organisations: orgs,
  };
}

/**
 * The signed-in, still active user, re-read from the database on every request: a deactivated user or a
 * session older than the last password change is out at the next request. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sv?: string } | null;
  if (!session?.userId || !session.sv || !isUuid(session.userId)) return null;
  return loadActor(await getDb(), session.userId, session.sv);
});

const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** For pages: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/anmelden");
  return actor;
}

/** For actions and route handlers: the actor, or a typed 401. */
export async function requireActorOrThrow(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Bitte melden Sie sich an.");
  return actor;
}
