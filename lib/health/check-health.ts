import "server-only";
import { getDatabase } from "@/db/client";
import { resolveConnectOptions } from "@/db/connect";

const PING_TIMEOUT_MS = 2000;

/** 200 when the database answers a query within two seconds, 503 with a reason otherwise. */
export async function checkHealth(): Promise<{ status: number; body: Record<string, string> }> {
  const kind = resolveConnectOptions().databaseUrl ? "postgres" : "pglite";
  try {
    const database = await withTimeout(getDatabase());
    await withTimeout(database.ping());
    return { status: 200, body: { status: "ok", db: database.kind } };
  } catch (error) {
    const reason =
      error instanceof Error && error.message === "timeout"
        ? "Die Datenbank antwortet nicht rechtzeitig."
        : "Die Datenbank ist nicht erreichbar.";
    return { status: 503, body: { status: "unavailable", db: kind, reason } };
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timeout")), PING_TIMEOUT_MS).unref()),
  ]);
}
