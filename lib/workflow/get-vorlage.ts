import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { committeeQuestions, consultations, fassungen, organisations, storedFiles, users, vorlagen } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";
import { loadFassungSnapshot } from "@/lib/fassungen/fassung-snapshot";
import { findReleasedRound } from "./build-vorlage-document";
import { gatherWorkflowFacts } from "./gather-workflow-facts";
import { availableSteps, isOfferedIn } from "./transitions";

/** The Vorlage of a concept with its file facts (never the bytes), or null before submission. */
export async function findVorlage(db: Db, conceptId: string) {
  const [row] = await db
    .select({
      id: vorlagen.id,
      paperType: vorlagen.paperType,
      reference: vorlagen.reference,
      paperDate: vorlagen.paperDate,
      decisionProposal: vorlagen.decisionProposal,
      financialImpact: vorlagen.financialImpact,
      reasoning: vorlagen.reasoning,
      submittedAt: vorlagen.submittedAt,
      fassungId: vorlagen.fassungId,
      fassungName: fassungen.name,
      fileId: storedFiles.id,
      fileName: storedFiles.fileName,
      size: storedFiles.size,
      sha512: storedFiles.sha512,
    })
    .from(vorlagen)
    .innerJoin(fassungen, eq(fassungen.id, vorlagen.fassungId))
    .leftJoin(storedFiles, eq(storedFiles.id, vorlagen.fileId))
    .where(and(eq(vorlagen.conceptId, conceptId), isNull(vorlagen.withdrawnAt)))
    .limit(1);
  return row ?? null;
}

export async function listBeratungsfolge(db: Db, conceptId: string) {
  return db
    .select({
      id: consultations.id,
      position: consultations.position,
      role: consultations.role,
      meetingDate: consultations.meetingDate,
      meetingTime: consultations.meetingTime,
      submissionDeadline: consultations.submissionDeadline,
      outcome: consultations.outcome,
      outcomeDate: consultations.outcomeDate,
      committeeId: consultations.committeeId,
      committeeName: organisations.name,
      committeeShortName: organisations.shortName,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
    .where(eq(consultations.conceptId, conceptId))
    .orderBy(asc(consultations.position));
}

/** The Vorlage page: participants see it; the lead gets the forms (submission, outcomes, steps). */
export async function getVorlagePage(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "concept.readDrafts");
  const [vorlage, folge, round, facts] = await Promise.all([
    findVorlage(db, conceptId),
    listBeratungsfolge(db, conceptId),
    findReleasedRound(db, conceptId),
    gatherWorkflowFacts(db, conceptId),
  ]);
  const [released] = round
    ? await db.select({ name: fassungen.name }).from(fassungen).where(eq(fassungen.id, round.fassungId))
    : [];
  // Referring back is offered only once a committee has referred the concept back; the others show their blockers.
  const steps = availableSteps(access.subject.status, access.role, facts)
    .filter((s) => isOfferedIn(s.transition, "vorlagePage") && (s.transition.id !== "refer_back" || s.allowed))
    .map((s) => ({ id: s.transition.id, allowed: s.allowed, blockers: s.blockers }));
  const mayEditFolge = can("beratungsfolge.manage", access.subject);
  const inFolge = new Set(folge.map((c) => c.committeeId));
  const committees = mayEditFolge
    ? (
        await db
          .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName })
          .from(organisations)
          .where(and(eq(organisations.kind, "gremium"), eq(organisations.active, true)))
          .orderBy(asc(organisations.name))
      ).filter((o) => !inFolge.has(o.id))
    : [];
  const maySubmit = can("vorlage.submit", access.subject);
  const partDefaults =
    maySubmit && round && released && !vorlage
      ? await paperPartDefaults(db, access.concept, round.fassungId, released.name)
      : null;
  return {
    concept: access.concept,
    role: access.role,
    mayManage: can("vorlage.manage", access.subject),
    maySubmit,
    partDefaults,
    mayRecordOutcomes: can("vorlage.recordOutcome", access.subject),
    mayOpenReadingRoom: can("readingRoom.read", access.subject),
    mayEditFolge,
    committees,
    vorlage,
    folge,
    releasedFassungName: released?.name ?? null,
    steps,
  };
}

/**
 * What the submission form starts with, for the lead to edit: a Beschlussvorschlag naming the concept and its
 * released Fassung, the financial impact from a section on financing (if the outline has one), and the reasoning
 * from the first section (the summary of the situation and the mandate in every outline we know).
 */
async function paperPartDefaults(
  db: Db,
  concept: { id: string; title: string },
  fassungId: string,
  fassungName: string,
) {
  const { entries } = await loadFassungSnapshot(db, concept.id, fassungId);
  const asParagraphs = (text: string | null | undefined) =>
    (text ?? "")
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .join("\n\n");
  const financing = entries.find((e) => /finanz|kosten|haushalt/i.test(e.title));
  return {
    decisionProposal: `Das Konzept „${concept.title}“ wird in der Fassung „${fassungName}“ beschlossen.`,
    financialImpact: asParagraphs(financing?.text).slice(0, 5000),
    reasoning: asParagraphs(entries[0]?.text).slice(0, 20000),
  };
}

/** The stored PDF of the Vorlage, for participants and for committee members of the Beratungsfolge once submitted. */
export async function getVorlagePdf(db: Db, actor: Actor, conceptId: string) {
  await requireConceptAccess(db, actor, conceptId, "vorlage.read");
  const [row] = await db
    .select({
      fileName: storedFiles.fileName,
      mimeType: storedFiles.mimeType,
      content: storedFiles.content,
      sha512: storedFiles.sha512,
    })
    .from(vorlagen)
    .innerJoin(storedFiles, eq(storedFiles.id, vorlagen.fileId))
    .where(and(eq(vorlagen.conceptId, conceptId), isNull(vorlagen.withdrawnAt)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/** Rückfragen with their answers, oldest first. */
export async function listCommitteeQuestions(db: Db, conceptId: string) {
  const answerer = alias(users, "answerer");
  return db
    .select({
      id: committeeQuestions.id,
      body: committeeQuestions.body,
      sectionId: committeeQuestions.sectionId,
      quote: sql<string | null>`${committeeQuestions.anchor} -> 'quote' ->> 'exact'`,
      createdAt: committeeQuestions.createdAt,
      authorName: users.name,
      committee: organisations.shortName,
      answer: committeeQuestions.answer,
      answeredAt: committeeQuestions.answeredAt,
      answeredByName: answerer.name,
    })
    .from(committeeQuestions)
    .innerJoin(users, eq(users.id, committeeQuestions.authorId))
    .leftJoin(organisations, eq(organisations.id, committeeQuestions.organisationId))
    .leftJoin(answerer, eq(answerer.id, committeeQuestions.answeredBy))
    .where(eq(committeeQuestions.conceptId, conceptId))
    .orderBy(asc(committeeQuestions.createdAt));
}
