import type { NextConfig } from "next";

/**
 * The floor of the load benchmark: a bare Next.js app with the build settings of Konzeptwerk's next.config.ts
 * that change what a page costs (no X-Powered-By header, metadata rendered into the head for every client).
 * Built with the same `next build` (Turbopack) and the same next, react and react-dom from the repo's node_modules.
 */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  htmlLimitedBots: /.*/,
};

export default nextConfig;
