import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servesHttps, staticSecurityHeaders } from "./security-headers";

const PROD_HTTPS = { NODE_ENV: "production", APP_URL: "https://konzepte.stadt.example" };
const directives = (csp: string) =>
  Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  it("build a CSP whose scripts need the nonce, never 'unsafe-inline', framed by nobody", () => {
    for (const env of [PROD_HTTPS, { NODE_ENV: "development" }]) {
      const d = directives(contentSecurityPolicy("abc123==", env));
      expect(d["script-src"]).toContain("'nonce-abc123=='");
      expect(d["script-src"]).toContain("'strict-dynamic'");
      expect(d["script-src"]).not.toContain("'unsafe-inline'");
      expect(d["frame-ancestors"]).toEqual(["'none'"]);
      expect(d["object-src"]).toEqual(["'none'"]);
      expect(d["base-uri"]).toEqual(["'self'"]);
      expect(d["form-action"]).toEqual(["'self'"]);
    }
    expect(directives(contentSecurityPolicy("n", PROD_HTTPS))["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("use a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it("always send nosniff, a Referrer-Policy, a Permissions-Policy and no framing", () => {
    const keys = Object.fromEntries(staticSecurityHeaders({ NODE_ENV: "development" }).map((h) => [h.key, h.value]));
    expect(keys["X-Content-Type-Options"]).toBe("nosniff");
    expect(keys["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(keys["Permissions-Policy"]).toMatch(/camera=\(\)/);
    expect(keys["X-Frame-Options"]).toBe("DENY");
  });

  it.each([
    [{ NODE_ENV: "production", APP_URL: "https://konzepte.stadt.example" }, true],
    [{ NODE_ENV: "production", NEXTAUTH_URL: "https://konzepte.stadt.example/" }, true],
    [{ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3000", APP_URL: "https://x.example" }, false],
    [{ NODE_ENV: "production", APP_URL: "http://127.0.0.1:3210" }, false],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "development", APP_URL: "https://konzepte.stadt.example" }, false],
    [{ NODE_ENV: "test", APP_URL: "https://konzepte.stadt.example" }, false],
  ])("send HSTS only in production over https: %j → %s", (env, https) => {
    expect(servesHttps(env)).toBe(https);
    const hsts = staticSecurityHeaders(env).find((h) => h.key === "Strict-Transport-Security");
    if (https) expect(hsts?.value).toMatch(/^max-age=(\d+)/);
    else expect(hsts).toBeUndefined();
    if (hsts) expect(Number(/max-age=(\d+)/.exec(hsts.value)![1])).toBeGreaterThanOrEqual(31_536_000);
  });
});
