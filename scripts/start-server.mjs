// `npm start`: the production server (scripts/app-server.mjs: Next.js and live editing on one port, arguments as
// `next start`), on every core when it can.
//
// One Node process renders one page at a time, so on a machine with several cores one process leaves all but
// one idle. With PostgreSQL and Redis this starts WEB_CONCURRENCY workers (default: one per core) that share the
// port (node:cluster); everything they share lives in the database — sessions are signed cookies, the sign-in
// throttle is a table, migrations run under an advisory lock, the mail outbox is drained with FOR UPDATE SKIP
// LOCKED — and the live texts are kept in step through Redis (REDIS_URL). Without Redis a section's live text
// must live in one process, so it is one worker; embedded PGlite allows one process only, so without
// DATABASE_URL it is always one. A worker that dies is replaced; one that keeps dying right after its start
// stops the server.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const appServer = fileURLToPath(new URL("./app-server.mjs", import.meta.url));
const args = process.argv.slice(2);

/**
 * Workers wanted: WEB_CONCURRENCY, else one per core, on PostgreSQL with Redis; always 1 without Redis (live
 * editing) and on embedded PGlite. Exported for tests.
 */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  const asked = env.WEB_CONCURRENCY?.trim();
  const wanted = asked ? Number(asked) : cores;
  if (!Number.isInteger(wanted) || wanted < 1) {
    throw new Error(`WEB_CONCURRENCY muss eine ganze Zahl ab 1 sein (ist: „${asked}“).`);
  }
  if (!env.DATABASE_URL) {
    if (asked && wanted > 1)
      console.warn(
        "Konzeptwerk: ohne DATABASE_URL (eingebettetes PGlite) läuft der Server in einem Prozess; WEB_CONCURRENCY wird ignoriert.",
      );
    return 1;
  }
  if (!env.REDIS_URL?.trim()) {
    console.log(
      "Konzeptwerk: ohne REDIS_URL läuft der Server in einem Prozess (die Live-Bearbeitung eines Abschnitts braucht einen gemeinsamen Prozess oder Redis).",
    );
    return 1;
  }
  return wanted;
}

const CRASH_WINDOW_MS = 10_000;
const MAX_QUICK_CRASHES = 5;
const STOP_TIMEOUT_MS = 15_000;

function runPrimary(count) {
  console.log(`Konzeptwerk: ${count} Server-Prozesse (WEB_CONCURRENCY=${count}).`);
  cluster.setupPrimary({ exec: appServer, args });
  const startedAt = new Map();
  let quickCrashes = 0;
  let stopping = false;
  let stopCode = 0;

  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i++) fork();

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopCode);
      return;
    }
    quickCrashes = lived < CRASH_WINDOW_MS ? quickCrashes + 1 : 0;
    if (quickCrashes >= MAX_QUICK_CRASHES) {
      console.error(
        `Konzeptwerk: Server-Prozesse beenden sich wiederholt kurz nach dem Start (zuletzt ${signal ?? `Code ${code}`}); der Server stoppt.`,
      );
      stop(1);
      return;
    }
    console.error(
      `Konzeptwerk: Server-Prozess ${worker.process.pid} beendet (${signal ?? `Code ${code}`}); ein neuer startet.`,
    );
    fork();
  });

  function stop(exitCode = 0) {
    if (stopping) return;
    stopping = true;
    stopCode = exitCode;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(exitCode);
    for (const w of workers) w?.process.kill("SIGTERM");
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      process.exit(exitCode);
    }, STOP_TIMEOUT_MS).unref();
  }
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
}

const isMain = Boolean(process.argv[1]) && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  let count;
  try {
    count = workerCount();
  } catch (error) {
    console.error(`Konzeptwerk: ${error.message}`);
    process.exit(1);
  }
  if (count === 1) {
    // One process: this one becomes the app server (no supervisor in between).
    process.argv = [process.argv[0], appServer, ...args];
    await import(appServer);
  } else {
    runPrimary(count);
  }
}
