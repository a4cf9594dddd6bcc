import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import type { Db } from "@/db/connect";
import { committeeQuestions, consultations, fassungSections, sectionRevisions, vorlagen } from "@/db/schema";
import { anchorFromQuote } from "@/lib/comments/anchoring";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { membersOf, notify } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions/permissions";
import { lockConceptForActor } from "./lock-concept";
import { notifyCommitteeMembers } from "./notify-committees";
import { ZAnswerQuestion, ZAskQuestion } from "./vorlage-schemas";

/** A committee member of the Beratungsfolge asks a Rückfrage on a submitted concept; the Verwaltung is told. */
export async function askCommitteeQuestion(db: Db, actor: Actor, raw: unknown): Promise<{ questionId: string }> {
  const input = parseOrThrow(ZAskQuestion, raw);
  return db.transaction(async (tx) => {
    const access = await lockConceptForActor(tx, actor, input.conceptId, "share");
    if (!can("readingRoom.read", access.subject)) throw notFound();
    if (!can("question.create", access.subject)) throw forbidden("appError.vorlage.askForbidden");
    const folge = await tx
      .select({ committeeId: consultations.committeeId })
      .from(consultations)
      .where(eq(consultations.conceptId, input.conceptId));
    const committee = actor.organisations.find((o) => folge.some((f) => f.committeeId === o.id));
    const passage = await findPassage(tx, input.conceptId, input.sectionId, input.quote);
    const [row] = await tx
      .insert(committeeQuestions)
      .values({
        conceptId: input.conceptId,
        authorId: actor.id,
        organisationId: committee?.id ?? null,
        body: input.body,
        sectionId: passage?.sectionId ?? null,
        anchor: passage?.anchor ?? null,
      })
      .returning({ id: committeeQuestions.id });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      actorOrganisationId: committee?.id ?? null,
      conceptId: input.conceptId,
      action: "committee_question.asked",
      objectType: "committee_question",
      objectId: row!.id,
      summary: {
        length: input.body.length,
        ...(passage ? { sectionId: passage.sectionId, anchored: passage.anchor !== null } : {}),
      },
    });
    await notify(tx, actor.id, await membersOf(tx, [access.concept.leadOrganisationId]), {
      kind: "question",
      conceptId: input.conceptId,
      title: { key: "questionTitle", params: { concept: access.concept.title } },
      body: { key: "plain", params: { text: input.body } },
      link: `/konzepte/${input.conceptId}/lesesaal#rueckfrage-${row!.id}`,
      internal: true,
    });
    return { questionId: row!.id };
  });
}

/**
 * The passage a Rückfrage points at, checked against the submitted Fassung: the section must be in it, and the
 * marked words must stand in that section's text there (anchored like comments, so the question keeps its place).
 */
async function findPassage(tx: Tx, conceptId: string, sectionId?: string, quote?: string) {
  if (!sectionId) {
    if (quote)
      throw new AppError(
        "VALIDATION",
        "appError.vorlage.passageSectionUnknown",
        {},
        {
          sectionId: "appError.vorlage.passageSectionUnknown",
        },
      );
    return null;
  }
  const [entry] = await tx
    .select({ text: sectionRevisions.contentText })
    .from(vorlagen)
    .innerJoin(fassungSections, eq(fassungSections.fassungId, vorlagen.fassungId))
    .leftJoin(sectionRevisions, eq(sectionRevisions.id, fassungSections.revisionId))
    .where(
      and(eq(vorlagen.conceptId, conceptId), isNull(vorlagen.withdrawnAt), eq(fassungSections.sectionId, sectionId)),
    )
    .limit(1);
  if (!entry)
    throw new AppError(
      "VALIDATION",
      "appError.vorlage.passageSectionUnknown",
      {},
      {
        sectionId: "appError.vorlage.passageSectionUnknown",
      },
    );
  if (!quote) return { sectionId, anchor: null };
  const anchor = anchorFromQuote(entry.text ?? "", quote);
  if (!anchor)
    throw new AppError(
      "VALIDATION",
      "appError.vorlage.passageNotFound",
      {},
      { quote: "appError.vorlage.passageNotFound" },
    );
  return { sectionId, anchor };
}

/** The Verwaltung (lead or author) answers a Rückfrage once; the committees of the Beratungsfolge are told. */
export async function answerCommitteeQuestion(db: Db, actor: Actor, raw: unknown): Promise<void> {
  const input = parseOrThrow(ZAnswerQuestion, raw);
  await db.transaction(async (tx) => {
    const access = await lockConceptForActor(tx, actor, input.conceptId, "share");
    if (!can("readingRoom.read", access.subject)) throw notFound();
    if (!can("question.answer", access.subject)) throw forbidden("appError.vorlage.answerForbidden");
    const updated = await tx
      .update(committeeQuestions)
      .set({ answer: input.answer, answeredBy: actor.id, answeredAt: new Date() })
      .where(
        and(
          eq(committeeQuestions.id, input.questionId),
          eq(committeeQuestions.conceptId, input.conceptId),
          isNull(committeeQuestions.answer),
        ),
      )
      .returning({ id: committeeQuestions.id });
    if (!updated.length) {
      const [exists] = await tx
        .select({ id: committeeQuestions.id })
        .from(committeeQuestions)
        .where(and(eq(committeeQuestions.id, input.questionId), eq(committeeQuestions.conceptId, input.conceptId)));
      if (!exists) throw notFound();
      throw new AppError("CONFLICT", "appError.vorlage.questionAnswered");
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      conceptId: input.conceptId,
      action: "committee_question.answered",
      objectType: "committee_question",
      objectId: input.questionId,
      summary: { length: input.answer.length },
    });
    await notifyCommitteeMembers(tx, actor.id, {
      conceptId: input.conceptId,
      title: `Antwort auf eine Rückfrage zu „${access.concept.title}“`,
      body: input.answer,
      link: `/konzepte/${input.conceptId}/lesesaal#rueckfrage-${input.questionId}`,
    });
  });
}
