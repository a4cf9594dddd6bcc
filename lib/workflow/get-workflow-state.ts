import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import type { ConceptStatus } from "@/lib/permissions/permissions";
import { gatherWorkflowFacts } from "./gather-workflow-facts";
import { MANUAL_TRANSITIONS } from "./transition-concept";
import { availableSteps, type Blocker, type TransitionId } from "./transitions";

export type WorkflowStep = { id: TransitionId; allowed: boolean; blockers: Blocker[]; handledElsewhere: boolean };

/** The concept's status and the steps this actor could take from it, each with what still blocks it. */
export async function getWorkflowState(db: Db, actor: Actor, conceptId: string): Promise<{ status: ConceptStatus; steps: WorkflowStep[] }> {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.readDrafts");
  const facts = await gatherWorkflowFacts(db, conceptId);
  const manual = new Set<TransitionId>(MANUAL_TRANSITIONS);
  const steps = availableSteps(access.subject.status, access.role, facts).map((s) => ({
    id: s.transition.id,
    allowed: s.allowed,
    blockers: s.blockers,
    handledElsewhere: !manual.has(s.transition.id),
  }));
  return { status: access.subject.status, steps };
}
