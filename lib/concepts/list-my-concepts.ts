import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { concepts, consultations, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { nextMilestone, type NextMilestone } from "@/lib/planning/next-milestone";
import { planFor } from "@/lib/planning/get-concept-plan";
import type { PlanState } from "@/lib/planning/plan-deadlines";
import type { ConceptRole, ConceptStatus } from "@/lib/permissions/permissions";
import { can } from "@/lib/permissions/permissions";
import { roleColumns, toAccess, visibleConceptsWhere } from "./concept-access";

export type MyConcept = {
  id: string;
  title: string;
  mandateReference: string;
  status: ConceptStatus;
  role: ConceptRole;
  deadline: string;
  next: NextMilestone | null;
  planState: PlanState;
};

const CLOSED: ConceptStatus[] = ["beraten", "abgeschlossen"];

/** The start page: every concept the actor may read, with role and the next deadline as of `today`. */
export async function listMyConcepts(db: Db, actor: Actor, today: string): Promise<MyConcept[]> {
  const rows = await db.select({ concept: concepts, ...roleColumns(actor) }).from(concepts).where(visibleConceptsWhere(actor)).orderBy(asc(concepts.deadline), asc(concepts.title));
  if (!rows.length) return [];
  const folge = await db
    .select({ conceptId: consultations.conceptId, meetingDate: consultations.meetingDate, submissionDeadline: consultations.submissionDeadline, committee: organisations.shortName, outcome: consultations.outcome })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
    .where(inArray(consultations.conceptId, rows.map((r) => r.concept.id)));
  const result: MyConcept[] = [];
  for (const row of rows) {
    const c = row.concept;
    const access = toAccess(actor, c, row.roles, row.inBeratungsfolge);
    if (!access.role || !can("concept.read", access.subject)) continue;
    const status = c.status as ConceptStatus;
    result.push({
      id: c.id,
      title: c.title,
      mandateReference: c.mandateReference,
      status,
      role: access.role,
      deadline: c.deadline,
      next: CLOSED.includes(status) ? null : nextMilestone(today, c.deadline, folge.filter((f) => f.conceptId === c.id)),
      planState: planFor(c, folge.filter((f) => f.conceptId === c.id), today).state,
    });
  }
  return result;
}
