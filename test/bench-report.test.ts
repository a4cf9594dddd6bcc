import { describe, expect, it } from "vitest";
import type { LoadResult } from "@/scripts/bench/http";
import { checkBudgets, renderReport, type Report } from "@/scripts/bench/report";
import { FULL_SIZE } from "@/scripts/bench/seed";

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

function report(overrides: Partial<Report> = {}): Report {
  return {
    date: "2026-11-25",
    machine: "2 Kerne",
    database: "PostgreSQL 15.20",
    processes: 2,
    size: FULL_SIZE,
    seconds: 20,
    warmup: 5,
    pages: [
      {
        key: "overview",
        name: "Konzeptübersicht",
        path: "/konzepte/x",
        queries: 9,
        app: [run(10, 60, 200), run(50, 300, 210)],
        limit: [run(10, 10, 300), run(50, 40, 320)],
      },
    ],
    writes: [{ kind: "Speichern", result: run(10, 90, 50) }],
    scaling: [
      { key: "overview", name: "Konzeptübersicht", factor: 1, revisions: 250, result: run(10, 60, 200) },
      { key: "overview", name: "Konzeptübersicht", factor: 100, revisions: 25_000, result: run(10, 62, 195) },
    ],
    bundles: [
      {
        key: "overview",
        route: "/konzepte/[conceptId]",
        files: 10,
        raw: 400_000,
        gzip: 100 * 1024,
        framework: 80 * 1024,
        budget: 120 * 1024,
      },
    ],
    ...overrides,
  };
}

describe("benchmark budgets", () => {
  it("passes when every figure is inside its budget and renders the table", () => {
    expect(checkBudgets(report())).toEqual([]);
    const text = renderReport(report(), []);
    expect(text).toContain(
      "| Konzeptübersicht | 9 | 30 ms / 60 ms / 60 ms · 200 | 150 ms / 300 ms / 300 ms · 210 | 300 / 320 | 0.67 / 0.66 |",
    );
    expect(text).toContain("| `/konzepte/[conceptId]` | 10 | 391 KB | 100 KB | 80 KB | 20 KB | ≤ 120 KB |");
    expect(text).toContain("All budgets met.");
  });

  it("reports slow pages, slow saves, a low app/limit ratio, big bundles and growth with history", () => {
    const broken = checkBudgets(
      report({
        pages: [
          {
            key: "overview",
            name: "Konzeptübersicht",
            path: "/",
            queries: 9,
            app: [run(10, 150, 100)],
            limit: [run(10, 10, 300)],
          },
        ],
        writes: [{ kind: "Speichern", result: run(10, 200, 10) }],
        scaling: [
          { key: "overview", name: "Konzeptübersicht", factor: 1, revisions: 250, result: run(10, 60, 200) },
          { key: "overview", name: "Konzeptübersicht", factor: 100, revisions: 25_000, result: run(10, 400, 20) },
        ],
        bundles: [
          {
            key: "overview",
            route: "/konzepte/[conceptId]",
            files: 10,
            raw: 600_000,
            gzip: 150 * 1024,
            framework: 129 * 1024,
            budget: 120 * 1024,
          },
        ],
      }),
    );
    expect(broken).toHaveLength(5);
  });

  it("counts a run without any completed response as broken", () => {
    const none: LoadResult = { ...run(10, NaN, 0), requests: 0 };
    const broken = checkBudgets(
      report({
        pages: [
          { key: "overview", name: "Konzeptübersicht", path: "/", queries: 9, app: [none], limit: [run(10, 10, 300)] },
        ],
      }),
    );
    expect(broken.some((b) => b.startsWith("Konzeptübersicht: p95"))).toBe(true);
  });

  it("holds latency budgets on PostgreSQL only; bundles everywhere", () => {
    const pglite = report({
      database: "PGlite 0.5 (Ordner)",
      writes: [{ kind: "Speichern", result: run(10, 500, 5) }],
    });
    expect(checkBudgets(pglite)).toEqual([]);
  });
});
