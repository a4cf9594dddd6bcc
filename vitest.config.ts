import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, "$1") },
      // Outside Next.js the marker package would throw; tests are server code.
      { find: "server-only", replacement: path.resolve(import.meta.dirname, "test/server-only-stub.ts") },
    ],
  },
  test: {
    environment: "node",
    include: [
      "config/**/*.test.ts",
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "messages/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
