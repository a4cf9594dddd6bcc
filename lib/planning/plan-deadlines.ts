import { addDays, daysBetween } from "@/lib/clock";
import type { ConceptStatus } from "@/lib/permissions/permissions";
import { onOrBeforeWorkingDay } from "./holidays-nrw";

/**
 * Plans a concept backwards from its committee meetings: each Vorlagenfrist a number of days before its
 * meeting, sign-offs due before the first Vorlagenfrist, consultation ending before that. Every planned
 * date falls on a working day in NRW (moved earlier, never later).
 */
export type PlanningSettings = {
  submissionLeadDays: number;
  signoffDays: number;
  revisionDays: number;
  warnDays: number;
};
export const DEFAULT_PLANNING: PlanningSettings = {
  submissionLeadDays: 14,
  signoffDays: 10,
  revisionDays: 14,
  warnDays: 7,
};

export type PlannedMilestone = {
  kind: "konsultationsende" | "mitzeichnung" | "vorlagenfrist" | "sitzung" | "auftragsfrist";
  date: string;
  committee?: string;
  /** The concept status from which this milestone counts as reached. */
  doneFrom: ConceptStatus;
};
export type PlanState = "im_plan" | "gefaehrdet" | "ueberfaellig";

type Consultation = {
  committee: string;
  meetingDate: string;
  submissionDeadline: string | null;
  outcome: string | null;
};

const ORDER: ConceptStatus[] = [
  "entwurf",
  "konsultation",
  "ueberarbeitung",
  "mitzeichnung",
  "freigegeben",
  "eingereicht",
  "beraten",
  "abgeschlossen",
];
const reached = (status: ConceptStatus, from: ConceptStatus) => ORDER.indexOf(status) >= ORDER.indexOf(from);

export function planDeadlines(
  deadline: string,
  consultations: Consultation[],
  settings: PlanningSettings = DEFAULT_PLANNING,
): PlannedMilestone[] {
  const list: PlannedMilestone[] = [{ kind: "auftragsfrist", date: deadline, doneFrom: "beraten" }];
  const fristen: string[] = [];
  for (const c of consultations) {
    const frist = c.submissionDeadline ?? onOrBeforeWorkingDay(addDays(c.meetingDate, -settings.submissionLeadDays));
    fristen.push(frist);
    list.push({ kind: "vorlagenfrist", date: frist, committee: c.committee, doneFrom: "eingereicht" });
    list.push({
      kind: "sitzung",
      date: c.meetingDate,
      committee: c.committee,
      doneFrom: c.outcome ? "entwurf" : "beraten",
    });
  }
  const firstFrist = fristen.sort()[0] ?? onOrBeforeWorkingDay(addDays(deadline, -settings.submissionLeadDays));
  const signoffDue = onOrBeforeWorkingDay(addDays(firstFrist, -settings.signoffDays));
  const consultationEnd = onOrBeforeWorkingDay(addDays(signoffDue, -settings.revisionDays));
  list.push({ kind: "mitzeichnung", date: signoffDue, doneFrom: "freigegeben" });
  list.push({ kind: "konsultationsende", date: consultationEnd, doneFrom: "ueberarbeitung" });
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Überfällig when a milestone has passed without being reached; gefährdet when the next one is near. */
export function planState(
  milestones: PlannedMilestone[],
  status: ConceptStatus,
  today: string,
  settings: PlanningSettings = DEFAULT_PLANNING,
): PlanState {
  const open = milestones.filter((m) => !reached(status, m.doneFrom));
  if (open.some((m) => m.date < today)) return "ueberfaellig";
  const next = open[0];
  if (next && daysBetween(today, next.date) <= settings.warnDays) return "gefaehrdet";
  return "im_plan";
}
