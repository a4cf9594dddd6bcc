/**
 * `npm run bench`: the load benchmark of the production build on a large seeded data set (see docs/benchmarks.md).
 * PostgreSQL when DATABASE_URL is set (a throwaway database is created and dropped on that server), else PGlite
 * in a temporary folder. Exits non-zero when a budget is broken.
 *
 * Knobs: BENCH_SECONDS (20), BENCH_WARMUP (5), BENCH_CONNECTIONS ("10,50"), BENCH_SCALES ("1,10,100"),
 * BENCH_PORT (3270; the limit server takes the next port, the floor the one after), BENCH_SKIP_BUILD=1 (use the
 * existing builds of the app and the floor), BENCH_SMALL=1 (a tenth of the data, for trying the script),
 * BENCH_DOCS=0 (print the results block instead of rewriting docs/benchmarks.md), BENCH_COLLAB=0 (leave out the
 * live-editing benchmark that runs after the pages), BENCH_COLLAB_SECONDS (60).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { asc, inArray } from "drizzle-orm";
import postgres from "postgres";
import { connect, type Database } from "@/db/connect";
import { sections } from "@/db/schema";
import { DEMO_PASSWORD, demoEmail } from "@/demo/welcome-points";
import { measureBundles, type BundleResult } from "./bundles";
import { buildFloor, floorBuilt, floorSizer, startFloor } from "./floor";
import { startApp, startProcess, signIn, load, responseBytes, type LoadResult, type Server } from "./http";
import { checkBudgets, renderReport, writeReport, type Report } from "./report";
import { FULL_SIZE, growHistory, seedBench, setConceptStatus, type BenchData, type BenchSize } from "./seed";
import { captureQueries, writeMixRequests } from "./workload";
import { workerCount } from "../start-server.mjs";

const env = process.env;
const SECONDS = Number(env.BENCH_SECONDS ?? 20);
const WARMUP = Number(env.BENCH_WARMUP ?? 5);
const CONNECTIONS = (env.BENCH_CONNECTIONS ?? "10,50").split(",").map(Number);
const SCALES = (env.BENCH_SCALES ?? "1,10,100").split(",").map(Number);
const PORT = Number(env.BENCH_PORT ?? 3270);
const SIZE: BenchSize =
  env.BENCH_SMALL === "1" ? { ...FULL_SIZE, concepts: 4, revisions: 500, threads: 300 } : FULL_SIZE;
const log = (line: string) => console.log(line);

type Target = {
  dbEnv: Record<string, string>;
  kind: "postgres" | "pglite";
  label: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
};

async function prepareTarget(): Promise<Target> {
  if (env.DATABASE_URL) {
    const name = `konzeptwerk_bench_${process.pid}`;
    const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
    const [{ version }] = (await admin`select current_setting('server_version') as version`) as unknown as [
      { version: string },
    ];
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(env.DATABASE_URL);
    url.pathname = `/${name}`;
    return {
      kind: "postgres",
      label: `PostgreSQL ${version.split(" ")[0]}`,
      dbEnv: { DATABASE_URL: url.toString() },
      open: async () => connect({ databaseUrl: url.toString() }),
      drop: async () => {
        const a = postgres(env.DATABASE_URL!, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "konzeptwerk-bench-"));
  const pgliteDir = path.join(dir, "pglite");
  fs.mkdirSync(pgliteDir);
  return {
    kind: "pglite",
    label: "PGlite 0.5 (Ordner)",
    dbEnv: { PGLITE_DIR: pgliteDir, DATABASE_URL: "" },
    open: async () => connect({ pgliteDir }),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Opens the database while no server holds it (PGlite allows one process), runs `fn`, closes. */
async function withDb<T>(target: Target, fn: (db: Database["db"], database: Database) => Promise<T>): Promise<T> {
  const database = await target.open();
  try {
    return await fn(database.db, database);
  } finally {
    await database.close();
  }
}

