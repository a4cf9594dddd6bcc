/**
 * A page cannot answer 503 from the App Router once rendering has begun. So when a request notices that the
 * database is gone (a route handler, an action or a page's sign-in check), it notes the outage here, and the
 * proxy answers page requests with 503 until a ping succeeds again. Kept on globalThis: Next.js builds the proxy,
 * the pages and the instrumentation as separate bundles of one process. Nothing here imports the database, so
 * the proxy stays light; the ping is registered at start (instrumentation-node.ts).
 */
const OUTAGE = Symbol.for("konzeptwerk.databaseOutage");
const PROBE = Symbol.for("konzeptwerk.databaseProbe");
type Shared = typeof globalThis & { [OUTAGE]?: boolean; [PROBE]?: () => Promise<boolean> };
const shared = () => globalThis as Shared;

export function noteDatabaseOutage(): void {
  shared()[OUTAGE] = true;
}

export function registerDatabaseProbe(probe: () => Promise<boolean>): void {
  shared()[PROBE] = probe;
}

/** True unless an outage was noted and the database still does not answer; the note is cleared once it does. */
export async function databaseAvailable(): Promise<boolean> {
  const g = shared();
  if (!g[OUTAGE]) return true;
  const probe = g[PROBE];
  if (!probe) return true;
  const answers = await probe().catch(() => false);
  if (answers) g[OUTAGE] = false;
  return answers;
}
