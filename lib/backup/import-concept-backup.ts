import "server-only";
import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { concepts, memberships, organisations, users, vorlagen } from "@/db/schema";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { AppError } from "@/lib/errors";
import type { BackupPayload, BackupRow } from "./backup-schema";
import { BACKUP_TABLES, columnsOf, referencesOf } from "./backup-tables";
import { checkConceptBackup } from "./check-concept-backup";

export type ImportSummary = {
  conceptId: string;
  title: string;
  rows: Record<string, number>;
  auditEvents: number;
  createdPeople: string[];
  createdOrganisations: string[];
  /** Concepts with the same mandate reference that already existed (the import is a copy beside them). */
  sameReference: number;
};

const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Restores a concept backup (see checkConceptBackup for what is checked first) in one transaction: new ids for
 * every row, people and organisations matched by e-mail and name, the audit history appended to this database's
 * chain followed by a "concept.imported" event. Nothing is written unless everything is.
 */
export async function importConceptBackup(db: Db, text: string): Promise<ImportSummary> {
  const payload = checkConceptBackup(text);
  return db.transaction(async (tx) => {
    const { byOldId: orgMap, created: createdOrganisations } = await mapOrganisations(tx, payload);
    const { byOldId: peopleMap, created: createdPeople } = await mapPeople(tx, payload, orgMap);
    await refuseConflicts(tx, payload);
    const idMap = newIds(payload);
    const remap = (old: string) => idMap.get(old) ?? peopleMap.get(old) ?? orgMap.get(old);
    const rows: Record<string, number> = {};
    for (const spec of BACKUP_TABLES) {
      const refs = referencesOf(spec.table);
      const columns = columnsOf(spec.table);
      const values = payload.tables[spec.key]!.map((row) => {
        const out: Record<string, unknown> = {};
        for (const [key, column] of columns) {
          const value = row[key];
          const ref = refs.get(key);
          if (value === null || value === undefined) out[key] = null;
          else if (key === "id") out[key] = idMap.get(value as string);
          else if (ref === "user") out[key] = peopleMap.get(value as string);
          else if (ref === "organisation") out[key] = orgMap.get(value as string);
          else if (ref) out[key] = idMap.get(value as string);
          else if (column.columnType === "PgTimestamp") out[key] = new Date(value as string);
          else if (column.columnType === "PgCustomColumn") out[key] = Buffer.from(value as string, "base64");
          else if (key === "link" && typeof value === "string")
            out[key] = value.replace(UUID_PATTERN, (id) => remap(id) ?? id);
          // Structured records (the reading-room snapshot, anchors) refer to rows by id: those move with the rows.
          else if (column.columnType === "PgJsonb" && key !== "content") out[key] = remapIds(value, remap);
          else out[key] = value;
        }
        return out;
      });
      for (let i = 0; i < values.length; i += 200) await tx.insert(spec.table).values(values.slice(i, i + 200));
      rows[spec.key] = values.length;
    }
    const conceptId = idMap.get(payload.conceptId)!;
    const last = payload.auditEvents.at(-1);
    await appendAuditEvents(tx, [
      ...payload.auditEvents.map((e) => ({
        occurredAt: new Date(e.occurredAt),
        actorId: e.actorId ? peopleMap.get(e.actorId)! : null,
        actorOrganisationId: e.actorOrganisationId ? orgMap.get(e.actorOrganisationId)! : null,
        action: e.action,
        objectType: e.objectType,
        objectId: e.objectId ? (remap(e.objectId) ?? e.objectId) : null,
        conceptId,
        summary: remapIds(e.summary, remap) as Record<string, unknown>,
        ip: e.ip,
      })),
      {
        occurredAt: new Date(),
        actorId: null,
        actorOrganisationId: null,
        action: "concept.imported",
        objectType: "concept",
        objectId: conceptId,
        conceptId,
        summary: {
          sourceConceptId: payload.conceptId,
          exportedAt: payload.exportedAt,
          importedEvents: payload.auditEvents.length,
          sourceLastSeq: last?.seq ?? null,
          sourceLastHash: last?.hash ?? null,
          createdPeople: createdPeople.length,
          createdOrganisations: createdOrganisations.length,
        },
        ip: null,
      },
    ]);
    const title = payload.tables.concepts![0]!.title as string;
    const reference = payload.tables.concepts![0]!.mandateReference as string;
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(concepts)
      .where(sql`${concepts.mandateReference} = ${reference} and ${concepts.id} <> ${conceptId}`);
    return {
      conceptId,
      title,
      rows,
      auditEvents: payload.auditEvents.length,
      createdPeople,
      createdOrganisations,
      sameReference: n,
    };
  });
}

