import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { scheduledJobs } from "@/db/schema";
import { sendDueReminders } from "./send-due-reminders";

export const REMINDER_JOB = "reminders";
/** How often the reminder sweep runs at most, across all processes together. */
export const REMINDER_JOB_INTERVAL_MS = 15 * 60_000;

/**
 * Claims the reminder job if it is due and runs one sweep. The claim is one statement — the due row is locked with
 * `FOR UPDATE SKIP LOCKED` and moved on by the interval — so of several processes asking at once exactly one gets it
 * and the others go on at once; no lock is held during the sweep (PGlite has a single connection). Should two sweeps
 * still overlap (a clock moved forward in a test), the delivery key keeps every reminder to one.
 */
export async function runReminderJob(
  db: Db,
  options: { now: Date; today: string; intervalMs?: number },
): Promise<{ ran: boolean; sent: number }> {
  const next = new Date(options.now.getTime() + (options.intervalMs ?? REMINDER_JOB_INTERVAL_MS));
  await db
    .insert(scheduledJobs)
    .values({ name: REMINDER_JOB, runAt: new Date(0) })
    .onConflictDoNothing();
  const claimed = await db
    .update(scheduledJobs)
    .set({ runAt: next, lastRunAt: options.now, runs: sql`${scheduledJobs.runs} + 1` })
    .where(
      sql`${scheduledJobs.name} in (select name from scheduled_jobs where name = ${REMINDER_JOB}
            and run_at <= ${options.now.toISOString()}::timestamptz for update skip locked)`,
    )
    .returning({ name: scheduledJobs.name });
  if (!claimed.length) return { ran: false, sent: 0 };
  return { ran: true, sent: await sendDueReminders(db, options.today) };
}
