import "server-only";
import { connect, resolveConnectOptions, type Database } from "./connect";

/**
 * The app's one database handle. Kept on globalThis so that every bundle Next.js builds (pages, route
 * handlers, instrumentation) shares it: a second PGlite opener in the same process would be refused.
 */
const globalKey = Symbol.for("konzeptwerk.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Database> };

async function open(): Promise<Database> {
  const database = await connect(resolveConnectOptions());
  await database.migrate();
  return database;
}

export function getDatabase(): Promise<Database> {
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    g[globalKey] = open().catch((error) => {
      delete g[globalKey];
      throw error;
    });
  }
  return g[globalKey];
}

export async function getDb() {
  return (await getDatabase()).db;
}
