"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getSessionIdentity, requireActor } from "@/lib/auth/actor";
import { endAllUserSessions, endUserSession } from "@/lib/auth/user-sessions";

/**
 * Signing out ends the session on the server (its user_sessions row), so a copy of the cookie stops working,
 * and removes next-auth's cookies from this browser. A plain form post, so it works before the page is hydrated
 * and without JavaScript.
 */
export async function signOutAction() {
  const session = await getSessionIdentity();
  try {
    if (session) await endUserSession(await getDb(), session);
  } catch (error) {
    // The database is away: this browser is signed out all the same; the session row runs out after 8 hours.
    console.error("Abmelden: Sitzung konnte nicht beendet werden", error);
  }
  await clearSessionCookies();
  redirect("/anmelden");
}

/** "Überall abmelden" (profile page): ends every session of the signed-in person, on every device. */
export async function signOutEverywhereAction() {
  const actor = await requireActor();
  await endAllUserSessions(await getDb(), actor);
  await clearSessionCookies();
  redirect("/anmelden?abgemeldet=ueberall");
}

async function clearSessionCookies() {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!/next-auth\.(session-token|csrf-token|callback-url)(\.\d+)?$/.test(name)) continue;
    // __Secure-/__Host- cookies (https) can only be overwritten by a Secure cookie.
    if (name.startsWith("__Secure-") || name.startsWith("__Host-"))
      jar.set(name, "", { path: "/", maxAge: 0, secure: true, httpOnly: true, sameSite: "lax" });
    else jar.delete(name);
  }
}
