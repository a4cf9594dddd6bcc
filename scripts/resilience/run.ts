/**
 * npm run test:resilience — load and faults against a private PostgreSQL cluster, then the embedded PGlite
 * folder. See docs/reliability.md. Talks to 127.0.0.1 only, stops by itself, exits 1 on any violation.
 *   RESILIENCE_SECONDS (60)  RESILIENCE_USERS (50)  RESILIENCE_PORT (3260)  RESILIENCE_PG_PORT (55432)
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq, isNull } from "drizzle-orm";
import { connect, type Database } from "@/db/connect";
import { PgliteLockedError, lockPathFor } from "@/db/pglite-lock";
import { concepts, sections } from "@/db/schema";
import { seedDemoIfEmpty } from "@/demo/seed-demo";
import { createCluster, type Cluster } from "./cluster";
import { Browser, REQUEST_TIMEOUT_MS, Stats } from "./http";
import { findActionIds, runLoad, type LoadFigures } from "./load";
import { prepare, type LoadUser, type Plan } from "./prepare";
import { writeReport, type Report } from "./report";
import { startServer, type Server } from "./server";
import { Acknowledged, verifyDatabase, type Check } from "./verify";

const SECONDS = Number(process.env.RESILIENCE_SECONDS ?? 60);
const USERS = Number(process.env.RESILIENCE_USERS ?? 50);
const PORT = Number(process.env.RESILIENCE_PORT ?? 3260);
const DOWN_SECONDS = Number(process.env.RESILIENCE_DOWN_SECONDS ?? 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "konzeptwerk-resilience-"));
const report: Report = {
  startedAt: new Date().toISOString(),
  machine: `${os.cpus().length} CPU cores, load average ${os.loadavg()[0]!.toFixed(1)} at start`,
  sections: [],
  violations: [],
};
const violate = (text: string) => {
  report.violations.push(text);
  log(`VERLETZUNG: ${text}`);
};
const expectChecks = (checks: Check[]) => {
  for (const c of checks) {
    log(`${c.ok ? "ok  " : "FEHL"} ${c.name}: ${c.detail}`);
    if (!c.ok) violate(`${c.name}: ${c.detail}`);
  }
};

function ensureBuild() {
  if (fs.existsSync(path.join(".next", "BUILD_ID"))) return;
  log("Kein Build gefunden – next build …");
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build fehlgeschlagen");
}

/** `npm run audit:verify` as its own process against the given database. */
function auditVerify(env: {
  DATABASE_URL?: string;
  PGLITE_DIR?: string;
}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const childEnv = { ...process.env };
    delete childEnv.DATABASE_URL;
    delete childEnv.PGLITE_DIR;
    const child = spawn(
      path.join("node_modules", ".bin", "tsx"),
      ["--conditions=react-server", path.join("scripts", "audit-verify.ts")],
      { env: { ...childEnv, ...env } },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output: output.trim() }));
  });
}

function loadSummary(stats: Stats, figures: LoadFigures, seconds: number) {
  const requests = stats.outcomes.length;
  const writes = stats.count((o) => o.kind !== "page.section" && !o.kind.startsWith("auth.") && o.kind !== "health");
  return {
    requests,
    perSecond: (requests / seconds).toFixed(1),
    p50: stats.percentile(0.5).toFixed(0),
    p95: stats.percentile(0.95).toFixed(0),
    p50Writes: stats.percentile(0.5, (o) => o.kind === "section.save").toFixed(0),
    p95Writes: stats.percentile(0.95, (o) => o.kind === "section.save").toFixed(0),
    fiveXX: stats.count((o) => o.status >= 500),
    timeouts: stats.timeouts,
    networkErrors: stats.networkErrors,
    writes,
    conflicts: figures.conflicts,
    refusals: figures.otherRefusals,
  };
}

