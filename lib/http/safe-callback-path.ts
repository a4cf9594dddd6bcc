/**
 * Where to send the browser after sign-in: a path on this site, or "/". Browsers read `/\host`, `\\host`,
 * `/<tab>/host` and `//host` as another site (they turn backslashes into slashes and drop tabs and line breaks),
 * so anything but a plain path of printable characters is refused, and the result is checked by resolving it
 * the way a browser would.
 */
export function safeCallbackPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return "/";
  // Control characters, whitespace and backslashes have no place in a path we ourselves link to.
  if (/[\u0000-\u0020\u007f-\u009f\\\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(raw))
    return "/";
  if (!raw.startsWith("/") || raw.startsWith("//")) return "/";
  const base = "http://konzeptwerk.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Resolving may collapse "/./" or "/../" into "//": check the result once more.
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
