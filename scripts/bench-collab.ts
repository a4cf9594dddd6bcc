// `npm run bench:collab` (not part of npm test): live-editing latency, server CPU and memory per open document.
// 20 editors type 5 characters per second into one section, while 200 other sections have 2 editors each doing
// the same, for BENCH_SECONDS (default 60). Latency = from one client's change to its arrival at every other
// client of that section. The simulated editors are spread over BENCH_CLIENT_PROCESSES child processes (default 2,
// connection i in process i mod N, so the two editors of a section sit in different processes); every process
// stamps with the machine's clock (performance.timeOrigin + now) and the parent pairs sends with arrivals. The
// server runs in its own child process: first the app's live-editing server (session cookie, rights, per-update
// validation, storage in the database: PGlite in a temporary folder, or a fresh PostgreSQL database when DATABASE_URL is set),
// then a bare Hocuspocus (no auth, no validation, no storage) under the same load. Event-loop delay is measured in
// the server and in each client process (a saturated client would make every server look slow).
// BENCH_ONLY=full|bare runs one of the two; BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there;
// BENCH_COLLAB_JSON=<file> also writes the results as JSON (for `npm run bench`'s report).
// Results go to stdout as Markdown; append them to docs/benchmarks.md.
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const HOT_EDITORS = 20;
const COLD_SECTIONS = Number(process.env.BENCH_SECTIONS ?? 200);
const CLIENT_PROCESSES = Math.max(1, Number(process.env.BENCH_CLIENT_PROCESSES ?? 2));
const CHARS_PER_SECOND = 5;
const WARM_UP_MS = 5000;

type Ready = { port: number; cookie: string; hot: string; cold: string[] };
type Delay = { p50: number; p99: number; max: number };
type Stats = {
  cpuMicros: number;
  heapUsed: number;
  rss: number;
  docs: number;
  at: number;
  loopDelay: Delay;
  stalls: { at: number; ms: number }[];
};
type Assignment = { name: string; kind: "hot" | "cold" };
type ClientResult = {
  sent: [string, number][];
  arrivals: [string, number, 0 | 1][];
  notConnected: number;
  cpuMicros: number;
  loopDelay: Delay;
};

const now = () => performance.timeOrigin + performance.now();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
const delayOf = (): Delay => ({
  p50: loopDelay.percentile(50) / 1e6,
  p99: loopDelay.percentile(99) / 1e6,
  max: loopDelay.max / 1e6,
});

if (process.argv[2] === "--server") await serve(process.argv[3] as "full" | "bare");
else if (process.argv[2] === "--clients") await simulateEditors();
else await main();

