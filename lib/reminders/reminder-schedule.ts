import { addDays } from "@/lib/clock";
import { isWorkingDay } from "@/lib/planning/holidays-nrw";

export type ReminderStage = "before" | "due";

/** The date `n` NRW working days before `date` (weekends and public holidays do not count). */
export function workingDaysBefore(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/**
 * Which reminder is due on `today` for a deadline on `due`: "before" from N working days ahead until the day before,
 * "due" from the day itself. Each stage is sent once (reminder_deliveries), so a sweep that missed the exact day
 * still sends it, once, as long as something is owed. Null before the window opens.
 */
export function reminderStage(today: string, due: string, workingDaysAhead: number): ReminderStage | null {
  if (today >= due) return "due";
  if (workingDaysAhead > 0 && today >= workingDaysBefore(due, workingDaysAhead)) return "before";
  return null;
}
