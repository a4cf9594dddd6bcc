import { describe, expect, it } from "vitest";
import { conceptStatus, participantRole } from "@/db/schema/enums";
import {
  COMMITTEE_READABLE_STATUSES,
  CONCEPT_ROLES,
  CONCEPT_STATUSES,
  FROZEN_STATUSES,
  SUBMITTED_STATUSES,
  can,
  canGlobally,
  participantRolesForOrganisation,
  sectionEditRefusal,
  mayNameDeputies,
  maySignFor,
  signoffOrganisations,
  strongestRole,
  type ConceptRole,
  type ConceptStatus,
  type SectionEditRefusal,
} from "./permissions";

const roles: (ConceptRole | null)[] = [...CONCEPT_ROLES, null];
const all = (fn: (role: ConceptRole | null, status: ConceptStatus) => void) => {
  for (const role of roles) for (const status of CONCEPT_STATUSES) fn(role, status);
};

describe("permission table", () => {
  it("lets only the lead take the full backup and read the Protokoll; admins only through break-glass", () => {
    all((role, status) => {
      for (const isAdmin of [false, true])
        for (const breakGlass of [false, true])
          for (const action of ["concept.backup", "concept.readAudit"] as const)
            expect(can(action, { isAdmin, role, status, breakGlass }), `${action} ${role} admin=${isAdmin}`).toBe(
              role === "lead" || (isAdmin && breakGlass),
            );
    });
  });

  it("opens only the backup and the Protokoll through break-glass, never the concept's pages", () => {
    for (const status of CONCEPT_STATUSES) {
      const s = { isAdmin: true, role: null, status, breakGlass: true };
      for (const action of ["concept.read", "concept.readDrafts", "section.read", "comment.readInternal"] as const)
        expect(can(action, s), action).toBe(false);
    }
  });

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
          !FROZEN_STATUSES.has(status) &&
          (role === "lead" || role === "author" || (role === "contributor" && ownsSection));
        expect(
          can("section.edit", { isAdmin: false, role, status, ownsSection }),
          `${role} ${status} ${ownsSection}`,
        ).toBe(expected);
      }
    });
  });

  it("answers 'may this actor edit this section now' for every role, state, ownership and archive flag", () => {
    // Written out as a table on purpose: the test must not re-derive the rule it checks.
    const open: ConceptStatus[] = ["entwurf", "konsultation", "ueberarbeitung"];
    const frozen: ConceptStatus[] = ["mitzeichnung", "freigegeben", "eingereicht", "beraten", "abgeschlossen"];
    expect([...open, ...frozen].sort()).toEqual([...CONCEPT_STATUSES].sort());
    const expected = (
      role: ConceptRole | null,
      status: ConceptStatus,
      owns: boolean,
      archived: boolean,
    ): SectionEditRefusal | null => {
      if (role === null || role === "committee") return "no-right";
      if (frozen.includes(status)) return "frozen";
      if (archived) return "archived";
      if (role === "contributor" && !owns) return "not-owner";
      return null;
    };
    let cases = 0;
    for (const isAdmin of [false, true]) {
      all((role, status) => {
        for (const ownsSection of [false, true]) {
          for (const sectionArchived of [false, true]) {
            const subject = { isAdmin, role, status, ownsSection, sectionArchived };
            const label = `${role} ${status} owns=${ownsSection} archived=${sectionArchived} admin=${isAdmin}`;
            expect(sectionEditRefusal(subject), label).toBe(expected(role, status, ownsSection, sectionArchived));
            expect(can("section.edit", subject), label).toBe(
              expected(role, status, ownsSection, sectionArchived) === null,
            );
            cases++;
          }
        }
      });
    }
    expect(cases).toBe(2 * 5 * 8 * 2 * 2);
    // Spot checks that read like the issue.
    expect(
      can("section.edit", { isAdmin: false, role: "contributor", status: "konsultation", ownsSection: true }),
    ).toBe(true);
    expect(can("section.edit", { isAdmin: false, role: "contributor", status: "entwurf", ownsSection: false })).toBe(
      false,
    );
    expect(can("section.edit", { isAdmin: true, role: "committee", status: "entwurf", ownsSection: true })).toBe(false);
    expect(can("section.edit", { isAdmin: false, role: "lead", status: "mitzeichnung" })).toBe(false);
  });

  it("reserves concept management to the lead", () => {
    all((role, status) => {
      expect(can("concept.manage", { isAdmin: true, role, status })).toBe(role === "lead");
      expect(can("section.manage", { isAdmin: false, role, status })).toBe(
        role === "lead" && !FROZEN_STATUSES.has(status),
      );
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
    [false, true].flatMap((canCreateConcepts) =>
      [false, true].map((inVerwaltung) => ({ isAdmin, canCreateConcepts, inVerwaltung })),
    ),
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
      expect(canGlobally("concept.create", s), JSON.stringify(s)).toBe(
        s.isAdmin || (s.canCreateConcepts && s.inVerwaltung),
      );
    }
  });

  it("gives Träger only the contributor role and committees only the committee role", () => {
    expect(participantRolesForOrganisation("traeger")).toEqual(["contributor"]);
    expect(participantRolesForOrganisation("gremium")).toEqual(["committee"]);
    expect(participantRolesForOrganisation("verwaltung")).toContain("lead");
  });
});

