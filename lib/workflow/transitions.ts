import type { ConceptRole, ConceptStatus } from "@/lib/permissions/permissions";

/**
 * The concept workflow as data: every allowed move, who may make it, and the facts it depends on.
 * Pure, so it is tested exhaustively; services apply a transition with a guarded
 * `UPDATE concepts SET status = $to WHERE id = $id AND status = $from`.
 */
export type TransitionId =
  | "open_consultation"
  | "close_consultation"
  | "reopen_consultation"
  | "start_signoff"
  | "reopen_after_signoff"
  | "reject_signoff"
  | "release"
  | "submit"
  | "refer_back"
  | "complete_deliberation"
  | "close";

/** Facts about a concept that preconditions look at; gathered by the service in one round of queries. */
export type WorkflowFacts = {
  sectionCount: number;
  sectionsNotAgreed: number;
  openBlockingThreads: number;
  uncoveredMandateItems: number[];
  missingSignoffs: string[];
  vorlageReady: boolean;
  consultationsWithoutOutcome: number;
  referredBack: boolean;
};

export type Blocker = { code: string; params?: Record<string, string | number> };

export type Transition = {
  id: TransitionId;
  from: ConceptStatus;
  to: ConceptStatus;
  roles: readonly ConceptRole[];
  /** Taken by the system as the effect of another action (a rejection, an outcome), never offered as a button. */
  automatic?: boolean;
  blockers: (facts: WorkflowFacts) => Blocker[];
};

const none = () => [];
const LEAD = ["lead"] as const;

export const TRANSITIONS: readonly Transition[] = [
  {
    id: "open_consultation",
    from: "entwurf",
    to: "konsultation",
    roles: LEAD,
    blockers: (f) => (f.sectionCount === 0 ? [{ code: "noSections" }] : []),
  },
  { id: "close_consultation", from: "konsultation", to: "ueberarbeitung", roles: LEAD, blockers: none },
  { id: "reopen_consultation", from: "ueberarbeitung", to: "konsultation", roles: LEAD, blockers: none },
  {
    id: "start_signoff",
    from: "ueberarbeitung",
    to: "mitzeichnung",
    roles: LEAD,
    blockers: (f) => [
      ...(f.sectionCount === 0 ? [{ code: "noSections" }] : []),
      ...(f.sectionsNotAgreed > 0 ? [{ code: "sectionsNotAgreed", params: { count: f.sectionsNotAgreed } }] : []),
      ...(f.openBlockingThreads > 0 ? [{ code: "openBlockingThreads", params: { count: f.openBlockingThreads } }] : []),
      ...f.uncoveredMandateItems.map((n) => ({ code: "mandateItemUncovered", params: { number: n } })),
    ],
  },
  { id: "reopen_after_signoff", from: "mitzeichnung", to: "ueberarbeitung", roles: LEAD, blockers: none },
  { id: "reject_signoff", from: "mitzeichnung", to: "ueberarbeitung", roles: [], automatic: true, blockers: none },
  {
    id: "release",
    from: "mitzeichnung",
    to: "freigegeben",
    roles: LEAD,
    blockers: (f) => f.missingSignoffs.map((organisation) => ({ code: "signoffMissing", params: { organisation } })),
  },
  {
    id: "submit",
    from: "freigegeben",
    to: "eingereicht",
    roles: LEAD,
    blockers: (f) => (f.vorlageReady ? [] : [{ code: "vorlageIncomplete" }]),
  },
  {
    id: "refer_back",
    from: "eingereicht",
    to: "ueberarbeitung",
    roles: LEAD,
    blockers: (f) => (f.referredBack ? [] : [{ code: "notReferredBack" }]),
  },
  {
    id: "complete_deliberation",
    from: "eingereicht",
    to: "beraten",
    roles: LEAD,
    blockers: (f) => [
      ...(f.consultationsWithoutOutcome > 0
        ? [{ code: "outcomesMissing", params: { count: f.consultationsWithoutOutcome } }]
        : []),
      ...(f.referredBack ? [{ code: "referredBackPending" }] : []),
    ],
  },
  { id: "close", from: "beraten", to: "abgeschlossen", roles: LEAD, blockers: none },
];

export function transitionById(id: TransitionId): Transition {
  const t = TRANSITIONS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown transition ${id}`);
  return t;
}

export type AvailableStep = { transition: Transition; allowed: boolean; blockers: Blocker[] };

/** The steps a role sees from a state: each with its blockers (empty = can be taken now). */
export function availableSteps(status: ConceptStatus, role: ConceptRole | null, facts: WorkflowFacts): AvailableStep[] {
  return TRANSITIONS.filter((t) => t.from === status && !t.automatic && role !== null && t.roles.includes(role)).map(
    (transition) => {
      const blockers = transition.blockers(facts);
      return { transition, allowed: blockers.length === 0, blockers };
    },
  );
}

/** Decides a requested move: ok, or the reason it is refused. */
export function checkTransition(
  id: TransitionId,
  status: ConceptStatus,
  role: ConceptRole | null,
  facts: WorkflowFacts,
):
  | { ok: true; transition: Transition }
  | { ok: false; reason: "wrongState" | "forbidden" | "blocked"; blockers: Blocker[] } {
  const transition = transitionById(id);
  if (transition.from !== status) return { ok: false, reason: "wrongState", blockers: [] };
  if (!transition.automatic && (role === null || !transition.roles.includes(role)))
    return { ok: false, reason: "forbidden", blockers: [] };
  const blockers = transition.blockers(facts);
  if (blockers.length) return { ok: false, reason: "blocked", blockers };
  return { ok: true, transition };
}
