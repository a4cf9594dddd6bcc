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

/** Each row's hash covers its content and the previous row's hash: a changed or removed row breaks the chain. */
export function hashAuditEvent(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
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
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
