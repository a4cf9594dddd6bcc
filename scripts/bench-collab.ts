// `npm run bench:collab` (not part of npm test): live-editing latency, server CPU and memory per open document.
// 20 editors type 5 characters per second into one section, while 200 other sections have 2 editors each doing
// the same, for BENCH_SECONDS (default 60). Latency = from one client's change to its arrival at every other
// client of that section (all clients in this process, one clock). The server runs in a child process: first the
// app's live-editing server (session cookie, rights, per-update validation, storage in the database), then a bare
// Hocuspocus (no auth, no validation, no storage) under the same load. Results go to stdout as Markdown; append
// them to docs/benchmarks.md.
import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const HOT_EDITORS = 20;
const COLD_SECTIONS = Number(process.env.BENCH_SECTIONS ?? 200);
const CHARS_PER_SECOND = 5;
const WARM_UP_MS = 5000;

type Ready = { port: number; cookie: string; origin?: string; hot: string; cold: string[] };
type Stats = { cpuMicros: number; heapUsed: number; rss: number; docs: number; at: number };

if (process.argv[2] === "--server") await serve(process.argv[3] as "full" | "bare");
else await main();

async function serve(mode: "full" | "bare") {
  const { default: crossws } = await import("crossws/adapters/node");
  const { seedLiveDocument } = await import("@/lib/collab/live-content");
  const server = http.createServer((_req, res) => res.end());
  let ready: Omit<Ready, "port">;
  let hocuspocus: import("@hocuspocus/server").Hocuspocus;
  let docCount = () => 0;
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
    const database = await connect({ databaseUrl: process.env.DATABASE_URL || undefined, pgliteDir: "memory://" });
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
  process.on("message", (message: string) => {
    if (message !== "stats") return;
    globalThis.gc?.();
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    process.send!({
      cpuMicros: cpu.user + cpu.system,
      heapUsed: memory.heapUsed + memory.external + memory.arrayBuffers,
      rss: memory.rss,
      docs: docCount(),
      at: Date.now(),
    } satisfies Stats);
  });
  process.send!({ ...ready, port: (server.address() as AddressInfo).port });
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (reply) => resolve(reply as T));
    if (message) child.send(message);
  });
}

async function run(mode: "full" | "bare") {
  const child = fork(fileURLToPath(import.meta.url), ["--server", mode], {
    execArgv: [...process.execArgv, "--expose-gc"],
    env: { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: "bench-secret-0123456789-0123456789" },
  });
  const ready = await ask<Ready>(child, "");
  const origin = `http://127.0.0.1:${ready.port}`;
  const before = await ask<Stats>(child, "stats");

  const sentAt = new Map<string, number>();
  const latencies = { hot: [] as number[], cold: [] as number[] };
  let measuring = false;
  const clients: { provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket; doc: Y.Doc }[] = [];
  class WithHeaders extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { origin, cookie: ready.cookie } });
    }
  }
  const open = async (name: string, kind: "hot" | "cold") => {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${ready.port}/collab`,
      WebSocketPolyfill: WithHeaders,
    });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: "x" });
    provider.attach();
    doc.on("update", (update: Uint8Array, transactionOrigin: unknown) => {
      if (transactionOrigin !== provider || !measuring) return;
      const now = performance.timeOrigin + performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) {
          const sent = sentAt.get(`${struct.id.client}:${clock}`);
          if (sent !== undefined) latencies[kind].push(now - sent);
        }
      }
    });
    await new Promise<void>((resolve) => provider.on("synced", () => resolve()));
    clients.push({ provider, socket, doc });
    return { doc };
  };
  const typists: { doc: Y.Doc }[] = [];
  for (let i = 0; i < HOT_EDITORS; i++) typists.push(await open(ready.hot, "hot"));
  const coldOpens: Promise<{ doc: Y.Doc }>[] = [];
  for (const name of ready.cold) coldOpens.push(open(name, "cold"), open(name, "cold"));
  typists.push(...(await Promise.all(coldOpens)));
  const connected = await ask<Stats>(child, "stats");

  const type = (doc: Y.Doc) => {
    const paragraph = doc
      .getXmlFragment("default")
      .toArray()
      .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
    const run = paragraph?.get(0);
    if (!(run instanceof Y.XmlText)) return;
    sentAt.set(`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, performance.timeOrigin + performance.now());
    run.insert(run.length, String.fromCharCode(97 + Math.floor(Math.random() * 26)));
  };
  const timers = typists.map((t, i) =>
    setTimeout(
      () => timers.push(setInterval(() => type(t.doc), 1000 / CHARS_PER_SECOND)),
      (i * 37) % (1000 / CHARS_PER_SECOND),
    ),
  );
  await new Promise((r) => setTimeout(r, WARM_UP_MS));
  measuring = true;
  const start = await ask<Stats>(child, "stats");
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const end = await ask<Stats>(child, "stats");
  measuring = false;
  for (const t of timers) clearInterval(t);
  for (const c of clients) {
    c.provider.destroy();
    c.socket.destroy();
  }
  const reconnects = clients.filter((c) => c.socket.status !== "connected").length;
  child.kill();
  const cpuPercent = ((end.cpuMicros - start.cpuMicros) / 1000 / (end.at - start.at)) * 100;
  return {
    mode,
    hot: summarise(latencies.hot),
    cold: summarise(latencies.cold),
    cpuPercent,
    memoryPerDocMb: (connected.heapUsed - before.heapUsed) / connected.docs / 1024 / 1024,
    docs: connected.docs,
    clients: clients.length,
    notConnectedAtEnd: reconnects,
  };
}