async function serve(mode: "full" | "bare") {
  const { default: crossws } = await import("crossws/adapters/node");
  const { seedLiveDocument } = await import("@/lib/collab/live-content");
  const server = http.createServer((_req, res) => res.end());
  let ready: Omit<Ready, "port">;
  let hocuspocus: import("@hocuspocus/server").Hocuspocus;
  let docCount = () => 0;
  let dropDatabase: (() => Promise<void>) | undefined;
  loopDelay.enable();
  // Stalls of the event loop over a second, with when they happened (seconds after the server was ready).
  const stalls: { at: number; ms: number }[] = [];
  let readyAt = 0;
  let tick = performance.now();
  setInterval(() => {
    const at = performance.now();
    if (at - tick > 1100) stalls.push({ at: Math.round((at - readyAt) / 100) / 10, ms: Math.round(at - tick - 100) });
    tick = at;
  }, 100).unref();
  if (mode === "full") {
    const { connect } = await import("@/db/connect");
    const { seedDemo, loadDemoRefs, seedWelcomePointsConcept } = await import("@/demo/seed-demo");
    const { createCollabServer } = await import("@/lib/collab/collab-server");
    const { startUserSession } = await import("@/lib/auth/user-sessions");
    const { sessionCookie } = await import("@/lib/auth/session-cookie");
    const { authSecret } = await import("@/lib/auth/secret");
    const { encode } = await import("next-auth/jwt");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    let databaseUrl: string | undefined;
    if (process.env.DATABASE_URL) {
      // A fresh database per run, dropped at the end.
      const { default: postgres } = await import("postgres");
      const name = `konzeptwerk_bench_${randomBytes(6).toString("hex")}`;
      const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        await database.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    }
    // PGlite as the app runs it without DATABASE_URL: in a folder (a temporary one, removed at the end).
    const pgliteDir = databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "konzeptwerk-bench-collab-"));
    if (pgliteDir)
      dropDatabase = async () => {
        await database.close();
        fs.rmSync(pgliteDir, { recursive: true, force: true });
      };
    const database = await connect({ databaseUrl, pgliteDir });
    await database.migrate();
    const db = database.db;
    await seedDemo(db);
    const sections: string[] = [];
    for (let i = 0; sections.length < COLD_SECTIONS + 1; i++) {
      const { sectionIds } = await db.transaction(async (tx) =>
        seedWelcomePointsConcept(tx, await loadDemoRefs(tx), `Bench ${process.pid} ${i}`),
      );
      sections.push(...Object.values(sectionIds));
    }
    const [lead] = await db.select().from(users).where(eq(users.email, "federfuehrung@demo.example"));
    const sid = await db.transaction((tx) => startUserSession(tx, lead!.id));
    const token = await encode({ token: { sub: lead!.id, sv: lead!.sessionVersion, sid }, secret: authSecret()! });
    const collab = createCollabServer({ getDb: async () => db });
    hocuspocus = collab.hocuspocus;
    ready = {
      cookie: `${sessionCookie().name}=${token}`,
      hot: sections[0]!,
      cold: sections.slice(1, COLD_SECTIONS + 1),
    };
  } else {
    const { Hocuspocus } = await import("@hocuspocus/server");
    const seed = Y.encodeStateAsUpdate(
      seedLiveDocument({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Start" }] }] }),
    );
    hocuspocus = new Hocuspocus({
      quiet: true,
      async onLoadDocument({ document }) {
        Y.applyUpdate(document, seed);
      },
    });
    ready = {
      cookie: "",
      hot: "hot",
      cold: Array.from({ length: COLD_SECTIONS }, (_, i) => `cold-${i}`),
    };
  }
  docCount = () => hocuspocus.documents.size;
  const ws = crossws({
    hooks: {
      open(peer) {
        (peer as unknown as { h: unknown }).h = hocuspocus.handleConnection(
          peer.websocket as never,
          peer.request as never,
        );
      },
      message(peer, message) {
        (peer as unknown as { h: { handleMessage(m: Uint8Array): void } }).h.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        (peer as unknown as { h: { handleClose(e: unknown): void } }).h.handleClose({
          code: event.code,
          reason: event.reason,
        });
      },
    },
  });
  server.on("upgrade", (req, socket, head) => ws.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  let statsCalls = 0;
  process.on("message", async (message: string) => {
    if (message === "exit") {
      // The clients are gone: let the last stores and cuts finish before the database is dropped.
      if (dropDatabase) await new Promise((resolve) => setTimeout(resolve, 3000));
      await dropDatabase?.();
      process.send!("bye", () => process.exit(0));
      return;
    }
    if (message !== "stats") return;
    // The second call is at the start of the measurement: the event-loop delay covers the measured window only.
    if (++statsCalls === 3) loopDelay.reset();
    globalThis.gc?.();
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    process.send!({
      cpuMicros: cpu.user + cpu.system,
      heapUsed: memory.heapUsed + memory.external + memory.arrayBuffers,
      rss: memory.rss,
      docs: docCount(),
      at: Date.now(),
      loopDelay: delayOf(),
      stalls,
    } satisfies Stats);
  });
  readyAt = performance.now();
  process.send!({ ...ready, port: (server.address() as AddressInfo).port });
}

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (reply) => resolve(reply as T));
    if (message) child.send(message as string);
  });
}