async function measure(
  name: string,
  url: string,
  cookie: string,
  extra: { requests?: Parameters<typeof load>[0]["requests"]; headers?: Record<string, string> } = {},
  connections = CONNECTIONS,
) {
  const results: LoadResult[] = [];
  if (WARMUP > 0) await load({ url, cookie, connections: connections[0]!, seconds: WARMUP, ...extra });
  for (const c of connections) {
    const r = await load({ url, cookie, connections: c, seconds: SECONDS, ...extra });
    log(
      `  ${name.padEnd(34)} ${String(c).padStart(3)} Verb.  p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  ${r.rps.toFixed(1).padStart(7)} req/s${r.non2xx || r.errors ? `  (${r.non2xx} nicht 2xx, ${r.errors} Fehler)` : ""}`,
    );
    results.push(r);
  }
  return results;
}

type Page = { key: string; name: string; path: string; user: "lead" | "committee" | "anonymous"; read: boolean };

function pagesFor(data: BenchData, phase: "drafting" | "submitted"): Page[] {
  const c = `/konzepte/${data.conceptId}`;
  const s = `${c}/abschnitte/${data.measuredSectionId}`;
  if (phase === "submitted")
    return [
      { key: "reading-room", name: "Lesesaal des Ausschusses", path: `${c}/lesesaal`, user: "committee", read: true },
      {
        key: "reading-room-synopse",
        name: "Lesesaal: Synopse, Seite 2",
        path: `${c}/lesesaal/synopse?seite=2`,
        user: "committee",
        read: true,
      },
    ];
  return [
    { key: "overview", name: "Konzeptübersicht", path: c, user: "lead", read: true },
    { key: "section", name: "Abschnitt (Text und Diskussion)", path: s, user: "lead", read: true },
    { key: "editor", name: "Abschnitt bearbeiten (Editor)", path: `${s}/bearbeiten`, user: "lead", read: true },
    { key: "history", name: "Verlauf des Abschnitts", path: `${s}/verlauf`, user: "lead", read: true },
    {
      key: "diff",
      name: `Vergleich Revision 1 ↔ ${data.revisionsPerSection}`,
      path: `${s}/verlauf/vergleich?von=1&bis=${data.revisionsPerSection}`,
      user: "lead",
      read: true,
    },
    {
      key: "fassungen",
      name: "Fassungsvergleich",
      path: `${c}/fassungen/vergleich?von=${data.fassungIds[0]}&bis=${data.fassungIds.at(-1)}`,
      user: "lead",
      read: true,
    },
    { key: "synopse", name: "Synopse", path: `${c}/synopse`, user: "lead", read: true },
    { key: "search", name: "Suche „Familienzentren“", path: `/suche?q=Familienzentren`, user: "lead", read: true },
    // Static text in the signed-in layout (only the layout's queries), and the same page without a session.
    { key: "imprint", name: "Impressum (angemeldet)", path: "/impressum", user: "lead", read: true },
    { key: "imprint-anonymous", name: "Impressum (ohne Anmeldung)", path: "/impressum", user: "anonymous", read: true },
  ];
}

