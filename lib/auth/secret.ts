/** next-auth's signing secret: mandatory in production, a fixed value only for local development and tests. */
export function authSecret(): string | undefined {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (process.env.NODE_ENV === "production") return undefined; // next-auth then refuses to run
  return "konzeptwerk-development-secret-not-for-production";
}
