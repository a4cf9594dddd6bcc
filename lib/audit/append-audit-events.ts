import "server-only";
import { desc, sql } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, hashAuditEvent, type HashedFields } from "./hash-audit-event";
import { AUDIT_CHAIN_LOCK } from "./record-audit-event";

/**
 * Appends several events with their own times (an imported history) in the caller's transaction, chained in
 * the given order under the same lock as recordAuditEvent, so the whole trail still verifies.
 */
export async function appendAuditEvents(tx: Tx, events: HashedFields[]): Promise<void> {
  if (!events.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((event) => {
    const hash = hashAuditEvent(prevHash, event);
    const row = { ...event, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // One statement per chunk keeps the parameter count far below PostgreSQL's limit; seq follows insertion order.
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditEvents).values(rows.slice(i, i + 500));
}
