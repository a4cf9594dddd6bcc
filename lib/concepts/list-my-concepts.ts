import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Db } from "@/db/connect";
import { concepts, consultations, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { nextMilestone, type NextMilestone } from "@/lib/planning/next-milestone";
import { planFor, type ConceptPlan } from "@/lib/planning/get-concept-plan";
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
  /** Committee members read the released text in the reading room; everyone else works on the concept. */
  entry: "overview" | "lesesaal";
  deadline: string;
  next: NextMilestone | null;
  planState: PlanState;
};

const CLOSED: ConceptStatus[] = ["beraten", "abgeschlossen"];

/**
 * The concepts the actor may see, in deadline order, with the given columns and the actor's role in each; only those
 * the actor may read, each with its role (the strongest of direct, organisation and committee).
 */
async function readableConceptRows<F extends SelectedFields, C extends { status: ConceptStatus }>(
  db: Db,
  actor: Actor,
  fields: F,
  conceptOf: (row: SelectResultFields<F>) => C,
) {
  const rows = await db
    .select({ ...fields, ...roleColumns(actor) })
    .from(concepts)
    .where(visibleConceptsWhere(actor))
    .orderBy(asc(concepts.deadline), asc(concepts.title));
  return rows.flatMap((row) => {
    const access = toAccess(actor, conceptOf(row as SelectResultFields<F>), row.roles, row.inBeratungsfolge);
    return access.role && can("concept.read", access.subject)
      ? [{ row: row as SelectResultFields<F>, access, role: access.role }]
      : [];
  });
}

/** Every concept the actor may read, with role and its Beratungsfolge, in two queries. */
export async function loadReadableConcepts(db: Db, actor: Actor) {
  const rows = await readableConceptRows(db, actor, { concept: concepts }, (row) => row.concept);
  if (!rows.length) return [];
  const folge = await db
    .select({
      conceptId: consultations.conceptId,
      meetingDate: consultations.meetingDate,
      submissionDeadline: consultations.submissionDeadline,
      committee: organisations.shortName,
      outcome: consultations.outcome,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
    .where(
      inArray(
        consultations.conceptId,
        rows.map((r) => r.row.concept.id),
      ),
    )
    .orderBy(asc(consultations.conceptId), asc(consultations.position));
  return rows.map(({ row: { concept }, access, role }) => {
    const entry = can("concept.readDrafts", access.subject) ? ("overview" as const) : ("lesesaal" as const);
    return { concept, role, entry, folge: folge.filter((f) => f.conceptId === concept.id) };
  });
}

/**
 * Id, status and role of every concept the actor may read, in one query without texts or Beratungsfolge: what the
 * header's task count needs on every signed-in page (`loadReadableConcepts` reads the whole rows and the folge).
 */
export async function loadReadableConceptRoles(db: Db, actor: Actor) {
  const fields = { id: concepts.id, status: concepts.status };
  const rows = await readableConceptRows(db, actor, fields, (row) => row);
  return rows.map(({ row: { id, status }, role }) => ({ concept: { id, status }, role }));
}

/** The start page: every concept the actor may read, with role and the next deadline as of `today`. */
export async function listMyConcepts(db: Db, actor: Actor, today: string): Promise<MyConcept[]> {
  return (await loadReadableConcepts(db, actor)).map(({ concept: c, role, entry, folge }) => {
    const status = c.status;
    return {
      id: c.id,
      title: c.title,
      mandateReference: c.mandateReference,
      status,
      role,
      entry,
      deadline: c.deadline,
      next: CLOSED.includes(status) ? null : nextMilestone(today, c.deadline, folge),
      planState: planFor(c, folge, today).state,
    };
  });
}

/** The plan of every concept the actor may read (the calendar feed), without a query per concept. */
export async function listMyConceptPlans(
  db: Db,
  actor: Actor,
  today: string,
): Promise<{ id: string; title: string; mandateReference: string; role: ConceptRole; plan: ConceptPlan }[]> {
  return (await loadReadableConcepts(db, actor)).map(({ concept: c, role, folge }) => ({
    id: c.id,
    title: c.title,
    mandateReference: c.mandateReference,
    role,
    plan: planFor(c, folge, today),
  }));
}
