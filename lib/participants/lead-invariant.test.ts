import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONCEPT_ROLES } from "@/lib/permissions/permissions";
import { keepsActiveLead, type ParticipantState } from "./lead-invariant";

const p = (id: string, role: ParticipantState["role"], active = true): ParticipantState => ({ id, role, active });

describe("a concept keeps a lead", () => {
  it("refuses removing or demoting the only lead", () => {
    const ps = [p("a", "lead"), p("b", "author"), p("c", "contributor")];
    expect(keepsActiveLead(ps, { kind: "remove", participantId: "a" })).toBe(false);
    expect(keepsActiveLead(ps, { kind: "setRole", participantId: "a", role: "author" })).toBe(false);
  });
  it("does not count a deactivated lead", () => {
    const ps = [p("a", "lead"), p("b", "lead", false)];
    expect(keepsActiveLead(ps, { kind: "remove", participantId: "a" })).toBe(false);
  });
  it("allows it when another active lead remains, and never blocks other participants", () => {
    const ps = [p("a", "lead"), p("b", "lead"), p("c", "contributor")];
    expect(keepsActiveLead(ps, { kind: "remove", participantId: "a" })).toBe(true);
    expect(
      keepsActiveLead([p("a", "lead", false), p("c", "contributor")], { kind: "remove", participantId: "c" }),
    ).toBe(true);
    expect(keepsActiveLead(ps, { kind: "setRole", participantId: "a", role: "lead" })).toBe(true);
  });
  it("holds for any participants and any change", () => {
    const role = fc.constantFrom(...CONCEPT_ROLES);
    const participants = fc.uniqueArray(
      fc.record({ id: fc.constantFrom("a", "b", "c", "d"), role, active: fc.boolean() }),
      { selector: (x) => x.id },
    );
    const change = fc.oneof(
      fc.record({ kind: fc.constant("remove" as const), participantId: fc.constantFrom("a", "b", "c", "d") }),
      fc.record({ kind: fc.constant("setRole" as const), participantId: fc.constantFrom("a", "b", "c", "d"), role }),
    );
    fc.assert(
      fc.property(participants, change, (ps, c) => {
        const result = keepsActiveLead(ps, c);
        const target = ps.find((x) => x.id === c.participantId);
        const after =
          c.kind === "remove"
            ? ps.filter((x) => x.id !== c.participantId)
            : ps.map((x) => (x.id === c.participantId ? { ...x, role: c.role } : x));
        const affectsLead = target?.role === "lead";
        expect(result).toBe(!affectsLead || after.some((x) => x.role === "lead" && x.active));
      }),
    );
  });
});
