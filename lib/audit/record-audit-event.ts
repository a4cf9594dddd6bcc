import "server-only";
import type { Tx } from "@/db/connect";
import { appendAuditEvents } from "./append-audit-events";

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
 * Records one event in the caller's transaction; it joins the hash chain when the transaction commits
 * (append-audit-events.ts), and not at all when it rolls back.
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  await appendAuditEvents(tx, [
    {
      occurredAt: new Date(),
      actorId: input.actorId ?? null,
      actorOrganisationId: input.actorOrganisationId ?? null,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId ?? null,
      conceptId: input.conceptId ?? null,
      summary: input.summary ?? {},
      ip: input.ip ?? null,
    },
  ]);
}
