import type { ConceptRole, ConceptStatus } from "@/lib/permissions/permissions";

/**
 * The concept workflow as data: every allowed move, who triggers it and where, what it does besides moving the
 * status, and the facts it depends on.
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
  /** Suggestions in the live text nobody has decided yet (Vorschlagsmodus). */
  openSuggestions: number;
  /** Titles of live sections without any text. */
  emptySections: string[];
  /** Names of required organisations for which nobody may sign off (`signersOf`). */
  organisationsWithoutSigner: string[];
  uncoveredMandateItems: number[];
  missingSignoffs: string[];
  vorlageReady: boolean;
  consultationsWithoutOutcome: number;
  referredBack: boolean;
};

export type Blocker = { code: string; params?: Record<string, string | number> };

/**
 * Where a person asks for a step: the workflow panel (`transitionConcept`), the Vorlage page's deliberation steps
 * (`takeDeliberationStep`), or submitting the Vorlage (`submitVorlage`, which writes the Vorlage first).
 */
export type StepPlace = "workflowPanel" | "vorlagePage" | "vorlageSubmission";

/** Who takes a step: people in these roles, from these places, or the system as the effect of another action. */
export type Trigger =
  | { kind: "person"; roles: readonly ConceptRole[]; places: readonly StepPlace[] }
  /** Taken as the effect of another action (a rejection), never offered as a button. */
  | { kind: "automatic" };

/** What a step does besides moving the status, in the same transaction (applied in `transition-concept.ts`). */
export type TransitionEffect =
  | { kind: "none" }
  /** Freezes "Mitzeichnungsfassung n" and opens sign-off round n on it. */
  | { kind: "openSignoffRound" }
  /** Voids the open round; `reason` is stored when the person gives none. */
  | { kind: "voidSignoffRound"; reason: string }
  | { kind: "completeSignoffRound" }
  /** The Vorlage stays on record as withdrawn (OParl: deleted); a new one can follow after another Mitzeichnung. */
  | { kind: "withdrawVorlage" };

export type Transition = {
  id: TransitionId;
  from: ConceptStatus;
  to: ConceptStatus;
  trigger: Trigger;
  effect: TransitionEffect;
  blockers: (facts: WorkflowFacts) => Blocker[];
};

const none = () => [];
const NO_EFFECT = { kind: "none" } as const;
const LEAD_IN_PANEL: Trigger = { kind: "person", roles: ["lead"], places: ["workflowPanel"] };

