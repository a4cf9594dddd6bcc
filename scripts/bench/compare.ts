/**
 * `npm run bench:compare`: this checkout's production build against an earlier one, interleaved. On one machine
 * whose speed moves by 10–15 % from minute to minute, two separate benchmark runs cannot tell a change of a few per
 * cent apart; runs that alternate between the two builds on the same data can.
 *
 * Needs PostgreSQL (DATABASE_URL; a throwaway database is created and dropped): both servers read the same data at
 * once, which PGlite's single process cannot offer. The earlier build is checked out with `git worktree` into a
 * temporary folder (this checkout's node_modules linked in, so both use the same packages) and built there; both
 * serve the database migrated to this checkout's schema, so compare refs whose code runs on it.
 *
 * Knobs: BENCH_BASE (git ref of the earlier build, "HEAD~1"), BENCH_PAGES ("overview,section,synopse,imprint,
 * imprint-anonymous"), BENCH_ROUNDS (4), BENCH_SECONDS (6 per run), BENCH_CONNECTIONS (10), BENCH_SMALL=1 (a tenth
 * of the data), BENCH_SKIP_BUILD=1 (use this checkout's existing build), BENCH_PORT (3300; the base build takes
 * the next one).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { connect } from "@/db/connect";
import { DEMO_PASSWORD, demoEmail } from "@/demo/welcome-points";
import { load, signIn, startApp, type Server } from "./http";
import { FULL_SIZE, seedBench } from "./seed";

const env = process.env;
const BASE = env.BENCH_BASE ?? "HEAD~1";
const ROUNDS = Number(env.BENCH_ROUNDS ?? 4);
const SECONDS = Number(env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(env.BENCH_PORT ?? 3300);
const PAGES = (env.BENCH_PAGES ?? "overview,section,synopse,imprint,imprint-anonymous").split(",");
const SIZE = env.BENCH_SMALL === "1" ? { ...FULL_SIZE, concepts: 4, revisions: 500, threads: 300 } : FULL_SIZE;
const log = (line: string) => console.log(line);

if (!env.DATABASE_URL) {
  console.error(
    "bench:compare braucht PostgreSQL: DATABASE_URL=postgres://… setzen (PGlite erlaubt nur einen Prozess).",
  );
  process.exit(2);
}
const next = (cwd: string) =>
  execFileSync(process.execPath, [path.join(cwd, "node_modules/next/dist/bin/next"), "build"], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();

const baseCommit = git("rev-parse", "--short", BASE);
const tree = fs.mkdtempSync(path.join(os.tmpdir(), "konzeptwerk-compare-"));
const dbName = `konzeptwerk_compare_${process.pid}`;
const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
const servers: Server[] = [];
try {
  log(`Früherer Stand ${BASE} (${baseCommit}) in ${tree} …`);
  git("worktree", "add", "--detach", "--force", tree, baseCommit);
  // Hard links where the folders share a file system (fast), a copy otherwise; Turbopack does not follow a symlink
  // out of the project.
  try {
    execFileSync("cp", ["-al", "node_modules", path.join(tree, "node_modules")]);
  } catch {
    execFileSync("cp", ["-a", "node_modules", path.join(tree, "node_modules")]);
  }
  log("Produktions-Builds …");
  next(tree);
  if (env.BENCH_SKIP_BUILD !== "1") next(process.cwd());

  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${dbName}`;
  const database = await connect({ databaseUrl: url.toString() });
  await database.migrate();
  const data = await seedBench(database.db, SIZE, log);
  await database.close();

  const c = `/konzepte/${data.conceptId}`;
  const paths: Record<string, string> = {
    overview: c,
    section: `${c}/abschnitte/${data.measuredSectionId}`,
    synopse: `${c}/synopse`,
    imprint: "/impressum",
    "imprint-anonymous": "/impressum",
  };
  const unknown = PAGES.filter((p) => !paths[p]);
  if (unknown.length) throw new Error(`Unbekannte Seiten: ${unknown.join(", ")} (bekannt: ${Object.keys(paths)})`);
  const appEnv = { DATABASE_URL: url.toString(), MAIL_DIR: path.join(tree, ".mail") };
  const base = await startApp(PORT + 1, appEnv, tree);
  servers.push(base);
  const current = await startApp(PORT, appEnv);
  servers.push(current);
  // One cookie for both: the same secret and the same database.
  const cookie = await signIn(current.baseUrl, demoEmail("federfuehrung"), DEMO_PASSWORD);
  const run = (server: Server, page: string, seconds: number) =>
    load({
      url: server.baseUrl + paths[page],
      cookie: page === "imprint-anonymous" ? "" : cookie,
      connections: CONNECTIONS,
      seconds,
    });
  for (const server of [base, current]) for (const page of PAGES) await run(server, page, 2);

  const results = new Map<string, { base: number[]; current: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating which build goes first, so a slow minute does not always fall on the same one.
    const order = round % 2 === 0 ? (["base", "current"] as const) : (["current", "base"] as const);
    for (const page of PAGES) {
      for (const which of order) {
        const r = await run(which === "base" ? base : current, page, SECONDS);
        const entry = results.get(page) ?? { base: [], current: [] };
        entry[which].push(r.rps);
        results.set(page, entry);
        if (r.non2xx || r.errors) throw new Error(`${page} (${which}): ${r.non2xx} nicht 2xx, ${r.errors} Fehler`);
      }
    }
    log(`  Runde ${round + 1} von ${ROUNDS}`);
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(" / ");
  log("");
  log(
    `Interleaved, ${ROUNDS} rounds of ${SECONDS} s per build and page, ${CONNECTIONS} connections, one process each ` +
      `(${new Date().toISOString().slice(0, 10)}): ${baseCommit} against this checkout (${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") ? ", with uncommitted changes" : ""}).`,
  );
  log("");
  log("| Page | earlier build req/s (runs) | mean | this build req/s (runs) | mean | this / earlier |");
  log("|---|---|---|---|---|---|");
  for (const [page, r] of results)
    log(
      `| ${page} | ${runs(r.base)} | ${mean(r.base).toFixed(1)} | ${runs(r.current)} | ${mean(r.current).toFixed(1)} | ${(mean(r.current) / mean(r.base)).toFixed(2)} |`,
    );
  const signedIn = results.get("imprint");
  const anonymous = results.get("imprint-anonymous");
  if (signedIn && anonymous) {
    log("");
    log(
      `Signed-in / anonymous imprint: earlier ${(mean(signedIn.base) / mean(anonymous.base)).toFixed(2)}, ` +
        `this build ${(mean(signedIn.current) / mean(anonymous.current)).toFixed(2)}.`,
    );
  }
} finally {
  for (const server of servers) await server.stop();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end();
  try {
    git("worktree", "remove", "--force", tree);
  } catch {
    fs.rmSync(tree, { recursive: true, force: true });
    git("worktree", "prune");
  }
}
