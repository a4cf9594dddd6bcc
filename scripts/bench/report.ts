/** Budgets and the results table in docs/benchmarks.md (one block per database, the rest of the file kept). */
import fs from "node:fs";
import path from "node:path";
import type { BundleResult } from "./bundles";
import type { LoadResult } from "./http";
import type { BenchSize } from "./seed";

export type Report = {
  date: string;
  machine: string;
  database: string;
  /** Server processes (`npm start`'s workers; the limit server and the floor run as many). */
  processes: number;
  size: BenchSize;
  seconds: number;
  warmup: number;
  seedSeconds?: number;
  pages: {
    key: string;
    name: string;
    path: string;
    queries: number;
    /** HTML bytes of the app's response, and of the floor page it is compared with. */
    bytes: number;
    floorBytes: number;
    app: LoadResult[];
    /** The bare Next.js page of the same size (scripts/bench/floor-app). */
    floor: LoadResult[];
    limit: LoadResult[];
  }[];
  /** The demo concept's overview for the lead: HTML of a normal GET and the RSC payload (header `RSC: 1`). */
  demoOverview?: { path: string; html: number; rsc: number };
  writes: { kind: string; result: LoadResult }[];
  scaling: { key: string; name: string; factor: number; revisions: number; result: LoadResult }[];
  bundles: BundleResult[];
  /** `npm run bench:collab` run after the pages (its own server and database): the live-editing targets. */
  collab?: { seconds: number; full: CollabResult; bare?: CollabResult };
};

type Latency = { n: number; p50: number; p95: number; p99: number };
/** What scripts/bench-collab.ts measures of one server: the hot section (20 editors) and the 200 others. */
export type CollabResult = { hot: Latency; cold: Latency; cpuPercent: number; memoryPerDocMb: number };

export const BUDGET = {
  saveP95: 150,
  /** app / floor (req/s at 10 connections) for these pages. */
  floorRatio: 0.5,
  floorPages: ["overview", "section", "reading-room", "synopse"],
  /** Signed-in imprint / anonymous imprint (req/s at 10 connections): what the session and the layout cost. */
  imprintRatio: 0.7,
  /** The demo concept's overview as first loaded: its HTML, which carries the page's RSC payload inline. */
  demoOverviewBytes: 60 * 1024,
  scalingSlack: 1.5,
  scalingSlackMs: 10,
  /** Live editing (the co-authoring issue): p95 from a change to every other client, and against a bare server. */
  collabP95: 100,
  collabRatio: 0.7,
  collabMemoryMb: 2,
};

/** The worse of the two sections' p95: every editor counts. */
export const collabP95 = (r: CollabResult) => Math.max(r.hot.p95, r.cold.p95);

const at = (results: LoadResult[], connections: number) => results.find((r) => r.connections === connections);

/** Throughput ratio at 10 connections; undefined when either side was not measured. */
function ratioAt10(app: LoadResult[] | undefined, base: LoadResult[] | undefined): number | undefined {
  const a = app && at(app, 10);
  const b = base && at(base, 10);
  return a && b ? a.rps / b.rps : undefined;
}

