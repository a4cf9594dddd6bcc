import { describe, expect, it } from "vitest";
import { CONCEPT_ROLES, CONCEPT_STATUSES, type ConceptRole } from "@/lib/permissions/permissions";
import {
  TRANSITIONS,
  availableSteps,
  checkTransition,
  isOfferedIn,
  stepsOfferedIn,
  type WorkflowFacts,
} from "./transitions";

const READY: WorkflowFacts = {
  sectionCount: 8,
  sectionsNotAgreed: 0,
  openBlockingThreads: 0,
  openSuggestions: 0,
  emptySections: [],
  organisationsWithoutSigner: [],
  uncoveredMandateItems: [],
  missingSignoffs: [],
  vorlageReady: true,
  consultationsWithoutOutcome: 0,
  referredBack: false,
};

const roles: (ConceptRole | null)[] = [...CONCEPT_ROLES, null];

describe("workflow transitions", () => {
  it("connects the states as the domain describes, forwards and back", () => {
    const edges = TRANSITIONS.map((t) => `${t.from}→${t.to}`);
    for (const edge of [
      "entwurf→konsultation",
      "konsultation→ueberarbeitung",
      "ueberarbeitung→konsultation",
      "ueberarbeitung→mitzeichnung",
      "mitzeichnung→ueberarbeitung",
      "mitzeichnung→freigegeben",
      "freigegeben→eingereicht",
      "eingereicht→beraten",
      "eingereicht→ueberarbeitung",
      "beraten→abgeschlossen",
    ]) {
      expect(edges).toContain(edge);
    }
    expect(TRANSITIONS.filter((t) => t.from === "abgeschlossen")).toEqual([]);
  });

  it("lets only the lead take manual steps, in every state", () => {
    for (const status of CONCEPT_STATUSES) {
      for (const role of roles) {
        const steps = availableSteps(status, role, READY);
        if (role !== "lead") expect(steps, `${status} ${role}`).toEqual([]);
        for (const t of TRANSITIONS.filter((x) => x.from === status && x.trigger.kind === "person")) {
          const result = checkTransition(t.id, status, role, { ...READY, referredBack: t.id === "refer_back" });
          expect(result.ok, `${t.id} by ${role}`).toBe(role === "lead");
        }
      }
    }
  });

  it("refuses every transition from any other state", () => {
    for (const t of TRANSITIONS) {
      for (const status of CONCEPT_STATUSES.filter((s) => s !== t.from)) {
        expect(checkTransition(t.id, status, "lead", READY)).toMatchObject({ ok: false, reason: "wrongState" });
      }
    }
  });

  it("names exactly why Mitzeichnung cannot start", () => {
    const result = checkTransition("start_signoff", "ueberarbeitung", "lead", {
      ...READY,
      sectionsNotAgreed: 2,
      openBlockingThreads: 1,
      uncoveredMandateItems: [3],
    });
    expect(result).toEqual({
      ok: false,
      reason: "blocked",
      blockers: [
        { code: "sectionsNotAgreed", params: { count: 2 } },
        { code: "openBlockingThreads", params: { count: 1 } },
        { code: "mandateItemUncovered", params: { number: 3 } },
      ],
    });
  });

  it("refuses the Mitzeichnung for an empty section and an organisation nobody may sign for", () => {
    const result = checkTransition("start_signoff", "ueberarbeitung", "lead", {
      ...READY,
      emptySections: ["Finanzierung"],
      organisationsWithoutSigner: ["Caritasverband Düsseldorf"],
    });
    expect(result).toEqual({
      ok: false,
      reason: "blocked",
      blockers: [
        { code: "sectionEmpty", params: { title: "Finanzierung" } },
        { code: "noSigner", params: { organisation: "Caritasverband Düsseldorf" } },
      ],
    });
  });

  it("releases only with every sign-off and submits only a complete Vorlage", () => {
    expect(checkTransition("release", "mitzeichnung", "lead", { ...READY, missingSignoffs: ["AWO"] })).toMatchObject({
      ok: false,
      blockers: [{ code: "signoffMissing", params: { organisation: "AWO" } }],
    });
    expect(checkTransition("submit", "freigegeben", "lead", { ...READY, vorlageReady: false })).toMatchObject({
      ok: false,
      reason: "blocked",
    });
    expect(
      checkTransition("complete_deliberation", "eingereicht", "lead", { ...READY, consultationsWithoutOutcome: 1 }),
    ).toMatchObject({ ok: false });
  });

  it("takes the rejection edge automatically, whoever rejects", () => {
    expect(checkTransition("reject_signoff", "mitzeichnung", "contributor", READY)).toMatchObject({ ok: true });
    expect(availableSteps("mitzeichnung", "lead", READY).map((s) => s.transition.id)).not.toContain("reject_signoff");
  });

  it("offers each step where the product offers it: the panel, the Vorlage page, the Vorlage submission", () => {
    expect(stepsOfferedIn("workflowPanel")).toEqual([
      "open_consultation",
      "close_consultation",
      "reopen_consultation",
      "start_signoff",
      "reopen_after_signoff",
      "release",
      "complete_deliberation",
      "close",
    ]);
    expect(stepsOfferedIn("vorlagePage")).toEqual(["refer_back", "complete_deliberation", "close"]);
    expect(stepsOfferedIn("vorlageSubmission")).toEqual(["submit"]);
    // Every step a person takes is offered somewhere; an automatic step nowhere.
    for (const t of TRANSITIONS)
      expect(t.trigger.kind === "person" ? t.trigger.places.length > 0 : !isOfferedIn(t, "workflowPanel")).toBe(true);
  });

  it("gives each sign-off edge its effect on the round, and only refer_back withdraws the Vorlage", () => {
    const effect = (id: string) => TRANSITIONS.find((t) => t.id === id)!.effect.kind;
    expect(effect("start_signoff")).toBe("openSignoffRound");
    expect(effect("reopen_after_signoff")).toBe("voidSignoffRound");
    expect(effect("reject_signoff")).toBe("voidSignoffRound");
    expect(effect("release")).toBe("completeSignoffRound");
    expect(TRANSITIONS.filter((t) => t.effect.kind === "withdrawVorlage").map((t) => t.id)).toEqual(["refer_back"]);
    // Every edge out of the Mitzeichnung closes the open round one way or the other.
    for (const t of TRANSITIONS.filter((x) => x.from === "mitzeichnung"))
      expect(["voidSignoffRound", "completeSignoffRound"], t.id).toContain(t.effect.kind);
  });
});
