import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { addDays } from "@/lib/clock";
import { loadReadableConceptRoles, loadReadableConcepts } from "@/lib/concepts/list-my-concepts";
import { threadHref } from "@/lib/comments/discussion-links";
import { planFor } from "@/lib/planning/get-concept-plan";
import { can, SUBMITTED_STATUSES } from "@/lib/permissions/permissions";
import type { ConceptRole } from "@/lib/permissions/permissions";
import {
  loadTaskCounts,
  loadTaskRows,
  revisesSections,
  weighsCommentsAndProposals,
  weighsSuggestions,
} from "./load-task-rows";

export type TaskKind =
  | "weighComment"
  | "weighProposal"
  | "weighSuggestions"
  | "reviseSection"
  | "agreeSection"
  | "signOff"
  | "answerQuestion"
  | "deadline";

export type Task = {
  kind: TaskKind;
  conceptId: string;
  conceptTitle: string;
  /** What the task is about (a section title, an organisation, a milestone kind); shown in the sentence. */
  subject: string;
  /** For deadlines: the milestone kind (konsultationsende, mitzeichnung, vorlagenfrist) and its committee. */
  milestone?: { kind: string; committee?: string };
  /** yyyy-mm-dd, or null when nothing is due on a date. */
  due: string | null;
  overdue: boolean;
  /** For grouped tasks (suggestions in one section): how many. */
  count?: number;
  /** The exact place: a thread, a proposal, a section, the Mitzeichnung page, the reading room's question. */
  href: string;
};

/** Deadlines shown as tasks: those the actor must meet in the coming weeks (or has missed). */
const DEADLINE_HORIZON_DAYS = 42;
const MILESTONES_BY_ROLE: Record<ConceptRole, readonly string[]> = {
  lead: ["konsultationsende", "mitzeichnung", "vorlagenfrist"],
  author: ["konsultationsende", "mitzeichnung"],
  contributor: ["konsultationsende", "mitzeichnung"],
  committee: [],
};

/**
 * "Meine Aufgaben": across every concept the actor may read, what waits for them — Abwägung of comments and
 * proposals (lead), sections their organisation must revise or agree, sign-offs their organisation owes, Rückfragen
 * to answer, and their next deadlines. Overdue first, then by due date (undated last), each with a link.
 */
export async function listMyTasks(db: Db, actor: Actor, today: string): Promise<Task[]> {
  const concepts = await loadReadableConcepts(db, actor);
  const rows = await loadTaskRows(db, actor, concepts);
  const tasks: Task[] = [];
  const myOrgIds = actor.organisations.map((o) => o.id);
  for (const { concept, role, folge } of concepts) {
    const plan = planFor(concept, folge, today);
    const dueOf = (kind: string) => plan.milestones.find((m) => m.kind === kind)?.date ?? null;
    const base = { conceptId: concept.id, conceptTitle: concept.title };
    const status = concept.status;
    const subject = { isAdmin: actor.isAdmin, role, status };
    const ofConcept = <T extends { conceptId: string }>(list: T[]) => list.filter((r) => r.conceptId === concept.id);

    if (weighsCommentsAndProposals(concept.status, role, actor.isAdmin)) {
      const due = dueOf("mitzeichnung");
      for (const t of ofConcept(rows.threads))
        tasks.push({
          ...base,
          kind: "weighComment",
          subject: t.title,
          due,
          overdue: due !== null && due < today,
          href: threadHref(concept.id, t.sectionId, t.id),
        });
      for (const p of ofConcept(rows.proposals))
        tasks.push({
          ...base,
          kind: "weighProposal",
          subject: p.title,
          due,
          overdue: due !== null && due < today,
          href: `/konzepte/${concept.id}/abschnitte/${p.sectionId}/vorschlaege/${p.id}`,
        });
    }

    // Suggestions in the text wait for the section's writers: the owner organisation, and the lead everywhere.
    if (weighsSuggestions(status, role)) {
      const due = dueOf("mitzeichnung");
      for (const o of ofConcept(rows.suggestions))
        if (suggestionsWaitFor(role, myOrgIds, o.owner))
          tasks.push({
            ...base,
            kind: "weighSuggestions",
            subject: o.title,
            count: Number(o.n),
            due,
            overdue: due !== null && due < today,
            href: `/konzepte/${concept.id}/abschnitte/${o.sectionId}/bearbeiten`,
          });
    }

    if (revisesSections(status, role)) {
      const due = dueOf("mitzeichnung");
      for (const s of ofConcept(rows.sections)) {
        const kind = sectionTaskKind(s, role, myOrgIds);
        if (kind)
          tasks.push({
            ...base,
            kind,
            subject: s.title,
            due,
            overdue: due !== null && due < today,
            href: `/konzepte/${concept.id}/abschnitte/${s.id}`,
          });
      }
    }

    const due = dueOf("mitzeichnung");
    for (const o of rows.signoffsOwed.get(concept.id) ?? [])
      tasks.push({
        ...base,
        kind: "signOff",
        subject: o.name,
        due,
        overdue: due !== null && due < today,
        href: `/konzepte/${concept.id}/mitzeichnung`,
      });

    if (can("question.answer", subject)) {
      for (const q of ofConcept(rows.questions)) {
        const due = questionDueDate(folge, q.createdAt);
        tasks.push({
          ...base,
          kind: "answerQuestion",
          subject: "",
          due,
          overdue: due !== null && due < today,
          href: `/konzepte/${concept.id}/lesesaal#rueckfrage-${q.id}`,
        });
      }
    }

    if (!SUBMITTED_STATUSES.has(status) || role === "lead") {
      const kinds = MILESTONES_BY_ROLE[role];
      const horizon = addDays(today, DEADLINE_HORIZON_DAYS);
      for (const m of plan.milestones)
        if (kinds.includes(m.kind) && !m.reached && m.date <= horizon && relevantMilestone(m.kind, status, role))
          tasks.push({
            ...base,
            kind: "deadline",
            subject: m.committee ?? "",
            milestone: { kind: m.kind, ...(m.committee ? { committee: m.committee } : {}) },
            due: m.date,
            overdue: m.overdue,
            href: `/konzepte/${concept.id}#zeitplan`,
          });
    }
  }
  return sortTasks(tasks);
}