/** Throughput and latency budgets hold for PostgreSQL at 10 connections; sizes and flat scaling everywhere. */
export function checkBudgets(report: Report): string[] {
  const broken: string[] = [];
  const postgres = report.database.startsWith("PostgreSQL");
  const page = (key: string) => report.pages.find((p) => p.key === key);
  if (postgres) {
    const save = report.writes.find((w) => w.kind === "Speichern" && w.result.connections === 10);
    // A run in which no response completed (NaN) breaks the budget too.
    if (save && !(save.result.p95 <= BUDGET.saveP95))
      broken.push(`Speichern: p95 ${save.result.p95.toFixed(0)} ms > ${BUDGET.saveP95} ms bei 10 Verbindungen`);
    for (const key of BUDGET.floorPages) {
      const p = page(key);
      const ratio = ratioAt10(p?.app, p?.floor);
      if (p && ratio !== undefined && !(ratio >= BUDGET.floorRatio))
        broken.push(`${p.name}: App/Boden ${ratio.toFixed(2)} < ${BUDGET.floorRatio} bei 10 Verbindungen`);
    }
    const ratio = ratioAt10(page("imprint")?.app, page("imprint-anonymous")?.app);
    if (ratio !== undefined && !(ratio >= BUDGET.imprintRatio))
      broken.push(
        `Impressum angemeldet / ohne Anmeldung ${ratio.toFixed(2)} < ${BUDGET.imprintRatio} bei 10 Verbindungen`,
      );
  }
  for (const b of report.bundles) {
    if (b.budget !== null && b.gzip > b.budget)
      broken.push(
        `${b.route}: ${(b.gzip / 1024).toFixed(0)} KB JavaScript (gzip) > ${(b.budget / 1024).toFixed(0)} KB`,
      );
    if (b.appBudget !== null && b.gzip - b.framework > b.appBudget)
      broken.push(
        `${b.route}: ${((b.gzip - b.framework) / 1024).toFixed(0)} KB eigenes JavaScript (gzip, ohne die Root-Main-Dateien) > ${(b.appBudget / 1024).toFixed(0)} KB`,
      );
  }
  const demo = report.demoOverview;
  if (demo && demo.html > BUDGET.demoOverviewBytes)
    broken.push(
      `Demo-Konzeptübersicht: ${(demo.html / 1024).toFixed(1)} KB HTML mit RSC-Payload > ${BUDGET.demoOverviewBytes / 1024} KB`,
    );
  const collab = report.collab;
  if (collab) {
    const p95 = collabP95(collab.full);
    if (!(p95 <= BUDGET.collabP95)) broken.push(`Live-Bearbeitung: p95 ${p95.toFixed(0)} ms > ${BUDGET.collabP95} ms`);
    if (!(collab.full.memoryPerDocMb <= BUDGET.collabMemoryMb))
      broken.push(
        `Live-Bearbeitung: ${collab.full.memoryPerDocMb.toFixed(2)} MB je offenem Dokument > ${BUDGET.collabMemoryMb} MB`,
      );
    const ratio = collab.bare ? collabP95(collab.bare) / p95 : undefined;
    if (ratio !== undefined && !(ratio >= BUDGET.collabRatio))
      broken.push(`Live-Bearbeitung: p95 bloßer Server / Konzeptwerk ${ratio.toFixed(2)} < ${BUDGET.collabRatio}`);
  }
  for (const key of new Set(report.scaling.map((s) => s.key))) {
    const rows = report.scaling.filter((s) => s.key === key).sort((a, b) => a.factor - b.factor);
    const first = rows[0];
    const last = rows.at(-1);
    if (
      first &&
      last &&
      last !== first &&
      !(last.result.p50 <= first.result.p50 * BUDGET.scalingSlack + BUDGET.scalingSlackMs)
    ) {
      broken.push(
        `${first.name}: p50 wächst mit dem Verlauf (${first.result.p50.toFixed(0)} ms bei ×${first.factor}, ${last.result.p50.toFixed(0)} ms bei ×${last.factor})`,
      );
    }
  }
  return broken;
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "–" : `${n.toFixed(0)} ms`);
const rps = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(0));
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const kb1 = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ratios = (conns: number[], app: LoadResult[], base: LoadResult[]) =>
  conns
    .map((c) => {
      const a = at(app, c);
      const b = at(base, c);
      return a && b ? (a.rps / b.rps).toFixed(2) : "–";
    })
    .join(" / ");

