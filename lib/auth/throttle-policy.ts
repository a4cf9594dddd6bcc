/** Growing delays after repeated failures; pure so the policy is unit-tested. */
export const ACCOUNT_FREE_FAILURES = 5;
export const IP_FREE_FAILURES = 20;
export const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this no longer count. */
export const FAILURE_WINDOW_MS = 60 * 60_000;

export function lockDurationMs(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(1000 * 2 ** (failures - freeFailures), MAX_LOCK_MS);
}

export function throttleKeys(email: string, ip: string | null): { key: string; free: number }[] {
  const keys = [{ key: `email:${email.trim().toLowerCase()}`, free: ACCOUNT_FREE_FAILURES }];
  if (ip) keys.push({ key: `ip:${ip}`, free: IP_FREE_FAILURES });
  return keys;
}
