import { readEnv } from "@/config/env";
/** Absolute links in mails: APP_URL, else next-auth's NEXTAUTH_URL, else the development default. */
export function appUrl(path: string, env: Record<string, string | undefined> = process.env): string {
  const { APP_URL, NEXTAUTH_URL } = readEnv(env);
  const base = (APP_URL || NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