export function renderReport(report: Report, broken: string[]): string {
  const conns = [...new Set(report.pages.flatMap((p) => p.app.map((r) => r.connections)))];
  const s = report.size;
  const lines: string[] = [
    `### ${report.database} — ${report.date}`,
    "",
    `Machine: ${report.machine}. Data: ${s.concepts} concepts; the largest with ${s.sections} sections (≈ ${s.pages} pages), ` +
      `${s.revisions.toLocaleString("en")} revisions, ${s.threads.toLocaleString("en")} comment threads, ${s.participants} participants, ${s.fassungen} Fassungen` +
      `${report.seedSeconds ? `, seeded in ${report.seedSeconds.toFixed(0)} s` : ""}. ` +
      `autocannon on loopback, signed in, ${report.warmup} s warm-up, then ${report.seconds} s per run. ` +
      `Server: \`npm start\` with ${report.processes} ${report.processes === 1 ? "process" : "processes"}; the limit server and the floor run as many. ` +
      `Floor: the bare Next.js page of \`scripts/bench/floor-app\` (a plain table) at the HTML size of the app's page, measured right after it.`,
    "",
    `| Page | SQL | HTML | ${conns.map((c) => `${c} conn.: p50 / p95 / p99 · req/s`).join(" | ")} | limit req/s (${conns.join(" / ")}) | app / limit | floor req/s (same size) | app / floor |`,
    `|---|---|---|${conns.map(() => "---|").join("")}---|---|---|---|`,
  ];
  for (const p of report.pages) {
    const cells = conns.map((c) => {
      const r = at(p.app, c);
      return r ? `${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.p99)} · ${rps(r.rps)}` : "–";
    });
    const limits = conns.map((c) => rps(at(p.limit, c)?.rps)).join(" / ");
    const floors = conns.map((c) => rps(at(p.floor, c)?.rps)).join(" / ");
    lines.push(
      `| ${p.name} | ${p.queries} | ${kb1(p.bytes)} | ${cells.join(" | ")} | ${limits} | ${ratios(conns, p.app, p.limit)} | ${floors} | ${ratios(conns, p.app, p.floor)} |`,
    );
  }
  const signedIn = report.pages.find((p) => p.key === "imprint");
  const anonymous = report.pages.find((p) => p.key === "imprint-anonymous");
  lines.push("");
  if (signedIn && anonymous)
    lines.push(
      `Signed-in imprint / anonymous imprint (req/s, ${conns.join(" / ")} conn.): ${ratios(conns, signedIn.app, anonymous.app)} (budget ≥ ${BUDGET.imprintRatio} at 10).`,
    );
  const floorGaps = report.pages.map((p) => Math.abs(p.floorBytes - p.bytes) / p.bytes);
  if (floorGaps.length)
    lines.push(
      `Floor pages within ${(Math.max(...floorGaps) * 100).toFixed(1)} % of the app's HTML size (a page smaller than the empty table gets the empty table).`,
    );
  const demo = report.demoOverview;
  if (demo)
    lines.push(
      `Demo concept overview (lead): ${kb1(demo.html)} HTML with its inline RSC payload (budget ≤ ${kb(BUDGET.demoOverviewBytes)}); a client-side navigation to it loads ${kb1(demo.rsc)} of RSC payload.`,
    );
  lines.push(
    "",
    "Write mix (saves of ≈ 3 pages on distinct sections alternating with replies to comment threads):",
    "",
  );
  lines.push("| Request | Connections | p50 | p95 | p99 | req/s | not 2xx |", "|---|---|---|---|---|---|---|");
  for (const w of report.writes)
    lines.push(
      `| ${w.kind === "Speichern" ? "save" : "reply"} | ${w.result.connections} | ${ms(w.result.p50)} | ${ms(w.result.p95)} | ${ms(w.result.p99)} | ${rps(w.result.rps)} | ${w.result.non2xx} |`,
    );
  lines.push("", `Scaling: the measured section's history grown to ×1, ×10, ×100 (${conns[0]} connections):`, "");
  lines.push("| Page | History | Revisions of the section | p50 | p95 | req/s |", "|---|---|---|---|---|---|");
  for (const r of report.scaling)
    lines.push(
      `| ${r.name} | ×${r.factor} | ${r.revisions.toLocaleString("en")} | ${ms(r.result.p50)} | ${ms(r.result.p95)} | ${rps(r.result.rps)} |`,
    );
  lines.push("", "First-load client JavaScript per route (from the build manifests, each chunk gzipped):", "");
  lines.push(
    "| Route | Chunks | Raw | gzip | of which Next.js + React (root main files) | of which the app | Budget |",
    "|---|---|---|---|---|---|---|",
  );
  for (const b of report.bundles) {
    const own = b.gzip - b.framework;
    const budgets = [
      b.budget === null ? null : `≤ ${kb(b.budget)}${b.gzip > b.budget ? " **broken**" : ""}`,
      b.appBudget === null ? null : `app ≤ ${kb(b.appBudget)}${own > b.appBudget ? " **broken**" : ""}`,
    ].filter(Boolean);
    lines.push(
      `| \`${b.route}\` | ${b.files} | ${kb(b.raw)} | ${kb(b.gzip)} | ${kb(b.framework)} | ${kb(own)} | ${budgets.join(", ") || "–"} |`,
    );
  }
  const collab = report.collab;
  if (collab) {
    const ms1 = (n: number) => `${n.toFixed(1)} ms`;
    const row = (label: string, r: CollabResult) => [
      `| ${label} · 20 editors | ${r.hot.n} | ${ms1(r.hot.p50)} | ${ms1(r.hot.p95)} | ${ms1(r.hot.p99)} | ${r.cpuPercent.toFixed(0)} % | ${r.memoryPerDocMb.toFixed(2)} MB |`,
      `| ${label} · 2 editors each | ${r.cold.n} | ${ms1(r.cold.p50)} | ${ms1(r.cold.p95)} | ${ms1(r.cold.p99)} | | |`,
    ];
    lines.push(
      "",
      `Live editing (\`npm run bench:collab\`, its own server and database, after the pages): 20 editors on one section and 200 sections with 2 editors each, 5 characters/s each for ${collab.seconds} s; latency from a change to its arrival at every other client of the section. Budgets: p95 ≤ ${BUDGET.collabP95} ms, ≤ ${BUDGET.collabMemoryMb} MB per open document, p95 of a bare Hocuspocus / Konzeptwerk ≥ ${BUDGET.collabRatio}.`,
      "",
      "| Server · section | changes received | p50 | p95 | p99 | server CPU (one core) | memory per open document |",
      "|---|---|---|---|---|---|---|",
      ...row("Konzeptwerk", collab.full),
      ...(collab.bare ? row("bare Hocuspocus", collab.bare) : []),
    );
    if (collab.bare)
      lines.push(
        "",
        `Ratio bare / Konzeptwerk (p95): ${(collabP95(collab.bare) / collabP95(collab.full)).toFixed(2)}.`,
      );
  }
  lines.push(
    "",
    broken.length ? `Budgets broken (exit code 1):\n\n${broken.map((b) => `- ${b}`).join("\n")}` : "All budgets met.",
  );
  return lines.join("\n");
}

/** Replaces this database's block between its markers in docs/benchmarks.md (added after the intro if missing). */
export function writeReport(report: Report, broken: string[]) {
  const file = path.join(process.cwd(), "docs", "benchmarks.md");
  const kind = report.database.startsWith("PostgreSQL") ? "postgres" : "pglite";
  const start = `<!-- bench:${kind}:start -->`;
  const end = `<!-- bench:${kind}:end -->`;
  const block = `${start}\n${renderReport(report, broken)}\n${end}`;
  let text = fs.readFileSync(file, "utf8");
  if (text.includes(start))
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  else if (text.includes("<!-- bench:results -->"))
    text = text.replace("<!-- bench:results -->", `<!-- bench:results -->\n\n${block}`);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, text);
}
