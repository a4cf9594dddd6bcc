import "server-only";
import { Worker } from "node:worker_threads";
import type { ExportDocument } from "./export-document";
import type { SynopseExport } from "./render-synopse";
import type { RenderJob, RenderRequest, RenderResponse } from "./render-worker";

/**
 * PDF and DOCX rendering is CPU-bound (a long concept takes seconds). It runs in one long-lived worker thread,
 * so the server's event loop keeps answering other people meanwhile; jobs queue inside the worker.
 */
type Pending = { resolve: (bytes: Buffer) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

/** Under vitest the worker runs the TypeScript source through tsx's loader; the production build bundles it. */
function sourceWorker(): Worker {
  const entry = JSON.stringify(new URL("./render-worker.ts", import.meta.url).href);
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(boot, { eval: true, execArgv: ["--conditions=react-server"] });
}

function startWorker(): Worker {
  // Turbopack recognises this exact form and bundles the worker as its own entry (see docs/decisions).
  const created = process.env.VITEST ? sourceWorker() : new Worker(new URL("./render-worker.ts", import.meta.url));
  created.on("message", (response: RenderResponse) => {
    const job = pending.get(response.id);
    if (!job) return;
    pending.delete(response.id);
    if (pending.size === 0) created.unref();
    if (response.ok)
      job.resolve(Buffer.from(response.bytes.buffer, response.bytes.byteOffset, response.bytes.byteLength));
    else job.reject(new Error(response.message));
  });
  created.on("error", (error) => {
    if (worker === created) worker = null;
    failAll(error);
  });
  created.on("exit", () => {
    if (worker === created) worker = null;
    failAll(new Error("Der Export-Prozess wurde beendet."));
  });
  // An idle worker must not keep the process alive (scripts, tests); a busy one must (see runInWorker).
  created.unref();
  return created;
}

function runInWorker(job: RenderJob): Promise<Buffer> {
  worker ??= startWorker();
  const id = nextId++;
  const current = worker;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    current.ref();
    current.postMessage({ id, job } satisfies RenderRequest);
  });
}

export function renderInWorker(format: "pdf" | "docx", document: ExportDocument): Promise<Buffer> {
  return runInWorker({ kind: format, document });
}

export function renderSynopseInWorker(format: "pdf" | "docx", synopse: SynopseExport): Promise<Buffer> {
  return runInWorker(format === "pdf" ? { kind: "synopsePdf", synopse } : { kind: "synopseDocx", synopse });
}

/** Ends the worker (tests, shutdown); the next export starts a new one. */
export async function stopRenderWorker(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}
