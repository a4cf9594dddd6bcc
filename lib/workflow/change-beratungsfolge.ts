import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { consultations, organisations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError, forbidden, notFound, fieldError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { can, SUBMITTED_STATUSES } from "@/lib/permissions/permissions";
import { folgeEditProblems, MAX_CONSULTATIONS } from "./beratungsfolge-rules";
import { lockConceptForActor } from "./lock-concept";
import { ZChangeBeratungsfolge, type ChangeBeratungsfolgeInput } from "./vorlage-schemas";

const fixed = () => new AppError("CONFLICT", "appError.vorlage.beratungsfolgeFixed");
const unknownConsultation = () => new AppError("CONFLICT", "appError.vorlage.consultationGone");

/**
 * The lead edits the Beratungsfolge until the Vorlage is submitted: adds a committee (a Gremium, each once),
 * changes its role, meeting date and Vorlagenfrist, moves it up or down, or removes it. One transaction on the
 * locked concept row (so it cannot cross a submission), positions kept 1…n, one audit event per change.
 * The plan (lib/planning) reads the Beratungsfolge directly, so it follows every change.
 */
export async function changeBeratungsfolge(
  db: Db,
  actor: Actor,
  raw: ChangeBeratungsfolgeInput,
): Promise<{ consultationId: string }> {
  const input = parseOrThrow(ZChangeBeratungsfolge, raw);
  return db.transaction(async (tx) => {
    const access = await lockConceptForActor(tx, actor, input.conceptId);
    if (!can("concept.read", access.subject)) throw notFound();
    if (!can("beratungsfolge.manage", access.subject)) {
      if (access.role === "lead" && SUBMITTED_STATUSES.has(access.subject.status)) throw fixed();
      throw forbidden("appError.vorlage.beratungsfolgeLeadOnly");
    }
    const folge = await loadFolge(tx, input.conceptId);
    const target = input.op === "add" ? undefined : folge.find((c) => c.id === input.consultationId);
    if (input.op !== "add" && !target) throw unknownConsultation();

    let consultationId: string;
    let summary: Record<string, unknown>;
    if (input.op === "add") {
      const [committee] = await tx.select().from(organisations).where(eq(organisations.id, input.committeeId));
      if (!committee || committee.kind !== "gremium" || !committee.active)
        throw new AppError(
          "VALIDATION",
          "appError.vorlage.activeCommitteeRequired",
          {},
          {
            committeeId: "appError.vorlage.activeCommitteeRequired",
          },
        );
      if (folge.some((c) => c.committeeId === input.committeeId))
        throw fieldError("committeeId", "appError.vorlage.committeeAlreadyListed", { committee: committee.shortName });
      if (folge.length >= MAX_CONSULTATIONS)
        throw new AppError("VALIDATION", "appError.vorlage.tooManyCommittees", { max: MAX_CONSULTATIONS });
      const [row] = await tx
        .insert(consultations)
        .values({
          conceptId: input.conceptId,
          position: folge.length + 1,
          committeeId: input.committeeId,
          role: input.role,
          meetingDate: input.meetingDate,
          meetingTime: input.meetingTime,
          submissionDeadline: input.submissionDeadline ?? null,
        })
        .returning({ id: consultations.id });
      consultationId = row!.id;
      summary = {
        change: "added",
        committee: committee.shortName,
        position: folge.length + 1,
        role: input.role,
        meetingDate: input.meetingDate,
        meetingTime: input.meetingTime,
        submissionDeadline: input.submissionDeadline ?? null,
      };
    } else if (input.op === "update") {
      consultationId = target!.id;
      await tx
        .update(consultations)
        .set({
          role: input.role,
          meetingDate: input.meetingDate,
          meetingTime: input.meetingTime,
          submissionDeadline: input.submissionDeadline ?? null,
          updatedAt: new Date(),
        })
        .where(and(eq(consultations.id, consultationId), eq(consultations.conceptId, input.conceptId)));
      summary = {
        change: "updated",
        committee: target!.committee,
        before: {
          role: target!.role,
          meetingDate: target!.meetingDate,
          submissionDeadline: target!.submissionDeadline,
        },
        after: {
          role: input.role,
          meetingDate: input.meetingDate,
          meetingTime: input.meetingTime,
          submissionDeadline: input.submissionDeadline ?? null,
        },
      };
    } else if (input.op === "move") {
      consultationId = target!.id;
      const index = folge.indexOf(target!);
      const other = folge[input.direction === "up" ? index - 1 : index + 1];
      if (!other)
        throw new AppError(
          "VALIDATION",
          input.direction === "up" ? "appError.vorlage.committeeAlreadyFirst" : "appError.vorlage.committeeAlreadyLast",
          { committee: target!.committee },
        );
      const order = folge.map((c) => c.id);
      [order[index], order[folge.indexOf(other)]] = [other.id, target!.id];
      await renumber(tx, input.conceptId, order);
      summary = { change: "moved", committee: target!.committee, from: index + 1, to: folge.indexOf(other) + 1 };
    } else {
      consultationId = target!.id;
      if (folge.length === 1) throw new AppError("VALIDATION", "appError.vorlage.lastCommittee");
      await tx
        .delete(consultations)
        .where(and(eq(consultations.id, consultationId), eq(consultations.conceptId, input.conceptId)));
      await renumber(
        tx,
        input.conceptId,
        folge.filter((c) => c.id !== consultationId).map((c) => c.id),
      );
      summary = {
        change: "removed",
        committee: target!.committee,
        position: target!.position,
        role: target!.role,
        meetingDate: target!.meetingDate,
      };
    }

    const problems = folgeEditProblems(await loadFolge(tx, input.conceptId));
    if (problems.length)
      throw new AppError("VALIDATION", "appError.vorlage.problems", {
        problems: { join: " ", items: problems.map((p) => p.message) },
      });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "vorlage.beratungsfolge_changed",
      objectType: "consultation",
      objectId: consultationId,
      conceptId: input.conceptId,
      summary,
    });
    return { consultationId };
  });
}

async function loadFolge(tx: Tx, conceptId: string) {
  return tx
    .select({
      id: consultations.id,
      committeeId: consultations.committeeId,
      committee: organisations.shortName,
      position: consultations.position,
      role: consultations.role,
      meetingDate: consultations.meetingDate,
      submissionDeadline: consultations.submissionDeadline,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.committeeId))
    .where(eq(consultations.conceptId, conceptId))
    .orderBy(asc(consultations.position), asc(consultations.createdAt));
}

/** Positions 1…n in the given order (no unique index on position, so plain updates suffice). */
async function renumber(tx: Tx, conceptId: string, order: string[]) {
  for (const [i, id] of order.entries()) {
    await tx
      .update(consultations)
      .set({ position: i + 1, updatedAt: new Date() })
      .where(and(eq(consultations.id, id), eq(consultations.conceptId, conceptId)));
  }
}
