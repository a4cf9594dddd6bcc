// Relative, not "@/…": next.config.ts loads this file before any path alias exists.
import { readEnv } from "../../config/env";

/**
 * The security headers of every response, in one place: next.config.ts sets the static ones on everything
 * (static assets included), proxy.ts adds the per-request Content-Security-Policy with its nonce. Pure, so the
 * variations by environment are unit-tested.
 */
type Env = Record<string, string | undefined>;

/** Production over https: the only setting in which HSTS and Secure cookies are right (http would lose the session). */
export function servesHttps(env: Env = process.env): boolean {
  const { NEXTAUTH_URL, APP_URL } = readEnv(env);
  const url = NEXTAUTH_URL || APP_URL || "";
  return env.NODE_ENV === "production" && url.startsWith("https://");
}

export function contentSecurityPolicy(nonce: string, env: Env = process.env): string {
  const dev = env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    // 'strict-dynamic': only scripts carrying the nonce run, and what they load; no inline script without it.
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

/** Headers that do not depend on the request. */
export function staticSecurityHeaders(env: Env = process.env): { key: string; value: string }[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "X-Frame-Options", value: "DENY" },
  ];
  if (servesHttps(env))
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}

/** A fresh nonce per response: 128 random bits. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