/** A section's suggestions wait for its writers: the owner organisation, and the lead everywhere. */
const suggestionsWaitFor = (role: ConceptRole, myOrgIds: string[], owner: string) =>
  role === "lead" || myOrgIds.includes(owner);

/** The owner organisation revises its section; the lead agrees it once it is put up for agreement. */
function sectionTaskKind(s: { status: string; owner: string }, role: ConceptRole, myOrgIds: string[]): TaskKind | null {
  if (s.status === "entwurf" && myOrgIds.includes(s.owner)) return "reviseSection";
  if (s.status === "zur_abstimmung" && role === "lead") return "agreeSection";
  return null;
}

/**
 * The header's number: what `countOpenTasks(listMyTasks(…))` gives, by the same rules, with comments, proposals
 * and Rückfragen counted in the database instead of loaded (a lead may have thousands to weigh).
 */
export async function countMyOpenTasks(db: Db, actor: Actor): Promise<number> {
  const concepts = await loadReadableConceptRoles(db, actor);
  const counts = await loadTaskCounts(db, actor, concepts);
  const myOrgIds = actor.organisations.map((o) => o.id);
  let open = 0;
  for (const { concept, role } of concepts) {
    const { id, status } = concept;
    const sum = (list: { conceptId: string; n: number }[]) =>
      list.reduce((total, r) => total + (r.conceptId === id ? r.n : 0), 0);
    if (weighsCommentsAndProposals(status, role, actor.isAdmin)) open += sum(counts.threads) + sum(counts.proposals);
    if (weighsSuggestions(status, role))
      open += counts.suggestions.filter(
        (o) => o.conceptId === id && suggestionsWaitFor(role, myOrgIds, o.owner),
      ).length;
    if (revisesSections(status, role))
      open += counts.sections.filter((s) => s.conceptId === id && sectionTaskKind(s, role, myOrgIds)).length;
    open += counts.signoffsOwed.get(id)?.length ?? 0;
    if (can("question.answer", { isAdmin: actor.isAdmin, role, status })) open += sum(counts.questions);
  }
  return open;
}

/** Contributors meet the end of the consultation while it runs; the Mitzeichnung deadline is the signers' task. */
function relevantMilestone(kind: string, status: string, role: ConceptRole): boolean {
  if (role === "lead") return true;
  if (kind === "konsultationsende") return status === "konsultation";
  return false;
}

/** A Rückfrage is to be answered before the next meeting of the Beratungsfolge without an outcome. */
export function questionDueDate(
  folge: readonly { meetingDate: string; outcome: string | null }[],
  askedAt: Date,
): string | null {
  const asked = askedAt.toISOString().slice(0, 10);
  return (
    folge
      .filter((f) => !f.outcome && f.meetingDate >= asked)
      .map((f) => f.meetingDate)
      .sort()[0] ?? null
  );
}

/** Overdue first, then by due date; undated last; ties keep their order (concept, then place). */
export function sortTasks<T extends { due: string | null; overdue: boolean }>(tasks: T[]): T[] {
  const rank = (t: T) => (t.overdue ? 0 : t.due ? 1 : 2);
  return [...tasks].sort((a, b) => rank(a) - rank(b) || (a.due ?? "").localeCompare(b.due ?? ""));
}

/** Tasks that ask for an action (deadlines only inform). */
export function countOpenTasks(tasks: readonly Task[]): number {
  return tasks.filter((t) => t.kind !== "deadline").length;
}
