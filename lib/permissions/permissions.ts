import type { conceptStatus, participantRole } from "@/db/schema/enums";

/**
 * The permission table: role × action (× concept state) → allowed. Pure, so it is unit-tested exhaustively;
 * every service asks it through `can()` (or `requireConceptAccess(…, action)`, which answers 404 on a refusal)
 * and the UI only shows what the services return as `may…` flags.
 */
/** The concept's role and status types are the database enums' (type-only import: no drizzle in client bundles). */
export type ConceptRole = (typeof participantRole.enumValues)[number];
export type ConceptStatus = (typeof conceptStatus.enumValues)[number];

/** The enum values in their order; `permissions.test.ts` checks them against the database enums. */
export const CONCEPT_STATUSES = [
  "entwurf",
  "konsultation",
  "ueberarbeitung",
  "mitzeichnung",
  "freigegeben",
  "eingereicht",
  "beraten",
  "abgeschlossen",
] as const satisfies readonly ConceptStatus[];
export const CONCEPT_ROLES = ["lead", "author", "contributor", "committee"] as const satisfies readonly ConceptRole[];

/** From Mitzeichnung on, content is frozen for everyone. */
export const FROZEN_STATUSES: ReadonlySet<ConceptStatus> = new Set([
  "mitzeichnung",
  "freigegeben",
  "eingereicht",
  "beraten",
  "abgeschlossen",
]);
/** Committee members read a concept only once it has been submitted to them. */
export const SUBMITTED_STATUSES: ReadonlySet<ConceptStatus> = new Set(["eingereicht", "beraten", "abgeschlossen"]);

export type Subject = {
  isAdmin: boolean;
  /** The actor's role in the concept, or null when not taking part. */
  role: ConceptRole | null;
  status: ConceptStatus;
  /** For section actions: the section's owner organisation is one of the actor's organisations. */
  ownsSection?: boolean;
  /** For section actions: the section has been removed from the outline (archived). */
  sectionArchived?: boolean;
  /** An administrator's break-glass access to this concept is open right now (docs/decisions/0011). */
  breakGlass?: boolean;
};

export type Action =
  | "concept.read"
  | "concept.readDrafts"
  | "concept.readParticipants"
  | "concept.manage"
  | "concept.manageParticipants"
  | "concept.readAudit"
  | "concept.backup"
  | "section.read"
  | "section.edit"
  | "section.manage"
  | "fassung.create"
  | "fassung.read"
  | "comment.create"
  | "comment.readInternal"
  | "thread.decide"
  | "thread.resolveAny"
  | "proposal.create"
  | "suggestion.create"
  | "suggestion.decide"
  | "signoff.setRequired"
  | "vorlage.manage"
  | "vorlage.submit"
  | "vorlage.recordOutcome"
  | "vorlage.read"
  | "beratungsfolge.manage"
  | "readingRoom.read"
  | "question.create"
  | "question.answer";

const isDrafting = (s: Subject) => s.role === "lead" || s.role === "author" || s.role === "contributor";
const notFrozen = (s: Subject) => !FROZEN_STATUSES.has(s.status);
const isVerwaltung = (s: Subject) => s.role === "lead" || s.role === "author";

export const PERMISSIONS: Record<Action, (s: Subject) => boolean> = {
  "concept.read": (s) => isDrafting(s) || (s.role === "committee" && SUBMITTED_STATUSES.has(s.status)),
  "concept.readDrafts": isDrafting,
  // Who takes part (names and roles) is administration, not content: admins keep concepts staffed (a lead left).
  "concept.readParticipants": (s) => isDrafting(s) || s.isAdmin,
  "concept.manage": (s) => s.role === "lead",
  "concept.manageParticipants": (s) => s.role === "lead" || s.isAdmin,
  // The audit trail and the full backup (every draft, internal threads, the audit trail) are concept content:
  // the lead's. An administrator reads them only through an audited break-glass access the lead is told about.
  "concept.readAudit": (s) => s.role === "lead" || (s.isAdmin && s.breakGlass === true),
  "concept.backup": (s) => s.role === "lead" || (s.isAdmin && s.breakGlass === true),
  "section.read": isDrafting,
  "section.edit": (s) => sectionEditRefusal(s) === null,
  "section.manage": (s) => s.role === "lead" && notFrozen(s),
  "fassung.create": (s) => s.role === "lead",
  "fassung.read": isDrafting,
  // Commenting never changes content, so every drafting participant may comment on every section.
  "comment.create": (s) => isDrafting(s) && notFrozen(s),
  // "nur Verwaltung" threads: the Verwaltung side (lead office and Verwaltung authors) only.
  "comment.readInternal": (s) => isVerwaltung(s),
  "thread.decide": (s) => isVerwaltung(s) && !SUBMITTED_STATUSES.has(s.status),
  "thread.resolveAny": (s) => isVerwaltung(s) && notFrozen(s),
  "proposal.create": (s) => isDrafting(s) && notFrozen(s),
  // Suggestions in the live text (Vorschlagsmodus): like a proposal, on any section still in the outline; the
  // section's writers decide them, as they would take over the text by editing it.
  "suggestion.create": (s) => isDrafting(s) && notFrozen(s) && s.sectionArchived !== true,
  "suggestion.decide": (s) => sectionEditRefusal(s) === null,
  // The Vorlage and its PDF: every participant, and committee members of the Beratungsfolge once submitted.
  // Which organisations must sign off is settled before the Mitzeichnung; from then on the list is frozen.
  "signoff.setRequired": (s) => s.role === "lead" && notFrozen(s),
  "vorlage.manage": (s) => s.role === "lead",
  "vorlage.submit": (s) => s.role === "lead" && s.status === "freigegeben",
  "vorlage.recordOutcome": (s) => s.role === "lead" && s.status === "eingereicht",
  "vorlage.read": (s) => isDrafting(s) || (s.role === "committee" && SUBMITTED_STATUSES.has(s.status)),
  // The Beratungsfolge (committees, roles, dates) is the lead's until submission; after that it is on record.
  "beratungsfolge.manage": (s) => s.role === "lead" && !SUBMITTED_STATUSES.has(s.status),
  // The reading room with its Rückfragen: the committees of the Beratungsfolge and the Verwaltung, never Träger.
  "readingRoom.read": (s) => (s.role === "committee" || isVerwaltung(s)) && SUBMITTED_STATUSES.has(s.status),
  "question.create": (s) => s.role === "committee" && SUBMITTED_STATUSES.has(s.status),
  "question.answer": (s) => isVerwaltung(s) && SUBMITTED_STATUSES.has(s.status),
};

