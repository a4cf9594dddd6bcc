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

export type { Actor } from "./load-actor";
export { loadActor } from "./load-actor";

/**
 * The signed-in, still active user, re-read from the database on every request: a deactivated user, a session
 * older than the last password change or a session that was signed out is out at the next request. Cached per
 * request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getSessionIdentity();
  if (!session) return null;
  try {
    return await loadActor(await getDb(), session.userId, session.sessionVersion, session.sessionId);
  } catch (error) {
    // Every signed-in page asks here first: an outage noticed now turns the next page requests into 503s.
    if (isDatabaseUnavailable(error)) noteDatabaseOutage();
    throw error;
  }
});

/** Who the session cookie names: user, session version and the server-side session; null without a valid cookie. */
export async function getSessionIdentity(): Promise<{
  userId: string;
  sessionVersion: string;
  sessionId: string;
} | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string; sv?: string; sid?: string } | null;
  // A cookie from before server-side sessions (no sid) is treated as signed out.
  if (!session?.userId || !session.sv || !session.sid || !isUuid(session.userId) || !isUuid(session.sid)) return null;
  return { userId: session.userId, sessionVersion: session.sv, sessionId: session.sid };
}

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
