import "server-only";
import { getTableColumns, getTableName } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import {
  changeProposals,
  commentMentions,
  comments,
  commentThreads,
  commentVersions,
  committeeQuestions,
  conceptParticipants,
  concepts,
  consultations,
  fassungen,
  fassungSections,
  mandateItems,
  notifications,
  organisations,
  requiredSignoffs,
  sectionMandateItems,
  sectionSuggestions,
  sectionRevisions,
  sections,
  signoffRounds,
  signoffs,
  storedFiles,
  users,
  vorlagen,
} from "@/db/schema";

/**
 * Every table that belongs to a concept, in insertion order (parents before children). `parent` says how its rows
 * are found: by the concept id, or through the ids of a parent table already exported. Foreign keys to users and
 * organisations are mapped by natural key (e-mail, name) on import; keys to concept tables get new ids.
 */
export type BackupTable = { key: string; table: PgTable; parent: { column: string; table: string } };

export const BACKUP_TABLES: readonly BackupTable[] = [
  { key: "concepts", table: concepts, parent: { column: "id", table: "concepts" } },
  { key: "conceptParticipants", table: conceptParticipants, parent: { column: "conceptId", table: "concepts" } },
  { key: "mandateItems", table: mandateItems, parent: { column: "conceptId", table: "concepts" } },
  { key: "consultations", table: consultations, parent: { column: "conceptId", table: "concepts" } },
  { key: "sections", table: sections, parent: { column: "conceptId", table: "concepts" } },
  { key: "sectionRevisions", table: sectionRevisions, parent: { column: "sectionId", table: "sections" } },
  { key: "sectionMandateItems", table: sectionMandateItems, parent: { column: "sectionId", table: "sections" } },
  { key: "fassungen", table: fassungen, parent: { column: "conceptId", table: "concepts" } },
  { key: "fassungSections", table: fassungSections, parent: { column: "fassungId", table: "fassungen" } },
  // Before the threads: a thread may discuss a suggestion.
  { key: "sectionSuggestions", table: sectionSuggestions, parent: { column: "conceptId", table: "concepts" } },
  { key: "commentThreads", table: commentThreads, parent: { column: "conceptId", table: "concepts" } },
  { key: "comments", table: comments, parent: { column: "threadId", table: "commentThreads" } },
  { key: "commentVersions", table: commentVersions, parent: { column: "commentId", table: "comments" } },
  { key: "commentMentions", table: commentMentions, parent: { column: "commentId", table: "comments" } },
  { key: "changeProposals", table: changeProposals, parent: { column: "conceptId", table: "concepts" } },
  { key: "notifications", table: notifications, parent: { column: "conceptId", table: "concepts" } },
  { key: "requiredSignoffs", table: requiredSignoffs, parent: { column: "conceptId", table: "concepts" } },
  { key: "signoffRounds", table: signoffRounds, parent: { column: "conceptId", table: "concepts" } },
  { key: "signoffs", table: signoffs, parent: { column: "roundId", table: "signoffRounds" } },
  { key: "storedFiles", table: storedFiles, parent: { column: "conceptId", table: "concepts" } },
  { key: "vorlagen", table: vorlagen, parent: { column: "conceptId", table: "concepts" } },
  { key: "committeeQuestions", table: committeeQuestions, parent: { column: "conceptId", table: "concepts" } },
];

/**
 * Tables that reference a concept table but are deliberately not backed up: the live Yjs state of a section and
 * the updates appended to it (working state; the backup carries the revisions cut from it, and a restored section starts its live text from
 * the latest one), who typed into a revision (also in each revision's audit event, which the backup carries),
 * short-lived break-glass grants (each one is in the audit trail) and the record of reminders already sent.
 */
export const NOT_BACKED_UP = new Set([
  "section_live_documents",
  "section_live_updates",
  "section_revision_contributors",
  "break_glass_grants",
  "reminder_deliveries",
]);

export type Reference = "user" | "organisation" | { table: string };

/** Where each foreign-key column of a backed-up table points, keyed by its property name. */
export function referencesOf(table: PgTable): Map<string, Reference> {
  const byDbName = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, key]));
  const result = new Map<string, Reference>();
  for (const fk of getTableConfig(table).foreignKeys) {
    const ref = fk.reference();
    const target = ref.foreignTable;
    const key = byDbName.get(ref.columns[0]!.name)!;
    if (target === users) result.set(key, "user");
    else if (target === organisations) result.set(key, "organisation");
    else {
      const backed = BACKUP_TABLES.find((t) => t.table === target);
      if (!backed) throw new Error(`${getTableName(table)}.${key} zeigt auf eine Tabelle außerhalb der Sicherung`);
      result.set(key, { table: backed.key });
    }
  }
  return result;
}

/**
 * The columns of a table as property name → drizzle column, without generated ones (the search vectors): the
 * database computes those from the other columns and refuses values for them.
 */
export function columnsOf(table: PgTable): [string, PgColumn][] {
  return Object.entries(getTableColumns(table)).filter(([, column]) => !column.generated);
}

/** The primary key property names: `id` or, for link tables, the composite key. */
export function primaryKeyOf(table: PgTable): string[] {
  const columns = columnsOf(table);
  const single = columns.filter(([, c]) => c.primary).map(([k]) => k);
  if (single.length) return single;
  const byDbName = new Map(columns.map(([key, column]) => [column.name, key]));
  return getTableConfig(table).primaryKeys[0]!.columns.map((c) => byDbName.get(c.name)!);
}
