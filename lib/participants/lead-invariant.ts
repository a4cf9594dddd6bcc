import type { ConceptRole } from "@/lib/permissions/permissions";

/** "A concept always keeps at least one lead": pure, so it is unit-tested; services apply it under a row lock. */
export type ParticipantState = {
  id: string;
  role: ConceptRole;
  /** user or organisation still active */ active: boolean;
};
export type ParticipantChange =
  { kind: "remove"; participantId: string } | { kind: "setRole"; participantId: string; role: ConceptRole };

const isActiveLead = (p: ParticipantState) => p.role === "lead" && p.active;

/** False when the change takes away a lead and no active lead would remain. Changes to non-leads always pass. */
export function keepsActiveLead(participants: readonly ParticipantState[], change: ParticipantChange): boolean {
  const target = participants.find((p) => p.id === change.participantId);
  if (!target || target.role !== "lead") return true;
  const after =
    change.kind === "remove"
      ? participants.filter((p) => p.id !== change.participantId)
      : participants.map((p) => (p.id === change.participantId ? { ...p, role: change.role } : p));
  return after.some(isActiveLead);
}

export const LAST_LEAD_MESSAGE = "appError.participant.lastLead";
