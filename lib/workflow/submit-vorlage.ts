import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { consultations, organisations, storedFiles, vorlagen } from "@/db/schema";
import { readAuditHead } from "@/lib/audit/audit-head";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError, forbidden, notFound, fieldError } from "@/lib/errors";
import { renderInWorker } from "@/lib/export/render-in-worker";
import { parseOrThrow } from "@/lib/validation/parse";
import { can } from "@/lib/permissions/permissions";
import { folgeSubmissionProblems } from "./beratungsfolge-rules";
import { buildVorlageDocument, findReleasedRound } from "./build-vorlage-document";
import { lockConceptForActor } from "./lock-concept";
import { notifyCommitteeMembers } from "./notify-committees";
import { takeReadingRoomSnapshot } from "./reading-room-snapshot";
import { applyTransition } from "./transition-concept";
import { ZSubmitVorlage, type SubmitVorlageInput } from "./vorlage-schemas";

const alreadySubmitted = () => new AppError("CONFLICT", "appError.vorlage.alreadySubmitted");
const duplicateReference = () =>
  new AppError(
    "VALIDATION",
    "appError.vorlage.referenceTaken",
    {},
    {
      reference: "appError.vorlage.referenceTakenField",
    },
  );

type Input = ReturnType<typeof ZSubmitVorlage.parse>;

/**
 * Submits the released Fassung to the committees of the Beratungsfolge, in one transaction: Beratungsfolge
 * (as stored, or as adjusted in the input), reading-room snapshot, PDF (stored immutably with its SHA-512),
 * Vorlage row, the `submit` transition through `applyTransition`, audit, notifications. Two leads at the same
 * moment: the concept row lock serialises them and the transition's guarded update lets exactly one through;
 * the unique index on vorlagen.concept_id backs it up.
 */
export async function submitVorlage(
  db: Db,
  actor: Actor,
  raw: SubmitVorlageInput,
): Promise<{ vorlageId: string; sha512: string }> {
  const input = parseOrThrow(ZSubmitVorlage, raw);
  try {
    return await db.transaction(async (tx) => {
      const access = await lockConceptForActor(tx, actor, input.conceptId);
      if (!can("concept.read", access.subject)) throw notFound();
      if (!can("vorlage.manage", access.subject)) throw forbidden("appError.vorlage.submitLeadOnly");
      if (access.concept.status !== "freigegeben") throw alreadySubmitted();
      const [taken] = await tx
        .select({ id: vorlagen.id })
        .from(vorlagen)
        .where(eq(vorlagen.reference, input.reference))
        .limit(1);
      if (taken) throw duplicateReference();
      await settleBeratungsfolge(tx, input);

      const round = await findReleasedRound(tx, input.conceptId);
      if (!round) throw new AppError("CONFLICT", "appError.vorlage.noReleasedFassung");
      const snapshot = await takeReadingRoomSnapshot(tx, input.conceptId, round.fassungId);
      const parts = {
        // An Informationsvorlage asks for no decision: a proposal typed before switching the type is not kept.
        decisionProposal: input.paperType === "beschlussvorlage" ? (input.decisionProposal ?? null) : null,
        financialImpact: input.financialImpact!,
        reasoning: input.reasoning!,
      };
      const { document, fassungId } = await buildVorlageDocument(tx, access.concept, { ...input, ...parts }, snapshot);
      // The chain's head as committed before this submission: the PDF goes to the council, out of our reach.
      document.auditHead = (await readAuditHead(tx)) ?? undefined;
      const pdf = await renderInWorker("pdf", document);
      const sha512 = createHash("sha512").update(pdf).digest("hex");
      const fileName = `Vorlage-${input.reference.replace(/[^A-Za-z0-9._-]+/g, "-")}.pdf`;
      const [file] = await tx
        .insert(storedFiles)
        .values({
          conceptId: input.conceptId,
          fileName,
          mimeType: "application/pdf",
          size: pdf.length,
          sha512,
          content: pdf,
        })
        .returning({ id: storedFiles.id });
      const [vorlage] = await tx
        .insert(vorlagen)
        .values({
          conceptId: input.conceptId,
          fassungId,
          paperType: input.paperType,
          reference: input.reference,
          paperDate: input.paperDate,
          ...parts,
          fileId: file!.id,
          submittedBy: actor.id,
          readingRoomSnapshot: snapshot,
        })
        .returning({ id: vorlagen.id });
      // The Vorlage row is what makes `submit` ready; the transition itself is the guarded status change.
      await applyTransition(tx, actor, input.conceptId, "submit", {
        auditSummary: { vorlageId: vorlage!.id, reference: input.reference },
      });

      await recordAuditEvent(tx, {
        actorId: actor.id,
        conceptId: input.conceptId,
        action: "vorlage.submitted",
        objectType: "vorlage",
        objectId: vorlage!.id,
        summary: {
          reference: input.reference,
          paperType: input.paperType,
          paperDate: input.paperDate,
          fassungId,
          sha512,
          size: pdf.length,
          synopseEntries: snapshot.synopse.length,
        },
      });
      await notifyCommitteeMembers(tx, actor.id, {
        conceptId: input.conceptId,
        title: `Neue Vorlage ${input.reference}: ${access.concept.title}`,
        body: `Die Vorlage ${input.reference} („${access.concept.title}“) wurde eingereicht und liegt im Lesesaal bereit.`,
        link: `/konzepte/${input.conceptId}/lesesaal`,
      });
      return { vorlageId: vorlage!.id, sha512 };
    });
  } catch (error) {
    const e = error as {
      code?: string;
      constraint_name?: string;
      cause?: { code?: string; constraint_name?: string; constraint?: string };
    } | null;
    if (e?.code === "23505" || e?.cause?.code === "23505") {
      const constraint = e?.constraint_name ?? e?.cause?.constraint_name ?? e?.cause?.constraint ?? "";
      throw constraint.includes("reference") ? duplicateReference() : alreadySubmitted();
    }
    throw error;
  }
}

