import fs from "node:fs";
import { connect, resolveConnectOptions } from "@/db/connect";
import { auditHeadFromFile, formatAuditHead, parseAuditHead, type AuditHead } from "@/lib/audit/audit-head";
import { describeChainReport, verifyAuditChain } from "@/lib/audit/verify-audit-chain";

/**
 * npm run audit:verify [-- --head <seq>:<hash> | --head <file>]… — checks the whole hash chain, the numbering, and
 * each external anchor (a head `seq:hash`, a database backup's head file, a concept backup, a Vorlage PDF): exit 1
 * when anything does not match. `npm run audit:verify --head …` (without `--`) reaches us as npm's `heading` setting.
 */
function anchorsFromArguments(args: string[]): AuditHead[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--head" && args[i + 1]) values.push(args[++i]!);
    else if (args[i]!.startsWith("--head=")) values.push(args[i]!.slice("--head=".length));
    else
      throw new Error(`Unbekanntes Argument: ${args[i]}. Aufruf: npm run audit:verify -- --head <Nr>:<Hash>|<Datei>`);
  }
  const fromNpm = process.env.npm_config_heading;
  if (values.length === 0 && fromNpm && fromNpm !== "npm") values.push(fromNpm);
  return values.map(anchorFrom);
}

function anchorFrom(value: string): AuditHead {
  const direct = parseAuditHead(value);
  if (direct) return direct;
  // A database backup's head lies beside it; any other file (head file, concept backup, Vorlage PDF) carries its own.
  const file = [`${value}.head.json`, value].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  if (!file) throw new Error(`„${value}“ ist weder ein Kopfvermerk <Nr>:<Hash> noch eine lesbare Datei.`);
  const head = auditHeadFromFile(fs.readFileSync(file));
  if (!head) throw new Error(`Die Datei ${file} enthält keinen Kopfvermerk des Protokolls.`);
  return head;
}

let anchors: AuditHead[];
try {
  anchors = anchorsFromArguments(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
const database = await connect(resolveConnectOptions());
try {
  const report = await verifyAuditChain(database.db, { anchors });
  const findings = describeChainReport(report);
  const head = report.head ? `Kopf: ${formatAuditHead(report.head)}` : "leer";
  if (report.ok) {
    for (const line of findings) console.log(line);
    console.log(`Protokoll unversehrt: ${report.rows} Einträge geprüft (${database.kind}; ${head}).`);
  } else {
    for (const line of findings) console.error(line);
    if (report.gaps.length)
      console.error(
        "Eine Lücke entsteht, wenn Einträge gelöscht wurden – selten auch, wenn ein Abschluss nach dem Vergeben der Nummer scheiterte. Prüfen Sie mit einem Kopfvermerk aus einer Vorlage oder Sicherung (--head).",
      );
    console.error(`Protokoll beschädigt: ${report.rows} Einträge gelesen (${database.kind}; ${head}).`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
