import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { acquirePgliteLock } from "./pglite-lock";
import { readEnv } from "../config/env";

/**
 * Backup and restore of both database kinds. PostgreSQL: pg_dump in custom format, restored with pg_restore
 * into an empty database. PGlite: the data folder as a gzipped tarball (PGlite's dumpDataDir), taken while
 * holding the folder's lock – so the app cannot be writing meanwhile – and loaded into an empty folder.
 */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

export function backupFileName(kind: "postgres" | "pglite", now = new Date()): string {
  return `konzeptwerk-${stamp(now)}${kind === "postgres" ? ".dump" : ".pglite.tar.gz"}`;
}

function run(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(program, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        return reject(new BackupError(`${program} ist nicht installiert (PostgreSQL-Client-Programme fehlen).`));
      reject(new BackupError(`${program} ist fehlgeschlagen: ${stderr.trim() || error.message}`));
    }),
  );
}

function pgTool(name: string): string {
  const { PG_BIN } = readEnv();
  return PG_BIN ? path.join(PG_BIN, name) : name;
}

export async function backupPostgres(databaseUrl: string, backupDir: string, now = new Date()): Promise<string> {
  fs.mkdirSync(backupDir, { recursive: true });
  const file = path.join(backupDir, backupFileName("postgres", now));
  await run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", file, databaseUrl]);
  return file;
}

/** Refuses a database that already has tables: a restore never mixes into existing data. */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new BackupError(`Die Sicherungsdatei ${file} gibt es nicht.`);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    if ((row?.n ?? 0) > 0) {
      throw new BackupError(
        `Die Zieldatenbank ist nicht leer (${row!.n} Tabellen). Wiederhergestellt wird nur in eine leere Datenbank – legen Sie eine neue an und setzen Sie DATABASE_URL darauf.`,
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  await run(pgTool("pg_restore"), [
    "--no-owner",
    "--exit-on-error",
    "--single-transaction",
    "--dbname",
    databaseUrl,
    file,
  ]);
}

/** The folder as tarball, under the folder's lock: a running app (or another backup) makes this refuse. */
export async function backupPglite(pgliteDir: string, backupDir: string, now = new Date()): Promise<string> {
  if (!fs.existsSync(path.join(pgliteDir, "PG_VERSION")))
    throw new BackupError(`Im Ordner ${path.resolve(pgliteDir)} liegt keine eingebettete Datenbank.`);
  const release = acquirePgliteLock(pgliteDir);
  try {
    const client = await PGlite.create(path.resolve(pgliteDir));
    try {
      const tarball = await client.dumpDataDir("gzip");
      fs.mkdirSync(backupDir, { recursive: true });
      const file = path.join(backupDir, backupFileName("pglite", now));
      fs.writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
      return file;
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

export async function restorePglite(pgliteDir: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new BackupError(`Die Sicherungsdatei ${file} gibt es nicht.`);
  if (fs.existsSync(pgliteDir) && fs.readdirSync(pgliteDir).length > 0) {
    throw new BackupError(
      `Der Ordner ${path.resolve(pgliteDir)} ist nicht leer. Wiederhergestellt wird nur in einen leeren Ordner – setzen Sie PGLITE_DIR auf einen neuen Ordner.`,
    );
  }
  const release = acquirePgliteLock(pgliteDir);
  try {
    fs.mkdirSync(pgliteDir, { recursive: true });
    const client = await PGlite.create(path.resolve(pgliteDir), { loadDataDir: new Blob([fs.readFileSync(file)]) });
    await client.query("select 1");
    await client.close();
  } finally {
    release();
  }
}