/**
 * Applies the adjusted Beratungsfolge when the input carries one (same committees only; adding and removing is
 * the editor's job), resets the outcomes for a new round of deliberation and checks the result.
 */
async function settleBeratungsfolge(tx: Tx, input: Input) {
  const existing = await tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(eq(consultations.conceptId, input.conceptId));
  if (input.consultations) {
    const known = new Set(existing.map((c) => c.id));
    if (input.consultations.length !== known.size || input.consultations.some((c) => !known.has(c.id)))
      throw new AppError("CONFLICT", "appError.vorlage.beratungsfolgeChanged");
    for (const c of input.consultations) {
      await tx
        .update(consultations)
        .set({
          position: c.position,
          role: c.role,
          meetingDate: c.meetingDate,
          submissionDeadline: c.submissionDeadline ?? null,
          updatedAt: new Date(),
        })
        .where(and(eq(consultations.id, c.id), eq(consultations.conceptId, input.conceptId)));
    }
  }
  // A (re)submission starts a new round of deliberation: earlier outcomes stay in the audit trail.
  await tx
    .update(consultations)
    .set({ outcome: null, outcomeDate: null, updatedAt: new Date() })
    .where(eq(consultations.conceptId, input.conceptId));
  const folge = await tx
    .select({
      position: consultations.position,
      role: consultations.role,
      meetingDate: consultations.meetingDate,
      submissionDeadline: consultations.submissionDeadline,
      committee: organisations.shortName,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
    .where(eq(consultations.conceptId, input.conceptId))
    .orderBy(asc(consultations.position));
  const problems = folgeSubmissionProblems(folge, input.paperType);
  if (problems.length)
    throw fieldError("consultations", "appError.vorlage.problems", {
      problems: { join: " ", items: problems.map((p) => p.message) },
    });
}
