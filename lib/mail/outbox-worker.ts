import "server-only";
import type { Db } from "@/db/connect";
import { deliverPendingMail } from "./deliver-pending-mail";
import type { MailTransport } from "./transports";

type Worker = { db: Db; transport: MailTransport; timer: NodeJS.Timeout; running: boolean; again: boolean };

/** Kept on globalThis: instrumentation and the route bundles are separate module graphs in one process. */
const key = Symbol.for("konzeptwerk.outboxWorker");
type GlobalWithWorker = typeof globalThis & { [key]?: Worker };

async function tick(worker: Worker): Promise<void> {
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  try {
    do {
      worker.again = false;
      await deliverPendingMail(worker.db, worker.transport);
    } while (worker.again);
  } catch (error) {
    // The database may be briefly away; the next tick tries again.
    console.error(
      "Konzeptwerk: Postausgang konnte nicht abgearbeitet werden:",
      error instanceof Error ? error.message : error,
    );
  } finally {
    worker.running = false;
  }
}

/** Started once per server process (instrumentation-node.ts); delivers due mail every intervalMs. */
export function startOutboxWorker(db: Db, transport: MailTransport, intervalMs = 5_000): void {
  const g = globalThis as GlobalWithWorker;
  if (g[key]) return;
  const worker: Worker = {
    db,
    transport,
    running: false,
    again: false,
    timer: setInterval(() => void tick(worker), intervalMs),
  };
  worker.timer.unref();
  g[key] = worker;
  void tick(worker);
}

/** Called after a transaction that enqueued mail has committed; never waits for delivery, never throws. */
export function wakeOutboxWorker(): void {
  const worker = (globalThis as GlobalWithWorker)[key];
  if (worker) setImmediate(() => void tick(worker));
}
