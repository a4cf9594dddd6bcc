import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { signInThrottle } from "@/db/schema";
import { FAILURE_WINDOW_MS, lockDurationMs } from "./throttle-policy";

export type ThrottleKey = { key: string; free: number };

/** The keys among these that are locked right now. */
export async function lockedThrottleKeys(
  db: Db | Tx,
  keys: readonly ThrottleKey[],
  now = new Date(),
): Promise<string[]> {
  const rows = await db
    .select({ key: signInThrottle.key })
    .from(signInThrottle)
    .where(
      and(
        inArray(
          signInThrottle.key,
          keys.map((k) => k.key),
        ),
        gt(signInThrottle.lockedUntil, now),
      ),
    );
  return rows.map((r) => r.key);
}

/** Counts one more failure per key (within the window) and locks the key for the policy's growing delay. */
export async function recordThrottleFailure(tx: Tx, keys: readonly ThrottleKey[], now = new Date()): Promise<void> {
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
    if (lockMs > 0)
      await tx
        .update(signInThrottle)
        .set({ lockedUntil: new Date(now.getTime() + lockMs) })
        .where(eq(signInThrottle.key, key));
  }
}

export async function clearThrottle(db: Db | Tx, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
