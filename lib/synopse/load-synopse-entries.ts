import "server-only";
import { and, asc, count, eq, isNull, type SQL, sql } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { queryRows } from "@/db/query-rows";
import {
  changeProposals,
  commentThreads,
  comments,
  organisations,
  sectionRevisions,
  sections,
  sectionSuggestions,
  users,
} from "@/db/schema";

export type SynopseEntry = {
  id: string;
  kind: SynopseKind;
  sectionId: string;
  sectionNumber: number | null;
  sectionTitle: string;
  organisation: string;
  author: string;
  text: string;
  quote: string | null;
  internal: boolean;
  status: string;
  decision: string | null;
  reason: string | null;
  resultRevision: number | null;
  createdAt: Date;
};

/** A comment thread, a whole-section change proposal, or a suggestion in the live text (Vorschlagsmodus). */
export type SynopseKind = "kommentar" | "vorschlag" | "textvorschlag";
export type SynopseFilter = { kind?: SynopseKind; organisationId?: string; decision?: string | "offen" };

type Decision = NonNullable<typeof commentThreads.$inferSelect.decision>;

const decisionIs = (
  column: typeof commentThreads.decision | typeof changeProposals.decision | typeof sectionSuggestions.decision,
  decision: SynopseFilter["decision"],
) => (!decision ? undefined : decision === "offen" ? isNull(column) : eq(column, decision as Decision));

/** Internal ("nur Verwaltung") threads only when includeInternal; drizzle's and() drops the filters not set. */
function threadWhere(conceptId: string, includeInternal: boolean, filter: SynopseFilter): SQL | undefined {
  return and(
    eq(commentThreads.conceptId, conceptId),
    includeInternal ? undefined : eq(commentThreads.visibility, "alle"),
    filter.organisationId ? eq(commentThreads.createdByOrganisationId, filter.organisationId) : undefined,
    decisionIs(commentThreads.decision, filter.decision),
  );
}

function proposalWhere(conceptId: string, filter: SynopseFilter): SQL | undefined {
  return and(
    eq(changeProposals.conceptId, conceptId),
    filter.organisationId ? eq(changeProposals.proposerOrganisationId, filter.organisationId) : undefined,
    decisionIs(changeProposals.decision, filter.decision),
  );
}

/** Suggestions the author took back before anyone decided are not part of the Abwägung. */
function suggestionWhere(conceptId: string, filter: SynopseFilter): SQL | undefined {
  return and(
    eq(sectionSuggestions.conceptId, conceptId),
    sql`${sectionSuggestions.status} <> 'withdrawn'`,
    filter.organisationId ? eq(sectionSuggestions.authorOrganisationId, filter.organisationId) : undefined,
    decisionIs(sectionSuggestions.decision, filter.decision),
  );
}

const wants = (filter: SynopseFilter, kind: SynopseKind) => !filter.kind || filter.kind === kind;

