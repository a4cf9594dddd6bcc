import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { auditEvents, memberships, organisations, users } from "@/db/schema";
import { readAuditHead } from "@/lib/audit/audit-head";
import { canonicalJson } from "@/lib/audit/canonical-json";
import type { Actor } from "@/lib/auth/load-actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { findOpenBreakGlass } from "@/lib/concepts/open-break-glass";
import { notFound } from "@/lib/errors";
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  type BackupPayload,
  type BackupRow,
  type ConceptBackup,
} from "./backup-schema";
import { BACKUP_TABLES, columnsOf, primaryKeyOf, referencesOf } from "./backup-tables";

/**
 * The lead — or an admin through break-glass access (docs/decisions/0011) — downloads the whole concept as a
 * versioned, checksummed JSON document. Every download is an audit event, committed before the file is handed out.
 */
export async function exportConceptBackup(db: Db, actor: Actor, conceptId: string): Promise<ConceptBackup> {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.backup");
  const grant = access.role === "lead" ? null : await findOpenBreakGlass(db, actor, conceptId);
  const backup = await buildConceptBackup(db, conceptId);
  await db.transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: actor.id,
      action: "concept.backup_downloaded",
      objectType: "concept",
      objectId: conceptId,
      conceptId,
      summary: { checksum: backup.checksum.value, ...(grant ? { breakGlassGrantId: grant.id } : {}) },
    }),
  );
  return backup;
}

export function backupChecksum(payload: unknown): string {
  return createHash("sha256").update(canonicalJson(payload)).digest("hex");
}

function serialiseValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}

/**
 * Every concept-owned row, the people and organisations they reference (by natural key, no password hashes) and
 * the concept's audit events. Rows are sorted by primary key; the import keeps that order when it assigns new ids.
 */
export async function buildConceptBackup(db: Db, conceptId: string): Promise<ConceptBackup> {
  const ids = new Map<string, string[]>([["concepts", [conceptId]]]);
  const tables: Record<string, BackupRow[]> = {};
  const userIds = new Set<string>();
  const organisationIds = new Set<string>();
  const rawRows = new Map<string, Record<string, unknown>[]>();
  for (const spec of BACKUP_TABLES) {
    const columns = Object.fromEntries(columnsOf(spec.table));
    const parentIds = ids.get(spec.parent.table) ?? [];
    const pk = primaryKeyOf(spec.table);
    const rows = parentIds.length
      ? ((await db
          .select(columns)
          .from(spec.table)
          .where(inArray(columns[spec.parent.column]!, parentIds))
          .orderBy(...pk.map((k) => asc(columns[k]!)))) as Record<string, unknown>[])
      : [];
    if ("id" in columns)
      ids.set(
        spec.key,
        rows.map((r) => r.id as string),
      );
    for (const [key, ref] of referencesOf(spec.table)) {
      for (const row of rows) {
        const value = row[key] as string | null;
        if (value === null) continue;
        if (ref === "user") userIds.add(value);
        if (ref === "organisation") organisationIds.add(value);
      }
    }
    rawRows.set(spec.key, rows);
  }
  if (!rawRows.get("concepts")?.length) throw notFound();
  const events = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.conceptId, conceptId))
    .orderBy(asc(auditEvents.seq));
  for (const e of events) {
    if (e.actorId) userIds.add(e.actorId);
    if (e.actorOrganisationId) organisationIds.add(e.actorOrganisationId);
  }
  const people = userIds.size
    ? await db
        .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(inArray(users.id, [...userIds]))
        .orderBy(asc(users.email))
    : [];
  const orgs = organisationIds.size
    ? await db
        .select({
          id: organisations.id,
          name: organisations.name,
          shortName: organisations.shortName,
          kind: organisations.kind,
          classification: organisations.classification,
          illustrative: organisations.illustrative,
        })
        .from(organisations)
        .where(inArray(organisations.id, [...organisationIds]))
        .orderBy(asc(organisations.name))
    : [];
  const links =
    people.length && orgs.length
      ? await db
          .select({
            userId: memberships.userId,
            organisationId: memberships.organisationId,
            maySignOff: memberships.maySignOff,
          })
          .from(memberships)
          .where(
            and(
              inArray(
                memberships.userId,
                people.map((p) => p.id),
              ),
              inArray(
                memberships.organisationId,
                orgs.map((o) => o.id),
              ),
            ),
          )
      : [];
  // Link tables keyed by a person or organisation sort by its natural key, which survives the import.
  const naturalKey = new Map<string, string>([
    ...people.map((p) => [p.id, `u:${p.email.toLowerCase()}`] as const),
    ...orgs.map((o) => [o.id, `o:${o.name.toLowerCase()}`] as const),
  ]);
  const naturalOrder = (value: unknown) => naturalKey.get(value as string) ?? (value as string);
  for (const spec of BACKUP_TABLES) {
    const pk = primaryKeyOf(spec.table);
    const rows = [...rawRows.get(spec.key)!];
    if (pk.length > 1)
      rows.sort((a, b) =>
        compareTuples(
          pk.map((k) => naturalOrder(a[k])),
          pk.map((k) => naturalOrder(b[k])),
        ),
      );
    tables[spec.key] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, serialiseValue(v)])),
    );
  }
  const payload: BackupPayload = {
    exportedAt: new Date().toISOString(),
    conceptId,
    people,
    organisations: orgs,
    memberships: links.sort((a, b) =>
      compareTuples(
        [naturalOrder(a.userId), naturalOrder(a.organisationId)],
        [naturalOrder(b.userId), naturalOrder(b.organisationId)],
      ),
    ),
    tables,
    auditEvents: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString(), conceptId })),
    // Read last: at least this entry exists in the database for as long as nobody cuts its tail off.
    auditHead: await readAuditHead(db),
  };
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    checksum: { algorithm: "sha256", value: backupChecksum(payload) },
    payload,
  };
}

function compareTuples(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}