/** Why an actor may not edit a section right now; null when they may. */
export type SectionEditRefusal = "no-right" | "frozen" | "archived" | "not-owner";

/**
 * The one predicate "may this actor edit this section now". The lead and Verwaltung authors edit any
 * section, a Träger contributor only the sections owned by their organisation, committee members and
 * outsiders never, nobody while the concept is frozen or once the section is archived. The workflow
 * extends it here, never in a service or a page.
 */
export function sectionEditRefusal(s: Subject): SectionEditRefusal | null {
  if (s.role !== "lead" && s.role !== "author" && s.role !== "contributor") return "no-right";
  if (!notFrozen(s)) return "frozen";
  if (s.sectionArchived === true) return "archived";
  if (s.role === "contributor" && s.ownsSection !== true) return "not-owner";
  return null;
}

export function can(action: Action, subject: Subject): boolean {
  return PERMISSIONS[action](subject);
}

/** Higher roles win when a person takes part both directly and through an organisation. */
const ROLE_RANK: Record<ConceptRole, number> = { lead: 4, author: 3, contributor: 2, committee: 1 };
export function strongestRole(roles: Iterable<ConceptRole>): ConceptRole | null {
  let best: ConceptRole | null = null;
  for (const r of roles) if (!best || ROLE_RANK[r] > ROLE_RANK[best]) best = r;
  return best;
}

/**
 * Actions outside any concept: administration and starting a concept from a council mandate. Admin rights
 * never grant concept content; they grant the people, organisations and mail around it.
 */
export type GlobalAction = "admin.organisations" | "admin.users" | "admin.mail" | "admin.concepts" | "concept.create";
export type GlobalSubject = {
  isAdmin: boolean;
  /** users.can_create_concepts */
  canCreateConcepts: boolean;
  /** Member of at least one active Verwaltung organisation. */
  inVerwaltung: boolean;
};

const isAdmin = (s: GlobalSubject) => s.isAdmin;

export const GLOBAL_PERMISSIONS: Record<GlobalAction, (s: GlobalSubject) => boolean> = {
  "admin.organisations": isAdmin,
  "admin.users": isAdmin,
  "admin.mail": isAdmin,
  "admin.concepts": isAdmin,
  "concept.create": (s) => s.isAdmin || (s.canCreateConcepts && s.inVerwaltung),
};

export function canGlobally(action: GlobalAction, subject: GlobalSubject): boolean {
  return GLOBAL_PERMISSIONS[action](subject);
}

/** Roles an organisation may hold in a concept, by its kind: Träger contribute, committees consult. */
export function participantRolesForOrganisation(kind: "verwaltung" | "traeger" | "gremium"): readonly ConceptRole[] {
  if (kind === "traeger") return ["contributor"];
  if (kind === "gremium") return ["committee"];
  return ["lead", "author", "contributor"];
}

/** Statuses in which a committee of the Beratungsfolge reads the concept (the start page's SQL filter uses it). */
export const COMMITTEE_READABLE_STATUSES: readonly ConceptStatus[] = CONCEPT_STATUSES.filter((status) =>
  can("concept.read", { isAdmin: false, role: "committee", status }),
);

/** How someone may sign off for an organisation: as one of its own signers, as a named deputy, or not at all. */
export type SignerCapacity = "member" | "deputy";

/**
 * The one rule "who may sign off (Mitzeichnung) for an organisation": an active member holding the sign-off right
 * (`memberships.may_sign_off`), or a person named as deputy (Vertretung, `signoff_deputies`) for it. The SQL in
 * `signers.ts` (`signersOf`) states the same rule for the database; `permissions.test.ts` keeps both in step.
 */
export function maySignFor(
  person: {
    organisations: readonly { id: string; maySignOff: boolean }[];
    deputyFor?: readonly { id: string }[];
  },
  organisationId: string,
): SignerCapacity | null {
  if (person.organisations.some((o) => o.id === organisationId && o.maySignOff)) return "member";
  if (person.deputyFor?.some((o) => o.id === organisationId)) return "deputy";
  return null;
}

/** Naming or removing a deputy: an administrator, or one of the organisation's own signers (not a deputy). */
export function mayNameDeputies(
  person: { isAdmin: boolean; organisations: readonly { id: string; maySignOff: boolean }[] },
  organisationId: string,
): boolean {
  return person.isAdmin || maySignFor({ organisations: person.organisations }, organisationId) === "member";
}

/**
 * The organisations an actor signs off for: those whose sign-off the concept requires and for which
 * `maySignFor` allows the actor, each with the capacity (own signer or deputy).
 */
export function signoffOrganisations<R extends { id: string; name: string }>(
  person: Parameters<typeof maySignFor>[0],
  required: readonly R[],
): (R & { capacity: SignerCapacity })[] {
  return required.flatMap((r) => {
    const capacity = maySignFor(person, r.id);
    return capacity ? [{ ...r, capacity }] : [];
  });
}
