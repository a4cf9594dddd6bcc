import { readEnv } from "@/config/env";
/** next-auth's signing secret: mandatory in production, a fixed value only for local development and tests. */
export function authSecret(): string | undefined {
  const { NEXTAUTH_SECRET } = readEnv();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  if (process.env.NODE_ENV === "production") return undefined; // next-auth then refuses to run
  return "konzeptwerk-development-secret-not-for-production";
}
