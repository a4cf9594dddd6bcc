import { addDays, daysBetween } from "@/lib/clock";

export const DEFAULT_SUBMISSION_LEAD_DAYS = 14;

export type MilestoneKind = "vorlagenfrist" | "sitzung" | "frist";
export type Milestone = { kind: MilestoneKind; date: string; committee?: string };
export type NextMilestone = Milestone & { daysLeft: number; overdue: boolean };

type ConsultationDates = { meetingDate: string; submissionDeadline: string | null; committee: string };

/** All dated milestones of a concept, in date order. */
export function milestonesOf(deadline: string, consultations: ConsultationDates[]): Milestone[] {
  const list: Milestone[] = [{ kind: "frist", date: deadline }];
  for (const c of consultations) {
    list.push({
      kind: "vorlagenfrist",
      date: c.submissionDeadline ?? addDays(c.meetingDate, -DEFAULT_SUBMISSION_LEAD_DAYS),
      committee: c.committee,
    });
    list.push({ kind: "sitzung", date: c.meetingDate, committee: c.committee });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The next milestone from today on; once all have passed, the mandate deadline as overdue. */
export function nextMilestone(today: string, deadline: string, consultations: ConsultationDates[]): NextMilestone {
  const upcoming = milestonesOf(deadline, consultations).find((m) => m.date >= today);
  const m = upcoming ?? { kind: "frist" as const, date: deadline };
  const daysLeft = daysBetween(today, m.date);
  return { ...m, daysLeft, overdue: daysLeft < 0 };
}
