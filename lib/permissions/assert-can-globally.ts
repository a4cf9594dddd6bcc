import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";
import { canGlobally, type GlobalAction, type GlobalSubject } from "./permissions";

export function globalSubjectOf(actor: Actor): GlobalSubject {
  return {
    isAdmin: actor.isAdmin,
    canCreateConcepts: actor.canCreateConcepts,
    inVerwaltung: actor.organisations.some((o) => o.kind === "verwaltung"),
  };
}

/** Throws FORBIDDEN (pages turn it into 404) unless the permission table allows the action. */
export function assertCanGlobally(actor: Actor, action: GlobalAction): void {
  if (!canGlobally(action, globalSubjectOf(actor))) throw forbidden();
}
