/**
 * One audit event as a sentence in the reader's language: "Lena Hoffmann hat die Mitzeichnung gestartet (Fassung 2,
 * SHA-256 …)". Pure: the caller passes the translator and the names the event refers to by id (sections,
 * organisations), looked up once per page. Every action that is written into a concept's audit trail has its
 * sentence; an action without one falls back to a neutral sentence that names the action code, so nothing is hidden.
 */
export type AuditEventForSentence = {
  action: string;
  objectType: string;
  objectId: string | null;
  summary: Record<string, unknown>;
};

export type AuditSentenceContext = {
  actor: string;
  sectionTitles: ReadonlyMap<string, string>;
  organisationNames: ReadonlyMap<string, string>;
};

/** next-intl's translator for the whole catalogue, as far as this module needs it. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The keys under `audit.sentence` (dots in action codes become underscores there). */
export const AUDIT_SENTENCE_ACTIONS = [
  "section.saved",
  "section.restored",
  "section.added",
  "section.renamed",
  "section.moved",
  "section.owner_changed",
  "section.mandate_items_set",
  "section.archived",
  "section.deleted",
  "section.unarchived",
  "section.status_changed",
  "thread.created",
  "thread.resolved",
  "thread.reopened",
  "thread.decided",
  "comment.replied",
  "comment.edited",
  "comment.deleted",
  "proposal.created",
  "proposal.accepted",
  "proposal.withdrawn",
  "proposal.rejected",
  "proposal.decided",
  "suggestion.created",
  "suggestion.decided",
  "fassung.created",
  "concept.created",
  "concept.status_changed",
  "concept.required_signoffs_set",
  "concept.planning_changed",
  "concept.break_glass_opened",
  "concept.backup_downloaded",
  "concept.imported",
  "participant.added",
  "participant.removed",
  "participant.role_changed",
  "signoff.recorded",
  "vorlage.submitted",
  "vorlage.beratungsfolge_changed",
  "consultation.outcome_recorded",
  "committee_question.asked",
  "committee_question.answered",
  "demo.seeded",
] as const;
const KNOWN = new Set<string>(AUDIT_SENTENCE_ACTIONS);

const str = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
/** The start of a hash: enough to compare with the sign-off page and the PDF, short enough to read. */
const shortHash = (value: unknown): string => {
  const hash = str(value);
  return hash ? `${hash.slice(0, 12)}…` : "–";
};

export function describeAuditEvent(event: AuditEventForSentence, ctx: AuditSentenceContext, t: Translate): string {
  const s = event.summary;
  const label = (namespace: string, value: unknown) => {
    const key = str(value);
    return key ? t(`${namespace}.${key}`) : "–";
  };
  const sectionId = event.objectType === "section" ? event.objectId : (str(s.sectionId) ?? null);
  const section =
    (sectionId ? ctx.sectionTitles.get(sectionId) : undefined) ?? str(s.title) ?? t("audit.sentence.unknownSection");
  const organisation = (id: unknown) => {
    const key = str(id);
    return (key && ctx.organisationNames.get(key)) ?? t("audit.sentence.unknownOrganisation");
  };
  const base = { actor: ctx.actor, section };
  const key = `audit.sentence.${event.action.replaceAll(".", "_")}`;
  if (!KNOWN.has(event.action)) return t("audit.sentence.other", { actor: ctx.actor, action: event.action });

  switch (event.action) {
    case "section.saved": {
      const note = str(s.note);
      return note
        ? t("audit.sentence.section_saved_note", { ...base, number: str(s.number) ?? "–", note })
        : t(key, { ...base, number: str(s.number) ?? "–" });
    }
    case "section.restored":
      return t(key, { ...base, number: str(s.number) ?? "–", from: str(s.restoredFrom) ?? "–" });
    case "section.renamed":
      return t(key, { ...base, from: str(s.from) ?? "–", to: str(s.to) ?? "–" });
    case "section.moved":
      return t(key, { ...base, from: str(s.from) ?? "–", to: str(s.to) ?? "–" });
    case "section.owner_changed":
      return t(key, { ...base, from: organisation(s.from), to: organisation(s.to) });
    case "section.status_changed":
      return t(key, { ...base, before: label("sectionStatus", s.before), after: label("sectionStatus", s.after) });
    case "thread.created":
      return t(key, {
        ...base,
        kind: t(s.blocking === true ? "audit.sentence.blockingComment" : "audit.sentence.comment"),
        internal: s.visibility === "verwaltung" ? t("audit.sentence.internalOnly") : "",
      });
    case "thread.decided":
      return t(key, { ...base, decision: label("abwaegung", s.after) });
    case "proposal.accepted":
      return t(key, { ...base, number: str(s.revision) ?? "–" });
    case "proposal.decided":
      return t(key, { ...base, decision: label("abwaegung", s.after) });
    case "suggestion.created":
      return t(key, { ...base, kind: label("audit.sentence.suggestionKind", s.kind) });
    case "suggestion.decided":
      return s.revision
        ? t("audit.sentence.suggestion_decided_revision", {
            ...base,
            decision: label("abwaegung", s.after),
            number: str(s.revision) ?? "–",
          })
        : t(key, { ...base, decision: label("abwaegung", s.after) });
    case "fassung.created":
      return t(key, { ...base, name: str(s.name) ?? "–", sections: str(s.sections) ?? "–" });
    case "concept.created":
      return t(key, { ...base, reference: str(obj(s.after).reference) ?? "–" });
    case "concept.status_changed":
      return t(key, {
        ...base,
        transition: label("workflow.transition", s.transition),
        before: label("status", s.before),
        after: label("status", s.after),
      });
    case "concept.break_glass_opened":
      return t(key, { ...base, reason: str(s.reason) ?? "–" });
    case "concept.backup_downloaded":
      return t(key, { ...base, hash: shortHash(s.checksum) });
    case "participant.added":
      return t(key, { ...base, name: str(obj(s.after).name) ?? "–", role: label("role", obj(s.after).role) });
    case "participant.removed":
      return t(key, { ...base, name: str(obj(s.before).name) ?? "–", role: label("role", obj(s.before).role) });
    case "participant.role_changed":
      return t(key, {
        ...base,
        name: str(s.name) ?? "–",
        before: label("role", obj(s.before).role),
        after: label("role", obj(s.after).role),
      });
    case "signoff.recorded":
      return t(key, {
        ...base,
        organisation: str(s.organisation) ?? "–",
        decision: label("signoff.decision", s.decision),
        round: str(s.round) ?? "–",
        hash: shortHash(s.contentHash),
      });
    case "vorlage.submitted":
      return t(key, { ...base, reference: str(s.reference) ?? "–", hash: shortHash(s.sha512) });
    case "consultation.outcome_recorded":
      return t(key, { ...base, outcome: label("outcome", obj(s.after).outcome) });
    default:
      return t(key, base);
  }
}
