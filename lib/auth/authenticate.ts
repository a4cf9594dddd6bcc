import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { signInThrottle, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyPassword } from "./password";
import { FAILURE_WINDOW_MS, lockDurationMs, throttleKeys } from "./throttle-policy";

export type AuthenticatedUser = { id: string; name: string; email: string; sessionVersion: string };

/**
 * Checks e-mail and password under the per-account and per-IP throttle. Every failure, whatever its cause,
 * returns null so the caller shows one neutral message; the audit trail records the real reason.
 */
export async function authenticate(db: Db, emailInput: string, password: string, ip: string | null): Promise<AuthenticatedUser | null> {
  const email = emailInput.trim().toLowerCase();
  if (!email || !password || email.length > 320 || password.length > 1024) return null;
  const keys = throttleKeys(email, ip);
  const now = new Date();

  const locked = await db
    .select({ key: signInThrottle.key })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys.map((k) => k.key)), gt(signInThrottle.lockedUntil, now)));

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  // Always verify (against a dummy hash when needed) so locked, unknown and known accounts take equal time.
  const passwordOk = await verifyPassword(locked.length === 0 && user?.active ? user.passwordHash : null, password);

  if (locked.length === 0 && user && user.active && passwordOk) {
    await db.transaction(async (tx) => {
      await tx.delete(signInThrottle).where(eq(signInThrottle.key, keys[0]!.key));
      await recordAuditEvent(tx, { actorId: user.id, action: "auth.sign_in", objectType: "user", objectId: user.id, ip });
    });
    return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
  }

  const reason = locked.length > 0 ? "throttled" : !user ? "unknown_account" : !user.active ? "inactive" : "wrong_password";
  await db.transaction(async (tx) => {
    for (const { key, free } of keys) {
      const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
      const [row] = await tx
        .insert(signInThrottle)
        .values({ key, failures: 1, lastFailureAt: now })
        .onConflictDoUpdate({
          target: signInThrottle.key,
          set: {
            // Dates inside sql`` are bound as ISO strings: postgres.js cannot serialise a raw Date there.
            failures: sql`case when ${signInThrottle.lastFailureAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${signInThrottle.failures} + 1 end`,
            lastFailureAt: now,
          },
        })
        .returning({ failures: signInThrottle.failures });
      const lockMs = lockDurationMs(row!.failures, free);
      if (lockMs > 0) {
        await tx.update(signInThrottle).set({ lockedUntil: new Date(now.getTime() + lockMs) }).where(eq(signInThrottle.key, key));
      }
    }
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
