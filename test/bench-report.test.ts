import { describe, expect, it } from "vitest";
import type { BundleResult } from "@/scripts/bench/bundles";
import type { LoadResult } from "@/scripts/bench/http";
import { checkBudgets, renderReport, type Report } from "@/scripts/bench/report";
import { FULL_SIZE } from "@/scripts/bench/seed";

const KB = 1024;

const run = (connections: number, p95: number, rps: number): LoadResult => ({
  connections,
  seconds: 20,
  requests: rps * 20,
  rps,
  p50: p95 / 2,
  p95,
  p99: p95,
  errors: 0,
  non2xx: 0,
});

type Page = Report["pages"][number];
const page = (key: string, name: string, appRps: number, floorRps: number): Page => ({
  key,
  name,
  path: `/${key}`,
  queries: 9,
  bytes: 90 * KB,
  floorBytes: 91 * KB,
  app: [run(10, 150, appRps)],
  floor: [run(10, 60, floorRps)],
  limit: [run(10, 10, 1000)],
});

const bundle = (key: string, gzip: number, framework: number, budget: number | null, appBudget: number | null) =>
  ({ key, route: `/${key}`, files: 10, raw: 400_000, gzip, framework, budget, appBudget }) satisfies BundleResult;

function report(overrides: Partial<Report> = {}): Report {
  return {
    date: "2026-12-07",
    machine: "2 Kerne",
    database: "PostgreSQL 15.20",
    processes: 2,
    size: FULL_SIZE,
    seconds: 20,
    warmup: 5,
    pages: [
      {
        ...page("overview", "Konzeptübersicht", 0, 0),
        app: [run(10, 60, 100), run(50, 300, 110)],
        floor: [run(10, 30, 170), run(50, 150, 180)],
        limit: [run(10, 10, 300), run(50, 40, 320)],
      },
      page("section", "Abschnitt", 50, 90),
      page("reading-room", "Lesesaal", 50, 90),
      page("synopse", "Synopse", 50, 90),
      page("history", "Verlauf", 10, 90), // no floor budget
      page("imprint", "Impressum (angemeldet)", 150, 300),
      page("imprint-anonymous", "Impressum (ohne Anmeldung)", 200, 300),
    ],
    demoOverview: { path: "/konzepte/demo", html: 35 * KB, rsc: 20 * KB },
    writes: [{ kind: "Speichern", result: run(10, 90, 50) }],
    scaling: [
      { key: "overview", name: "Konzeptübersicht", factor: 1, revisions: 250, result: run(10, 60, 200) },
      { key: "overview", name: "Konzeptübersicht", factor: 100, revisions: 25_000, result: run(10, 62, 195) },
    ],
    bundles: [
      bundle("overview", 150 * KB, 129 * KB, null, 30 * KB),
      bundle("editor", 320 * KB, 129 * KB, 350 * KB, null),
    ],
    ...overrides,
  };
}

