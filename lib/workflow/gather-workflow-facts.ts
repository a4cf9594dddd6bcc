import "server-only";
import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import {
  commentThreads,
  consultations,
  mandateItems,
  organisations,
  requiredSignoffs,
  sectionMandateItems,
  sections,
  sectionSuggestions,
  signoffRounds,
  signoffs,
  vorlagen,
} from "@/db/schema";
import { organisationsWithoutSigner } from "@/lib/permissions/signers";
import type { WorkflowFacts } from "./transitions";

/** Everything the transition preconditions look at, in a fixed number of queries. */
export async function gatherWorkflowFacts(db: Db | Tx, conceptId: string): Promise<WorkflowFacts> {
  const [sectionCounts, blocking, suggestions, uncovered, required, round, vorlage, outcomes, empty] =
    await Promise.all([
      db
        .select({
          total: count(),
          notAgreed: sql<number>`count(*) filter (where ${sections.status} <> 'abgestimmt')`.mapWith(Number),
        })
        .from(sections)
        .where(and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt))),
      db
        .select({ n: count() })
        .from(commentThreads)
        .innerJoin(sections, eq(sections.id, commentThreads.sectionId))
        .where(
          and(
            eq(commentThreads.conceptId, conceptId),
            eq(commentThreads.blocking, true),
            eq(commentThreads.status, "open"),
            isNull(sections.archivedAt),
          ),
        ),
      db
        .select({ n: count() })
        .from(sectionSuggestions)
        .innerJoin(sections, eq(sections.id, sectionSuggestions.sectionId))
        .where(
          and(
            eq(sectionSuggestions.conceptId, conceptId),
            eq(sectionSuggestions.status, "open"),
            isNull(sections.archivedAt),
          ),
        ),
      db
        .select({ position: mandateItems.position })
        .from(mandateItems)
        .where(
          and(
            eq(mandateItems.conceptId, conceptId),
            sql`not exists (select 1 from ${sectionMandateItems} smi join ${sections} s on s.id = smi.section_id
                where smi.mandate_item_id = "mandate_items"."id" and s.archived_at is null)`,
          ),
        )
        .orderBy(asc(mandateItems.position)),
      requiredOrganisations(db, conceptId),
      db
        .select()
        .from(signoffRounds)
        .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.status, "open")))
        .limit(1),
      db
        .select({ id: vorlagen.id })
        .from(vorlagen)
        .where(and(eq(vorlagen.conceptId, conceptId), isNull(vorlagen.withdrawnAt)))
        .limit(1),
      db.select({ outcome: consultations.outcome }).from(consultations).where(eq(consultations.conceptId, conceptId)),
      db
        .select({ title: sections.title })
        .from(sections)
        .where(
          and(eq(sections.conceptId, conceptId), isNull(sections.archivedAt), sql`btrim(${sections.contentText}) = ''`),
        )
        .orderBy(asc(sections.position)),
    ]);
  const withoutSigner = new Set(
    await organisationsWithoutSigner(
      db,
      required.map((o) => o.id),
    ),
  );
  let missingSignoffs = required.map((o) => o.name);
  if (round[0]) {
    const approved = await db
      .select({ organisationId: signoffs.organisationId })
      .from(signoffs)
      .where(and(eq(signoffs.roundId, round[0].id), ne(signoffs.decision, "abgelehnt")));
    const done = new Set(approved.map((a) => a.organisationId));
    missingSignoffs = required.filter((o) => !done.has(o.id)).map((o) => o.name);
  }
  return {
    sectionCount: sectionCounts[0]?.total ?? 0,
    sectionsNotAgreed: sectionCounts[0]?.notAgreed ?? 0,
    openBlockingThreads: blocking[0]?.n ?? 0,
    openSuggestions: suggestions[0]?.n ?? 0,
    emptySections: empty.map((e) => e.title),
    organisationsWithoutSigner: required.filter((o) => withoutSigner.has(o.id)).map((o) => o.name),
    uncoveredMandateItems: uncovered.map((u) => u.position),
    missingSignoffs,
    vorlageReady: vorlage.length > 0,
    consultationsWithoutOutcome: outcomes.filter((o) => !o.outcome).length,
    referredBack: outcomes.some((o) => o.outcome === "zurueckverwiesen"),
  };
}

/**
 * The organisations whose Mitzeichnung the concept needs: those set explicitly, or by default every
 * organisation that owns a live section plus the lead office.
 */
export async function requiredOrganisations(db: Db | Tx, conceptId: string): Promise<{ id: string; name: string }[]> {
  const explicit = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(requiredSignoffs)
    .innerJoin(organisations, eq(organisations.id, requiredSignoffs.organisationId))
    .where(eq(requiredSignoffs.conceptId, conceptId))
    .orderBy(asc(organisations.name));
  if (explicit.length) return explicit;
  const ids = sql`(select owner_organisation_id from sections where concept_id = ${conceptId} and archived_at is null
                   union select lead_organisation_id from concepts where id = ${conceptId})`;
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.name));
}

/** Organisations that may be asked to sign off: the lead office, section owners and participating non-committee organisations. */
export async function signoffCandidates(db: Db | Tx, conceptId: string): Promise<{ id: string; name: string }[]> {
  const ids = sql`(select owner_organisation_id from sections where concept_id = ${conceptId} and archived_at is null
                   union select lead_organisation_id from concepts where id = ${conceptId}
                   union select organisation_id from concept_participants where concept_id = ${conceptId} and organisation_id is not null)`;
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), ne(organisations.kind, "gremium")))
    .orderBy(asc(organisations.name));
}
