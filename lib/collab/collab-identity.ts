import "server-only";
import type { Db } from "@/db/connect";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { loadActor, type Actor } from "@/lib/auth/load-actor";
import { authSecret } from "@/lib/auth/secret";
import { decodeSessionToken } from "@/lib/auth/session-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One cookie's value from a Cookie header (next-auth splits large tokens into .0, .1 … chunks). */
function cookieValue(header: string, name: string): string | null {
  const pairs = new Map<string, string>();
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    pairs.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
  }
  if (pairs.has(name)) return pairs.get(name)!;
  const chunks: string[] = [];
  for (let i = 0; pairs.has(`${name}.${i}`); i++) chunks.push(pairs.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}

export type CollabIdentity = { actor: Actor; sessionId: string; sessionVersion: string };

/**
 * Who opens a live connection: the same checks as every page request (signed session cookie, active user,
 * current session version, server-side session neither ended nor expired). Null for anyone else.
 */
export async function identifyCollabUser(db: Db, cookieHeader: string | null): Promise<CollabIdentity | null> {
  if (!cookieHeader) return null;
  const token = cookieValue(cookieHeader, sessionCookie().name);
  const secret = authSecret();
  if (!token || !secret) return null;
  let claims: Record<string, unknown> | null = null;
  try {
    claims = (await decodeSessionToken({ token, secret })) as Record<string, unknown> | null;
  } catch {
    return null;
  }
  const userId = claims?.sub;
  const sessionVersion = claims?.sv;
  const sessionId = claims?.sid;
  if (typeof userId !== "string" || typeof sessionVersion !== "string" || typeof sessionId !== "string") return null;
  if (!UUID.test(userId) || !UUID.test(sessionId)) return null;
  const actor = await loadActor(db, userId, sessionVersion, sessionId);
  return actor ? { actor, sessionId, sessionVersion } : null;
}

/** The browser's Origin must be this app's own (the host it connected to): no other site opens a live connection. */
export function isOwnOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
