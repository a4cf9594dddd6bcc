import fs from "node:fs";
import path from "node:path";
import { BackupError, backupPglite, backupPostgres } from "@/db/backup";
import { connect, resolveConnectOptions, type ConnectOptions } from "@/db/connect";
import { PgliteLockedError } from "@/db/pglite-lock";
import { auditHeadFile, formatAuditHead, readAuditHead, type AuditHead } from "@/lib/audit/audit-head";

/**
 * npm run db:backup — PostgreSQL: pg_dump (custom format); PGlite: the data folder as tarball, only while the app
 * is stopped (the folder's lock is taken for the copy). The file goes to BACKUP_DIR (default ./backups), and beside
 * it `<file>.head.json`: the audit chain's head, read just before the copy (so the backup holds at least that
 * entry) — the anchor `npm run audit:verify -- --head <file>` checks a database against later.
 */
const options = resolveConnectOptions();
const backupDir = process.env.BACKUP_DIR || path.join(process.cwd(), "backups");

async function readHead(connectOptions: ConnectOptions): Promise<AuditHead | null> {
  // An empty or missing embedded folder: leave the message to the backup itself (connecting would create one).
  if (!connectOptions.databaseUrl && !fs.existsSync(path.join(connectOptions.pgliteDir!, "PG_VERSION"))) return null;
  const database = await connect(connectOptions);
  try {
    return await readAuditHead(database.db);
  } finally {
    await database.close();
  }
}

try {
  const head = await readHead(options);
  const file = options.databaseUrl
    ? await backupPostgres(options.databaseUrl, backupDir)
    : await backupPglite(options.pgliteDir!, backupDir);
  fs.writeFileSync(`${file}.head.json`, auditHeadFile(head, path.basename(file)));
  console.log(`Sicherung geschrieben: ${file}`);
  console.log(
    `Kopfvermerk des Protokolls (${head ? formatAuditHead(head) : "leer"}): ${file}.head.json – prüfen mit npm run audit:verify -- --head ${file}`,
  );
} catch (error) {
  if (error instanceof PgliteLockedError) {
    console.error(`${error.message}\nFür eine Sicherung der eingebetteten Datenbank muss die App beendet sein.`);
  } else {
    console.error(error instanceof BackupError ? error.message : error);
  }
  process.exitCode = 1;
}
