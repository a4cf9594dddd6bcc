import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { noteDatabaseOutage } from "@/lib/health/database-outage";
import { authOptions } from "./auth-options";
import { loadActor, type Actor } from "./load-actor";

export type { Actor, OrganisationKind } from "./load-actor";
export { loadActor } from "./load-actor";

/**
 * The signed-in, still active user, re-read from the database on every request: a deactivated user or a
 * session older than the last password change is out at the next request. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sv?: string } | null;
  if (!session?.userId || !session.sv || !isUuid(session.userId)) return null;
  try {
    return await loadActor(await getDb(), session.userId, session.sv);
  } catch (error) {
    // Every signed-in page asks here first: an outage noticed now turns the next page requests into 503s.
    if (isDatabaseUnavailable(error)) noteDatabaseOutage();
    throw error;
  }
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
  if (!actor) throw new AppError("UNAUTHENTICATED", "appError.common.signInRequired");
  return actor;
}
