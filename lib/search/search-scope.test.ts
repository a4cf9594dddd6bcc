import { describe, expect, it } from "vitest";
import { CONCEPT_ROLES, CONCEPT_STATUSES, can, strongestRole, type ConceptRole } from "@/lib/permissions/permissions";
import {
  SEARCH_INTERNAL_ROLES,
  SEARCH_READ_ROLES,
  rolesGrantedInEveryState,
  rolesGrantedInSomeState,
} from "./search-scope";

/** All non-empty sets of roles a person can hold at once (directly and through organisations). */
const roleSets: ConceptRole[][] = [];
for (let mask = 1; mask < 1 << CONCEPT_ROLES.length; mask++)
  roleSets.push(CONCEPT_ROLES.filter((_, i) => mask & (1 << i)));

describe("search scope from the permission table", () => {
  it("drafting participants find section text; committee members find nothing of any concept's drafts", () => {
    expect(SEARCH_READ_ROLES).toEqual(["lead", "author", "contributor"]);
    expect(SEARCH_INTERNAL_ROLES).toEqual(["lead", "author"]);
  });

  it.each(["section.read", "comment.readInternal"] as const)("%s does not depend on the concept's state", (action) => {
    expect(rolesGrantedInSomeState(action)).toEqual(rolesGrantedInEveryState(action));
  });

  it.each([
    ["section.read", SEARCH_READ_ROLES],
    ["comment.readInternal", SEARCH_INTERNAL_ROLES],
  ] as const)("'any role in the list' equals the table's answer for the strongest role (%s)", (action, list) => {
    for (const roles of roleSets) {
      for (const status of CONCEPT_STATUSES) {
        const table = can(action, { isAdmin: false, role: strongestRole(roles), status });
        expect(
          roles.some((r) => list.includes(r)),
          `${roles.join("+")} in ${status}`,
        ).toBe(table);
      }
    }
  });
});
