import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { hashAuditEvent } from "@/lib/audit/hash-audit-event";
import { validateContent } from "@/lib/content/validate-content";
import type { AppErrorKey } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  ZBackupEnvelope,
  ZBackupPayload,
  type BackupPayload,
} from "./backup-schema";
import { BACKUP_TABLES, referencesOf } from "./backup-tables";
import { backupChecksum } from "./export-concept-backup";

/** The operator's import tool: technical details in German, under one catalogue sentence. */
const invalid = (details: string) => new AppError("VALIDATION", "appError.backup.invalid", { details });
const refused = (key: AppErrorKey) => new AppError("VALIDATION", key);

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(Wurzel)"}: ${i.message}`);
  return shown.join("; ") + (error.issues.length > 3 ? ` (und ${error.issues.length - 3} weitere)` : "");
}

/**
 * Everything an import checks before it writes anything: JSON, format and version, the checksum, the structure,
 * that every reference points into the file, the stored files' SHA-512, the rich text, and each audit event's hash.
 */
export function checkConceptBackup(text: string): BackupPayload {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(`Die Datei ist kein gültiges JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const envelope = ZBackupEnvelope.safeParse(json);
  if (!envelope.success) {
    const format = (json as { format?: unknown } | null)?.format;
    if (format !== BACKUP_FORMAT) throw refused("appError.backup.notABackup");
    throw invalid(`Die Kopfdaten der Sicherung sind fehlerhaft: ${describeIssues(envelope.error)}.`);
  }
  const { schemaVersion, checksum } = envelope.data;
  if (schemaVersion !== BACKUP_SCHEMA_VERSION) {
    throw invalid(
      `Unbekannte Version der Sicherung (${schemaVersion}). Diese Installation liest Version ${BACKUP_SCHEMA_VERSION}.`,
    );
  }
  if (backupChecksum(envelope.data.payload) !== checksum.value) {
    throw refused("appError.backup.checksumMismatch");
  }
  const parsed = ZBackupPayload.safeParse(envelope.data.payload);
  if (!parsed.success)
    throw invalid(`Die Sicherung ist unvollständig oder fehlerhaft: ${describeIssues(parsed.error)}.`);
  const payload = parsed.data as BackupPayload;
  checkReferences(payload);
  checkFiles(payload);
  checkContent(payload);
  checkAuditEvents(payload);
  return payload;
}

function checkReferences(payload: BackupPayload): void {
  const [concept, ...more] = payload.tables.concepts!;
  if (!concept || more.length || concept.id !== payload.conceptId) throw refused("appError.backup.wrongConcept");
  const people = new Set(payload.people.map((p) => p.id));
  const orgs = new Set(payload.organisations.map((o) => o.id));
  const known = new Map<string, Set<string>>();
  for (const spec of BACKUP_TABLES) {
    const rows = payload.tables[spec.key]!;
    for (const row of rows) {
      const parent = row[spec.parent.column] as string;
      const parentIds = spec.key === "concepts" ? new Set([payload.conceptId]) : known.get(spec.parent.table)!;
      if (!parentIds.has(parent))
        throw invalid(`Fehlender Bezug: ${spec.key}.${spec.parent.column} = ${parent} gehört nicht zu diesem Konzept.`);
      for (const [key, ref] of referencesOf(spec.table)) {
        const value = row[key] as string | null;
        if (value === null) continue;
        const target = ref === "user" ? people : ref === "organisation" ? orgs : known.get(ref.table);
        if (!target?.has(value))
          throw invalid(`Fehlender Bezug: ${spec.key}.${key} = ${value} ist in der Sicherung nicht enthalten.`);
      }
    }
    if (rows[0] && "id" in rows[0]) known.set(spec.key, new Set(rows.map((r) => r.id as string)));
    else known.set(spec.key, new Set());
  }
  for (const m of payload.memberships) {
    if (!people.has(m.userId) || !orgs.has(m.organisationId)) throw refused("appError.backup.missingReference");
  }
  for (const e of payload.auditEvents) {
    if (e.conceptId !== payload.conceptId)
      throw invalid(`Protokolleintrag Nr. ${e.seq} gehört zu einem anderen Konzept.`);
    if ((e.actorId && !people.has(e.actorId)) || (e.actorOrganisationId && !orgs.has(e.actorOrganisationId))) {
      throw invalid(
        `Fehlender Bezug: Protokolleintrag Nr. ${e.seq} nennt eine Person oder Organisation, die nicht enthalten ist.`,
      );
    }
  }
}

function checkFiles(payload: BackupPayload): void {
  for (const file of payload.tables.storedFiles!) {
    const bytes = Buffer.from(file.content as string, "base64");
    const sha512 = createHash("sha512").update(bytes).digest("hex");
    if (sha512 !== file.sha512 || bytes.length !== file.size)
      throw invalid(
        `Die Datei „${String(file.fileName)}“ in der Sicherung ist beschädigt (SHA-512 oder Größe passt nicht).`,
      );
  }
}

function checkContent(payload: BackupPayload): void {
  for (const key of ["sections", "sectionRevisions", "changeProposals"]) {
    for (const row of payload.tables[key]!) {
      try {
        validateContent(row.content);
      } catch (error) {
        throw invalid(`Ungültiger Text in ${key} (${error instanceof Error ? error.message : String(error)}).`);
      }
    }
  }
}

function checkAuditEvents(payload: BackupPayload): void {
  for (const e of payload.auditEvents) {
    if (hashAuditEvent(e.prevHash, { ...e, occurredAt: new Date(e.occurredAt) }) !== e.hash) {
      throw invalid(`Protokolleintrag Nr. ${e.seq} wurde verändert (sein Hash passt nicht zum Inhalt).`);
    }
  }
}
