import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { consultations, organisations } from "@/db/schema";
import type { ConceptRow } from "@/lib/concepts/concept-access";
import type { ConceptStatus } from "@/lib/permissions/permissions";
import { planDeadlines, planState, type PlannedMilestone, type PlanState } from "./plan-deadlines";

export type ConceptPlan = {
  milestones: (PlannedMilestone & { reached: boolean; overdue: boolean })[];
  state: PlanState;
  today: string;
};

const ORDER: ConceptStatus[] = [
  "entwurf",
  "konsultation",
  "ueberarbeitung",
  "mitzeichnung",
  "freigegeben",
  "eingereicht",
  "beraten",
  "abgeschlossen",
];

/** The backwards plan of one concept as of `today`, with each milestone marked reached or overdue. */
export async function getConceptPlan(db: Db, concept: ConceptRow, today: string): Promise<ConceptPlan> {
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
  return planFor(concept, folge, today);
}

export function planFor(
  concept: Pick<ConceptRow, "deadline" | "status" | "submissionLeadDays" | "signoffDays" | "revisionDays">,
  folge: { committee: string; meetingDate: string; submissionDeadline: string | null; outcome: string | null }[],
  today: string,
): ConceptPlan {
  const settings = {
    submissionLeadDays: concept.submissionLeadDays,
    signoffDays: concept.signoffDays,
    revisionDays: concept.revisionDays,
    warnDays: 7,
  };
  const status = concept.status;
  const milestones = planDeadlines(concept.deadline, folge, settings).map((m) => {
    const reached = ORDER.indexOf(status) >= ORDER.indexOf(m.doneFrom);
    return { ...m, reached, overdue: !reached && m.date < today };
  });
  return { milestones, state: planState(milestones, status, today, settings), today };
}
