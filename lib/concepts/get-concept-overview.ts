import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { jsonColumn, queryRows } from "@/db/query-rows";
import {
  breakGlassGrants,
  commentThreads,
  consultations,
  mandateItems,
  organisations,
  sectionMandateItems,
  sections,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/permissions/permissions";
import { requireConceptAccess, type ConceptAccess } from "./concept-access";

type ConsultationRow = {
  id: string;
  position: number;
  role: (typeof consultations.$inferSelect)["role"];
  meetingDate: string;
  submissionDeadline: string | null;
  outcome: (typeof consultations.$inferSelect)["outcome"];
  committeeName: string;
  committeeShortName: string;
  classification: (typeof organisations.$inferSelect)["classification"];
};
type SectionRow = {
  id: string;
  position: number;
  title: string;
  status: (typeof sections.$inferSelect)["status"];
  version: number;
  updatedAt: Date;
  ownerId: string;
  ownerName: string;
  ownerIllustrative: boolean;
  updatedByName: string | null;
  openThreads: number;
};
type MandateItemRow = { id: string; conceptId: string; position: number; text: string; sectionIds: string[] };
type BreakGlassRow = { adminName: string; reason: string; expiresAt: Date };

/**
 * Everything the concept overview shows, in two statements whatever the concept's size: access, then lead office,
 * mandate items with their sections, Beratungsfolge, sections with their open threads and (for the lead) open
 * break-glass grants as JSON in one row — each statement costs the server a round trip and its parsing.
 */
export async function getConceptOverview(db: Db, actor: Actor, conceptId: string) {
  const access: ConceptAccess = await requireConceptAccess(db, actor, conceptId, "concept.readDrafts");
  const { concept } = access;
  const internalAllowed = can("comment.readInternal", access.subject);
  const isLead = access.role === "lead";
  const [row] = await queryRows<{
    lead_name: string | null;
    items: unknown;
    folge: unknown;
    sections: unknown;
    break_glass: unknown;
  }>(
    db,
    sql`
    with live as (
      select id, position, title, status, version, updated_at, updated_by, owner_organisation_id
      from ${sections} where concept_id = ${conceptId} and archived_at is null
    )
    select
      (select name from ${organisations} where id = ${concept.leadOrganisationId}) as lead_name,
      coalesce((select json_agg(json_build_object(
          'id', m.id, 'conceptId', m.concept_id, 'position', m.position, 'text', m.text,
          'sectionIds', coalesce((select json_agg(smi.section_id) from ${sectionMandateItems} smi
                                  where smi.mandate_item_id = m.id and smi.section_id in (select id from live)), '[]'::json)
        ) order by m.position) from ${mandateItems} m where m.concept_id = ${conceptId}), '[]'::json) as items,
      coalesce((select json_agg(json_build_object(
          'id', k.id, 'position', k.position, 'role', k.role, 'meetingDate', k.meeting_date,
          'submissionDeadline', k.submission_deadline, 'outcome', k.outcome, 'committeeName', o.name,
          'committeeShortName', o.short_name, 'classification', o.classification
        ) order by k.position) from ${consultations} k join ${organisations} o on o.id = k.committee_id
        where k.concept_id = ${conceptId}), '[]'::json) as folge,
      coalesce((select json_agg(json_build_object(
          'id', s.id, 'position', s.position, 'title', s.title, 'status', s.status, 'version', s.version,
          'updatedAt', s.updated_at, 'ownerId', o.id, 'ownerName', o.name, 'ownerIllustrative', o.illustrative,
          'updatedByName', u.name, 'openThreads', coalesce(t.open, 0)
        ) order by s.position) from live s
        join ${organisations} o on o.id = s.owner_organisation_id
        left join ${users} u on u.id = s.updated_by
        left join (select section_id, count(*)::int as open from ${commentThreads}
                   where concept_id = ${conceptId} and status = 'open'
                     and (${internalAllowed} or visibility = 'alle')
                   group by section_id) t on t.section_id = s.id), '[]'::json) as sections,
      case when ${isLead} then coalesce((select json_agg(json_build_object(
          'adminName', u.name, 'reason', g.reason, 'expiresAt', g.expires_at) order by g.expires_at)
        from ${breakGlassGrants} g join ${users} u on u.id = g.user_id
        where g.concept_id = ${conceptId} and g.expires_at > now()), '[]'::json) else '[]'::json end as break_glass
  `,
  );
  const items = jsonColumn<MandateItemRow[]>(row!.items);
  const folge = jsonColumn<ConsultationRow[]>(row!.folge);
  const sectionRows = jsonColumn<(Omit<SectionRow, "updatedAt"> & { updatedAt: string })[]>(row!.sections);
  const openBreakGlass = jsonColumn<(Omit<BreakGlassRow, "expiresAt"> & { expiresAt: string })[]>(row!.break_glass).map(
    (g) => ({ ...g, expiresAt: new Date(g.expiresAt) }),
  );
  const numbered = sectionRows.map((s, i) => ({ ...s, updatedAt: new Date(s.updatedAt), number: i + 1 }));
  const coverage = items.map(({ sectionIds, ...item }) => ({
    ...item,
    sections: numbered
      .filter((s) => sectionIds.includes(s.id))
      .map((s) => ({ id: s.id, number: s.number, title: s.title })),
  }));
  return {
    /** For what else the page loads about this concept in the same request (the workflow panel). */
    access,
    concept,
    role: access.role!,
    leadOrganisationName: row!.lead_name ?? "",
    mandateItems: coverage,
    consultations: folge,
    sections: numbered,
    mayManage: can("concept.manage", access.subject),
    mayManageParticipants: can("concept.manageParticipants", access.subject),
    /** The lead sees while an administrator holds break-glass access to the backup and the Protokoll. */
    openBreakGlass,
    /** Moving sections between Entwurf, zur Abstimmung and abgestimmt: the lead, until the content is frozen. */
    mayMoveSections: can("section.manage", access.subject),
    /** The workflow panel (status, steps, blockers) belongs to the drafting side, not to committee members. */
    mayReadWorkflow: can("concept.readDrafts", access.subject),
  };
}