/** A client process: opens its share of the editors, types on request and reports what it sent and received. */
async function simulateEditors() {
  const clients: { provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket }[] = [];
  const typists: Y.Doc[] = [];
  const sent: [string, number][] = [];
  const arrivals: [string, number, 0 | 1][] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  let measuring = false;
  let cpuAtStart = process.cpuUsage();
  process.on("uncaughtException", (error) => {
    if (!/closed before the connection was established/.test(error.message)) throw error;
  });
  const type = (doc: Y.Doc) => {
    const paragraph = doc
      .getXmlFragment("default")
      .toArray()
      .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
    const run = paragraph?.get(0);
    if (!(run instanceof Y.XmlText)) return;
    if (measuring) sent.push([`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, now()]);
    run.insert(run.length, String.fromCharCode(97 + Math.floor(Math.random() * 26)));
  };
  process.on("message", async (message: { op: string; port?: number; cookie?: string; assignments?: Assignment[] }) => {
    if (message.op === "open") {
      const origin = `http://127.0.0.1:${message.port}`;
      class WithHeaders extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { origin, cookie: message.cookie! } });
        }
      }
      const open = async ({ name, kind }: Assignment) => {
        const doc = new Y.Doc();
        const socket = new HocuspocusProviderWebsocket({
          url: `ws://127.0.0.1:${message.port}/collab`,
          WebSocketPolyfill: WithHeaders,
        });
        const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: "x" });
        provider.attach();
        doc.on("update", (update: Uint8Array, transactionOrigin: unknown) => {
          if (transactionOrigin !== provider || !measuring) return;
          const at = now();
          for (const struct of Y.decodeUpdate(update).structs) {
            for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++)
              arrivals.push([`${struct.id.client}:${clock}`, at, kind === "hot" ? 1 : 0]);
          }
        });
        await new Promise<void>((resolve) => provider.on("synced", () => resolve()));
        clients.push({ provider, socket });
        typists.push(doc);
      };
      const assignments = message.assignments!;
      for (const a of assignments.filter((a) => a.kind === "hot")) await open(a);
      await Promise.all(assignments.filter((a) => a.kind === "cold").map(open));
      process.send!("opened");
    } else if (message.op === "type") {
      typists.forEach((doc, i) =>
        timers.push(
          setTimeout(
            () => timers.push(setInterval(() => type(doc), 1000 / CHARS_PER_SECOND)),
            (i * 37) % (1000 / CHARS_PER_SECOND),
          ),
        ),
      );
      process.send!("typing");
    } else if (message.op === "measure") {
      measuring = true;
      loopDelay.reset();
      loopDelay.enable();
      cpuAtStart = process.cpuUsage();
      process.send!("measuring");
    } else if (message.op === "stop") {
      measuring = false;
      for (const t of timers) clearInterval(t);
      const cpu = process.cpuUsage(cpuAtStart);
      const notConnected = clients.filter((c) => c.socket.status !== "connected").length;
      for (const c of clients) {
        c.provider.destroy();
        c.socket.destroy();
      }
      process.send!(
        { sent, arrivals, notConnected, cpuMicros: cpu.user + cpu.system, loopDelay: delayOf() } satisfies ClientResult,
        () => process.exit(0),
      );
    }
  });
  process.send!("ready");
}

