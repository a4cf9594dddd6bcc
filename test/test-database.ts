import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connect, type ConnectOptions, type Database } from "@/db/connect";

/**
 * A throwaway, migrated database for one test file: a fresh PostgreSQL database when DATABASE_URL is set
 * (created here, dropped afterwards), otherwise an in-memory PGlite. `onQuery` sees every statement (to count them).
 */
export async function createTestDatabase(
  options: Pick<ConnectOptions, "onQuery"> = {},
): Promise<Database & { cleanup(): Promise<void> }> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const database = await connect({ pgliteDir: "memory://", onQuery: options.onQuery });
    await database.migrate();
    return { ...database, cleanup: () => database.close() };
  }
  const name = `konzeptwerk_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await connect({ databaseUrl: url.toString(), maxConnections: 25, onQuery: options.onQuery });
  await database.migrate();
  return {
    ...database,
    async cleanup() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
