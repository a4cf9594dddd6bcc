import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";
import { readEnv } from "../config/env";

/** The same drizzle API over PGlite or PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbKind = "pglite" | "postgres";

export type Database = {
  db: Db;
  kind: DbKind;
  /** Runs pending migrations; safe to call from several processes at once on PostgreSQL. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
const MIGRATION_LOCK_KEY = 727_2021;

export type ConnectOptions = {
  databaseUrl?: string;
  pgliteDir?: string;
  maxConnections?: number;
  onQuery?: (query: string, params: unknown[]) => void;
};

/** `npm run bench` replays the SQL of each page without the app: every query as one JSON line in this file. */
function queryLogger(file: string) {
  return (query: string, params: unknown[]) => fs.appendFileSync(file, `${JSON.stringify({ query, params })}\n`);
}

export function resolveConnectOptions(raw: NodeJS.ProcessEnv = process.env): ConnectOptions {
  const env = readEnv(raw);
  return {
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR ?? path.join(process.cwd(), "data", "pglite"),
    maxConnections: env.DATABASE_POOL_SIZE,
    onQuery: env.DATABASE_QUERY_LOG ? queryLogger(env.DATABASE_QUERY_LOG) : undefined,
  };
}

export async function connect(options: ConnectOptions): Promise<Database> {
  const logger = options.onQuery
    ? { logQuery: (query: string, params: unknown[]) => options.onQuery!(query, params) }
    : undefined;
  return options.databaseUrl
    ? connectPostgres(options.databaseUrl, options.maxConnections ?? 10, logger)
    : connectPglite(options.pgliteDir!, logger);
}

type QueryLogger = { logQuery(query: string, params: unknown[]): void } | undefined;

function connectPostgres(url: string, max: number, logger: QueryLogger): Database {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 5, idle_timeout: 60 });
  const db = drizzlePostgres({ client, schema, casing: "snake_case", logger }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    async migrate() {
      // Serialise concurrent starts: a one-connection client holds the advisory lock while it migrates.
      const single = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: single, casing: "snake_case" }), {
          migrationsFolder: MIGRATIONS_FOLDER,
        });
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    async ping() {
      await client`select 1`;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function connectPglite(dir: string, logger: QueryLogger): Promise<Database> {
  const inMemory = dir === "memory://";
  const release = inMemory ? () => {} : acquirePgliteLock(dir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : path.resolve(dir));
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case", logger }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    async migrate() {
      await migratePglite(drizzlePglite({ client, casing: "snake_case" }), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async ping() {
      await client.query("select 1");
    },
    async close() {
      await client.close();
      release();
    },
  };
}
