import { connect, resolveConnectOptions } from "@/db/connect";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

/** npm run audit:verify — checks the whole hash chain and names the first broken row; exit 1 if broken. */
const database = await connect(resolveConnectOptions());
try {
  const report = await verifyAuditChain(database.db);
  if (report.ok) {
    console.log(`Protokoll unversehrt: ${report.rows} Einträge geprüft (${database.kind}).`);
  } else {
    console.error(
      `Protokoll beschädigt: Eintrag Nr. ${report.brokenSeq} – ${report.reason} (${report.rows} Einträge gelesen).`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