async function postgresScenarios(cluster: Cluster) {
  const database = await connect({ databaseUrl: cluster.url, maxConnections: 4 });
  await database.migrate();
  log("Demodaten und Lasttest-Konten anlegen …");
  const plan = await prepare(database.db, {
    users: Math.max(USERS, 25),
    editConcepts: 4,
    signoffConcepts: Math.max(8, Math.ceil(USERS / 3)),
  });
  log(
    `${plan.users.length} Konten, ${plan.editTargets.length} Abschnitte in Bearbeitung, ${plan.rounds.length} offene Mitzeichnungsrunden.`,
  );
  const actionIds = findActionIds(["createThreadAction", "signOffAction"]);
  const acks = new Acknowledged();
  const serverEnv = { DATABASE_URL: cluster.url, MAIL_DIR: path.join(work, "mail") };
  let server: Server = await startServer(PORT, serverEnv, path.join(work, "server.log"));
  log(`Server läuft (PID ${server.pid}, ${server.base}).`);

  try {
    // a) load
    const stats = new Stats();
    log(`a) Last: ${USERS} Personen, ${SECONDS} s …`);
    const figures = await runLoad({
      base: server.base,
      db: database.db,
      plan,
      users: plan.users.slice(0, USERS),
      seconds: SECONDS,
      stats,
      acks,
      actionIds,
      onSignedIn: () => log("   alle angemeldet, Last läuft"),
    });
    const timed = new Stats();
    timed.outcomes = stats.outcomes.filter((o) => !o.kind.startsWith("auth."));
    timed.timeouts = stats.timeouts;
    timed.networkErrors = stats.networkErrors;
    const a = loadSummary(timed, figures, SECONDS);
    log(
      `   ${a.requests} Anfragen (${a.perSecond}/s), p50 ${a.p50} ms, p95 ${a.p95} ms; Speichern p50 ${a.p50Writes} ms, p95 ${a.p95Writes} ms; 5xx: ${a.fiveXX}, Zeitüberschreitungen: ${a.timeouts}`,
    );
    log(
      `   bestätigt: ${acks.saves.length} Speicherungen, ${acks.threads.length} Kommentare, ${acks.proposals.length} Vorschläge, ${acks.signoffs.length} Mitzeichnungen; 409-Konflikte: ${a.conflicts}; andere Ablehnungen: ${JSON.stringify(a.refusals)}`,
    );
    if (a.fiveXX > 0) violate(`Last: ${a.fiveXX} Antworten mit 5xx`);
    if (a.timeouts + a.networkErrors > 0)
      violate(`Last: ${a.timeouts} Zeitüberschreitungen, ${a.networkErrors} Verbindungsfehler`);
    if (Object.keys(a.refusals).length) violate(`Last: unerwartete Ablehnungen ${JSON.stringify(a.refusals)}`);
    const checksA = await verifyDatabase(database.db, acks);
    expectChecks(checksA);
    report.sections.push({
      title: "a) Load",
      rows: [
        ["Simulated users / duration", `${USERS} / ${SECONDS} s`],
        ["Requests (after sign-in)", `${a.requests} (${a.perSecond}/s)`],
        ["Latency, all requests p50 / p95", `${a.p50} ms / ${a.p95} ms`],
        ["Latency, section save p50 / p95", `${a.p50Writes} ms / ${a.p95Writes} ms`],
        [
          "Acknowledged writes",
          `${acks.total} (${acks.saves.length} saves, ${acks.threads.length} comment threads, ${acks.proposals.length} proposals, ${acks.signoffs.length} sign-offs)`,
        ],
        ["409 (stale version, already signed off)", String(a.conflicts)],
        ["5xx / timeouts", `${a.fiveXX} / ${a.timeouts}`],
        ...checksA.map((c): [string, string] => [c.name, `${c.ok ? "ok" : "VIOLATED"} – ${c.detail}`]),
      ],
    });

    // b) PostgreSQL stopped mid-load
    const faultStats = new Stats();
    const faultUsers = plan.users.slice(0, Math.min(20, plan.users.length));
    const faultSeconds = 12 + DOWN_SECONDS + 10;
    const health: { at: number; status: number }[] = [];
    let stoppedAt = 0;
    let downAt = 0;
    let upAt = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const started = Date.now();
        try {
          const r = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          health.push({ at: started, status: r.status });
        } catch {
          health.push({ at: started, status: 0 });
        }
        await sleep(250);
      }
    })();
    // A signed-in reader opening the start page throughout: while the database is down, pages answer 503 too.
    const reader = new Browser(server.base, new Stats());
    await reader.signIn("jugendamt@demo.example", "welcome-points-demo");
    const pages: { at: number; status: number }[] = [];
    const pagePoller = (async () => {
      while (polling) {
        const started = Date.now();
        const reply = await reader.request("page.start", "/");
        pages.push({ at: started, status: reply.status });
        await sleep(500);
      }
    })();
    log(`b) PostgreSQL unter Last anhalten (${faultUsers.length} Personen, ${DOWN_SECONDS} s Ausfall) …`);
    let signedIn!: () => void;
    const allSignedIn = new Promise<void>((resolve) => (signedIn = resolve));
    const fault = (async () => {
      await allSignedIn;
      await sleep(6_000);
      stoppedAt = Date.now();
      await cluster.stop();
      downAt = Date.now();
      log(`   PostgreSQL gestoppt (${downAt - stoppedAt} ms)`);
      await sleep(DOWN_SECONDS * 1000);
      await cluster.start();
      upAt = Date.now();
      log("   PostgreSQL wieder gestartet");
    })();
    let faultFigures: LoadFigures | undefined;
    await runLoad({
      base: server.base,
      db: database.db,
      plan,
      users: faultUsers,
      seconds: faultSeconds,
      stats: faultStats,
      acks,
      actionIds,
      noReads: true,
      onSignedIn: () => signedIn(),
    }).then((f) => (faultFigures = f));
    await fault;
    await sleep(2_000);
    polling = false;
    await poller;
    await pagePoller;
    const pagesDown = pages.filter((p) => p.at >= downAt + 1000 && p.at < upAt);
    const healthyAt = health.find((h) => h.at >= upAt && h.status === 200)?.at ?? Infinity;
    const pagesAfter = pages.filter((p) => p.at >= healthyAt + 1000);
    const during = faultStats.outcomes.filter(
      (o) => o.at >= downAt + 1000 && o.at < upAt && !o.kind.startsWith("auth."),
    );
    const during503 = during.filter((o) => o.status === 503).length;
    const byStatus: Record<string, number> = {};
    for (const o of during) byStatus[`${o.kind} ${o.status}`] = (byStatus[`${o.kind} ${o.status}`] ?? 0) + 1;
    const duringOther5xx = during.filter((o) => o.status >= 500 && o.status !== 503);
    const unavailableActions = faultFigures?.unavailable ?? 0;
    const firstHealthyAfter = health.find((h) => h.at >= upAt && h.status === 200);
    const healthDown = health.filter((h) => h.at >= downAt && h.at < upAt);
    const recoveryMs = firstHealthyAfter ? firstHealthyAfter.at - upAt : NaN;
    const afterUp = faultStats.outcomes.filter(
      (o) => o.at >= (firstHealthyAfter?.at ?? Infinity) && (o.status === 201 || o.status === 200),
    );
    const slowest = Math.max(0, ...during.map((o) => o.ms));
    const wrong = faultStats.outcomes.filter((o) => o.status >= 500 && o.status !== 503);
    log(
      `   während des Ausfalls: ${during.length} Anfragen, ${during503} × 503, ${unavailableActions} Aktionen „nicht erreichbar“, andere 5xx: ${duringOther5xx.length}, langsamste ${slowest.toFixed(0)} ms ${JSON.stringify(byStatus)}; /api/health: ${healthDown.filter((h) => h.status === 503).length}/${healthDown.length} × 503`,
    );
    log(
      `   wieder gesund ${Number.isNaN(recoveryMs) ? "NIE" : `${recoveryMs} ms`} nach dem Start von PostgreSQL; danach ${afterUp.length} erfolgreiche Anfragen; Server-PID unverändert: ${server.child.exitCode === null}`,
    );
    if (during503 + unavailableActions === 0) violate("Ausfall: keine 503-Antworten gemessen");
    if (wrong.length)
      violate(
        `Ausfall: ${wrong.length} Antworten mit 5xx außer 503 (${[...new Set(wrong.map((o) => `${o.kind}:${o.status}`))].join(", ")})`,
      );
    if (faultFigures && Object.keys(faultFigures.otherRefusals).length)
      violate(
        `Ausfall: unerwartete Antworten ${JSON.stringify(faultFigures.otherRefusals)} (erwartet: UNAVAILABLE mit deutscher Meldung)`,
      );
    if (faultStats.timeouts) {
      const late = faultStats.outcomes
        .filter((o) => o.status === -1)
        .map((o) => `${o.kind} begonnen ${((o.at - o.ms - downAt) / 1000).toFixed(1)} s nach dem Stopp`);
      violate(
        `Ausfall: ${faultStats.timeouts} Anfragen länger als ${REQUEST_TIMEOUT_MS / 1000} s (${late.join("; ")})`,
      );
    }
    log(
      `   Startseite während des Ausfalls: ${pagesDown.filter((p) => p.status === 503).length}/${pagesDown.length} × 503; danach ${pagesAfter.filter((p) => p.status === 200).length}/${pagesAfter.length} × 200`,
    );
    if (pagesDown.length === 0) violate("Ausfall: keine Seitenabrufe während des Ausfalls gemessen");
    if (pagesDown.some((p) => p.status !== 503))
      violate(`Ausfall: Seiten antworteten nicht mit 503 (${[...new Set(pagesDown.map((p) => p.status))].join(", ")})`);
    if (!pagesAfter.some((p) => p.status === 200))
      violate("Ausfall: die Startseite antwortet danach nicht wieder mit 200");
    if (Number.isNaN(recoveryMs)) violate("Ausfall: die App hat sich nicht von selbst erholt");
    if (afterUp.length === 0) violate("Ausfall: nach der Erholung keine erfolgreiche Anfrage");
    if (server.child.exitCode !== null) violate("Ausfall: der Server ist beendet");
    report.sections.push({
      title: "b) PostgreSQL stopped and started under load",
      rows: [
        [
          "Users / outage",
          `${faultUsers.length} / ${((upAt - downAt) / 1000).toFixed(1)} s down (pg_ctl stop -m fast, start)`,
        ],
        [
          "Answers completed while down (kind, HTTP status)",
          `${during.length}: ${JSON.stringify(byStatus)} (server actions answer HTTP 200 with their result code)`,
        ],
        [
          "Whole fault phase",
          `${faultStats.outcomes.length} requests; ${unavailableActions} answered code UNAVAILABLE (${faultStats.count((o) => o.status === 503)} JSON routes with HTTP 503, the rest server actions); ${wrong.length} other 5xx; ${faultStats.timeouts} timeouts`,
        ],
        ["Slowest answer while down", `${slowest.toFixed(0)} ms (limit ${REQUEST_TIMEOUT_MS / 1000} s)`],
        [
          "Start page while down (signed in)",
          `${pagesDown.filter((p) => p.status === 503).length} of ${pagesDown.length} requests 503; afterwards ${pagesAfter.filter((p) => p.status === 200).length} of ${pagesAfter.length} 200`,
        ],
        [
          "/api/health while down",
          `${healthDown.filter((h) => h.status === 503).length} of ${healthDown.length} polls 503`,
        ],
        [
          "Recovery without restarting the app",
          Number.isNaN(recoveryMs) ? "none" : `healthy ${recoveryMs} ms after PostgreSQL was up (same process)`,
        ],
        ["Successful requests after recovery", String(afterUp.length)],
      ],
    });

    // c) SIGKILL mid-write
    log("c) Node-Prozess mitten im Schreiben mit SIGKILL beenden …");
    const burstStats = new Stats();
    const before = acks.saves.length;
    let killed = false;
    let killedAt = 0;
    const burst = runLoad({
      base: server.base,
      db: database.db,
      plan,
      users: plan.users.filter((u: LoadUser) => u.org === "jugendamt").slice(0, 20),
      seconds: 30,
      stats: burstStats,
      acks,
      actionIds,
      burst: true,
      shouldStop: () => killed,
    });
    const killer = (async () => {
      while (acks.saves.length - before < 25 && !killed) await sleep(50);
      await server.kill("SIGKILL");
      killedAt = Date.now();
      killed = true;
    })();
    await Promise.all([burst, killer]);
    const inFlight = burstStats.outcomes.filter((o) => o.status <= 0).length;
    log(
      `   SIGKILL nach ${acks.saves.length - before} bestätigten Speicherungen; ${inFlight} Anfragen liefen dabei ins Leere`,
    );
    server = await startServer(PORT, serverEnv, path.join(work, "server.log"));
    log(`   Server neu gestartet (PID ${server.pid}) nach ${Date.now() - killedAt} ms`);
    const checksC = await verifyDatabase(database.db, acks);
    expectChecks(checksC);
    const audit = await auditVerify({ DATABASE_URL: cluster.url });
    log(`   npm run audit:verify → Code ${audit.code}: ${audit.output}`);
    if (audit.code !== 0) violate(`audit:verify nach SIGKILL: ${audit.output}`);
    report.sections.push({
      title: "c) SIGKILL of the Node process during a burst of saves",
      rows: [
        ["Saves acknowledged in the burst before the kill", String(acks.saves.length - before)],
        ["Requests cut off by the kill", String(inFlight)],
        ["Partial revisions", checksC.find((c) => c.name.startsWith("Revisions"))!.ok ? "none" : "FOUND"],
        [
          "All acknowledged writes of a–c present",
          checksC.slice(0, 4).every((c) => c.ok) ? `yes (${acks.total})` : "NO",
        ],
        ["npm run audit:verify", audit.output.split("\n").pop() ?? ""],
      ],
    });
  } finally {
    await server.kill("SIGTERM");
    await database.close();
  }
}

