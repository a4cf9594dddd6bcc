import { NextResponse } from "next/server";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { scheduledJobs } from "@/db/schema";
import { isDemoDataPresent } from "@/demo/demo-presence";
import { daysBetween, planningToday } from "@/lib/clock";
import { wakeOutboxWorker } from "@/lib/mail/outbox-worker";
import { REMINDER_JOB, runReminderJob } from "@/lib/reminders/run-reminder-job";
import { testSupportEnabled } from "@/config/env";

/**
 * End-to-end tests only (KONZEPTWERK_E2E=1): runs the reminder job in this process as if the clock stood at `today`
 * (yyyy-mm-dd): the planning day is `today`, and the job's own clock moves forward by as many days, so the test
 * needs no waiting. Several processes called alike show that each reminder is sent once. `reset` makes the job due.
 */
export async function POST(request: Request) {
  if (!testSupportEnabled()) return NextResponse.json({ ok: false }, { status: 404 });
  const body = (await request.json().catch(() => ({}))) as { today?: unknown; reset?: unknown };
  if (body.reset === true) {
    // A test starts from a due job, whatever earlier runs against the same database left behind.
    await (
      await getDb()
    )
      .update(scheduledJobs)
      .set({ runAt: new Date(0) })
      .where(eq(scheduledJobs.name, REMINDER_JOB));
    return NextResponse.json({ ok: true });
  }
  const today = typeof body.today === "string" && /^\d{4}-\d{2}-\d{2}$/.test(body.today) ? body.today : null;
  if (!today) return NextResponse.json({ ok: false }, { status: 400 });
  const db = await getDb();
  const shiftDays = Math.max(0, daysBetween(planningToday(await isDemoDataPresent(db)), today));
  const now = new Date(Date.now() + shiftDays * 86_400_000);
  const result = await runReminderJob(db, { now, today });
  if (result.sent) wakeOutboxWorker();
  return NextResponse.json(result);
}
