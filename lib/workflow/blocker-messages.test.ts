import { describe, expect, it } from "vitest";
import { blockerMessage, refusalMessage } from "./blocker-messages";
import { TRANSITIONS, type WorkflowFacts } from "./transitions";

describe("blocker messages", () => {
  it.each([
    [{ code: "noSections" }, "Das Konzept hat noch keine Abschnitte"],
    [{ code: "sectionsNotAgreed", params: { count: 2 } }, "2 Abschnitte noch nicht abgestimmt"],
    [{ code: "sectionsNotAgreed", params: { count: 1 } }, "1 Abschnitt noch nicht abgestimmt"],
    [{ code: "openBlockingThreads", params: { count: 3 } }, "3 blockierende Diskussionen noch offen"],
    [{ code: "openBlockingThreads", params: { count: 1 } }, "1 blockierende Diskussion noch offen"],
    [{ code: "mandateItemUncovered", params: { number: 3 } }, "Prüfauftrag 3 ist keinem Abschnitt zugeordnet"],
    [{ code: "signoffMissing", params: { organisation: "AWO Düsseldorf" } }, "Mitzeichnung AWO Düsseldorf fehlt"],
    [{ code: "vorlageIncomplete" }, "Die Vorlage ist noch nicht vollständig"],
    [{ code: "notReferredBack" }, "Kein Ausschuss hat das Konzept zurückverwiesen"],
    [{ code: "outcomesMissing", params: { count: 2 } }, "2 Beratungsergebnisse fehlen noch"],
    [{ code: "referredBackPending" }, "Ein Ausschuss hat das Konzept zurückverwiesen"],
  ])("%o → %s", (blocker, sentence) => {
    expect(blockerMessage(blocker)).toBe(sentence);
  });

  it("has a sentence for every code the transition table can produce", () => {
    const worst: WorkflowFacts = {
      sectionCount: 0,
      sectionsNotAgreed: 2,
      openBlockingThreads: 1,
      uncoveredMandateItems: [3],
      missingSignoffs: ["AWO Düsseldorf"],
      vorlageReady: false,
      consultationsWithoutOutcome: 1,
      referredBack: true,
    };
    const codes = new Set(
      TRANSITIONS.flatMap((t) =>
        [...t.blockers(worst), ...t.blockers({ ...worst, referredBack: false })].map((b) => b.code),
      ),
    );
    expect(codes.size).toBeGreaterThanOrEqual(9);
    for (const code of codes)
      expect(blockerMessage({ code, params: { count: 1, number: 1, organisation: "X" } })).not.toMatch(
        /Voraussetzung nicht erfüllt/,
      );
  });

  it("names every reason in a refusal", () => {
    expect(
      refusalMessage("start_signoff", [
        { code: "sectionsNotAgreed", params: { count: 2 } },
        { code: "mandateItemUncovered", params: { number: 3 } },
      ]),
    ).toBe(
      "„Mitzeichnung starten“ ist noch nicht möglich: 2 Abschnitte noch nicht abgestimmt; Prüfauftrag 3 ist keinem Abschnitt zugeordnet.",
    );
  });
});
