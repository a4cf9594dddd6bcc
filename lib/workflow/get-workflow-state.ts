import "server-only";
import type { Db } from "@/db/connect";
import type { ConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";
import { can, type ConceptStatus } from "@/lib/permissions/permissions";
import { loadWorkflowFacts } from "./gather-workflow-facts";
import {
  availableSteps,
  isOfferedIn,
  isTriggeredBy,
  TRANSITIONS,
  type Blocker,
  type TransitionId,
} from "./transitions";

export type WorkflowStep = { id: TransitionId; allowed: boolean; blockers: Blocker[]; handledElsewhere: boolean };

export type WorkflowState = {
  status: ConceptStatus;
  steps: WorkflowStep[];
  lastVoidReason: string | null;
  /** Whether this actor takes workflow steps at all (the table's triggers: the lead); others see who does. */
  mayTakeSteps: boolean;
};

/**
 * The concept's status and the steps this actor could take from it, each with what still blocks it, for an access
 * already loaded in this request (the overview loads it once for everything it shows).
 */
export async function workflowStateFor(db: Db, access: ConceptAccess): Promise<WorkflowState> {
  if (!can("concept.readDrafts", access.subject)) throw notFound();
  const conceptId = access.concept.id;
  const { facts, lastRound: last } = await loadWorkflowFacts(db, conceptId);
  const steps = availableSteps(access.subject.status, access.role, facts).map((s) => ({
    id: s.transition.id,
    allowed: s.allowed,
    blockers: s.blockers,
    handledElsewhere: !isOfferedIn(s.transition, "workflowPanel"),
  }));
  const lastVoidReason =
    access.subject.status === "ueberarbeitung" && last?.status === "voided" ? last.voidReason : null;
  const mayTakeSteps = TRANSITIONS.some((t) => isOfferedIn(t, "workflowPanel") && isTriggeredBy(t, access.role));
  return { status: access.subject.status, steps, lastVoidReason, mayTakeSteps };
}
