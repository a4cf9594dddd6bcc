import "server-only";
import { and, desc, eq, gte, inArray, like, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { auditEvents, organisations, sections, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { findOpenBreakGlass } from "@/lib/concepts/open-break-glass";
import { can } from "@/lib/permissions/permissions";
import { parseOrThrow } from "@/lib/validation/parse";

export const AUDIT_PAGE_SIZE = 100;
export const AUDIT_CATEGORIES = [
  "section",
  "thread",
  "comment",
  "proposal",
  "fassung",
  "concept",
  "participant",
  "signoff",
  "vorlage",
  "consultation",
  "committee_question",
] as const;

const ZAuditFilter = z.object({
  category: z.enum(AUDIT_CATEGORIES).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.date("appError.audit.dateFormat").optional(),
  to: z.iso.date("appError.audit.dateFormat").optional(),
  /** Keyset paging: events older than this sequence number. */
  before: z.coerce.number().int().positive().optional(),
});
export type AuditFilter = z.input<typeof ZAuditFilter>;

/**
 * The audit trail of one concept for the lead (and an admin with break-glass access, docs/decisions/0011): newest
 * first, filtered, paged by sequence number.
 */
export async function listConceptAudit(
  db: Db,
  actor: Actor,
  conceptId: string,
  filterInput: AuditFilter,
  limit = AUDIT_PAGE_SIZE,
) {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.readAudit");
  const filter = parseOrThrow(ZAuditFilter, filterInput);
  const rows = await db
    .select({ event: auditEvents, actorName: users.name, organisationName: organisations.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.actorOrganisationId))
    .where(
      and(
        eq(auditEvents.conceptId, conceptId),
        filter.category ? like(auditEvents.action, `${filter.category}.%`) : undefined,
        filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
        filter.from ? gte(auditEvents.occurredAt, sql`${filter.from}::date`) : undefined,
        filter.to ? lt(auditEvents.occurredAt, sql`${filter.to}::date + 1`) : undefined,
        filter.before ? lt(auditEvents.seq, filter.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  const actors = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.conceptId, conceptId));
  const { sectionTitles, organisationNames } = await namesReferencedBy(
    db,
    rows.map((r) => r.event),
  );
  // An admin here through break-glass: when it ends (the page says so); the concept's pages stay closed to them.
  const breakGlass = access.role === "lead" ? null : await findOpenBreakGlass(db, actor, conceptId);
  return {
    concept: access.concept,
    readsConcept: can("concept.read", access.subject),
    breakGlassUntil: breakGlass?.expiresAt ?? null,
    rows,
    sectionTitles,
    organisationNames,
    actors,
    nextBefore: rows.length === limit ? rows.at(-1)!.event.seq : null,
  };
}

/** One line per event; cells guarded against spreadsheet formulas like the Synopse export. */
export function auditCsvRows(rows: Awaited<ReturnType<typeof listConceptAudit>>["rows"]): string[][] {
  return [
    ["Nr.", "Zeitpunkt", "Person", "Organisation", "Aktion", "Objekt", "Objekt-ID", "Zusammenfassung", "IP", "Hash"],
    ...rows.map(({ event, actorName, organisationName }) => [
      String(event.seq),
      event.occurredAt.toISOString(),
      actorName ?? "",
      organisationName ?? "",
      event.action,
      event.objectType,
      event.objectId ?? "",
      JSON.stringify(event.summary),
      event.ip ?? "",
      event.hash,
    ]),
  ];
}

/** The section titles and organisation names the events refer to by id, for their sentences: two queries a page. */
async function namesReferencedBy(
  db: Db,
  events: { objectType: string; objectId: string | null; action: string; summary: Record<string, unknown> }[],
) {
  const sectionIds = new Set<string>();
  const organisationIds = new Set<string>();
  const uuid = (value: unknown) => (typeof value === "string" && z.uuid().safeParse(value).success ? value : null);
  for (const e of events) {
    const section = e.objectType === "section" ? uuid(e.objectId) : uuid(e.summary.sectionId);
    if (section) sectionIds.add(section);
    if (e.action === "section.owner_changed")
      for (const id of [uuid(e.summary.from), uuid(e.summary.to)]) if (id) organisationIds.add(id);
  }
  const [sectionRows, organisationRows] = await Promise.all([
    sectionIds.size
      ? db
          .select({ id: sections.id, title: sections.title })
          .from(sections)
          .where(inArray(sections.id, [...sectionIds]))
      : [],
    organisationIds.size
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, [...organisationIds]))
      : [],
  ]);
  return {
    sectionTitles: new Map(sectionRows.map((r) => [r.id, r.title])),
    organisationNames: new Map(organisationRows.map((r) => [r.id, r.name])),
  };
}
