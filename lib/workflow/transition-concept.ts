import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/connect";
import { concepts, fassungen, signoffRounds, vorlagen } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { loadConceptAccess, type ConceptRow } from "@/lib/concepts/concept-access";
import type { Message, MessageKey } from "@/i18n/message";
import { AppError, forbidden } from "@/lib/errors";
import { afterFreezeAttempt, cutLiveRevisionsBeforeFreeze } from "@/lib/collab/freeze-live-documents";
import { freezeFassung } from "@/lib/fassungen/freeze-fassung";
import { parseOrThrow } from "@/lib/validation/parse";
import { FROZEN_STATUSES, type ConceptStatus } from "@/lib/permissions/permissions";
import { fassungContentHash } from "./fassung-content-hash";
import { notify } from "@/lib/notifications/notify";
import { signersOf } from "@/lib/permissions/signers";
import { germanDate, signoffDueDate } from "@/lib/tasks/concept-deadlines";
import { gatherWorkflowFacts, requiredOrganisations } from "./gather-workflow-facts";
import { checkTransition, stepsOfferedIn, type Blocker, type TransitionEffect, type TransitionId } from "./transitions";

/** The steps the workflow panel offers (the table's trigger says which); the others have their own services. */
export const MANUAL_TRANSITIONS = stepsOfferedIn("workflowPanel");

const ZTransitionConcept = z.object({
  conceptId: z.uuid(),
  transition: z
    .string("appError.workflow.unknownStep")
    .refine((id): id is TransitionId => MANUAL_TRANSITIONS.some((m) => m === id), "appError.workflow.unknownStep"),
  reason: z.string().trim().max(2000, "appError.common.max2000").optional(),
});

/** A step's name and a blocker's sentence come from the catalogue, like the workflow panel shows them. */
const transitionName = (id: TransitionId): Message => ({ key: `workflow.transition.${id}` });
export const blockerMessage = (blocker: Blocker): Message => ({
  key: `workflow.blocker.${blocker.code}` as MessageKey,
  params: blocker.params,
});

export type TransitionResult = {
  from: ConceptStatus;
  to: ConceptStatus;
  roundId?: string;
  fassungId?: string;
  vorlageId?: string;
};

/** The lead moves the concept one step along the workflow: checked, guarded in SQL, with its effects and audit event. */
export async function transitionConcept(db: Db, actor: Actor, input: unknown): Promise<TransitionResult> {
  const data = parseOrThrow(ZTransitionConcept, input);
  try {
    return await db.transaction((tx) =>
      applyTransition(tx, actor, data.conceptId, data.transition, { reason: data.reason }),
    );
  } finally {
    // Open live connections learn at once what the (possibly) new status allows them.
    afterFreezeAttempt(data.conceptId);
  }
}

/**
 * One transition inside the caller's transaction (sign-off uses it for reject_signoff). Never read-then-write:
 * the status is only changed by `UPDATE … WHERE status = $from`, zero rows is a conflict.
 */
export async function applyTransition(
  tx: Tx,
  actor: Actor,
  conceptId: string,
  id: TransitionId,
  options: { reason?: string; auditSummary?: Record<string, unknown> } = {},
): Promise<TransitionResult> {
  const access = await loadConceptAccess(tx, actor, conceptId, { action: "concept.read" });
  const status = access.subject.status;
  const decision = checkTransition(id, status, access.role, await gatherWorkflowFacts(tx, conceptId));
  if (!decision.ok) {
    if (decision.reason === "wrongState") {
      throw new AppError("CONFLICT", "appError.workflow.wrongStatus", {
        status: { key: `status.${status}` },
        step: transitionName(id),
      });
    }
    if (decision.reason === "forbidden") throw forbidden("appError.workflow.leadOnly", { step: transitionName(id) });
    throw new AppError("VALIDATION", "appError.workflow.refused", {
      step: transitionName(id),
      reasons: { join: "; ", items: decision.blockers.map(blockerMessage) },
    });
  }
  const { from, to, effect } = decision.transition;
  const [moved] = await tx
    .update(concepts)
    .set({ status: to, updatedAt: new Date() })
    .where(and(eq(concepts.id, conceptId), eq(concepts.status, from)))
    .returning({ id: concepts.id });
  if (!moved) throw new AppError("CONFLICT", "appError.workflow.statusChangedMeanwhile");
  // The live texts are cut as revisions before anything is frozen from sections.content.
  if (FROZEN_STATUSES.has(to) && !FROZEN_STATUSES.has(from)) await cutLiveRevisionsBeforeFreeze(tx, conceptId, actor);

  const effects = await applyEffect(tx, actor, access.concept, effect, options.reason);
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: "concept.status_changed",
    objectType: "concept",
    objectId: conceptId,
    conceptId,
    summary: { transition: id, before: from, after: to, ...effects, ...options.auditSummary },
  });
  return { from, to, ...effects };
}

