import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearThrottle, lockedThrottleKeys, recordThrottleFailure } from "@/lib/auth/sign-in-throttle";
import { ACCOUNT_FREE_FAILURES } from "@/lib/auth/throttle-policy";
import { AppError } from "@/lib/errors";
import { revokeOpenTokens } from "./issue-one-time-link";
import { newSessionVersion } from "./session-version";
import { parseOrThrow } from "@/lib/validation/parse";
import { ZChangePassword } from "./user-admin-schemas";

const WRONG = "appError.user.wrongPassword";
const THROTTLED = "appError.user.passwordThrottled";

/**
 * Needs the current password. Every session of the user ends, this one included: the caller then asks the
 * person to sign in again with the new password (simpler and safer than re-issuing a session cookie).
 */
export async function changeOwnPassword(db: Db, actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseOrThrow(ZChangePassword, rawInput);
  // Guessing the current password from an open session is throttled like signing in, per person.
  const throttle = [{ key: `password-change:${actor.id}`, free: ACCOUNT_FREE_FAILURES }];
  if ((await lockedThrottleKeys(db, throttle)).length > 0)
    throw new AppError("RATE_LIMITED", THROTTLED, {}, { currentPassword: THROTTLED });
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await db.transaction(async (tx) => {
      await recordThrottleFailure(tx, throttle);
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "user.password_change_failed",
        objectType: "user",
        objectId: actor.id,
      });
    });
    throw new AppError("VALIDATION", WRONG, {}, { currentPassword: WRONG });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    // Guarded write: a concurrent change of the password in between makes this one fail instead of overwrite it.
    const updated = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: newSessionVersion(), updatedAt: new Date() })
      .where(and(eq(users.id, actor.id), eq(users.passwordHash, user.passwordHash!)))
      .returning({ id: users.id });
    if (updated.length !== 1) throw new AppError("CONFLICT", "appError.user.passwordChangedMeanwhile");
    await revokeOpenTokens(tx, actor.id);
    await clearThrottle(tx, throttle[0]!.key);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.password_changed",
      objectType: "user",
      objectId: actor.id,
    });
  });
}