async function main() {
  const started = new Date();
  if (env.BENCH_SKIP_BUILD !== "1") {
    log("Produktions-Build (next build) …");
    execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  }
  if (env.BENCH_SKIP_BUILD !== "1" || !floorBuilt()) {
    log("Build des Bodens (nackte Next.js-Seite, scripts/bench/floor-app) …");
    buildFloor();
  }
  const target = await prepareTarget();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "konzeptwerk-bench-work-"));
  const queryLog = path.join(work, "queries.jsonl");
  let server: Server | undefined;
  let floor: Server | undefined;
  const report: Report = {
    date: started.toISOString().slice(0, 10),
    machine: `${os.cpus().length} Kerne (${os.cpus()[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.type()} ${os.release()}`,
    database: target.label,
    processes: workerCount({ ...env, ...target.dbEnv }),
    size: SIZE,
    seconds: SECONDS,
    warmup: WARMUP,
    pages: [],
    writes: [],
    scaling: [],
    bundles: [],
  };
  try {
    log(`Daten anlegen (${target.label}) …`);
    const t0 = Date.now();
    const data = await withDb(target, async (db, database) => {
      await database.migrate();
      return seedBench(db, SIZE, log);
    });
    report.seedSeconds = (Date.now() - t0) / 1000;
    const saveTargets = await withDb(target, (db) =>
      db
        .select({ id: sections.id, conceptId: sections.conceptId, version: sections.version })
        .from(sections)
        .where(
          inArray(
            sections.id,
            data.saveSectionIds.map((s) => s.sectionId),
          ),
        )
        .orderBy(asc(sections.id)),
    );
    log(`  fertig in ${report.seedSeconds.toFixed(0)} s`);

    const appEnv = {
      ...target.dbEnv,
      PORT: String(PORT),
      DATABASE_QUERY_LOG: queryLog,
      MAIL_DIR: path.join(work, "mail"),
    };
    server = await startApp(PORT, appEnv);
    const cookies = {
      lead: await signIn(server.baseUrl, demoEmail("federfuehrung"), DEMO_PASSWORD),
      committee: await signIn(server.baseUrl, demoEmail("ausschuss"), DEMO_PASSWORD),
      anonymous: "",
    };
    const demoOverview = `/konzepte/${data.demoConceptId}`;
    report.demoOverview = {
      path: demoOverview,
      html: await responseBytes(server.baseUrl + demoOverview, { cookie: cookies.lead }),
      rsc: await responseBytes(server.baseUrl + demoOverview, { cookie: cookies.lead, RSC: "1" }),
    };
    log(
      `Demo-Konzeptübersicht: ${(report.demoOverview.html / 1024).toFixed(1)} KB HTML + ${(report.demoOverview.rsc / 1024).toFixed(1)} KB RSC`,
    );

    const captured: Record<string, { query: string; params: unknown[] }[]> = {};
    // The floor runs beside the app through phases 1 and 2: each page is followed by the bare page of its size.
    floor = await startFloor(PORT + 2, report.processes);
    const floorUrl = `${floor.baseUrl}/table?rows=`;
    const rowsFor = floorSizer((rows) => responseBytes(floorUrl + rows));
    const measurePage = async (page: Page, baseUrl: string) => {
      const url = baseUrl + page.path;
      const app = await measure(page.name, url, cookies[page.user]);
      const bytes = await responseBytes(url, { cookie: cookies[page.user] });
      const size = await rowsFor(bytes);
      log(
        `  ${page.name}: ${(bytes / 1024).toFixed(1)} KB; Boden ${size.rows} Zeilen, ${(size.bytes / 1024).toFixed(1)} KB`,
      );
      const floorRuns = await measure(`${page.name} (Boden)`, floorUrl + size.rows, "");
      report.pages.push({
        key: page.key,
        name: page.name,
        path: page.path,
        queries: captured[page.key]!.length,
        bytes,
        app,
        floor: floorRuns,
        floorBytes: size.bytes,
        limit: [],
      });
    };

    // Phase 1: the drafting pages and the write mix, with the SQL of each page captured for the limit.
    log("Seiten unter Last:");
    const drafting = pagesFor(data, "drafting");
    // All captures first, on an idle server: later, a run's backlog would mix other requests' SQL into the log.
    for (const page of drafting)
      captured[page.key] = await captureQueries(server.baseUrl + page.path, cookies[page.user], queryLog);
    for (const page of drafting) await measurePage(page, server.baseUrl);
    log("Schreiblast (Speichern auf verschiedenen Abschnitten, Antworten auf Kommentare):");
    const replyCookies: string[] = [];
    for (const email of data.replyAuthorEmails) replyCookies.push(await signIn(server.baseUrl, email, DEMO_PASSWORD));
    const mix = await writeMixRequests(server.baseUrl, data, saveTargets, cookies.lead, replyCookies);
    for (const c of CONNECTIONS) {
      if (WARMUP > 0) await mix.run(Math.min(c, 10), WARMUP);
      const result = await mix.run(c, SECONDS);
      for (const [kind, r] of Object.entries(result)) {
        log(
          `  ${kind.padEnd(34)} ${String(c).padStart(3)} Verb.  p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  ${r.rps.toFixed(1).padStart(7)} req/s${r.non2xx ? `  (${r.non2xx} nicht 2xx)` : ""}`,
        );
        report.writes.push({ kind, result: r });
      }
    }
    await server.stop();
    server = undefined;

    // Phase 2: the committee reading room, with the Vorlage submitted.
    await withDb(target, (db) => setConceptStatus(db, data.conceptId, "eingereicht"));
    server = await startApp(PORT, appEnv);
    for (const page of pagesFor(data, "submitted")) {
      captured[page.key] = await captureQueries(server.baseUrl + page.path, cookies[page.user], queryLog);
      await measurePage(page, server.baseUrl);
    }
    await server.stop();
    server = undefined;
    await floor.stop();
    floor = undefined;

    // Phase 3: the limit — the same SQL from a bare Node server (same data: the reading room is still submitted).
    log("Grenze (dieselben SQL-Abfragen, nackter Node-Server):");
    const limitFile = path.join(work, "limit-queries.json");
    fs.writeFileSync(limitFile, JSON.stringify(captured));
    const limit = await startProcess(
      ["--import", "tsx", "scripts/bench/limit-server.ts"],
      {
        ...target.dbEnv,
        LIMIT_QUERIES: limitFile,
        LIMIT_PORT: String(PORT + 1),
        LIMIT_PROCESSES: String(report.processes),
      },
      PORT + 1,
      "/health",
    );
    try {
      for (const page of report.pages)
        page.limit = await measure(`${page.name} (Grenze)`, `${limit.baseUrl}/${page.key}`, "");
    } finally {
      await limit.stop();
    }

    // Phase 4: scaling — the history of the measured section at 1×, 10×, 100×.
    await withDb(target, (db) => setConceptStatus(db, data.conceptId, "ueberarbeitung"));
    log("Skalierung (Verlauf des gemessenen Abschnitts):");
    const scaled = drafting.filter((p) => p.key === "overview" || p.key === "section");
    for (const factor of SCALES) {
      const revisions = data.revisionsPerSection * factor;
      if (factor > 1) await withDb(target, (db) => growHistory(db, data.measuredSectionId, revisions));
      server = await startApp(PORT, appEnv);
      for (const page of scaled) {
        const [r] = await measure(`${page.name} ×${factor}`, server.baseUrl + page.path, cookies[page.user], {}, [
          CONNECTIONS[0]!,
        ]);
        report.scaling.push({ key: page.key, name: page.name, factor, revisions, result: r! });
      }
      await server.stop();
      server = undefined;
    }
  } finally {
    await server?.stop();
    await floor?.stop();
    await target.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }

  report.bundles = measureBundles();
  if (env.BENCH_COLLAB !== "0") report.collab = runCollabBench();
  for (const b of report.bundles)
    log(`  ${b.route.padEnd(60)} ${(b.gzip / 1024).toFixed(0).padStart(5)} KB gzip (${b.files} Dateien)`);
  const broken = checkBudgets(report);
  if (env.BENCH_DOCS !== "0") writeReport(report, broken);
  else log(`\n${renderReport(report, broken)}`);
  for (const b of broken) console.error(`Budget verletzt: ${b}`);
  process.exitCode = broken.length ? 1 : 0;
}

/**
 * The live-editing benchmark (scripts/bench-collab.ts) after the pages, with its own server and database:
 * BENCH_COLLAB_SECONDS (60) per server; BENCH_COLLAB=0 leaves it out.
 */
function runCollabBench(): Report["collab"] {
  log("Live-Bearbeitung (npm run bench:collab):");
  const file = path.join(os.tmpdir(), `konzeptwerk-bench-collab-${process.pid}.json`);
  execFileSync(process.execPath, [...process.execArgv, path.join("scripts", "bench-collab.ts")], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, BENCH_SECONDS: env.BENCH_COLLAB_SECONDS ?? "60", BENCH_COLLAB_JSON: file },
  });
  const result = JSON.parse(fs.readFileSync(file, "utf8")) as NonNullable<Report["collab"]>;
  fs.rmSync(file, { force: true });
  return result;
}

export type { BundleResult };
await main();
