import { createHash, randomBytes } from "node:crypto";

export type TokenPurpose = "invitation" | "password_reset";

/** How long a link stays valid: an invitation a week, a password reset one day. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  invitation: 7 * 24 * 60 * 60_000,
  password_reset: 24 * 60 * 60_000,
};

/** 256 random bits, URL-safe; only its SHA-256 is ever stored. */
export function generateToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens come from URLs: anything that cannot be one of ours is rejected before touching the database. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}
