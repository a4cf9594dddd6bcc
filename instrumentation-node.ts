import { getDatabase } from "./db/client";
import { PgliteLockedError } from "./db/pglite-lock";
import { envProblems, readEnv } from "./config/env";
import { checkHealth } from "./lib/health/check-health";
import { registerDatabaseProbe } from "./lib/health/database-outage";
import { startOutboxWorker } from "./lib/mail/outbox-worker";
import { startReminderWorker } from "./lib/reminders/reminder-worker";
import { planningToday } from "./lib/clock";
import { startCollab } from "./lib/collab/start-collab";
import { transportFromEnv } from "./lib/mail/transports";
import { trustedProxies } from "./lib/auth/client-ip";
import { installPeerAddressHeader } from "./lib/http/peer-address";

/**
 * The configuration is checked first: an invalid one stops the server with one line per problem. Migrations run
 * at start (and, on an empty embedded database, the demo seed). A second process on a
 * locked PGlite folder stops here with a clear message instead of serving errors. Then the mail outbox
 * starts delivering in the background, and the reminder worker asks every minute whether reminders are due.
 */
export async function openDatabaseAtStart() {
  const problems = envProblems();
  if (problems.length) {
    console.error(
      `Konzeptwerk: Die Konfiguration ist ungültig (siehe README, Konfiguration):\n- ${problems.join("\n- ")}`,
    );
    process.exit(1);
  }
  // Before the first request: the client address comes from the socket unless TRUSTED_PROXIES says otherwise.
  installPeerAddressHeader();
  try {
    trustedProxies();
  } catch (error) {
    console.error(`Konzeptwerk: ${(error as Error).message}`);
    process.exit(1);
  }
  registerDatabaseProbe(async () => (await checkHealth()).status === 200);
  try {
    const database = await getDatabase();
    // An empty embedded database gets the demo (never PostgreSQL: there `npm run db:seed:demo` does it on request).
    if (database.kind === "pglite" && readEnv().SEED_DEMO === "true") {
      const { seedDemoIfEmpty } = await import("./demo/seed-demo");
      if (await seedDemoIfEmpty(database.db)) console.log("Konzeptwerk: Demodaten angelegt.");
    }
    console.log(`Konzeptwerk: Datenbank bereit (${database.kind}).`);
    const transport = transportFromEnv();
    startOutboxWorker(database.db, transport);
    console.log(`Konzeptwerk: Live-Bearbeitung aktiv (${startCollab()}).`);
    console.log(`Konzeptwerk: Postausgang aktiv (${transport.kind === "smtp" ? "SMTP" : "Dateien im Mail-Ordner"}).`);
    // Reminders plan against the same "today" as the pages (the demo's fixed day while demo data is present).
    const { isDemoDataPresent } = await import("./demo/demo-presence");
    startReminderWorker(database.db, async () => planningToday(await isDemoDataPresent(database.db)));
  } catch (error) {
    if (error instanceof PgliteLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    // PostgreSQL may come up later: /api/health answers 503 until it does, then the app recovers by itself.
    console.error(
      "Konzeptwerk: Datenbank beim Start nicht erreichbar:",
      error instanceof Error ? error.message : error,
    );
  }
}