/**
 * New ids in the same order as the old ones: rows sorted by id keep their order, so an export of the restored
 * concept lists everything in the same sequence as the file it came from.
 */
function newIds(payload: BackupPayload): Map<string, string> {
  const old = BACKUP_TABLES.flatMap((spec) =>
    payload.tables[spec.key]!.filter((r) => "id" in r).map((r: BackupRow) => r.id as string),
  ).sort();
  const fresh = old.map(() => randomUUID()).sort();
  return new Map(old.map((id, i) => [id, fresh[i]!]));
}

function remapIds(value: unknown, remap: (old: string) => string | undefined): unknown {
  if (typeof value === "string") return remap(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remapIds(v, remap));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapIds(v, remap)]));
  return value;
}

/** Organisations by name (case-insensitive); missing ones are created as in the file. */
async function mapOrganisations(tx: Tx, payload: BackupPayload) {
  const byOldId = new Map<string, string>();
  const created: string[] = [];
  if (!payload.organisations.length) return { byOldId, created };
  const existing = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      inArray(
        sql`lower(${organisations.name})`,
        payload.organisations.map((o) => o.name.toLowerCase()),
      ),
    );
  const byName = new Map(existing.map((o) => [o.name.toLowerCase(), o.id]));
  for (const o of payload.organisations) {
    let id = byName.get(o.name.toLowerCase());
    if (!id) {
      [{ id } = { id: "" }] = await tx
        .insert(organisations)
        .values({
          name: o.name,
          shortName: o.shortName,
          kind: o.kind,
          classification: o.classification,
          illustrative: o.illustrative,
        })
        .returning({ id: organisations.id });
      byName.set(o.name.toLowerCase(), id);
      created.push(o.name);
    }
    byOldId.set(o.id, id);
  }
  return { byOldId, created };
}

/**
 * People by e-mail (case-insensitive). Missing ones are created deactivated and without a password, with their
 * memberships from the file: an admin decides who may sign in. Existing accounts are left as they are.
 */
async function mapPeople(tx: Tx, payload: BackupPayload, orgMap: Map<string, string>) {
  const byOldId = new Map<string, string>();
  const created: string[] = [];
  if (!payload.people.length) return { byOldId, created };
  const existing = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        sql`lower(${users.email})`,
        payload.people.map((p) => p.email.toLowerCase()),
      ),
    );
  const byEmail = new Map(existing.map((u) => [u.email.toLowerCase(), u.id]));
  for (const p of payload.people) {
    let id = byEmail.get(p.email.toLowerCase());
    if (!id) {
      [{ id } = { id: "" }] = await tx
        .insert(users)
        .values({ name: p.name, email: p.email, locale: p.locale, passwordHash: null, active: false })
        .returning({ id: users.id });
      byEmail.set(p.email.toLowerCase(), id);
      created.push(p.email);
      const links = payload.memberships.filter((m) => m.userId === p.id);
      if (links.length)
        await tx.insert(memberships).values(
          links.map((m) => ({
            userId: id!,
            organisationId: orgMap.get(m.organisationId)!,
            maySignOff: m.maySignOff,
          })),
        );
    }
    byOldId.set(p.id, id);
  }
  return { byOldId, created };
}

/** Ids are always new, so the only real conflict is a Vorlage whose reference (Aktenzeichen) is already taken. */
async function refuseConflicts(tx: Tx, payload: BackupPayload): Promise<void> {
  const references = payload.tables.vorlagen!.map((v) => v.reference as string);
  if (!references.length) return;
  const taken = await tx
    .select({ reference: vorlagen.reference })
    .from(vorlagen)
    .where(inArray(vorlagen.reference, references));
  if (taken.length) {
    throw new AppError("CONFLICT", "appError.backup.referenceTaken", {
      references: taken.map((t) => t.reference).join(", "),
    });
  }
}