type EffectResult = { roundId?: string; fassungId?: string; vorlageId?: string };

/** The effect entry of the transition table, applied in the transition's transaction. */
async function applyEffect(
  tx: Tx,
  actor: Actor,
  concept: ConceptRow,
  effect: TransitionEffect,
  reason: string | undefined,
): Promise<EffectResult> {
  const conceptId = concept.id;
  switch (effect.kind) {
    case "none":
      return {};
    case "openSignoffRound": {
      const opened = await openSignoffRound(tx, actor, conceptId);
      await requestSignoffs(tx, actor, concept);
      return opened;
    }
    case "voidSignoffRound":
      return closeOpenRound(tx, conceptId, { status: "voided", voidReason: reason || effect.reason });
    case "completeSignoffRound":
      return closeOpenRound(tx, conceptId, { status: "completed" });
    case "withdrawVorlage": {
      const [vorlage] = await tx
        .update(vorlagen)
        .set({ withdrawnAt: new Date(), updatedAt: new Date() })
        .where(and(eq(vorlagen.conceptId, conceptId), isNull(vorlagen.withdrawnAt)))
        .returning({ id: vorlagen.id });
      return vorlage ? { vorlageId: vorlage.id } : {};
    }
  }
}

async function closeOpenRound(
  tx: Tx,
  conceptId: string,
  close: { status: "voided"; voidReason: string } | { status: "completed" },
): Promise<EffectResult> {
  const [round] = await tx
    .update(signoffRounds)
    .set({ ...close, closedAt: new Date() })
    .where(and(eq(signoffRounds.conceptId, conceptId), eq(signoffRounds.status, "open")))
    .returning({ id: signoffRounds.id });
  return round ? { roundId: round.id } : {};
}

/** Freezes "Mitzeichnungsfassung n" and opens round n on it with the SHA-256 of its content. */
async function openSignoffRound(
  tx: Tx,
  actor: Actor,
  conceptId: string,
): Promise<{ roundId: string; fassungId: string }> {
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${signoffRounds.number}), 0) + 1`.mapWith(Number) })
    .from(signoffRounds)
    .where(eq(signoffRounds.conceptId, conceptId))) as [{ next: number }];
  let name = `Mitzeichnungsfassung ${next}`;
  // A Fassung the lead happened to name like this earlier keeps its name; ours gets a suffix.
  for (
    let i = 2;
    (
      await tx
        .select({ id: fassungen.id })
        .from(fassungen)
        .where(and(eq(fassungen.conceptId, conceptId), eq(fassungen.name, name)))
    ).length;
    i++
  ) {
    name = `Mitzeichnungsfassung ${next} (${i})`;
  }
  const { fassungId } = await freezeFassung(tx, actor.id, conceptId, name);
  const contentHash = await fassungContentHash(tx, fassungId);
  const [round] = await tx
    .insert(signoffRounds)
    .values({ conceptId, fassungId, number: next, contentHash, startedBy: actor.id })
    .returning({ id: signoffRounds.id });
  return { roundId: round!.id, fassungId };
}

/**
 * Every person who may sign for a required organisation (own signers and deputies, `signersOf`) is asked to sign,
 * with the plan's Mitzeichnung deadline.
 */
async function requestSignoffs(tx: Tx, actor: Actor, concept: ConceptRow): Promise<void> {
  const required = await requiredOrganisations(tx, concept.id);
  const signers = await signersOf(
    tx,
    required.map((o) => o.id),
  );
  const due = germanDate(await signoffDueDate(tx, concept));
  for (const organisation of required) {
    const recipients = signers.filter((s) => s.organisationId === organisation.id).map((s) => s.userId);
    await notify(tx, actor.id, recipients, {
      kind: "signoff_requested",
      conceptId: concept.id,
      title: { key: "signoffRequestedTitle", params: { concept: concept.title, due } },
      body: { key: "signoffRequestedBody", params: { organisation: organisation.name, due } },
      link: `/konzepte/${concept.id}/mitzeichnung`,
      internal: false,
    });
  }
}
