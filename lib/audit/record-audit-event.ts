import "server-only";
import { desc, sql } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, hashAuditEvent } from "./hash-audit-event";

export const AUDIT_CHAIN_LOCK = 4_711_2021;

export type AuditInput = {
  actorId?: string | null;
  actorOrganisationId?: string | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  conceptId?: string | null;
  summary?: Record<string, unknown>;
  ip?: string | null;
};

/**
 * Appends one event inside the caller's transaction. The transaction-scoped advisory lock orders writers,
 * so every row chains to the one committed before it.
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const row = {
    occurredAt: new Date(),
    actorId: input.actorId ?? null,
    actorOrganisationId: input.actorOrganisationId ?? null,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId ?? null,
    conceptId: input.conceptId ?? null,
    summary: input.summary ?? {},
    ip: input.ip ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...row, prevHash, hash: hashAuditEvent(prevHash, row) });
}
