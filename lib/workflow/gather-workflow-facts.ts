import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { jsonColumn, queryRows } from "@/db/query-rows";
import {
  commentThreads,
  concepts,
  consultations,
  mandateItems,
  memberships,
  organisations,
  requiredSignoffs,
  sectionMandateItems,
  sections,
  sectionSuggestions,
  signoffDeputies,
  signoffRounds,
  signoffs,
  users,
  vorlagen,
} from "@/db/schema";
import type { WorkflowFacts } from "./transitions";

/** Everything the transition preconditions look at, in one statement (each statement costs a round trip). */
export async function gatherWorkflowFacts(db: Db | Tx, conceptId: string): Promise<WorkflowFacts> {
  return (await loadWorkflowFacts(db, conceptId)).facts;
}

type FactsRow = {
  section_count: number;
  not_agreed: number;
  blocking: number;
  suggestions: number;
  uncovered: unknown;
  required: unknown;
  vorlage_ready: boolean;
  without_outcome: number;
  referred_back: boolean;
  empty: unknown;
  last_round: unknown;
};
type RequiredOrganisation = { name: string; hasSigner: boolean; signed: boolean };

/**
 * The facts and the concept's latest sign-off round (for the workflow panel's last rejection) in one statement.
 * Required organisations are those set explicitly, else every owner of a live section plus the lead office (as
 * `requiredOrganisations`); one has a signer when an active member with the sign-off right or a named deputy of an
 * active organisation exists (as `signersOf`); it has signed when the open round holds its approval.
 */
export async function loadWorkflowFacts(
  db: Db | Tx,
  conceptId: string,
): Promise<{ facts: WorkflowFacts; lastRound: { status: string; voidReason: string | null } | null }> {
  const rows = await queryRows<FactsRow>(
    db,
    sql`
    with live as (
      select id, title, status, position, content_text from ${sections}
      where concept_id = ${conceptId} and archived_at is null
    ),
    explicit as (
      select organisation_id as id from ${requiredSignoffs} where concept_id = ${conceptId}
    ),
    required as (
      select o.id, o.name from ${organisations} o
      where o.id in (select id from explicit)
         or (not exists (select 1 from explicit)
             and o.id in (select owner_organisation_id from ${sections} where concept_id = ${conceptId} and archived_at is null
                          union select lead_organisation_id from ${concepts} where id = ${conceptId}))
    ),
    open_round as (
      select id from ${signoffRounds} where concept_id = ${conceptId} and status = 'open' limit 1
    )
    select
      (select count(*) from live)::int as section_count,
      (select count(*) from live where status <> 'abgestimmt')::int as not_agreed,
      (select count(*) from ${commentThreads} t join live s on s.id = t.section_id
        where t.concept_id = ${conceptId} and t.blocking and t.status = 'open')::int as blocking,
      (select count(*) from ${sectionSuggestions} g join live s on s.id = g.section_id
        where g.concept_id = ${conceptId} and g.status = 'open')::int as suggestions,
      coalesce((select json_agg(m.position order by m.position) from ${mandateItems} m
        where m.concept_id = ${conceptId}
          and not exists (select 1 from ${sectionMandateItems} smi join ${sections} s on s.id = smi.section_id
                          where smi.mandate_item_id = m.id and s.archived_at is null)), '[]'::json) as uncovered,
      coalesce((select json_agg(json_build_object(
          'name', r.name,
          'hasSigner', exists (select 1 from ${memberships} m join ${users} u on u.id = m.user_id
                                 join ${organisations} o on o.id = m.organisation_id
                               where m.organisation_id = r.id and m.may_sign_off and u.active and o.active)
                    or exists (select 1 from ${signoffDeputies} d join ${users} u on u.id = d.user_id
                                 join ${organisations} o on o.id = d.organisation_id
                               where d.organisation_id = r.id and u.active and o.active),
          'signed', exists (select 1 from ${signoffs} so
                            where so.round_id = (select id from open_round) and so.organisation_id = r.id
                              and so.decision <> 'abgelehnt')
        ) order by r.name) from required r), '[]'::json) as required,
      exists (select 1 from ${vorlagen} where concept_id = ${conceptId} and withdrawn_at is null) as vorlage_ready,
      (select count(*) from ${consultations} where concept_id = ${conceptId} and outcome is null)::int as without_outcome,
      exists (select 1 from ${consultations} where concept_id = ${conceptId} and outcome = 'zurueckverwiesen')
        as referred_back,
      coalesce((select json_agg(title order by position) from live where btrim(content_text) = ''), '[]'::json) as empty,
      (select json_build_object('status', status, 'voidReason', void_reason) from ${signoffRounds}
        where concept_id = ${conceptId} order by number desc limit 1) as last_round
  `,
  );
  const row = rows[0]!;
  const required = jsonColumn<RequiredOrganisation[]>(row.required);
  return {
    facts: {
      sectionCount: Number(row.section_count),
      sectionsNotAgreed: Number(row.not_agreed),
      openBlockingThreads: Number(row.blocking),
      openSuggestions: Number(row.suggestions),
      emptySections: jsonColumn<string[]>(row.empty),
      organisationsWithoutSigner: required.filter((o) => !o.hasSigner).map((o) => o.name),
      uncoveredMandateItems: jsonColumn<number[]>(row.uncovered),
      // Without an open round nobody has signed yet: every required organisation is missing.
      missingSignoffs: required.filter((o) => !o.signed).map((o) => o.name),
      vorlageReady: Boolean(row.vorlage_ready),
      consultationsWithoutOutcome: Number(row.without_outcome),
      referredBack: Boolean(row.referred_back),
    },
    lastRound: row.last_round ? jsonColumn<{ status: string; voidReason: string | null }>(row.last_round) : null,
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