describe("Vorlage, reading room and Rückfragen", () => {
  it("gives the reading room to committees and the Verwaltung once submitted, never to Träger", () => {
    all((role, status) => {
      const s = { isAdmin: false, role, status };
      const submitted = SUBMITTED_STATUSES.has(status);
      const label = `${role} ${status}`;
      expect(can("readingRoom.read", s), label).toBe(
        submitted && (role === "committee" || role === "lead" || role === "author"),
      );
      expect(can("question.create", s), label).toBe(submitted && role === "committee");
      expect(can("question.answer", s), label).toBe(submitted && (role === "lead" || role === "author"));
      expect(can("vorlage.read", s), label).toBe(
        role === "lead" || role === "author" || role === "contributor" || (role === "committee" && submitted),
      );
      expect(can("vorlage.manage", s), label).toBe(role === "lead");
      expect(can("beratungsfolge.manage", s), label).toBe(role === "lead" && !submitted);
      // The drafting side stays closed to committee members in every state.
      if (role === "committee")
        for (const a of ["concept.readDrafts", "section.read", "fassung.read", "comment.readInternal"] as const)
          expect(can(a, s), `${label} ${a}`).toBe(false);
    });
  });
});

describe("rules the pages used to compute", () => {
  it("takes the status and role lists from the database enums, in their order", () => {
    expect([...CONCEPT_STATUSES]).toEqual(conceptStatus.enumValues);
    expect([...CONCEPT_ROLES]).toEqual(participantRole.enumValues);
  });

  it("lets only the lead submit the Vorlage (once released) and record outcomes (while submitted)", () => {
    all((role, status) => {
      for (const isAdmin of [false, true]) {
        const s = { isAdmin, role, status };
        expect(can("vorlage.submit", s), `${role} ${status}`).toBe(role === "lead" && status === "freigegeben");
        expect(can("vorlage.recordOutcome", s), `${role} ${status}`).toBe(role === "lead" && status === "eingereicht");
        expect(can("signoff.setRequired", s), `${role} ${status}`).toBe(
          role === "lead" && !FROZEN_STATUSES.has(status),
        );
      }
    });
  });

  it("lists the statuses a committee reads in: exactly the submitted ones", () => {
    expect([...COMMITTEE_READABLE_STATUSES].sort()).toEqual([...SUBMITTED_STATUSES].sort());
  });

  it("signs off only for required organisations in which the actor holds the right", () => {
    const organisations = [
      { id: "awo", maySignOff: true },
      { id: "diakonie", maySignOff: false },
      { id: "caritas", maySignOff: true },
    ];
    const req = (...ids: string[]) => ids.map((id) => ({ id, name: id }));
    expect(signoffOrganisations({ organisations }, req("awo", "diakonie")).map((o) => o.id)).toEqual(["awo"]);
    expect(signoffOrganisations({ organisations }, [])).toEqual([]);
    expect(signoffOrganisations({ organisations: [] }, req("awo"))).toEqual([]);
  });

  it("lets a named deputy sign, as deputy, and never a member without the right", () => {
    const person = { organisations: [{ id: "diakonie", maySignOff: false }], deputyFor: [{ id: "caritas" }] };
    expect(maySignFor(person, "caritas")).toBe("deputy");
    expect(maySignFor(person, "diakonie")).toBeNull();
    expect(maySignFor(person, "awo")).toBeNull();
    expect(maySignFor({ organisations: [{ id: "awo", maySignOff: true }] }, "awo")).toBe("member");
    expect(signoffOrganisations(person, [{ id: "caritas", name: "Caritas" }])).toEqual([
      { id: "caritas", name: "Caritas", capacity: "deputy" },
    ]);
  });

  it("lets admins and the organisation's own signers name deputies, not deputies or plain members", () => {
    const member = { isAdmin: false, organisations: [{ id: "awo", maySignOff: true }] };
    expect(mayNameDeputies(member, "awo")).toBe(true);
    expect(mayNameDeputies(member, "caritas")).toBe(false);
    expect(mayNameDeputies({ isAdmin: false, organisations: [{ id: "awo", maySignOff: false }] }, "awo")).toBe(false);
    expect(mayNameDeputies({ isAdmin: true, organisations: [] }, "awo")).toBe(true);
  });
});
