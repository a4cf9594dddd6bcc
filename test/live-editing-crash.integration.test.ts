import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import postgres from "postgres";
import { afterAll, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { liveDocumentJson } from "@/lib/collab/live-content";

/**
 * Issue 18: "Kill the server while two people type: both reconnect by themselves and nothing acknowledged is lost"
 * and "a server restart or crash loses at most the last 2 seconds of changes that the server had acknowledged".
 * The live server runs in its own process (test/live-server-process.ts) on a database of its own; two editors type
 * over real WebSockets; the process is killed with SIGKILL mid-typing and started again on the same port.
 */
const SECRET = "crash-test-secret-0123456789-0123456789";
const TYPE_EVERY_MS = 100;
/** What the server promises: acknowledged changes are stored within this long. */
const STORED_WITHIN_MS = 2000;

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Ready = { port: number; sectionId?: string; cookies?: string[]; stored: Record<string, string> };

async function databaseEnv(): Promise<Record<string, string>> {
  if (process.env.DATABASE_URL) {
    const name = `konzeptwerk_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "konzeptwerk-crash-"));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return { DATABASE_URL: "", PGLITE_DIR: path.join(dir, "db") };
}

function startServer(
  port: number,
  env: Record<string, string>,
  seed: boolean,
): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(
    path.join(import.meta.dirname, "live-server-process.ts"),
    [String(port), ...(seed ? ["--seed"] : [])],
    {
      execArgv: ["--import", "tsx", "--conditions=react-server"],
      env: { ...process.env, ...env, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "http://127.0.0.1" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once("message", (ready) => resolve({ child, ready: ready as Ready }));
    child.once("exit", (code) => reject(new Error(`live server exited (${code}) before it was ready`)));
  });
}

type Typed = { token: string; typedAt: number; ackedAt?: number };

function editor(port: number, sectionId: string, cookie: string, name: string) {
  const doc = new Y.Doc();
  const origin = `http://127.0.0.1:${port}`;
  class WithHeaders extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { origin, cookie } });
    }
  }
  // The editor's own settings (components/editor/section-editor.tsx): reconnecting is the provider's default.
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${port}/collab`,
    WebSocketPolyfill: WithHeaders,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: sectionId, document: doc, token: "x" });
  provider.attach();
  const typed: Typed[] = [];
  let reconnects = 0;
  provider.on("synced", () => reconnects++);
  // All changes sent so far are acknowledged once the provider has none unsynced.
  provider.on("unsyncedChanges", ({ number }: { number: number }) => {
    if (number !== 0) return;
    const at = Date.now();
    for (const t of typed) t.ackedAt ??= at;
  });
  let counter = 0;
  const type = () => {
    const paragraph = doc
      .getXmlFragment("default")
      .toArray()
      .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
    const run = paragraph?.get(0);
    if (!(run instanceof Y.XmlText)) return;
    const token = `${name}${String(++counter).padStart(4, "0")}`;
    typed.push({ token, typedAt: Date.now() });
    run.insert(run.length, ` ${token}`);
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    provider,
    doc,
    typed,
    syncedCount: () => reconnects,
    startTyping: () => (timer = setInterval(type, TYPE_EVERY_MS)),
    stopTyping: () => clearInterval(timer),
    text: () => JSON.stringify(liveDocumentJson(doc)),
    close() {
      clearInterval(timer);
      provider.destroy();
      socket.destroy();
    },
  };
}

const textOf = (stateBase64: string | undefined) => {
  if (!stateBase64) return "";
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stateBase64, "base64"));
  return JSON.stringify(liveDocumentJson(doc));
};

it("a killed server loses no acknowledged change older than 2 s; both editors reconnect by themselves and merge what they typed meanwhile", async () => {
  const env = await databaseEnv();
  const first = await startServer(0, env, true);
  const { port } = first.ready;
  const sectionId = first.ready.sectionId!;
  const [diakonieCookie, leadCookie] = first.ready.cookies!;
  const a = editor(port, sectionId, diakonieCookie!, "A");
  const b = editor(port, sectionId, leadCookie!, "B");
  cleanups.push(async () => {
    a.close();
    b.close();
  });
  await expect.poll(() => a.syncedCount() > 0 && b.syncedCount() > 0, { timeout: 10_000 }).toBe(true);

  a.startTyping();
  b.startTyping();
  await new Promise((r) => setTimeout(r, 5000));
  const killedAt = Date.now();
  first.child.kill("SIGKILL");
  await new Promise((r) => first.child.once("exit", r));
  // Typing goes on while the server is down: kept in each editor's document, sent after the reconnect.
  await new Promise((r) => setTimeout(r, 1500));
  a.stopTyping();
  b.stopTyping();

  const second = await startServer(port, env, false);
  // What survived the crash: the stored state as the restarted server found it, before anyone reconnected.
  const stored = textOf(second.ready.stored[sectionId]);
  const all = [...a.typed, ...b.typed];
  const ackedBeforeKill = all.filter((t) => t.ackedAt !== undefined && t.ackedAt < killedAt);
  const lost = ackedBeforeKill.filter((t) => !stored.includes(t.token));
  const lossWindowMs = Math.max(0, ...lost.map((t) => killedAt - t.ackedAt!));
  console.log(
    `Absturz: ${ackedBeforeKill.length} bestätigte Änderungen, ${lost.length} davon nicht gespeichert; ` +
      `die älteste verlorene war ${lossWindowMs} ms vor dem Abbruch bestätigt.`,
  );
  // The test is only worth something when there was typing long before the kill and typing after it.
  expect(ackedBeforeKill.filter((t) => t.ackedAt! < killedAt - STORED_WITHIN_MS).length).toBeGreaterThan(50);
  const typedWhileDown = all.filter((t) => t.typedAt > killedAt);
  expect(typedWhileDown.length).toBeGreaterThan(10);
  expect(lost.filter((t) => t.ackedAt! < killedAt - STORED_WITHIN_MS).map((t) => t.token)).toEqual([]);
  expect(lossWindowMs).toBeLessThanOrEqual(STORED_WITHIN_MS);

  // Both editors come back by themselves (the provider's own reconnect) and send what the server lacks.
  await expect.poll(() => a.syncedCount() > 1 && b.syncedCount() > 1, { timeout: 45_000 }).toBe(true);
  await expect
    .poll(() => a.provider.unsyncedChanges + b.provider.unsyncedChanges === 0 && a.text() === b.text(), {
      timeout: 10_000,
    })
    .toBe(true);
  const final = a.text();
  for (const t of all) expect(final, t.token).toContain(t.token);

  // The server has it all too: another client connecting now receives every word.
  const c = editor(port, sectionId, leadCookie!, "C");
  cleanups.push(async () => c.close());
  await expect.poll(() => c.syncedCount() > 0, { timeout: 10_000 }).toBe(true);
  await expect.poll(() => c.text(), { timeout: 5000 }).toBe(final);
  second.child.kill("SIGKILL");
  await new Promise((r) => second.child.once("exit", r));
}, 120_000);
