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
  /** Server processes (`npm start`'s workers; the limit server runs as many). */
  processes: number;
  size: BenchSize;
  seconds: number;
  warmup: number;
  seedSeconds?: number;
  pages: { key: string; name: string; path: string; queries: number; app: LoadResult[]; limit: LoadResult[] }[];
  writes: { kind: string; result: LoadResult }[];
  scaling: { key: string; name: string; factor: number; revisions: number; result: LoadResult }[];
  bundles: BundleResult[];
};

export const BUDGET = { readP95: 100, saveP95: 150, overviewRatio: 0.5, scalingSlack: 1.5, scalingSlackMs: 10 };

const at = (results: LoadResult[], connections: number) => results.find((r) => r.connections === connections);

/** Latency budgets hold for PostgreSQL at 10 connections; bundles and flat scaling everywhere. */
export function checkBudgets(report: Report): string[] {
  const broken: string[] = [];
  const postgres = report.database.startsWith("PostgreSQL");
  if (postgres) {
    for (const page of report.pages) {
      const r = at(page.app, 10);
      // A run in which no response completed (NaN) breaks the budget too.
      if (r && !(r.p95 <= BUDGET.readP95))
        broken.push(`${page.name}: p95 ${r.p95.toFixed(0)} ms > ${BUDGET.readP95} ms bei 10 Verbindungen`);
    }
    const save = report.writes.find((w) => w.kind === "Speichern" && w.result.connections === 10);
    if (save && !(save.result.p95 <= BUDGET.saveP95))
      broken.push(`Speichern: p95 ${save.result.p95.toFixed(0)} ms > ${BUDGET.saveP95} ms bei 10 Verbindungen`);
    const overview = report.pages.find((p) => p.key === "overview");
    const app = overview && at(overview.app, 10);
    const limit = overview && at(overview.limit, 10);
    if (app && limit && app.rps / limit.rps < BUDGET.overviewRatio)
      broken.push(`Konzeptübersicht: App/Grenze ${(app.rps / limit.rps).toFixed(2)} < ${BUDGET.overviewRatio}`);
  }
  for (const b of report.bundles) {
    if (b.budget !== null && b.gzip > b.budget)
      broken.push(
        `${b.route}: ${(b.gzip / 1024).toFixed(0)} KB JavaScript (gzip) > ${(b.budget / 1024).toFixed(0)} KB`,
      );
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
      `Server: \`npm start\` with ${report.processes} ${report.processes === 1 ? "process" : "processes"}; the limit server runs as many.`,
    "",
    `| Page | SQL | ${conns.map((c) => `${c} conn.: p50 / p95 / p99 · req/s`).join(" | ")} | limit req/s (${conns.join(" / ")}) | app / limit |`,
    `|---|---|${conns.map(() => "---|").join("")}---|---|`,
  ];
  for (const p of report.pages) {
    const cells = conns.map((c) => {
      const r = at(p.app, c);
      return r ? `${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.p99)} · ${rps(r.rps)}` : "–";
    });
    const limits = conns.map((c) => rps(at(p.limit, c)?.rps)).join(" / ");
    const ratio = conns.map((c) => {
      const a = at(p.app, c);
      const l = at(p.limit, c);
      return a && l ? (a.rps / l.rps).toFixed(2) : "–";
    });
    lines.push(`| ${p.name} | ${p.queries} | ${cells.join(" | ")} | ${limits} | ${ratio.join(" / ")} |`);
  }
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
    lines.push(
      `| \`${b.route}\` | ${b.files} | ${kb(b.raw)} | ${kb(b.gzip)} | ${kb(b.framework)} | ${kb(b.gzip - b.framework)} | ${b.budget ? `≤ ${kb(b.budget)}${b.gzip > b.budget ? " **broken**" : ""}` : "–"} |`,
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
