import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/http/security-headers";

// The message files are compiled at build time (ICU → a compact form): neither the browser nor the server parses a
// message while a page renders, and the browser gets no message parser (docs/decisions/0021-precompiled-messages.md).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The dev server answers its own resources (/_next/*, HMR) only to known hosts: http://127.0.0.1:3000 must work
  // as well as http://localhost:3000 (Next.js 16 refuses other origins by default).
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Metadata (the <title>) is rendered into the <head> before the page for every client, not streamed in
  // later: screen readers announce the title on load, and it is never missing after an action re-renders.
  htmlLimitedBots: /.*/,
  // Native or WASM modules that must be loaded by Node at run time, not bundled.
  // pdfkit and fontkit read font and data files relative to their own folders (PDF export).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "argon2",
    "happy-dom",
    "pdfkit",
    "fontkit",
    // Live editing: one copy of Yjs per process (the Hocuspocus server and the app code share its documents).
    "@hocuspocus/server",
    "@hocuspocus/extension-redis",
    "ioredis",
    "yjs",
  ],
  turbopack: {
    resolveAlias: {
      // No Node Buffer polyfill in the browser: nothing there uses it (see components/editor/no-node-buffer.ts).
      buffer: { browser: "./components/editor/no-node-buffer.ts" },
      "node:buffer": { browser: "./components/editor/no-node-buffer.ts" },
      "next/dist/compiled/buffer": { browser: "./components/editor/no-node-buffer.ts" },
    },
  },
  experimental: {
    // proxy.ts sees every request; a body over this is cut off there. A Word upload may be 10 MB plus its form.
    proxyClientMaxBodySize: 11 * 1024 * 1024,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: staticSecurityHeaders(),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
