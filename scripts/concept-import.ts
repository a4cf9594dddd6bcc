import { readFile } from "node:fs/promises";
import { connect, resolveConnectOptions } from "@/db/connect";
import { checkConceptBackup } from "@/lib/backup/check-concept-backup";
import { importConceptBackup } from "@/lib/backup/import-concept-backup";
import { AppError } from "@/lib/errors";

/** npm run concept:import -- <datei.json> — restores a concept backup (GET …/export?format=json) into this database. */
const file = process.argv[2];
if (!file) {
  console.error("Bitte die Sicherungsdatei angeben: npm run concept:import -- <datei.json>");
  process.exit(2);
}
let text: string;
try {
  text = await readFile(file, "utf8");
} catch (error) {
  console.error(
    `Die Datei ${file} kann nicht gelesen werden: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
// A bad file is refused before the database is even opened.
try {
  checkConceptBackup(text);
} catch (error) {
  console.error(
    `Import abgebrochen, nichts wurde geschrieben: ${error instanceof AppError ? error.message : String(error)}`,
  );
  process.exit(1);
}
const database = await connect(resolveConnectOptions());
try {
  await database.migrate();
  const summary = await importConceptBackup(database.db, text);
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  console.log(`Konzept „${summary.title}“ eingespielt (${database.kind}), neue Kennung ${summary.conceptId}.`);
  console.log(
    `${total} Datensätze: ${summary.rows.sections} Abschnitte, ${summary.rows.sectionRevisions} Stände, ${summary.rows.commentThreads} Diskussionen mit ${summary.rows.comments} Kommentaren, ` +
      `${summary.rows.changeProposals} Änderungsvorschläge, ${summary.rows.fassungen} Fassungen, ${summary.rows.signoffRounds} Mitzeichnungsrunden, ${summary.rows.storedFiles} Dateien.`,
  );
  console.log(`${summary.auditEvents} Protokolleinträge übernommen und an die Kette dieser Datenbank angehängt.`);
  if (summary.createdOrganisations.length)
    console.log(`Neu angelegte Organisationen: ${summary.createdOrganisations.join(", ")}.`);
  if (summary.createdPeople.length)
    console.log(`Neu angelegte, noch deaktivierte Konten (ohne Passwort): ${summary.createdPeople.join(", ")}.`);
  if (summary.sameReference)
    console.log(
      `Hinweis: Es gibt hier schon ${summary.sameReference} Konzept(e) zum selben Ratsauftrag; das eingespielte steht daneben.`,
    );
} catch (error) {
  if (error instanceof AppError) console.error(`Import abgebrochen, nichts wurde geschrieben: ${error.message}`);
  else console.error("Import abgebrochen, nichts wurde geschrieben:", error);
  process.exitCode = 1;
} finally {
  await database.close();
}
