import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { consultations, organisations } from "@/db/schema";
import type { ConceptRow } from "@/lib/concepts/concept-access";
import { planDeadlines, type PlannedMilestone } from "@/lib/planning/plan-deadlines";

type PlanInput = Pick<ConceptRow, "id" | "deadline" | "submissionLeadDays" | "signoffDays" | "revisionDays">;

/** The concept's planned deadlines (Ende der Konsultation, Mitzeichnung, Vorlagenfristen …), as the plan shows them. */
export async function conceptMilestones(db: Db | Tx, concept: PlanInput): Promise<PlannedMilestone[]> {
  const folge = await db
    .select({
      committee: organisations.shortName,
      meetingDate: consultations.meetingDate,
      submissionDeadline: consultations.submissionDeadline,
      outcome: consultations.outcome,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
    .where(eq(consultations.conceptId, concept.id))
    .orderBy(asc(consultations.position));
  return planDeadlines(concept.deadline, folge, {
    submissionLeadDays: concept.submissionLeadDays,
    signoffDays: concept.signoffDays,
    revisionDays: concept.revisionDays,
    warnDays: 7,
  });
}

/** The date by which the organisations must sign off (the plan's Mitzeichnung milestone). */
export async function signoffDueDate(db: Db | Tx, concept: PlanInput): Promise<string> {
  const milestones = await conceptMilestones(db, concept);
  return milestones.find((m) => m.kind === "mitzeichnung")!.date;
}

/** yyyy-mm-dd → dd.mm.yyyy, the way dates are written in notices and mails. */
export function germanDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}
