/**
 * Whether a request comes from our own pages: a browser always sends Origin (and Sec-Fetch-Site) with POSTs, so a
 * request from another site is told apart. Clients that send neither cannot carry the user's cookies anyway.
 * Pure (no server-only import) so the proxy can use it too.
 */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