function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function main() {
  // A client still reconnecting when the run ends throws from ws on destroy: not a result, ignore it.
  process.on("uncaughtException", (error) => {
    if (!/closed before the connection was established/.test(error.message)) throw error;
  });
  const full = await run("full");
  console.error("Konzeptwerk:", JSON.stringify(full));
  const bare = await run("bare");
  console.error("bare:", JSON.stringify(bare));
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const row = (r: Awaited<ReturnType<typeof run>>, part: "hot" | "cold", label: string) =>
    `| ${label} | ${r[part].n} | ${ms(r[part].p50)} | ${ms(r[part].p95)} | ${ms(r[part].p99)} |`;
  const lines = [
    `### Live editing (\`npm run bench:collab\`, ${new Date().toISOString().slice(0, 10)})`,
    "",
    `${HOT_EDITORS} editors on one section and ${COLD_SECTIONS} sections with 2 editors each, every editor typing ` +
      `${CHARS_PER_SECOND} characters/s for ${SECONDS} s (after ${WARM_UP_MS / 1000} s warm-up); ${full.clients} ` +
      `connections, ${full.docs} open documents; database ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite (in memory)"}; ` +
      `clients and server on the same machine (server in its own process).`,
    "",
    "| Server · section | changes received | p50 | p95 | p99 |",
    "|---|---|---|---|---|",
    row(full, "hot", "Konzeptwerk · 20 editors"),
    row(full, "cold", "Konzeptwerk · 2 editors each"),
    row(bare, "hot", "bare Hocuspocus · 20 editors"),
    row(bare, "cold", "bare Hocuspocus · 2 editors each"),
    "",
    `Server CPU: Konzeptwerk ${full.cpuPercent.toFixed(0)} % of one core, bare ${bare.cpuPercent.toFixed(0)} %. ` +
      `Memory per open document (heap incl. connections): Konzeptwerk ${full.memoryPerDocMb.toFixed(2)} MB, bare ` +
      `${bare.memoryPerDocMb.toFixed(2)} MB. Connections not connected at the end: Konzeptwerk ` +
      `${full.notConnectedAtEnd}, bare ${bare.notConnectedAtEnd}. Ratio bare/Konzeptwerk p95 (all changes): ` +
      `${(Math.max(bare.hot.p95, bare.cold.p95) / Math.max(full.hot.p95, full.cold.p95)).toFixed(2)}.`,
  ];
  console.log(lines.join("\n"));
  process.exit(0);
}
