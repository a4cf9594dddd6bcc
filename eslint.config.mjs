import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** The layers' import boundaries (docs/architecture.md): each folder imports only the layers below it. */
const forbid = (...groups) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: groups.map(([group, message]) => ({ group, message })),
    },
  ],
});
const APP = [
  ["@/app/**", "../**/app/**"],
  "Routes (app/) sit on top: nothing below them imports them. Pass server actions as props.",
];
const COMPONENTS = [["@/components/**"], "lib/ is the domain: it does not import UI components."];
const DB = [["@/db/**"], "Components get data and actions as props from pages; they do not open the database."];
const LIB_FROM_DB = [
  ["@/lib/**", "../lib/**", "@/demo/**"],
  "db/ is the ground floor: schema, migrations, connection; it imports nothing from lib/ or demo/.",
];
const DEMO = [["@/demo/**"], "Demo data stays out of production code (tests may use it)."];
const FROM_CONFIG = [
  ["@/lib/**", "../lib/**", "@/db/**", "../db/**", "@/demo/**"],
  "config/ is read by every layer (next.config.ts, db/, lib/, scripts): it imports nothing of the app.",
];
const CONFIG_IN_UI = [["@/config/**"], "The browser has no server configuration: pages pass what components need."];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { files: ["lib/**/*.{ts,tsx}"], ignores: ["lib/**/*.test.ts"], rules: forbid(APP, COMPONENTS, DEMO) },
  { files: ["lib/**/*.test.ts"], rules: forbid(APP, COMPONENTS) },
  { files: ["components/**/*.{ts,tsx}"], rules: forbid(APP, DB, CONFIG_IN_UI) },
  { files: ["config/**/*.ts"], rules: forbid(APP, COMPONENTS, FROM_CONFIG) },
  { files: ["db/**/*.ts"], rules: forbid(APP, COMPONENTS, LIB_FROM_DB) },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      ".node-runtime/**",
      // The benchmark's bare Next.js app (scripts/bench/floor-app): its build and the file next build writes.
      "scripts/bench/floor-app/.next/**",
      "scripts/bench/floor-app/next-env.d.ts",
    ],
  },
];

export default config;
