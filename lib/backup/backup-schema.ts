import "server-only";
import type { Column } from "drizzle-orm";
import { z } from "zod";
import { BACKUP_TABLES, columnsOf } from "./backup-tables";

/** The file format of a concept backup. A new version is needed whenever the shape of a backed-up table changes. */
export const BACKUP_FORMAT = "konzeptwerk-konzeptsicherung";
export const BACKUP_SCHEMA_VERSION = 1;

const ZId = z.guid();
const ZTimestamp = z.iso.datetime({ offset: true });

/** One value as the backup stores it: timestamps as ISO strings, bytes as base64, JSON as JSON. */
function zodForColumn(column: Column): z.ZodType {
  let schema: z.ZodType;
  switch (column.columnType) {
    case "PgUUID":
      schema = ZId;
      break;
    case "PgTimestamp":
      schema = ZTimestamp;
      break;
    case "PgDateString":
      schema = z.iso.date();
      break;
    case "PgTime":
      schema = z.iso.time({ precision: 0 });
      break;
    case "PgInteger":
    case "PgBigInt53":
      schema = z.number().int();
      break;
    case "PgBoolean":
      schema = z.boolean();
      break;
    case "PgJsonb":
      schema = z.json();
      break;
    case "PgEnumColumn":
      schema = z.enum(column.enumValues as [string, ...string[]]);
      break;
    case "PgCustomColumn":
      schema = z.base64();
      break;
    case "PgText":
      schema = z.string();
      break;
    default:
      throw new Error(`Spaltentyp ${column.columnType} ist in der Sicherung nicht vorgesehen`);
  }
  return column.notNull ? schema : schema.nullable();
}

export function rowSchemaFor(table: (typeof BACKUP_TABLES)[number]["table"]) {
  return z.strictObject(Object.fromEntries(columnsOf(table).map(([key, column]) => [key, zodForColumn(column)])));
}

export const ZBackupPerson = z.strictObject({
  id: ZId,
  email: z.string().min(3),
  name: z.string().min(1),
  locale: z.string(),
});
export const ZBackupOrganisation = z.strictObject({
  id: ZId,
  name: z.string().min(1),
  shortName: z.string(),
  kind: z.enum(["verwaltung", "traeger", "gremium"]),
  classification: z.enum(["ausschuss", "beirat"]).nullable(),
  illustrative: z.boolean(),
});
export const ZBackupMembership = z.strictObject({ userId: ZId, organisationId: ZId, maySignOff: z.boolean() });
export const ZBackupAuditEvent = z.strictObject({
  seq: z.number().int().positive(),
  occurredAt: ZTimestamp,
  actorId: ZId.nullable(),
  actorOrganisationId: ZId.nullable(),
  action: z.string().min(1),
  objectType: z.string().min(1),
  objectId: z.string().nullable(),
  conceptId: ZId,
  summary: z.record(z.string(), z.json()),
  ip: z.string().nullable(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

const ZTables = z.strictObject(Object.fromEntries(BACKUP_TABLES.map((t) => [t.key, z.array(rowSchemaFor(t.table))])));

export const ZBackupPayload = z.strictObject({
  exportedAt: ZTimestamp,
  conceptId: ZId,
  people: z.array(ZBackupPerson),
  organisations: z.array(ZBackupOrganisation),
  memberships: z.array(ZBackupMembership),
  tables: ZTables,
  auditEvents: z.array(ZBackupAuditEvent),
  /** The whole database's audit chain head at export time (an external anchor for `audit:verify --head`). */
  auditHead: z
    .strictObject({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) })
    .nullable()
    .optional(),
});

/** Only the envelope: the version is checked before the payload, so an unknown version gets its own message. */
export const ZBackupEnvelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int(),
  checksum: z.strictObject({ algorithm: z.literal("sha256"), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  payload: z.unknown(),
});

export type BackupRow = Record<string, unknown>;
export type BackupPayload = {
  exportedAt: string;
  conceptId: string;
  people: z.infer<typeof ZBackupPerson>[];
  organisations: z.infer<typeof ZBackupOrganisation>[];
  memberships: z.infer<typeof ZBackupMembership>[];
  tables: Record<string, BackupRow[]>;
  auditEvents: (Omit<z.infer<typeof ZBackupAuditEvent>, "summary"> & { summary: Record<string, unknown> })[];
  auditHead?: { seq: number; hash: string } | null;
};
export type ConceptBackup = {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  checksum: { algorithm: "sha256"; value: string };
  payload: BackupPayload;
};
