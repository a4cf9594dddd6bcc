import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax, not Secure over plain http", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3210");
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(32));
    const { authOptions } = await import("./auth-options");
    expect(authOptions.useSecureCookies).toBe(false);
    expect(authOptions.cookies?.sessionToken).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });

  it("is Secure with the __Secure- prefix in production over https", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("APP_URL", "https://konzepte.stadt.example");
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(32));
    const { authOptions } = await import("./auth-options");
    expect(authOptions.useSecureCookies).toBe(true);
    expect(authOptions.cookies?.sessionToken).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("is not Secure in development even with an https URL (the dev server speaks http)", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("NEXTAUTH_URL", "https://konzepte.stadt.example");
    const { sessionCookie } = await import("./auth-options");
    expect(sessionCookie().options.secure).toBe(false);
  });
});
