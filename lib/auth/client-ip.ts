/**
 * The client's address as seen by the nearest proxy: the last X-Forwarded-For hop is the one that proxy
 * (or Next.js itself) appended; earlier hops come from the client and can be forged.
 */
export function clientIpFrom(forwardedFor: string | string[] | null | undefined): string | null {
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  if (!raw) return null;
  const hops = raw
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1)?.slice(0, 64) ?? null;
}
