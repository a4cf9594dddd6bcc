import { BackupError, restorePglite, restorePostgres } from "@/db/backup";
import { resolveConnectOptions } from "@/db/connect";
import { PgliteLockedError } from "@/db/pglite-lock";

/**
 * npm run db:restore -- <file> — a .dump into the empty PostgreSQL database of DATABASE_URL, a .pglite.tar.gz
 * into the empty folder PGLITE_DIR. A target with data is refused.
 */
const file = process.argv[2];
const options = resolveConnectOptions();
try {
  if (!file) throw new BackupError("Bitte geben Sie die Sicherungsdatei an: npm run db:restore -- <datei>");
  const isPgliteFile = file.endsWith(".tar.gz") || file.endsWith(".tgz");
  if (options.databaseUrl) {
    if (isPgliteFile)
      throw new BackupError(
        "Das ist eine Sicherung der eingebetteten Datenbank (PGlite); DATABASE_URL zeigt aber auf PostgreSQL.",
      );
    await restorePostgres(options.databaseUrl, file);
  } else {
    if (!isPgliteFile)
      throw new BackupError(
        "Das ist keine Sicherung der eingebetteten Datenbank (.pglite.tar.gz). Für eine PostgreSQL-Sicherung setzen Sie DATABASE_URL.",
      );
    await restorePglite(options.pgliteDir!, file);
  }
  console.log(`Wiederhergestellt aus ${file} (${options.databaseUrl ? "postgres" : "pglite"}).`);
} catch (error) {
  console.error(error instanceof BackupError || error instanceof PgliteLockedError ? error.message : error);
  process.exitCode = 1;
}
