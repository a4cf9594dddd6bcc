import "server-only";
import type { Db } from "@/db/connect";
import { wakeOutboxWorker } from "@/lib/mail/outbox-worker";
import { runReminderJob } from "./run-reminder-job";

type Worker = { timer: NodeJS.Timeout; running: boolean };

/** Kept on globalThis like the outbox worker: one per server process. */
const key = Symbol.for("konzeptwerk.reminderWorker");
type GlobalWithWorker = typeof globalThis & { [key]?: Worker };

/**
 * Started once per server process (instrumentation-node.ts). Every `pollMs` it asks for the reminder job; the
 * database decides which process runs it (`runReminderJob`). `today` says which day it is for planning (the demo's
 * fixed day while demo data is present).
 */
export function startReminderWorker(db: Db, today: () => Promise<string>, pollMs = 60_000): void {
  const g = globalThis as GlobalWithWorker;
  if (g[key]) return;
  const worker: Worker = { running: false, timer: setInterval(() => void tick(), pollMs) };
  async function tick() {
    if (worker.running) return;
    worker.running = true;
    try {
      const { sent } = await runReminderJob(db, { now: new Date(), today: await today() });
      if (sent) wakeOutboxWorker();
    } catch (error) {
      console.error(
        "Konzeptwerk: Erinnerungen konnten nicht verschickt werden:",
        error instanceof Error ? error.message : error,
      );
    } finally {
      worker.running = false;
    }
  }
  worker.timer.unref();
  g[key] = worker;
  void tick();
}
