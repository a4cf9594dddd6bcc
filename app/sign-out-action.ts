"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

/**
 * Signing out ends the session in this browser by removing next-auth's cookies (JWT sessions hold no
 * server state). A plain form post, so it works before the page is hydrated and without JavaScript.
 */
export async function signOutAction() {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!/next-auth\.(session-token|csrf-token|callback-url)(\.\d+)?$/.test(name)) continue;
    // __Secure-/__Host- cookies (https) can only be overwritten by a Secure cookie.
    if (name.startsWith("__Secure-") || name.startsWith("__Host-"))
      jar.set(name, "", { path: "/", maxAge: 0, secure: true, httpOnly: true, sameSite: "lax" });
    else jar.delete(name);
  }
  redirect("/anmelden");
}
