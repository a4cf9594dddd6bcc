import "server-only";
import type { Tx } from "@/db/connect";
import { auditPending } from "@/db/schema";
import { auditEventBody, type HashedFields } from "./hash-audit-event";

/**
 * Records events in the caller's transaction, in the given order (one from a service, or an imported history
 * with its own times). They wait in audit_pending, and the transaction's commit chains them (the deferred
 * trigger of migration 0009): the lock all writers of the chain share is held from that moment to the end of the
 * commit, and no round trip to the application happens while it is held. They commit or roll back with the
 * transaction. Many events go in chunks, far below PostgreSQL's parameter limit.
 */
export async function appendAuditEvents(tx: Tx, events: HashedFields[]): Promise<void> {
  const rows = events.map((e) => ({ ...e, body: auditEventBody(e) }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditPending).values(rows.slice(i, i + 500));
}
