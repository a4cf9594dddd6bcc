import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { changeProposals, commentThreads, comments, organisations, sectionRevisions, sections, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { can } from "@/lib/permissions/permissions";
import { ABWAEGUNG_LABEL } from "@/lib/comments/decide-thread";
import type { SynopseRow } from "@/lib/export/export-document";

export type SynopseEntry = {
  id: string;
  kind: "kommentar" | "vorschlag";
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

export type SynopseFilter = { kind?: "kommentar" | "vorschlag"; organisationId?: string; decision?: string | "offen" };

/**
 * The Abwägung table of a concept: every comment thread and change proposal with its decision, reason and
 * resulting revision. Internal threads only for the Verwaltung — filtered in the query.
 */
export async function listSynopse(db: Db, actor: Actor, conceptId: string, filter: SynopseFilter = {}) {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.readDrafts");
  const internalAllowed = can("comment.readInternal", access.subject);
  const entries = await loadSynopseEntries(db, conceptId, internalAllowed, filter);
  const orgs = await db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      inArray(
        organisations.id,
        sql`(select created_by_organisation_id from comment_threads where concept_id = ${conceptId} and created_by_organisation_id is not null
             union select proposer_organisation_id from change_proposals where concept_id = ${conceptId} and proposer_organisation_id is not null)`,
      ),
    );
  return { concept: access.concept, entries, organisations: orgs, internalAllowed };
}

/**
 * The entries themselves, for a caller that has already decided access: internal ("nur Verwaltung") threads
 * only when includeInternal — filtered in the query. The committee reading room and the Vorlage PDF pass false.
 */
export async function loadSynopseEntries(db: Db, conceptId: string, includeInternal: boolean, filter: SynopseFilter = {}): Promise<SynopseEntry[]> {
  const internalAllowed = includeInternal;
  const liveSections = await db
    .select({ id: sections.id, title: sections.title })
    .from(sections)
    .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt)))
    .orderBy(asc(sections.position));
  const numberOf = new Map(liveSections.map((s, i) => [s.id, i + 1]));
  const resultRev = alias(sectionRevisions, "result_rev");
  const firstComment = sql<string>`(select c.body from ${comments} c where c.thread_id = "comment_threads"."id" order by c.created_at limit 1)`;
  const threadRows = filter.kind === "vorschlag"
    ? []
    : await db
        .select({ t: commentThreads, sectionTitle: sections.title, organisation: organisations.name, author: users.name, text: firstComment, resultNumber: resultRev.number })
        .from(commentThreads)
        .innerJoin(sections, eq(sections.id, commentThreads.sectionId))
        .innerJoin(users, eq(users.id, commentThreads.createdBy))
        .leftJoin(organisations, eq(organisations.id, commentThreads.createdByOrganisationId))
        .leftJoin(resultRev, eq(resultRev.id, commentThreads.decisionRevisionId))
        .where(
          and(
            eq(commentThreads.conceptId, conceptId),
            internalAllowed ? undefined : eq(commentThreads.visibility, "alle"),
            filter.organisationId ? eq(commentThreads.createdByOrganisationId, filter.organisationId) : undefined,
          ),
        );
  const proposalRows = filter.kind === "kommentar"
    ? []
    : await db
        // Only what the table shows: a proposal's full text (tiptap JSON and plain text) stays in the database.
        .select({
          p: {
            id: changeProposals.id,
            sectionId: changeProposals.sectionId,
            reason: changeProposals.reason,
            status: changeProposals.status,
            decision: changeProposals.decision,
            decisionReason: changeProposals.decisionReason,
            rejectionReason: changeProposals.rejectionReason,
            createdAt: changeProposals.createdAt,
          },
          sectionTitle: sections.title, organisation: organisations.name, author: users.name, resultNumber: resultRev.number })
        .from(changeProposals)
        .innerJoin(sections, eq(sections.id, changeProposals.sectionId))
        .innerJoin(users, eq(users.id, changeProposals.proposerId))
        .leftJoin(organisations, eq(organisations.id, changeProposals.proposerOrganisationId))
        .leftJoin(resultRev, eq(resultRev.id, changeProposals.resultRevisionId))
        .where(and(eq(changeProposals.conceptId, conceptId), filter.organisationId ? eq(changeProposals.proposerOrganisationId, filter.organisationId) : undefined));
  return [
    ...threadRows.map(({ t, sectionTitle, organisation, author, text, resultNumber }) => ({
      id: t.id,
      kind: "kommentar" as const,
      sectionId: t.sectionId,
      sectionNumber: numberOf.get(t.sectionId) ?? null,
      sectionTitle,
      organisation: organisation ?? "",
      author,
      text: text ?? "",
      quote: t.anchor?.quote.exact ?? null,
      internal: t.visibility === "verwaltung",
      status: t.status,
      decision: t.decision,
      reason: t.decisionReason,
      resultRevision: resultNumber,
      createdAt: t.createdAt,
    })),
    ...proposalRows.map(({ p, sectionTitle, organisation, author, resultNumber }) => ({
      id: p.id,
      kind: "vorschlag" as const,
      sectionId: p.sectionId,
      sectionNumber: numberOf.get(p.sectionId) ?? null,
      sectionTitle,
      organisation: organisation ?? "",
      author,
      text: p.reason,
      quote: null,
      internal: false,
      status: p.status,
      decision: p.decision,
      reason: p.decisionReason ?? p.rejectionReason,
      resultRevision: resultNumber,
      createdAt: p.createdAt,
    })),
  ]
    .filter((e) => !filter.decision || (filter.decision === "offen" ? e.decision === null : e.decision === filter.decision))
    .sort((a, b) => (a.sectionNumber ?? 999) - (b.sectionNumber ?? 999) || a.createdAt.getTime() - b.createdAt.getTime());
}

/** Synopse entries as export rows (CSV, PDF, DOCX); German wording as on the page. */
export function toSynopseRows(
  entries: Pick<SynopseEntry, "sectionNumber" | "sectionTitle" | "organisation" | "author" | "kind" | "text" | "quote" | "decision" | "reason" | "resultRevision">[],
): SynopseRow[] {
  return entries.map((e) => ({
    section: `${e.sectionNumber ? `${e.sectionNumber}. ` : ""}${e.sectionTitle}`,
    organisation: e.organisation,
    author: e.author,
    kind: e.kind === "kommentar" ? "Kommentar" : "Änderungsvorschlag",
    text: e.quote ? `„${e.quote}“: ${e.text}` : e.text,
    decision: e.decision ? ABWAEGUNG_LABEL[e.decision as keyof typeof ABWAEGUNG_LABEL] : "noch offen",
    reason: e.reason ?? "",
    result: e.resultRevision ? `Fassung Nr. ${e.resultRevision}` : "",
  }));
}
