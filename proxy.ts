import { getToken } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db-errors";
import { databaseAvailable } from "@/lib/health/database-outage";
import { DEFAULT_LOCALE, LOCALE_COOKIE } from "@/i18n/locales";
import { refusalMessage, refusalPage, refuseServerActionPost } from "@/lib/http/server-action-guard";
import { contentSecurityPolicy, newNonce, servesHttps, staticSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Reachable without a session: sign-in and sign-out (it clears an expired cookie too), one-time links, the legal pages, health, next-auth's own endpoints and
 * the OParl interface (public by default; OPARL_REQUIRE_AUTH=true makes its handlers require a session) and the
 * iCal feeds (their secret token is the credential).
 */
const PUBLIC_PATHS = ["/anmelden", "/abmelden", "/barrierefreiheit", "/impressum", "/datenschutz", "/api/health"];
const PUBLIC_PREFIXES = ["/api/auth/", "/api/test-support/", "/api/oparl/", "/zugang/", "/api/calendar/"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.includes(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
}

/**
 * A first, cheap gate: no session cookie → sign-in page (or 401 for APIs). Whether the user is still
 * active is checked again by every page and action against the database.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  // Next.js refuses these too, but as a 500 or with its English body-size error; this answers them as what they are.
  const refusal = await refuseServerActionPost(request, pathname);
  if (refusal) {
    const locale = request.cookies.get(LOCALE_COOKIE)?.value ?? DEFAULT_LOCALE;
    const response = request.headers.has("next-action")
      ? NextResponse.json(
          { ok: false, code: refusal.code, message: refusalMessage(refusal, locale) },
          { status: refusal.status },
        )
      : new NextResponse(refusalPage(refusal, locale), {
          status: refusal.status,
          headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
        });
    return withSecurityHeaders(response, csp);
  }
  // While the database is away, pages answer 503 at once instead of failing half-rendered (see database-outage.ts).
  if (
    (request.method === "GET" || request.method === "HEAD") &&
    !isPublic(pathname) &&
    !pathname.startsWith("/api/") &&
    !(await databaseAvailable())
  ) {
    return withSecurityHeaders(unavailablePage(), csp);
  }
  if (!isPublic(pathname)) {
    const token = await getToken({
      req: request,
      secret: authSecret(),
      secureCookie: servesHttps(),
      decode: decodeSessionToken,
    });
    if (!token?.sub) {
      if (pathname.startsWith("/api/")) {
        return withSecurityHeaders(
          NextResponse.json(
            { ok: false, code: "UNAUTHENTICATED", message: "Bitte melden Sie sich an." },
            { status: 401 },
          ),
          csp,
        );
      }
      const url = new URL("/anmelden", request.url);
      if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withSecurityHeaders(NextResponse.redirect(url), csp);
    }
  }
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // Next.js reads the nonce from this request header and puts it on every script it renders.
  headers.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp);
}

function unavailablePage(): NextResponse {
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Vorübergehend nicht erreichbar – Konzeptwerk</title></head><body><main><h1>Vorübergehend nicht erreichbar</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p><p>Ihre bisher gespeicherten Inhalte sind nicht verloren. <a href="">Seite neu laden</a></p></main></body></html>`;
  return new NextResponse(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" },
  });
}

/** Also set here, not only in next.config.ts: these follow the runtime environment (HSTS only behind https). */
function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const { key, value } of staticSecurityHeaders()) response.headers.set(key, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