/** How many entries the filter leaves: three index counts in one statement, no rows loaded. */
export async function countSynopseEntries(
  db: Db,
  conceptId: string,
  includeInternal: boolean,
  filter: SynopseFilter = {},
): Promise<number> {
  const counts = [
    wants(filter, "kommentar") &&
      db
        .select({ n: count() })
        .from(commentThreads)
        .where(threadWhere(conceptId, includeInternal, filter)),
    wants(filter, "vorschlag") &&
      db.select({ n: count() }).from(changeProposals).where(proposalWhere(conceptId, filter)),
    wants(filter, "textvorschlag") &&
      db.select({ n: count() }).from(sectionSuggestions).where(suggestionWhere(conceptId, filter)),
  ].filter((q) => q !== false);
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select ${sql.join(
      counts.map((q) => sql`(${q})`),
      sql` + `,
    )} as n`,
  );
  return Number(row?.n ?? 0);
}

/**
 * The entries in the order of the table: by the number a reader sees for the section (1, 2, 3 … over the
 * outline, as sectionNumber() counts; archived sections last), then oldest first, comments before proposals
 * at the same instant, then by id — a total order, so pages never overlap or skip an entry.
 * Complete without `range` (downloads, the Vorlage PDF, the reading-room snapshot); one page with it. The
 * paging happens in SQL, and the first comment of a thread (its text) is read only for the rows returned.
 * Internal ("nur Verwaltung") threads only when includeInternal — filtered in the query.
 */
export async function loadSynopseEntries(
  db: Db,
  conceptId: string,
  includeInternal: boolean,
  filter: SynopseFilter = {},
  range?: { limit: number; offset: number },
): Promise<SynopseEntry[]> {
  const live = () =>
    db
      .select({
        id: sections.id,
        number: sql<number>`(rank() over (order by ${sections.position}))::int`.as("live_number"),
      })
      .from(sections)
      .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
      .as("live");
  const resultRev = alias(sectionRevisions, "result_rev");

  const threadLive = live();
  const threads = db
    .select({
      kind: sql<SynopseEntry["kind"]>`'kommentar'::text`.as("entry_kind"),
      // Text ids for all three: a suggestion's id is not a uuid.
      id: sql<string>`${commentThreads.id}::text`.as("entry_id"),
      sectionId: sql<string>`${commentThreads.sectionId}`.as("section_id"),
      sectionNumber: sql<number | null>`${threadLive.number}`.as("section_number"),
      sectionTitle: sql<string>`${sections.title}`.as("section_title"),
      organisation: sql<string | null>`${organisations.name}`.as("organisation"),
      author: sql<string>`${users.name}`.as("author"),
      // A thread's text is its first comment, read after paging (below); a proposal's is its reason.
      text: sql<string | null>`null::text`.as("entry_text"),
      quote: sql<string | null>`${commentThreads.anchor}->'quote'->>'exact'`.as("quote"),
      internal: sql<boolean>`${commentThreads.visibility} = 'verwaltung'`.as("internal"),
      status: sql<string>`${commentThreads.status}::text`.as("status"),
      decision: sql<string | null>`${commentThreads.decision}::text`.as("decision"),
      reason: sql<string | null>`${commentThreads.decisionReason}`.as("reason"),
      resultRevision: sql<number | null>`${resultRev.number}`.as("result_revision"),
      createdAt: sql<Date>`${commentThreads.createdAt}`.mapWith(commentThreads.createdAt).as("created_at"),
    })
    .from(commentThreads)
    .innerJoin(sections, eq(sections.id, commentThreads.sectionId))
    .innerJoin(users, eq(users.id, commentThreads.createdBy))
    .leftJoin(organisations, eq(organisations.id, commentThreads.createdByOrganisationId))
    .leftJoin(resultRev, eq(resultRev.id, commentThreads.decisionRevisionId))
    .leftJoin(threadLive, eq(threadLive.id, commentThreads.sectionId))
    .where(threadWhere(conceptId, includeInternal, filter));

  const proposalLive = live();
  // Only what the table shows: a proposal's full text (tiptap JSON and plain text) stays in the database.
  const proposals = db
    .select({
      kind: sql<SynopseEntry["kind"]>`'vorschlag'::text`.as("entry_kind"),
      id: sql<string>`${changeProposals.id}::text`.as("entry_id"),
      sectionId: sql<string>`${changeProposals.sectionId}`.as("section_id"),
      sectionNumber: sql<number | null>`${proposalLive.number}`.as("section_number"),
      sectionTitle: sql<string>`${sections.title}`.as("section_title"),
      organisation: sql<string | null>`${organisations.name}`.as("organisation"),
      author: sql<string>`${users.name}`.as("author"),
      text: sql<string | null>`${changeProposals.reason}`.as("entry_text"),
      quote: sql<string | null>`null::text`.as("quote"),
      internal: sql<boolean>`false`.as("internal"),
      status: sql<string>`${changeProposals.status}::text`.as("status"),
      decision: sql<string | null>`${changeProposals.decision}::text`.as("decision"),
      reason: sql<string | null>`coalesce(${changeProposals.decisionReason}, ${changeProposals.rejectionReason})`.as(
        "reason",
      ),
      resultRevision: sql<number | null>`${resultRev.number}`.as("result_revision"),
      createdAt: sql<Date>`${changeProposals.createdAt}`.mapWith(changeProposals.createdAt).as("created_at"),
    })
    .from(changeProposals)
    .innerJoin(sections, eq(sections.id, changeProposals.sectionId))
    .innerJoin(users, eq(users.id, changeProposals.proposerId))
    .leftJoin(organisations, eq(organisations.id, changeProposals.proposerOrganisationId))
    .leftJoin(resultRev, eq(resultRev.id, changeProposals.resultRevisionId))
    .leftJoin(proposalLive, eq(proposalLive.id, changeProposals.sectionId))
    .where(proposalWhere(conceptId, filter));

  const suggestionLive = live();
  // A suggestion's text is what it changes; its quote the passage it is in.
  const suggestions = db
    .select({
      kind: sql<SynopseEntry["kind"]>`'textvorschlag'::text`.as("entry_kind"),
      id: sql<string>`${sectionSuggestions.id}`.as("entry_id"),
      sectionId: sql<string>`${sectionSuggestions.sectionId}`.as("section_id"),
      sectionNumber: sql<number | null>`${suggestionLive.number}`.as("section_number"),
      sectionTitle: sql<string>`${sections.title}`.as("section_title"),
      organisation: sql<string | null>`${organisations.name}`.as("organisation"),
      author: sql<string>`${users.name}`.as("author"),
      text: sql<string | null>`case ${sectionSuggestions.kind}
          when 'replacement' then 'ersetzt „' || ${sectionSuggestions.deletedText} || '“ durch „' || ${sectionSuggestions.insertedText} || '“'
          when 'insertion' then 'fügt ein: „' || ${sectionSuggestions.insertedText} || '“'
          when 'deletion' then 'streicht: „' || ${sectionSuggestions.deletedText} || '“'
          else 'ändert die Formatierung' end`.as("entry_text"),
      quote: sql<string | null>`nullif(${sectionSuggestions.context}, '')`.as("quote"),
      internal: sql<boolean>`false`.as("internal"),
      status: sql<string>`${sectionSuggestions.status}::text`.as("status"),
      decision: sql<string | null>`${sectionSuggestions.decision}::text`.as("decision"),
      reason: sql<string | null>`${sectionSuggestions.decisionReason}`.as("reason"),
      resultRevision: sql<number | null>`${resultRev.number}`.as("result_revision"),
      createdAt: sql<Date>`${sectionSuggestions.createdAt}`.mapWith(sectionSuggestions.createdAt).as("created_at"),
    })
    .from(sectionSuggestions)
    .innerJoin(sections, eq(sections.id, sectionSuggestions.sectionId))
    .innerJoin(users, eq(users.id, sectionSuggestions.authorId))
    .leftJoin(organisations, eq(organisations.id, sectionSuggestions.authorOrganisationId))
    .leftJoin(resultRev, eq(resultRev.id, sectionSuggestions.resultRevisionId))
    .leftJoin(suggestionLive, eq(suggestionLive.id, sectionSuggestions.sectionId))
    .where(suggestionWhere(conceptId, filter));

  const union =
    filter.kind === "kommentar"
      ? threads
      : filter.kind === "vorschlag"
        ? proposals
        : filter.kind === "textvorschlag"
          ? suggestions
          : unionAll(threads, proposals, suggestions);
  const all = union.as("entries");
  const order = (e: Record<"sectionNumber" | "createdAt" | "kind" | "id", SQL.Aliased>) => [
    sql`${e.sectionNumber} asc nulls last`,
    asc(e.createdAt),
    asc(e.kind),
    asc(e.id),
  ];
  const sorted = db
    .select()
    .from(all)
    .orderBy(...order(all));
  // The page is cut first; only its rows then read their thread's first comment.
  const e = (range ? sorted.limit(range.limit).offset(range.offset) : sorted).as("page");
  // Unique column names (entry_id …): drizzle writes a subquery's columns unqualified, and comments has an "id" too.
  const text = sql<
    string | null
  >`case when ${e.kind} = 'kommentar' then (select c.body from ${comments} c where c.thread_id = (${e.id})::uuid order by c.created_at limit 1) else ${e.text} end`;
  const rows = await db
    .select({
      kind: e.kind,
      id: e.id,
      sectionId: e.sectionId,
      sectionNumber: e.sectionNumber,
      sectionTitle: e.sectionTitle,
      organisation: e.organisation,
      author: e.author,
      text: text.as("first_text"),
      quote: e.quote,
      internal: e.internal,
      status: e.status,
      decision: e.decision,
      reason: e.reason,
      resultRevision: e.resultRevision,
      createdAt: e.createdAt,
    })
    .from(e)
    .orderBy(...order(e));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    sectionId: r.sectionId,
    sectionNumber: r.sectionNumber === null ? null : Number(r.sectionNumber),
    sectionTitle: r.sectionTitle,
    organisation: r.organisation ?? "",
    author: r.author,
    text: r.text ?? "",
    quote: r.quote,
    internal: r.internal === true,
    status: r.status,
    decision: r.decision,
    reason: r.reason,
    resultRevision: r.resultRevision === null ? null : Number(r.resultRevision),
    createdAt: r.createdAt,
  }));
}
