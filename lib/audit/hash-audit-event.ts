import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

export type HashedFields = {
  occurredAt: Date;
  actorId: string | null;
  actorOrganisationId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  conceptId: string | null;
  summary: Record<string, unknown>;
  ip: string | null;
};

/** The part of a row's hash input that is the row itself: its fields as canonical JSON. */
export function auditEventBody(e: HashedFields): string {
  return canonicalJson({
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorOrganisationId: e.actorOrganisationId,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    conceptId: e.conceptId,
    summary: e.summary,
    ip: e.ip,
  });
}

/**
 * Each row's hash covers its content and the previous row's hash: a changed or removed row breaks the chain.
 * SHA-256 (hex) of `prevHash`, a line feed and the body, UTF-8 — the commit trigger of migration 0009 computes
 * the same in SQL when it chains the events recorded by appendAuditEvents.
 */
export function hashAuditEvent(prevHash: string, e: HashedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(auditEventBody(e)).digest("hex");
}
