import "server-only";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import {
  changeProposals,
  commentThreads,
  committeeQuestions,
  sections,
  sectionSuggestions,
  signoffRounds,
  signoffs,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { loadReadableConcepts } from "@/lib/concepts/list-my-concepts";
import { can, signoffOrganisations, type ConceptRole, type ConceptStatus } from "@/lib/permissions/permissions";
import { requiredOrganisations } from "@/lib/workflow/gather-workflow-facts";

/** Who has which kind of task in a concept (the rules behind "Meine Aufgaben", see list-my-tasks.ts). */
type ReadableConcept = Awaited<ReturnType<typeof loadReadableConcepts>>[number];

export const weighsCommentsAndProposals = (status: ConceptStatus, role: ConceptRole, isAdmin: boolean) =>
  role === "lead" &&
  can("thread.decide", { isAdmin, role, status }) &&
  (status === "konsultation" || status === "ueberarbeitung");
export const weighsSuggestions = (status: ConceptStatus, role: ConceptRole) =>
  (status === "entwurf" || status === "konsultation" || status === "ueberarbeitung") &&
  (role === "lead" || role === "author" || role === "contributor");
export const revisesSections = (status: ConceptStatus, role: ConceptRole) =>
  status === "ueberarbeitung" && (role === "lead" || role === "author" || role === "contributor");

/**
 * The rows behind the tasks, one query per kind across all the concepts that need it (every signed-in page
 * counts the tasks for its header), the queries in parallel; each list in the order the tasks are shown in.
 */
export async function loadTaskRows(db: Db, actor: Actor, concepts: ReadableConcept[]) {
  const idsWhere = (test: (c: ReadableConcept) => boolean) => concepts.filter(test).map((c) => c.concept.id);
  const weighIds = idsWhere((c) => weighsCommentsAndProposals(c.concept.status, c.role, actor.isAdmin));
  const suggestionIds = idsWhere((c) => weighsSuggestions(c.concept.status, c.role));
  const reviseIds = idsWhere((c) => revisesSections(c.concept.status, c.role));
  const questionIds = idsWhere((c) =>
    can("question.answer", { isAdmin: actor.isAdmin, role: c.role, status: c.concept.status }),
  );
  const signoffConcepts = concepts.filter((c) => c.concept.status === "mitzeichnung");
  const none = Promise.resolve([]);
  const [threads, proposals, suggestions, sectionRows, questions, owed] = await Promise.all([
    weighIds.length
      ? db
          .select({
            conceptId: commentThreads.conceptId,
            id: commentThreads.id,
            sectionId: sections.id,
            title: sections.title,
          })
          .from(commentThreads)
          .innerJoin(sections, eq(sections.id, commentThreads.sectionId))
          .where(
            and(
              inArray(commentThreads.conceptId, weighIds),
              eq(commentThreads.status, "open"),
              isNull(commentThreads.decision),
              isNull(sections.archivedAt),
            ),
          )
          .orderBy(asc(sections.position), asc(commentThreads.createdAt))
      : none,
    weighIds.length
      ? db
          .select({
            conceptId: changeProposals.conceptId,
            id: changeProposals.id,
            sectionId: sections.id,
            title: sections.title,
          })
          .from(changeProposals)
          .innerJoin(sections, eq(sections.id, changeProposals.sectionId))
          .where(
            and(
              inArray(changeProposals.conceptId, weighIds),
              eq(changeProposals.status, "open"),
              isNull(sections.archivedAt),
            ),
          )
          .orderBy(asc(sections.position), asc(changeProposals.createdAt))
      : none,
    suggestionIds.length
      ? db
          .select({
            conceptId: sections.conceptId,
            sectionId: sections.id,
            title: sections.title,
            owner: sections.ownerOrganisationId,
            n: count(),
          })
          .from(sectionSuggestions)
          .innerJoin(sections, eq(sections.id, sectionSuggestions.sectionId))
          .where(
            and(
              inArray(sectionSuggestions.conceptId, suggestionIds),
              eq(sectionSuggestions.status, "open"),
              isNull(sections.archivedAt),
            ),
          )
          .groupBy(sections.conceptId, sections.id, sections.title, sections.ownerOrganisationId, sections.position)
          .orderBy(asc(sections.position))
      : none,
    reviseIds.length
      ? db
          .select({
            conceptId: sections.conceptId,
            id: sections.id,
            title: sections.title,
            status: sections.status,
            owner: sections.ownerOrganisationId,
          })
          .from(sections)
          .where(and(inArray(sections.conceptId, reviseIds), isNull(sections.archivedAt)))
          .orderBy(asc(sections.position))
      : none,
    questionIds.length
      ? db
          .select({
            conceptId: committeeQuestions.conceptId,
            id: committeeQuestions.id,
            createdAt: committeeQuestions.createdAt,
          })
          .from(committeeQuestions)
          .where(and(inArray(committeeQuestions.conceptId, questionIds), isNull(committeeQuestions.answer)))
          .orderBy(asc(committeeQuestions.createdAt))
      : none,
    // Concepts in the Mitzeichnung are few at any time; each needs its required organisations.
    Promise.all(signoffConcepts.map(async (c) => [c.concept.id, await signoffsOwed(db, actor, c.concept.id)] as const)),
  ]);
  return { threads, proposals, suggestions, sections: sectionRows, questions, signoffsOwed: new Map(owed) };
}

/** The organisations of the actor that still owe their sign-off in the concept's open round. */
async function signoffsOwed(db: Db, actor: Actor, conceptId: string): Promise<{ id: string; name: string }[]> {
  const mine = signoffOrganisations(actor, await requiredOrganisations(db, conceptId));
  if (!mine.length) return [];
  const [round] = await db
    .select({ id: signoffRounds.id })
    .from(signoffRounds)
    .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.status, "open")));
  const done = round
    ? await db
        .select({ organisationId: signoffs.organisationId })
        .from(signoffs)
        .where(
          and(
            eq(signoffs.roundId, round.id),
            inArray(
              signoffs.organisationId,
              mine.map((o) => o.id),
            ),
          ),
        )
    : [];
  return mine.filter((m) => !done.some((d) => d.organisationId === m.id));
}
