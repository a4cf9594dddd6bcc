import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { forbidden, notFound } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { can, type ConceptStatus } from "@/lib/permissions/permissions";
import { lockConceptForActor } from "./lock-concept";
import { applyTransition } from "./transition-concept";
import { ZDeliberationStep } from "./vorlage-schemas";

/**
 * The steps after submission — refer back (→ Überarbeitung, the Vorlage withdrawn), Beraten, Abgeschlossen —
 * through the one transition service, so checks, guarded write, effects and audit are the same as elsewhere.
 */
export async function takeDeliberationStep(db: Db, actor: Actor, raw: unknown): Promise<{ status: ConceptStatus }> {
  const input = parseOrThrow(ZDeliberationStep, raw);
  return db.transaction(async (tx) => {
    const access = await lockConceptForActor(tx, actor, input.conceptId);
    if (!can("concept.read", access.subject)) throw notFound();
    // The permission before the state: others learn "not yours", not which step the concept could take.
    if (!can("vorlage.manage", access.subject)) throw forbidden("appError.vorlage.deliberationLeadOnly");
    const { to } = await applyTransition(tx, actor, input.conceptId, input.transition);
    return { status: to };
  });
}
