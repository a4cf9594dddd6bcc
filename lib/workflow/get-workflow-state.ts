import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { signoffRounds } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess, type ConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";
import { can, type ConceptStatus } from "@/lib/permissions/permissions";
import { gatherWorkflowFacts } from "./gather-workflow-facts";
import { MANUAL_TRANSITIONS } from "./transition-concept";
import { availableSteps, type Blocker, type TransitionId } from "./transitions";

export type WorkflowStep = { id: TransitionId; allowed: boolean; blockers: Blocker[]; handledElsewhere: boolean };

/** The concept's status and the steps this actor could take from it, each with what still blocks it. */
export async function getWorkflowState(db: Db, actor: Actor, conceptId: string): Promise<WorkflowState> {
  return workflowStateFor(db, await requireConceptAccess(db, actor, conceptId, "concept.readDrafts"));
}

export type WorkflowState = { status: ConceptStatus; steps: WorkflowStep[]; lastVoidReason: string | null };

/**
 * The same for an access already checked for `concept.readDrafts` in this request (the overview loads it once
 * for everything it shows).
 */
export async function workflowStateFor(db: Db, access: ConceptAccess): Promise<WorkflowState> {
  if (!can("concept.readDrafts", access.subject)) throw notFound();
  const conceptId = access.concept.id;
  const facts = await gatherWorkflowFacts(db, conceptId);
  const manual = new Set<TransitionId>(MANUAL_TRANSITIONS);
  const steps = availableSteps(access.subject.status, access.role, facts).map((s) => ({
    id: s.transition.id,
    allowed: s.allowed,
    blockers: s.blockers,
    handledElsewhere: !manual.has(s.transition.id),
  }));
  const [last] = await db
    .select({ status: signoffRounds.status, voidReason: signoffRounds.voidReason })
    .from(signoffRounds)
    .where(eq(signoffRounds.conceptId, conceptId))
    .orderBy(desc(signoffRounds.number))
    .limit(1);
  const lastVoidReason =
    access.subject.status === "ueberarbeitung" && last?.status === "voided" ? last.voidReason : null;
  return { status: access.subject.status, steps, lastVoidReason };
}
