import { describe, expect, it } from "vitest";
import { CONCEPT_ROLES, CONCEPT_STATUSES, FROZEN_STATUSES, SUBMITTED_STATUSES, can, canGlobally, participantRolesForOrganisation, strongestRole, type ConceptRole, type ConceptStatus } from "./permissions";

const roles: (ConceptRole | null)[] = [...CONCEPT_ROLES, null];
const all = (fn: (role: ConceptRole | null, status: ConceptStatus) => void) => {
  for (const role of roles) for (const status of CONCEPT_STATUSES) fn(role, status);
};

describe("permission table", () => {
  it("lets committee members read only submitted concepts, and never drafts or sections", () => {
    all((role, status) => {
      if (role !== "committee") return;
      const s = { isAdmin: false, role, status };
      expect(can("concept.read", s)).toBe(SUBMITTED_STATUSES.has(status));
      expect(can("concept.readDrafts", s)).toBe(false);
      expect(can("section.read", s)).toBe(false);
      expect(can("section.edit", { ...s, ownsSection: true })).toBe(false);
    });
  });

  it("gives outsiders nothing, admin flag or not, except participant management for admins", () => {
    for (const status of CONCEPT_STATUSES) {
      for (const isAdmin of [false, true]) {
        const s = { isAdmin, role: null, status };
        expect(can("concept.read", s)).toBe(false);
        expect(can("section.read", s)).toBe(false);
        expect(can("section.edit", { ...s, ownsSection: true })).toBe(false);
        expect(can("concept.manage", s)).toBe(false);
        expect(can("concept.manageParticipants", s)).toBe(isAdmin);
      }
    }
  });

  it("lets the lead and authors edit any section and contributors only their organisation's, until frozen", () => {
    all((role, status) => {
      for (const ownsSection of [false, true]) {
        const expected =
          !FROZEN_STATUSES.has(status) && (role === "lead" || role === "author" || (role === "contributor" && ownsSection));
        expect(can("section.edit", { isAdmin: false, role, status, ownsSection }), `${role} ${status} ${ownsSection}`).toBe(expected);
      }
    });
  });

  it("reserves concept management to the lead", () => {
    all((role, status) => {
      expect(can("concept.manage", { isAdmin: true, role, status })).toBe(role === "lead");
      expect(can("section.manage", { isAdmin: false, role, status })).toBe(role === "lead" && !FROZEN_STATUSES.has(status));
    });
  });

  it("ranks roles", () => {
    expect(strongestRole(["committee", "author", "contributor"])).toBe("author");
    expect(strongestRole(["contributor", "lead"])).toBe("lead");
    expect(strongestRole([])).toBeNull();
  });

  it("keeps internal threads and decisions on the Verwaltung side, and comments away from committees", () => {
    all((role, status) => {
      const s = { isAdmin: true, role, status };
      const verwaltung = role === "lead" || role === "author";
      expect(can("comment.readInternal", s)).toBe(verwaltung);
      expect(can("thread.decide", s)).toBe(verwaltung && !SUBMITTED_STATUSES.has(status));
      expect(can("comment.create", s)).toBe(role !== null && role !== "committee" && !FROZEN_STATUSES.has(status));
      expect(can("proposal.create", s)).toBe(can("comment.create", s));
    });
  });
});

describe("global permission table", () => {
  const subjects = [false, true].flatMap((isAdmin) =>
    [false, true].flatMap((canCreateConcepts) => [false, true].map((inVerwaltung) => ({ isAdmin, canCreateConcepts, inVerwaltung }))),
  );

  it("reserves every administration action to admins", () => {
    for (const s of subjects) {
      for (const action of ["admin.organisations", "admin.users", "admin.mail", "admin.concepts"] as const) {
        expect(canGlobally(action, s), `${action} ${JSON.stringify(s)}`).toBe(s.isAdmin);
      }
    }
  });

  it("lets admins and granted Verwaltung members create concepts, nobody else", () => {
    for (const s of subjects) {
      expect(canGlobally("concept.create", s), JSON.stringify(s)).toBe(s.isAdmin || (s.canCreateConcepts && s.inVerwaltung));
    }
  });

  it("gives Träger only the contributor role and committees only the committee role", () => {
    expect(participantRolesForOrganisation("traeger")).toEqual(["contributor"]);
    expect(participantRolesForOrganisation("gremium")).toEqual(["committee"]);
    expect(participantRolesForOrganisation("verwaltung")).toContain("lead");
  });
});