describe("benchmark budgets", () => {
  it("passes when every figure is inside its budget and renders the table", () => {
    expect(checkBudgets(report())).toEqual([]);
    const text = renderReport(report(), []);
    expect(text).toContain(
      "| Konzeptübersicht | 9 | 90.0 KB | 30 ms / 60 ms / 60 ms · 100 | 150 ms / 300 ms / 300 ms · 110 | 300 / 320 | 0.33 / 0.34 | 170 / 180 | 0.59 / 0.61 |",
    );
    expect(text).toContain("floor req/s (same size) | app / floor |");
    expect(text).toContain(
      "Signed-in imprint / anonymous imprint (req/s, 10 / 50 conn.): 0.75 / – (budget ≥ 0.7 at 10).",
    );
    expect(text).toContain(
      "Demo concept overview (lead): 35.0 KB HTML with its inline RSC payload (budget ≤ 60 KB); a client-side navigation to it loads 20.0 KB of RSC payload.",
    );
    expect(text).toContain("| `/overview` | 10 | 391 KB | 150 KB | 129 KB | 21 KB | app ≤ 30 KB |");
    expect(text).toContain("| `/editor` | 10 | 391 KB | 320 KB | 129 KB | 191 KB | ≤ 350 KB |");
    expect(text).toContain("All budgets met.");
  });

  it("no longer holds reading pages to a latency or to the limit server", () => {
    const r = report();
    r.pages = r.pages.map((p) => ({ ...p, app: p.app.map((a) => ({ ...a, p95: 900 })), limit: [run(10, 5, 5000)] }));
    expect(checkBudgets(r)).toEqual([]);
  });

  it("reports each broken target: floor ratio, imprint ratio, own JavaScript, demo payload, saves, growth", () => {
    const r = report({
      writes: [{ kind: "Speichern", result: run(10, 200, 10) }],
      demoOverview: { path: "/konzepte/demo", html: 70 * KB, rsc: 20 * KB },
      scaling: [
        { key: "overview", name: "Konzeptübersicht", factor: 1, revisions: 250, result: run(10, 60, 200) },
        { key: "overview", name: "Konzeptübersicht", factor: 100, revisions: 25_000, result: run(10, 400, 20) },
      ],
      bundles: [
        bundle("overview", 165 * KB, 129 * KB, null, 30 * KB),
        bundle("editor", 360 * KB, 129 * KB, 350 * KB, null),
      ],
    });
    r.pages = r.pages.map((p) =>
      p.key === "section"
        ? page("section", "Abschnitt", 40, 90)
        : p.key === "imprint"
          ? page("imprint", "Impressum (angemeldet)", 120, 300)
          : p,
    );
    const broken = checkBudgets(r);
    expect(broken).toEqual([
      "Speichern: p95 200 ms > 150 ms bei 10 Verbindungen",
      "Abschnitt: App/Boden 0.44 < 0.5 bei 10 Verbindungen",
      "Impressum angemeldet / ohne Anmeldung 0.60 < 0.7 bei 10 Verbindungen",
      "/overview: 36 KB eigenes JavaScript (gzip, ohne die Root-Main-Dateien) > 30 KB",
      "/editor: 360 KB JavaScript (gzip) > 350 KB",
      "Demo-Konzeptübersicht: 70.0 KB HTML mit RSC-Payload > 60 KB",
      "Konzeptübersicht: p50 wächst mit dem Verlauf (30 ms bei ×1, 200 ms bei ×100)",
    ]);
  });

  it("holds the live-editing benchmark to its targets: p95, memory per document, ratio to a bare server", () => {
    const latency = (p95: number) => ({ n: 1000, p50: p95 / 4, p95, p99: p95 * 2 });
    const collab = (fullHot: number, fullCold: number, bare: number, memory = 0.1): Report["collab"] => ({
      seconds: 60,
      full: { hot: latency(fullHot), cold: latency(fullCold), cpuPercent: 50, memoryPerDocMb: memory },
      bare: { hot: latency(bare), cold: latency(bare), cpuPercent: 35, memoryPerDocMb: 0.04 },
    });
    expect(checkBudgets(report({ collab: collab(40, 45, 35) }))).toEqual([]);
    expect(renderReport(report({ collab: collab(40, 45, 35) }), [])).toContain("Ratio bare / Konzeptwerk (p95): 0.78.");
    // The worse section counts; a slow bare server does not excuse a slow app.
    expect(checkBudgets(report({ collab: collab(40, 120, 100, 2.5) }))).toEqual([
      "Live-Bearbeitung: p95 120 ms > 100 ms",
      "Live-Bearbeitung: 2.50 MB je offenem Dokument > 2 MB",
    ]);
    expect(checkBudgets(report({ collab: collab(90, 60, 17) }))).toEqual([
      "Live-Bearbeitung: p95 bloßer Server / Konzeptwerk 0.19 < 0.7",
    ]);
  });

  it("counts a run without any completed response as broken", () => {
    const r = report();
    r.pages = r.pages.map((p) => (p.key === "overview" ? { ...p, app: [{ ...run(10, NaN, 0), requests: 0 }] } : p));
    expect(checkBudgets(r)).toEqual(["Konzeptübersicht: App/Boden 0.00 < 0.5 bei 10 Verbindungen"]);
  });

  it("holds throughput and latency budgets on PostgreSQL only; sizes everywhere", () => {
    const pglite = report({
      database: "PGlite 0.5 (Ordner)",
      writes: [{ kind: "Speichern", result: run(10, 500, 5) }],
      pages: [page("overview", "Konzeptübersicht", 10, 200), page("imprint", "Impressum", 10, 300)],
      demoOverview: { path: "/konzepte/demo", html: 61 * KB, rsc: 0 },
    });
    expect(checkBudgets(pglite)).toEqual(["Demo-Konzeptübersicht: 61.0 KB HTML mit RSC-Payload > 60 KB"]);
  });
});
