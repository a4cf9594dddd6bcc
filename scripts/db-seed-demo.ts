import { connect, resolveConnectOptions } from "@/db/connect";
import { seedDemoIfEmpty } from "@/demo/seed-demo";

/** Seeds the Welcome Points demo into an empty database (PostgreSQL or PGlite); refuses a database with users. */
const database = await connect(resolveConnectOptions());
try {
  await database.migrate();
  const seeded = await seedDemoIfEmpty(database.db);
  if (!seeded) {
    console.error("Die Datenbank enthält bereits Benutzer – Demodaten werden nur in eine leere Datenbank geschrieben.");
    process.exitCode = 1;
  } else {
    console.log(`Demodaten angelegt (${database.kind}). Passwort aller Demokonten: welcome-points-demo`);
  }
} finally {
  await database.close();
}
