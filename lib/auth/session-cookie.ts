import { servesHttps } from "@/lib/http/security-headers";

/**
 * The session cookie: never readable by scripts, not sent on cross-site subrequests or posts (SameSite=Lax), and
 * Secure with the __Secure- prefix in production over https. The proxy reads it under the same name.
 */
export function sessionCookie(env: Record<string, string | undefined> = process.env) {
  const secure = servesHttps(env);
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