async function pgliteScenario() {
  const dir = path.join(work, "pglite");
  log("d) PGlite: schreiben, SIGKILL, Neustart auf demselben Ordner, zweiter Öffner …");
  // Prepare the folder (migrations, demo data) and read the section ids, then hand the folder to the server.
  let database: Database = await connect({ pgliteDir: dir });
  await database.migrate();
  await seedDemoIfEmpty(database.db);
  const [concept] = await database.db.select({ id: concepts.id }).from(concepts).limit(1);
  const rows = await database.db
    .select({ id: sections.id, owner: sections.ownerOrganisationId })
    .from(sections)
    .where(and(eq(sections.conceptId, concept!.id), isNull(sections.archivedAt)))
    .orderBy(asc(sections.position));
  await database.close();
  const plan: Plan = {
    users: [],
    editTargets: rows.map((r) => ({ conceptId: concept!.id, sectionId: r.id, ownerOrg: r.owner })),
    rounds: [],
    orgIds: { jugendamt: "", diakonie: "", awo: "" },
  };
  const env = { PGLITE_DIR: dir, MAIL_DIR: path.join(work, "mail-pglite") };
  let server = await startServer(PORT + 1, env, path.join(work, "server-pglite.log"));
  const acks = new Acknowledged();
  const stats = new Stats();
  // The demo Verwaltung author saves from five tabs at once; the folder is killed under the writes.
  const browsers = await Promise.all(
    Array.from({ length: 5 }, async () => {
      const b = new Browser(server.base, stats);
      await b.signIn("jugendamt@demo.example", "welcome-points-demo");
      return b;
    }),
  );
  const versions = new Map(rows.map((r) => [r.id, 1]));
  let killed = false;
  let seq = 0;
  const writers = browsers.map(async (browser, i) => {
    while (!killed) {
      const target = plan.editTargets[(i + seq) % plan.editTargets.length]!;
      const marker = `PGlite-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
      const reply = await browser.saveSection(
        target.conceptId,
        target.sectionId,
        versions.get(target.sectionId)!,
        { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: marker }] }] },
        null,
      );
      if (reply.status === 201) {
        acks.saves.push({ sectionId: target.sectionId, number: Number(reply.json!.version), marker });
        versions.set(target.sectionId, Number(reply.json!.version));
      } else if (reply.status === 409) {
        versions.set(target.sectionId, versions.get(target.sectionId)! + 1);
      }
    }
  });
  while (acks.saves.length < 15) await sleep(50);
  const pid = server.pid;
  await server.kill("SIGKILL");
  killed = true;
  await Promise.all(writers);
  const lockPath = lockPathFor(dir);
  const holder = fs.existsSync(lockPath) ? (JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number }) : null;
  log(
    `   SIGKILL nach ${acks.saves.length} bestätigten Speicherungen; Sperrdatei bleibt: ${holder ? `ja (PID ${holder.pid}, tot)` : "nein"}`,
  );
  const staleLockLeft = holder !== null;

  server = await startServer(PORT + 1, env, path.join(work, "server-pglite.log"));
  const takenOver = (JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number }).pid !== pid;
  log(`   Neustart auf demselben Ordner: gesund, Sperre übernommen: ${takenOver}`);
  if (!takenOver) violate("PGlite: die verwaiste Sperre wurde nicht übernommen");

  let refusedInProcess = false;
  try {
    const second = await connect({ pgliteDir: dir });
    await second.close();
  } catch (error) {
    refusedInProcess = error instanceof PgliteLockedError;
  }
  const secondProcess = await auditVerify({ PGLITE_DIR: dir });
  const refusedProcess =
    secondProcess.code !== 0 && secondProcess.output.includes("wird bereits von einem anderen Prozess verwendet");
  log(
    `   zweiter Öffner abgewiesen: im Prozess ${refusedInProcess}, als eigener Prozess ${refusedProcess} (Code ${secondProcess.code})`,
  );
  if (!refusedInProcess || !refusedProcess)
    violate(`PGlite: zweiter Öffner nicht abgewiesen: ${secondProcess.output.slice(0, 300)}`);

  const after = new Browser(server.base, stats);
  await after.signIn("jugendamt@demo.example", "welcome-points-demo");
  await server.kill("SIGTERM");

  database = await connect({ pgliteDir: dir });
  const checks = (await verifyDatabase(database.db, acks)).filter(
    (c) => !c.name.startsWith("Acknowledged") || c.name.includes("saves"),
  );
  await database.close();
  expectChecks(checks);
  const audit = await auditVerify({ PGLITE_DIR: dir });
  log(`   npm run audit:verify → Code ${audit.code}: ${audit.output}`);
  if (audit.code !== 0) violate(`PGlite: audit:verify: ${audit.output}`);
  report.sections.push({
    title: "d) PGlite folder",
    rows: [
      ["Saves acknowledged before SIGKILL", String(acks.saves.length)],
      ["Lock file of the killed process", staleLockLeft ? "left behind, taken over at restart" : "missing"],
      [
        "Data after restart",
        checks.every((c) => c.ok)
          ? "every acknowledged save present, revisions contiguous, audit chain intact"
          : "VIOLATED",
      ],
      [
        "Second opener (same process / own process)",
        `${refusedInProcess ? "refused" : "NOT refused"} / ${refusedProcess ? "refused (exit code 1)" : "NOT refused"}`,
      ],
      ["npm run audit:verify", audit.output.split("\n").pop() ?? ""],
    ],
  });
}

let cluster: Cluster | undefined;
const started = Date.now();
try {
  ensureBuild();
  cluster = createCluster();
  await cluster.start();
  log(`Eigener PostgreSQL-Cluster auf 127.0.0.1:${cluster.port} (${cluster.dir}).`);
  await postgresScenarios(cluster);
  await pgliteScenario();
} catch (error) {
  violate(`Abbruch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cluster?.remove();
  report.durationSeconds = Math.round((Date.now() - started) / 1000);
  writeReport(report);
  if (report.violations.length) console.error(`Protokolle des Laufs: ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
if (report.violations.length) {
  console.error(`\nResilienztest FEHLGESCHLAGEN: ${report.violations.length} Verletzung(en).`);
  process.exit(1);
}
console.log(`\nResilienztest bestanden (${report.durationSeconds} s).`);
process.exit(0);
