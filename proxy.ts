import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";

/**
 * Reachable without a session: sign-in, one-time links, the legal pages, health, next-auth's own endpoints and
 * the OParl interface (public by default; OPARL_REQUIRE_AUTH=true makes its handlers require a session) and the
 * iCal feeds (their secret token is the credential).
 */
const PUBLIC_PATHS = ["/anmelden", "/barrierefreiheit", "/impressum", "/datenschutz", "/api/health"];
const PUBLIC_PREFIXES = ["/api/auth/", "/api/test-support/", "/api/oparl/", "/zugang/", "/api/calendar/"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.includes(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * A first, cheap gate: no session cookie → sign-in page (or 401 for APIs). Whether the user is still
 * active is checked again by every page and action against the database.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isPublic(pathname)) {
    const token = await getToken({ req: request, secret: authSecret() });
    if (!token?.sub) {
      if (pathname.startsWith("/api/")) {
        return NextResponse.json({ ok: false, code: "UNAUTHENTICATED", message: "Bitte melden Sie sich an." }, { status: 401 });
      }
      const url = new URL("/anmelden", request.url);
      if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(url);
    }
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
