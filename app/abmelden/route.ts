import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getActor, getSessionIdentity } from "@/lib/auth/actor";
import { endAllUserSessions, endUserSession } from "@/lib/auth/user-sessions";
import { assertSameOrigin } from "@/lib/http/request-guards";
import { jsonRoute } from "@/lib/http/route-handler";

/**
 * Signing out, as a plain form post (`<form method="post" action="/abmelden">`): works before the page is
 * hydrated and without JavaScript, and keeps the pages' HTML valid (a server action form renders action="").
 * It ends the session on the server (its user_sessions row), so a copy of the cookie stops working, and removes
 * next-auth's cookies from this browser. `bereich=ueberall` ("Überall abmelden", profile page) ends every session
 * of the signed-in person, on every device. Only our own pages may post here (the proxy checks the origin of
 * form posts too); a foreign page cannot sign anyone out.
 */
export const POST = jsonRoute(async (request: NextRequest) => {
  assertSameOrigin(request);
  const form = await request.formData().catch(() => null);
  if (form?.get("bereich") === "ueberall") {
    const actor = await getActor();
    if (!actor) return signedOut(request, "/anmelden");
    await endAllUserSessions(await getDb(), actor);
    return signedOut(request, "/anmelden?abgemeldet=ueberall");
  }
  const session = await getSessionIdentity();
  try {
    if (session) await endUserSession(await getDb(), session);
  } catch (error) {
    // The database is away: this browser is signed out all the same; the session row runs out after 8 hours.
    console.error("Abmelden: Sitzung konnte nicht beendet werden", error);
  }
  return signedOut(request, "/anmelden");
});

/** 303: the browser follows with a GET; the Location is relative, so it stays right behind a reverse proxy. */
function signedOut(request: NextRequest, location: string): NextResponse {
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store" },
  });
  for (const { name } of request.cookies.getAll()) {
    if (!/next-auth\.(session-token|csrf-token|callback-url)(\.\d+)?$/.test(name)) continue;
    // __Secure-/__Host- cookies (https) can only be overwritten by a Secure cookie.
    const secure = name.startsWith("__Secure-") || name.startsWith("__Host-");
    response.cookies.set(name, "", { path: "/", maxAge: 0, secure, httpOnly: true, sameSite: "lax" });
  }
  return response;
}