async function run(mode: "full" | "bare") {
  const profileDir = process.env.BENCH_CPU_PROF;
  const child = fork(fileURLToPath(import.meta.url), ["--server", mode], {
    execArgv: [
      ...process.execArgv,
      "--expose-gc",
      ...(profileDir
        ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=collab-${mode}.cpuprofile`]
        : []),
    ],
    env: { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: "bench-secret-0123456789-0123456789" },
  });
  const ready = await ask<Ready>(child, "");
  const before = await ask<Stats>(child, "stats");

  const assignments: Assignment[] = [
    ...Array.from({ length: HOT_EDITORS }, () => ({ name: ready.hot, kind: "hot" as const })),
    ...ready.cold.flatMap((name) => [
      { name, kind: "cold" as const },
      { name, kind: "cold" as const },
    ]),
  ];
  const workers = await Promise.all(
    Array.from({ length: CLIENT_PROCESSES }, async () => {
      const worker = fork(fileURLToPath(import.meta.url), ["--clients"], { execArgv: process.execArgv });
      await ask<string>(worker, "");
      return worker;
    }),
  );
  await Promise.all(
    workers.map((w, k) =>
      ask(w, {
        op: "open",
        port: ready.port,
        cookie: ready.cookie,
        assignments: assignments.filter((_, i) => i % CLIENT_PROCESSES === k),
      }),
    ),
  );
  const connected = await ask<Stats>(child, "stats");
  await Promise.all(workers.map((w) => ask(w, { op: "type" })));
  await new Promise((r) => setTimeout(r, WARM_UP_MS));
  await Promise.all(workers.map((w) => ask(w, { op: "measure" })));
  const start = await ask<Stats>(child, "stats");
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const end = await ask<Stats>(child, "stats");
  const results = await Promise.all(workers.map((w) => ask<ClientResult>(w, { op: "stop" })));
  await ask(child, "exit");

  const sentAt = new Map<string, number>();
  for (const r of results) for (const [key, at] of r.sent) sentAt.set(key, at);
  const latencies = { hot: [] as number[], cold: [] as number[] };
  for (const r of results)
    for (const [key, at, hot] of r.arrivals) {
      const sent = sentAt.get(key);
      if (sent !== undefined) latencies[hot ? "hot" : "cold"].push(at - sent);
    }
  const cpuPercent = ((end.cpuMicros - start.cpuMicros) / 1000 / (end.at - start.at)) * 100;
  return {
    mode,
    hot: summarise(latencies.hot),
    cold: summarise(latencies.cold),
    cpuPercent,
    serverLoopDelay: end.loopDelay,
    serverStalls: end.stalls,
    clientCpuPercent: results.map((r) => (r.cpuMicros / 1000 / (end.at - start.at)) * 100),
    clientLoopDelay: results.map((r) => r.loopDelay),
    memoryPerDocMb: (connected.heapUsed - before.heapUsed) / connected.docs / 1024 / 1024,
    docs: connected.docs,
    clients: assignments.length,
    notConnectedAtEnd: results.reduce((n, r) => n + r.notConnected, 0),
  };
}
function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

type Result = Awaited<ReturnType<typeof run>>;

async function main() {
  // A client still reconnecting when the run ends throws from ws on destroy: not a result, ignore it.
  process.on("uncaughtException", (error) => {
    if (!/closed before the connection was established/.test(error.message)) throw error;
  });
  const only = process.env.BENCH_ONLY;
  const results: { label: string; result: Result }[] = [];
  for (const [mode, label] of [
    ["full", "Konzeptwerk"],
    ["bare", "bare Hocuspocus"],
  ] as const) {
    if (only && only !== mode) continue;
    const result = await run(mode);
    console.error(`${label}:`, JSON.stringify(result));
    results.push({ label, result });
  }
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const row = (r: Result, part: "hot" | "cold", label: string) =>
    `| ${label} | ${r[part].n} | ${ms(r[part].p50)} | ${ms(r[part].p95)} | ${ms(r[part].p99)} |`;
  const worst = (r: Result) => Math.max(r.hot.p95, r.cold.p95);
  const delay = (d: Delay) => `p50 ${d.p50.toFixed(0)} / p99 ${d.p99.toFixed(0)} / max ${d.max.toFixed(0)} ms`;
  const [first] = results;
  const full = results.find((r) => r.result.mode === "full")?.result;
  const bare = results.find((r) => r.result.mode === "bare")?.result;
  const lines = [
    `### Live editing (\`npm run bench:collab\`, ${new Date().toISOString().slice(0, 10)})`,
    "",
    `${HOT_EDITORS} editors on one section and ${COLD_SECTIONS} sections with 2 editors each, every editor typing ` +
      `${CHARS_PER_SECOND} characters/s for ${SECONDS} s (after ${WARM_UP_MS / 1000} s warm-up); ${first!.result.clients} ` +
      `connections in ${CLIENT_PROCESSES} client process(es), ${first!.result.docs} open documents; database ` +
      `${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite (in a folder)"}; clients and server on the same machine.`,
    "",
    "| Server · section | changes received | p50 | p95 | p99 |",
    "|---|---|---|---|---|",
    ...results.flatMap(({ label, result }) => [
      row(result, "hot", `${label} · 20 editors`),
      row(result, "cold", `${label} · 2 editors each`),
    ]),
    "",
    ...results.map(
      ({ label, result: r }) =>
        `${label}: server CPU ${r.cpuPercent.toFixed(0)} % of one core, event-loop delay ${delay(r.serverLoopDelay)}; ` +
        `client processes CPU ${r.clientCpuPercent.map((c) => `${c.toFixed(0)} %`).join(", ")}, event-loop delay ` +
        `${r.clientLoopDelay.map(delay).join("; ")}; memory per open document (heap incl. connections) ` +
        `${r.memoryPerDocMb.toFixed(2)} MB; connections not connected at the end: ${r.notConnectedAtEnd}.`,
    ),
    ...(full && bare
      ? ["", `Ratio bare/Konzeptwerk p95 (all changes): ${(worst(bare) / worst(full)).toFixed(2)}.`]
      : []),
  ];
  console.log(lines.join("\n"));
  // `npm run bench` puts these results into its own report (BENCH_COLLAB_JSON names the file).
  if (process.env.BENCH_COLLAB_JSON)
    fs.writeFileSync(process.env.BENCH_COLLAB_JSON, JSON.stringify({ seconds: SECONDS, full, bare }));
  process.exit(0);
}
