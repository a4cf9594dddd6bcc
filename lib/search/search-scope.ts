import { CONCEPT_ROLES, CONCEPT_STATUSES, can, type Action, type ConceptRole } from "@/lib/permissions/permissions";

/**
 * The roles the permission table grants an action in every concept state, for use inside SQL. Search may
 * only rely on actions that do not depend on the state and whose roles are "upward closed" (a stronger role
 * has them too), so "any of the actor's roles is in the list" equals the table's answer for the strongest
 * role; search-scope.test.ts keeps both true. Admin rights never grant concept content, so isAdmin is false.
 */
export function rolesGrantedInEveryState(action: Action): ConceptRole[] {
  return CONCEPT_ROLES.filter((role) =>
    CONCEPT_STATUSES.every((status) => can(action, { isAdmin: false, role, status })),
  );
}

export function rolesGrantedInSomeState(action: Action): ConceptRole[] {
  return CONCEPT_ROLES.filter((role) =>
    CONCEPT_STATUSES.some((status) => can(action, { isAdmin: false, role, status })),
  );
}

/** Who finds the current text of sections, and their comments and proposals (section.read). */
export const SEARCH_READ_ROLES = rolesGrantedInEveryState("section.read");
/** Who also finds comments of "nur Verwaltung" threads (comment.readInternal). */
export const SEARCH_INTERNAL_ROLES = rolesGrantedInEveryState("comment.readInternal");
