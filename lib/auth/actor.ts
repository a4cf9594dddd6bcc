import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { noteDatabaseOutage } from "@/lib/health/database-outage";
import { servesHttps } from "@/lib/http/security-headers";
import { loadActorWithUnread, type Actor } from "./load-actor";
import { authSecret } from "./secret";
import { sessionCookie } from "./session-cookie";
import { decodeSessionToken } from "./session-token";

export type { Actor } from "./load-actor";
export { loadActor } from "./load-actor";

/**
 * The signed-in, still active user, re-read from the database on every request: a deactivated user, a session
 * older than the last password change or a session that was signed out is out at the next request. Cached per
 * request.
 */
export const getActor = cache(async (): Promise<Actor | null> => (await getSignedIn())?.actor ?? null);

/** The signed-in user's unread notifications (the header's count), read with the user: no query of its own. */
export async function getUnreadCount(): Promise<number> {
  return (await getSignedIn())?.unread ?? 0;
}

const getSignedIn = cache(async () => {
  const session = await getSessionIdentity();
  if (!session) return null;
  try {
    return await loadActorWithUnread(await getDb(), session.userId, session.sessionVersion, session.sessionId);
  } catch (error) {
    // Every signed-in page asks here first: an outage noticed now turns the next page requests into 503s.
    if (isDatabaseUnavailable(error)) noteDatabaseOutage();
    throw error;
  }
});

/**
 * Who the session cookie names: user, session version and the server-side session; null without a valid cookie.
 * The cookie is decrypted and its expiry checked as next-auth does, but directly: `getServerSession` runs
 * next-auth's whole request handler (a CSRF token, the callbacks, a re-encrypted cookie it cannot set in a
 * server component) on every request. Cached per request.
 */
export const getSessionIdentity = cache(
  async (): Promise<{
    userId: string;
    sessionVersion: string;
    sessionId: string;
  } | null> => {
    const token = await readSessionToken();
    const userId = token?.sub;
    const sv = token?.sv;
    const sid = token?.sid;
    // A cookie from before server-side sessions (no sid) is treated as signed out.
    if (typeof userId !== "string" || typeof sv !== "string" || typeof sid !== "string") return null;
    if (!sv || !isUuid(userId) || !isUuid(sid)) return null;
    return { userId, sessionVersion: sv, sessionId: sid };
  },
);

/** next-auth's own reading of the cookie (its parts reassembled when it was split), without its request handler. */
async function readSessionToken() {
  const jar = await cookies();
  // Only the cookies: a bearer token in the Authorization header, which getToken would also accept, is no session here.
  const req = { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} };
  return getToken({
    req: req as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authSecret(),
    secureCookie: servesHttps(),
    cookieName: SESSION_COOKIE,
    decode: decodeSessionToken,
  });
}

const SESSION_COOKIE = sessionCookie().name;

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
