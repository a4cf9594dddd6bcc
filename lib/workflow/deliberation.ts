import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { concepts } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { parseOrThrow } from "@/lib/http/action-result";
import { can, type ConceptStatus } from "@/lib/permissions/permissions";
import { gatherWorkflowFacts } from "./gather-workflow-facts";
import { lockConceptForActor } from "./lock-concept";
import { checkTransition, type Blocker } from "./transitions";
import { ZDeliberationStep } from "./vorlage-schemas";

export type DeliberationStep = "refer_back" | "complete_deliberation" | "close";

/** German reasons for the blockers of the deliberation steps. */
export function deliberationBlockerMessage(b: Blocker): string {
  switch (b.code) {
    case "outcomesMissing":
      return b.params?.count === 1 ? "Für 1 Beratung fehlt noch das Ergebnis." : `Für ${b.params?.count} Beratungen fehlt noch das Ergebnis.`;
    case "referredBackPending":
      return "Ein Ausschuss hat die Vorlage zurückverwiesen – bitte geben Sie sie in die Überarbeitung zurück.";
    case "notReferredBack":
      return "Kein Ausschuss hat die Vorlage zurückverwiesen.";
    default:
      return "Dieser Schritt ist gerade nicht möglich.";
  }
}

/**
 * The steps after submission — refer back (→ Überarbeitung), Beraten, Abgeschlossen — checked against the
 * transition table and written with a guarded update. A generic transitionConcept may replace this later.
 */
export async function takeDeliberationStep(db: Db, actor: Actor, raw: unknown): Promise<{ status: ConceptStatus }> {
  const input = parseOrThrow(ZDeliberationStep, raw);
  return db.transaction(async (tx) => {
    const access = await lockConceptForActor(tx, actor, input.conceptId);
    if (!can("concept.read", access.subject)) throw notFound();
    const status = access.concept.status as ConceptStatus;
    const check = checkTransition(input.transition, status, access.role, await gatherWorkflowFacts(tx, input.conceptId));
    if (!check.ok) {
      if (check.reason === "forbidden") throw forbidden("Diesen Schritt geht nur die Federführung.");
      if (check.reason === "wrongState") throw new AppError("CONFLICT", "Dieser Schritt passt nicht zum aktuellen Status des Konzepts. Bitte laden Sie die Seite neu.");
      throw new AppError("CONFLICT", check.blockers.map(deliberationBlockerMessage).join(" "));
    }
    const { from, to } = check.transition;
    const moved = await tx
      .update(concepts)
      .set({ status: to, updatedAt: sql`now()` })
      .where(and(eq(concepts.id, input.conceptId), eq(concepts.status, from)))
      .returning({ id: concepts.id });
    if (!moved.length) throw new AppError("CONFLICT", "Der Status wurde inzwischen geändert. Bitte laden Sie die Seite neu.");
    await recordAuditEvent(tx, { actorId: actor.id, conceptId: input.conceptId, action: "concept.transition", objectType: "concept", objectId: input.conceptId, summary: { transition: input.transition, from, to } });
    return { status: to };
  });
}
