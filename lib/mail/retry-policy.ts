/** Outbox retries: doubling delays from one minute, capped at an hour; after MAX_ATTEMPTS the mail is "failed". */
export const MAX_ATTEMPTS = 8;
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 60 * 60_000;
/** A claimed mail is not picked up again for this long, so a crashed sender's mail is retried later. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** Delay before the next attempt after `attempts` failed ones (attempts ≥ 1). */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export function isFinalFailure(attempts: number): boolean {
  return attempts >= MAX_ATTEMPTS;
}
