import type { Blocker, TransitionId } from "./transitions";

/** Why a step is blocked, as the German sentence the server answers with. Pure, so each code is unit-tested. */
export function blockerMessage(blocker: Blocker): string {
  const p = blocker.params ?? {};
  const count = Number(p.count ?? 0);
  switch (blocker.code) {
    case "noSections":
      return "Das Konzept hat noch keine Abschnitte";
    case "sectionsNotAgreed":
      return count === 1 ? "1 Abschnitt noch nicht abgestimmt" : `${count} Abschnitte noch nicht abgestimmt`;
    case "openBlockingThreads":
      return count === 1 ? "1 blockierende Diskussion noch offen" : `${count} blockierende Diskussionen noch offen`;
    case "mandateItemUncovered":
      return `Prüfauftrag ${p.number} ist keinem Abschnitt zugeordnet`;
    case "signoffMissing":
      return `Mitzeichnung ${p.organisation} fehlt`;
    case "vorlageIncomplete":
      return "Die Vorlage ist noch nicht vollständig";
    case "notReferredBack":
      return "Kein Ausschuss hat das Konzept zurückverwiesen";
    case "outcomesMissing":
      return count === 1 ? "1 Beratungsergebnis fehlt noch" : `${count} Beratungsergebnisse fehlen noch`;
    case "referredBackPending":
      return "Ein Ausschuss hat das Konzept zurückverwiesen";
    default:
      return `Voraussetzung nicht erfüllt (${blocker.code})`;
  }
}

/** German names of the steps, for messages and the audit trail. */
export const TRANSITION_LABEL: Record<TransitionId, string> = {
  open_consultation: "Konsultation eröffnen",
  close_consultation: "Konsultation beenden",
  reopen_consultation: "Konsultation wieder eröffnen",
  start_signoff: "Mitzeichnung starten",
  reopen_after_signoff: "Mitzeichnung abbrechen und überarbeiten",
  reject_signoff: "Mitzeichnung abgelehnt",
  release: "Freigeben",
  submit: "Einreichen",
  refer_back: "Zur Überarbeitung zurücknehmen",
  complete_deliberation: "Beratung abschließen",
  close: "Abschließen",
};

/** One sentence for a refused step, naming every reason. */
export function refusalMessage(id: TransitionId, blockers: Blocker[]): string {
  return `„${TRANSITION_LABEL[id]}“ ist noch nicht möglich: ${blockers.map(blockerMessage).join("; ")}.`;
}