export const TRANSITIONS: readonly Transition[] = [
  {
    id: "open_consultation",
    from: "entwurf",
    to: "konsultation",
    trigger: LEAD_IN_PANEL,
    effect: NO_EFFECT,
    blockers: (f) => (f.sectionCount === 0 ? [{ code: "noSections" }] : []),
  },
  {
    id: "close_consultation",
    from: "konsultation",
    to: "ueberarbeitung",
    trigger: LEAD_IN_PANEL,
    effect: NO_EFFECT,
    blockers: none,
  },
  {
    id: "reopen_consultation",
    from: "ueberarbeitung",
    to: "konsultation",
    trigger: LEAD_IN_PANEL,
    effect: NO_EFFECT,
    blockers: none,
  },
  {
    id: "start_signoff",
    from: "ueberarbeitung",
    to: "mitzeichnung",
    trigger: LEAD_IN_PANEL,
    effect: { kind: "openSignoffRound" },
    blockers: (f) => [
      ...(f.sectionCount === 0 ? [{ code: "noSections" }] : []),
      ...(f.sectionsNotAgreed > 0 ? [{ code: "sectionsNotAgreed", params: { count: f.sectionsNotAgreed } }] : []),
      ...f.emptySections.map((title) => ({ code: "sectionEmpty", params: { title } })),
      ...(f.openBlockingThreads > 0 ? [{ code: "openBlockingThreads", params: { count: f.openBlockingThreads } }] : []),
      ...(f.openSuggestions > 0 ? [{ code: "openSuggestions", params: { count: f.openSuggestions } }] : []),
      ...f.uncoveredMandateItems.map((n) => ({ code: "mandateItemUncovered", params: { number: n } })),
      ...f.organisationsWithoutSigner.map((organisation) => ({ code: "noSigner", params: { organisation } })),
    ],
  },
  {
    id: "reopen_after_signoff",
    from: "mitzeichnung",
    to: "ueberarbeitung",
    trigger: LEAD_IN_PANEL,
    effect: { kind: "voidSignoffRound", reason: "Von der Federführung zur Überarbeitung zurückgenommen." },
    blockers: none,
  },
  {
    id: "reject_signoff",
    from: "mitzeichnung",
    to: "ueberarbeitung",
    trigger: { kind: "automatic" },
    effect: { kind: "voidSignoffRound", reason: "Mitzeichnung abgelehnt." },
    blockers: none,
  },
  {
    id: "release",
    from: "mitzeichnung",
    to: "freigegeben",
    trigger: LEAD_IN_PANEL,
    effect: { kind: "completeSignoffRound" },
    blockers: (f) => f.missingSignoffs.map((organisation) => ({ code: "signoffMissing", params: { organisation } })),
  },
  {
    id: "submit",
    from: "freigegeben",
    to: "eingereicht",
    trigger: { kind: "person", roles: ["lead"], places: ["vorlageSubmission"] },
    effect: NO_EFFECT,
    blockers: (f) => (f.vorlageReady ? [] : [{ code: "vorlageIncomplete" }]),
  },
  {
    id: "refer_back",
    from: "eingereicht",
    to: "ueberarbeitung",
    trigger: { kind: "person", roles: ["lead"], places: ["vorlagePage"] },
    effect: { kind: "withdrawVorlage" },
    blockers: (f) => (f.referredBack ? [] : [{ code: "notReferredBack" }]),
  },
  {
    id: "complete_deliberation",
    from: "eingereicht",
    to: "beraten",
    trigger: { kind: "person", roles: ["lead"], places: ["workflowPanel", "vorlagePage"] },
    effect: NO_EFFECT,
    blockers: (f) => [
      ...(f.consultationsWithoutOutcome > 0
        ? [{ code: "outcomesMissing", params: { count: f.consultationsWithoutOutcome } }]
        : []),
      ...(f.referredBack ? [{ code: "referredBackPending" }] : []),
    ],
  },
  {
    id: "close",
    from: "beraten",
    to: "abgeschlossen",
    trigger: { kind: "person", roles: ["lead"], places: ["workflowPanel", "vorlagePage"] },
    effect: NO_EFFECT,
    blockers: none,
  },
];

/** Whether a person in this role may ask for the step (automatic steps: nobody). */
export function isTriggeredBy(transition: Transition, role: ConceptRole | null): boolean {
  return transition.trigger.kind === "person" && role !== null && transition.trigger.roles.includes(role);
}

/** Whether the step is offered in this place. */
export function isOfferedIn(transition: Transition, place: StepPlace): boolean {
  return transition.trigger.kind === "person" && transition.trigger.places.includes(place);
}

/** The ids of the steps offered in a place, in table order (the place's input schema accepts exactly these). */
export function stepsOfferedIn(place: StepPlace): TransitionId[] {
  return TRANSITIONS.filter((t) => isOfferedIn(t, place)).map((t) => t.id);
}

export function transitionById(id: TransitionId): Transition {
  const t = TRANSITIONS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown transition ${id}`);
  return t;
}

export type AvailableStep = { transition: Transition; allowed: boolean; blockers: Blocker[] };

/** The steps a role sees from a state: each with its blockers (empty = can be taken now). */
export function availableSteps(status: ConceptStatus, role: ConceptRole | null, facts: WorkflowFacts): AvailableStep[] {
  return TRANSITIONS.filter((t) => t.from === status && isTriggeredBy(t, role)).map((transition) => {
    const blockers = transition.blockers(facts);
    return { transition, allowed: blockers.length === 0, blockers };
  });
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
  if (transition.trigger.kind !== "automatic" && !isTriggeredBy(transition, role))
    return { ok: false, reason: "forbidden", blockers: [] };
  const blockers = transition.blockers(facts);
  if (blockers.length) return { ok: false, reason: "blocked", blockers };
  return { ok: true, transition };
}
