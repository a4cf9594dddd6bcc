import path from "node:path";
import { BackupError, backupPglite, backupPostgres } from "@/db/backup";
import { resolveConnectOptions } from "@/db/connect";
import { PgliteLockedError } from "@/db/pglite-lock";

/**
 * npm run db:backup — PostgreSQL: pg_dump (custom format); PGlite: the data folder as tarball, only while the app
 * is stopped (the folder's lock is taken for the copy). The file goes to BACKUP_DIR (default ./backups).
 */
const options = resolveConnectOptions();
const backupDir = process.env.BACKUP_DIR || path.join(process.cwd(), "backups");
try {
  const file = options.databaseUrl
    ? await backupPostgres(options.databaseUrl, backupDir)
    : await backupPglite(options.pgliteDir!, backupDir);
  console.log(`Sicherung geschrieben: ${file}`);
} catch (error) {
  if (error instanceof PgliteLockedError) {
    console.error(`${error.message}\nFür eine Sicherung der eingebetteten Datenbank muss die App beendet sein.`);
  } else {
    console.error(error instanceof BackupError ? error.message : error);
  }
  process.exitCode = 1;
}
