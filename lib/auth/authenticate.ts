import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyPassword } from "./password";
import { startUserSession } from "./user-sessions";
import { clearThrottle, lockedThrottleKeys, recordThrottleFailure } from "./sign-in-throttle";
import { throttleKeys } from "./throttle-policy";

export type AuthenticatedUser = {
  id: string;
  name: string;
  email: string;
  sessionVersion: string;
  /** The server-side session opened by this sign-in (user_sessions). */
  sessionId: string;
};

/**
 * Checks e-mail and password under the per-account and per-IP throttle. Every failure, whatever its cause,
 * returns null so the caller shows one neutral message; the audit trail records the real reason.
 */
export async function authenticate(
  db: Db,
  emailInput: string,
  password: string,
  ip: string | null,
): Promise<AuthenticatedUser | null> {
  const email = emailInput.trim().toLowerCase();
  if (!email || !password || email.length > 320 || password.length > 1024) return null;
  const keys = throttleKeys(email, ip);
  const now = new Date();

  const locked = await lockedThrottleKeys(db, keys, now);

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  // Always verify (against a dummy hash when needed) so locked, unknown and known accounts take equal time.
  const passwordOk = await verifyPassword(locked.length === 0 && user?.active ? user.passwordHash : null, password);

  if (locked.length === 0 && user && user.active && passwordOk) {
    const sessionId = await db.transaction(async (tx) => {
      await clearThrottle(tx, keys[0]!.key);
      const id = await startUserSession(tx, user.id);
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "auth.sign_in",
        objectType: "user",
        objectId: user.id,
        ip,
      });
      return id;
    });
    return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, sessionId };
  }

  const reason =
    locked.length > 0 ? "throttled" : !user ? "unknown_account" : !user.active ? "inactive" : "wrong_password";
  await db.transaction(async (tx) => {
    await recordThrottleFailure(tx, keys, now);
    await recordAuditEvent(tx, {
      actorId: user?.id ?? null,
      action: "auth.sign_in_failed",
      objectType: "user",
      objectId: user?.id ?? null,
      summary: { reason, email: user ? undefined : email.slice(0, 120) },
      ip,
    });
  });
  return null;
}
