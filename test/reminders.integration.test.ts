import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database, type Db } from "@/db/connect";
import { mailOutbox, notifications, reminderDeliveries, scheduledJobs } from "@/db/schema";
import { seedDemo } from "@/demo/seed-demo";
import { demoEmail } from "@/demo/welcome-points";
import type { Actor } from "@/lib/auth/load-actor";
import { runReminderJob } from "@/lib/reminders/run-reminder-job";
import { workingDaysBefore } from "@/lib/reminders/reminder-schedule";
import { sendDueReminders } from "@/lib/reminders/send-due-reminders";
import { signoffDueDate } from "@/lib/tasks/concept-deadlines";
import { getSignoffOverview } from "@/lib/workflow/get-signoff-overview";
import { signOff } from "@/lib/workflow/sign-off";
import { transitionConcept } from "@/lib/workflow/transition-concept";
import { demoActor } from "./fixtures";
import { createTestDatabase } from "./test-database";
import { agreeAllSections, freshConcept } from "./workflow-helpers";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
/** A second connection pool on the same database: another server process, as far as the database can tell. */
let other: Database | null = null;
let db: Db, db2: Db;
let lead: Actor, awo: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  if (database.kind === "postgres") {
    const [{ name }] = (await db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    other = await connect({ databaseUrl: url.toString(), maxConnections: 10 });
  }
  db2 = other?.db ?? db;
  await seedDemo(db);
  lead = await demoActor(db, "federfuehrung");
  awo = await demoActor(db, "awo");
});
afterAll(async () => {
  await other?.close();
  await database?.cleanup();
});

async function conceptInMitzeichnung() {
  const { conceptId } = await freshConcept(db);
  await transitionConcept(db, lead, { conceptId, transition: "open_consultation" });
  await transitionConcept(db, lead, { conceptId, transition: "close_consultation" });
  await agreeAllSections(db, lead, conceptId);
  await transitionConcept(db, lead, { conceptId, transition: "start_signoff" });
  return conceptId;
}

const remindersOf = (conceptId: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.conceptId, conceptId), eq(notifications.kind, "reminder")));

describe("reminders", () => {
  it("sends each reminder exactly once with two processes sweeping at the same moment", async () => {
    const conceptId = await conceptInMitzeichnung();
    const concept = (await db.query.concepts.findFirst({ where: (c, { eq: is }) => is(c.id, conceptId) }))!;
    const due = await signoffDueDate(db, concept);
    const early = workingDaysBefore(due, 3);

    // The day before the window opens: nothing.
    await sendDueReminders(db, workingDaysBefore(due, 4));
    expect(await remindersOf(conceptId)).toEqual([]);

    // Two processes sweep at once (the job claim bypassed): every reminder still goes out once.
    const countDeliveries = async () => (await db.select().from(reminderDeliveries)).length;
    const before = await countDeliveries();
    const [a, b] = await Promise.all([sendDueReminders(db, early), sendDueReminders(db2, early)]);
    const first = await remindersOf(conceptId);
    expect(first.length).toBeGreaterThan(0);
    expect(a + b).toBe((await countDeliveries()) - before);
    const perUserAndTitle = new Set(first.map((n) => `${n.userId}|${n.title}`));
    expect(perUserAndTitle.size).toBe(first.length);
    const awoNotice = first.find((n) => n.userId === awo.id)!;
    expect(awoNotice.title).toMatch(/^Erinnerung: Mitzeichnung für AWO Düsseldorf bis \d{2}\.\d{2}\.\d{4}$/);
    expect(awoNotice.link).toBe(`/konzepte/${conceptId}/mitzeichnung`);
    const mails = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, demoEmail("awo")));
    expect(mails.filter((m) => m.subject.startsWith("Konzeptwerk: Erinnerung: Mitzeichnung")).length).toBe(1);

    // The same day again: nothing new.
    expect(await sendDueReminders(db, early)).toBe(0);

    // AWO signs; on the day of the deadline two processes ask for the job: exactly one runs it, and AWO is not
    // reminded of what it has already done.
    const { openRound } = await getSignoffOverview(db, awo, conceptId);
    await signOff(db, awo, {
      conceptId,
      roundId: openRound!.id,
      contentHash: openRound!.contentHash,
      decision: "zugestimmt",
    });
    const now = new Date(`${due}T09:00:00+02:00`);
    const runs = await Promise.all([runReminderJob(db, { now, today: due }), runReminderJob(db2, { now, today: due })]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    const onTheDay = (await remindersOf(conceptId)).filter((n) => n.title.startsWith("Heute fällig"));
    expect(onTheDay.length).toBeGreaterThan(0);
    expect(onTheDay.some((n) => n.userId === awo.id)).toBe(false);
    expect(onTheDay.some((n) => n.title.includes("Caritasverband Düsseldorf"))).toBe(true);

    // Until the interval has passed nobody runs the job again; the delivery rows are unique per key.
    expect((await runReminderJob(db2, { now: new Date(now.getTime() + 60_000), today: due })).ran).toBe(false);
    const [job] = await db.select().from(scheduledJobs);
    expect(job!.runs).toBeGreaterThanOrEqual(1);
    const deliveries = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.conceptId, conceptId));
    expect(new Set(deliveries.map((d) => `${d.subject}|${d.userId}|${d.dueDate}|${d.stage}`)).size).toBe(
      deliveries.length,
    );
  });
});
