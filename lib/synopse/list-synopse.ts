import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { can } from "@/lib/permissions/permissions";
import { ABWAEGUNG_LABEL } from "@/lib/comments/decide-thread";
import type { SynopseRow } from "@/lib/export/export-document";
import { clampPage } from "@/lib/paging";
import { countSynopseEntries, loadSynopseEntries, type SynopseEntry, type SynopseFilter } from "./load-synopse-entries";

export type { SynopseEntry, SynopseFilter } from "./load-synopse-entries";

/** Entries per page of the Synopse table (page and reading room); the downloads are never paged. */
export const SYNOPSE_PAGE_SIZE = 50;

const hasFilter = (filter: SynopseFilter) => Boolean(filter.kind || filter.organisationId || filter.decision);

/**
 * One page of the Abwägung table of a concept: every comment thread and change proposal with its decision,
 * reason and resulting revision, `SYNOPSE_PAGE_SIZE` at a time. The page is clamped to the list (a page past
 * the end is the last one). Internal threads only for the Verwaltung — filtered in the query.
 */
export async function listSynopse(
  db: Db,
  actor: Actor,
  conceptId: string,
  filter: SynopseFilter = {},
  page: number | string = 1,
) {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.readDrafts");
  const internalAllowed = can("comment.readInternal", access.subject);
  const [total, unfilteredTotal, orgs] = await Promise.all([
    countSynopseEntries(db, conceptId, internalAllowed, filter),
    hasFilter(filter) ? countSynopseEntries(db, conceptId, internalAllowed) : null,
    listSynopseOrganisations(db, conceptId),
  ]);
  const window = clampPage(page, total, SYNOPSE_PAGE_SIZE);
  const entries =
    total === 0
      ? []
      : await loadSynopseEntries(db, conceptId, internalAllowed, filter, {
          limit: SYNOPSE_PAGE_SIZE,
          offset: window.offset,
        });
  return {
    concept: access.concept,
    entries,
    ...window,
    unfilteredTotal: unfilteredTotal ?? total,
    organisations: orgs,
    internalAllowed,
  };
}

/** The whole Synopse, unpaged and unfiltered, for the downloads (CSV, PDF, DOCX) — with the same access rule. */
export async function listSynopseForDownload(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.readDrafts");
  const entries = await loadSynopseEntries(db, conceptId, can("comment.readInternal", access.subject));
  return { concept: access.concept, entries };
}

/** The organisations that wrote a thread or proposed a change in the concept: the options of the filter. */
function listSynopseOrganisations(db: Db, conceptId: string) {
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      inArray(
        organisations.id,
        sql`(select created_by_organisation_id from comment_threads where concept_id = ${conceptId} and created_by_organisation_id is not null
             union select proposer_organisation_id from change_proposals where concept_id = ${conceptId} and proposer_organisation_id is not null
             union select author_organisation_id from section_suggestions where concept_id = ${conceptId} and author_organisation_id is not null and status <> 'withdrawn')`,
      ),
    );
}

/** Synopse entries as export rows (CSV, PDF, DOCX); German wording as on the page. */
export function toSynopseRows(
  entries: Pick<
    SynopseEntry,
    | "sectionNumber"
    | "sectionTitle"
    | "organisation"
    | "author"
    | "kind"
    | "text"
    | "quote"
    | "decision"
    | "reason"
    | "resultRevision"
  >[],
): SynopseRow[] {
  return entries.map((e) => ({
    section: `${e.sectionNumber ? `${e.sectionNumber}. ` : ""}${e.sectionTitle}`,
    organisation: e.organisation,
    author: e.author,
    kind: e.kind === "kommentar" ? "Kommentar" : e.kind === "vorschlag" ? "Änderungsvorschlag" : "Vorschlag im Text",
    text: e.quote ? `„${e.quote}“: ${e.text}` : e.text,
    decision: e.decision ? ABWAEGUNG_LABEL[e.decision as keyof typeof ABWAEGUNG_LABEL] : "noch offen",
    reason: e.reason ?? "",
    result: e.resultRevision ? `Version ${e.resultRevision}` : "",
  }));
}
