import { describe, expect, it, vi } from "vitest";
import nextConfig from "../next.config";

/**
 * Issue 16, runtime: the dev server opened at http://127.0.0.1:3000 (not localhost) must work. Next.js 16 refuses
 * its dev resources (/_next/*, HMR) to other origins than localhost unless allowedDevOrigins names them; this runs
 * Next's own check with our configuration.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { blockCrossSiteDEV } = require("next/dist/server/lib/router-utils/block-cross-site-dev") as {
  blockCrossSiteDEV: (
    req: { url: string; headers: Record<string, string> },
    res: { statusCode?: number; end: (body: string) => void },
    allowed: string[] | undefined,
    hostname: string | undefined,
  ) => boolean;
};

function blocked(origin: string, allowed: string[] | undefined): boolean {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  const req = {
    url: "/_next/static/chunks/app.js",
    headers: { origin, "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin" },
  };
  return blockCrossSiteDEV(req, { end: () => {} }, allowed, undefined);
}

describe("dev server origins", () => {
  it("lets the page at http://127.0.0.1:3000 load the dev server's resources, and localhost still", () => {
    const allowed = (nextConfig as { allowedDevOrigins?: string[] }).allowedDevOrigins;
    expect(blocked("http://127.0.0.1:3000", allowed)).toBe(false);
    expect(blocked("http://localhost:3000", allowed)).toBe(false);
    // Without the setting Next refuses 127.0.0.1 — what the dev server did before.
    expect(blocked("http://127.0.0.1:3000", undefined)).toBe(true);
    // Other sites stay refused.
    expect(blocked("http://evil.example", allowed)).toBe(true);
  });
});
