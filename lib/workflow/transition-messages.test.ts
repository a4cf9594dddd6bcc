import { describe, expect, it } from "vitest";
import { formatMessage, isMessageKey } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { blockerMessage } from "./transition-concept";
import { TRANSITIONS, type Blocker, type WorkflowFacts } from "./transitions";

const german = (blocker: Blocker) => formatMessage(blockerMessage(blocker));

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
    [
      { code: "noSigner", params: { organisation: "Caritasverband Düsseldorf" } },
      "Für Caritasverband Düsseldorf kann niemand mitzeichnen (keine aktive Person mit Zeichnungsrecht oder Vertretung)",
    ],
    [{ code: "sectionEmpty", params: { title: "Finanzierung" } }, "Der Abschnitt „Finanzierung“ ist leer"],
  ])("%o → %s", (blocker, sentence) => {
    expect(german(blocker)).toBe(sentence);
  });

  it("has a sentence in both languages for every code the transition table can produce", () => {
    const worst: WorkflowFacts = {
      sectionCount: 0,
      sectionsNotAgreed: 2,
      openBlockingThreads: 1,
      openSuggestions: 2,
      emptySections: ["Finanzierung"],
      organisationsWithoutSigner: ["Caritasverband Düsseldorf"],
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
    for (const code of codes) expect(isMessageKey(blockerMessage({ code }).key), code).toBe(true);
    for (const t of TRANSITIONS) expect(isMessageKey(`workflow.transition.${t.id}`), t.id).toBe(true);
  });

  it("names every reason in a refusal, in German and in English", () => {
    const refusal = new AppError("VALIDATION", "appError.workflow.refused", {
      step: { key: "workflow.transition.start_signoff" },
      reasons: {
        join: "; ",
        items: [
          blockerMessage({ code: "sectionsNotAgreed", params: { count: 2 } }),
          blockerMessage({ code: "mandateItemUncovered", params: { number: 3 } }),
        ],
      },
    });
    expect(refusal.message).toBe(
      "„Mitzeichnung starten“ ist noch nicht möglich: 2 Abschnitte noch nicht abgestimmt; Prüfauftrag 3 ist keinem Abschnitt zugeordnet.",
    );
    expect(refusal.translate("en").message).toMatch(
      /^“Start sign-off \(Mitzeichnung\)” is not possible yet: 2 sections not agreed yet; /,
    );
  });
});
