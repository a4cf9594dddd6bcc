/**
 * First-load client JavaScript per route, from the build output: the root main files of the build manifest,
 * every chunk the route's client reference manifest lists for its layouts, page and boundaries, and the chunks
 * the page loads through next/dynamic on first render (react-loadable manifest). Each file gzipped (zlib default).
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

/** `framework`: the gzip bytes of the root main files (React DOM, the Next.js router, the bundler runtime) that every App Router route loads, whatever the app does. */
export type BundleResult = {
  route: string;
  key: string;
  files: number;
  raw: number;
  gzip: number;
  framework: number;
  /** On the whole first load (gzip). */
  budget: number | null;
  /** On the application's own share: the whole first load minus the root main files (gzip). */
  appBudget: number | null;
};

const NEXT = path.join(process.cwd(), ".next");
const KB = 1024;

/** Routes measured, with their budgets (gzip): readers never download the editor, and the app adds little to Next. */
const READING = { budget: null, appBudget: 30 * KB };
export const BUNDLE_ROUTES: { key: string; route: string; budget: number | null; appBudget: number | null }[] = [
  { key: "overview", route: "/(app)/konzepte/[conceptId]/page", ...READING },
  { key: "reading-room", route: "/(app)/konzepte/[conceptId]/lesesaal/page", ...READING },
  { key: "section", route: "/(app)/konzepte/[conceptId]/abschnitte/[sectionId]/page", ...READING },
  {
    key: "editor",
    route: "/(app)/konzepte/[conceptId]/abschnitte/[sectionId]/bearbeiten/page",
    budget: 350 * KB,
    appBudget: null,
  },
  { key: "history", route: "/(app)/konzepte/[conceptId]/abschnitte/[sectionId]/verlauf/page", ...READING },
  { key: "diff", route: "/(app)/konzepte/[conceptId]/abschnitte/[sectionId]/verlauf/vergleich/page", ...READING },
  { key: "fassungen", route: "/(app)/konzepte/[conceptId]/fassungen/vergleich/page", ...READING },
  { key: "synopse", route: "/(app)/konzepte/[conceptId]/synopse/page", ...READING },
  { key: "reading-room-synopse", route: "/(app)/konzepte/[conceptId]/lesesaal/synopse/page", ...READING },
  { key: "search", route: "/(app)/suche/page", ...READING },
];

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** The chunks of one route: root main files, client entries of its segments, its dynamic imports. */
export function routeChunks(route: string): string[] {
  const build = readJson<{ rootMainFiles: string[] }>(path.join(NEXT, "build-manifest.json"));
  const dir = path.join(NEXT, "server", "app", route.slice(1));
  const context = {
    globalThis: {} as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> },
  };
  vm.runInNewContext(fs.readFileSync(`${dir}_client-reference-manifest.js`, "utf8"), context);
  const manifest = context.globalThis.__RSC_MANIFEST?.[route];
  if (!manifest) throw new Error(`Kein Client-Manifest für ${route}`);
  const files = new Set<string>(build.rootMainFiles);
  for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
  const loadable = path.join(dir, "react-loadable-manifest.json");
  if (fs.existsSync(loadable)) {
    for (const entry of Object.values(readJson<Record<string, { files: string[] }>>(loadable)))
      for (const f of entry.files) if (f.endsWith(".js")) files.add(f);
  }
  return [...files].filter((f) => f.endsWith(".js"));
}

export function measureBundles(): BundleResult[] {
  const rootMain = new Set(readJson<{ rootMainFiles: string[] }>(path.join(NEXT, "build-manifest.json")).rootMainFiles);
  return BUNDLE_ROUTES.map(({ key, route, budget, appBudget }) => {
    const chunks = routeChunks(route);
    let raw = 0;
    let gzip = 0;
    let framework = 0;
    for (const chunk of chunks) {
      const body = fs.readFileSync(path.join(NEXT, chunk));
      const zipped = gzipSync(body).length;
      raw += body.length;
      gzip += zipped;
      if (rootMain.has(chunk)) framework += zipped;
    }
    return {
      key,
      route: route.replace(/^\/\(app\)/, "").replace(/\/page$/, "") || "/",
      files: chunks.length,
      raw,
      gzip,
      framework,
      budget,
      appBudget,
    };
  });
}
