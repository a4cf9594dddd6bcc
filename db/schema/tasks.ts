import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { concepts } from "./concepts";
import { organisations, users } from "./organisations";

/**
 * Vertretung: people who may sign off (Mitzeichnung) for an organisation besides its own signers. Named by an
 * administrator or by one of the organisation's signers; a revoked deputy keeps the row for the record.
 */
export const signoffDeputies = pgTable(
  "signoff_deputies",
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    namedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index("signoff_deputies_user_idx").on(t.userId)],
);

/**
 * Background jobs claimed in the database (`FOR UPDATE SKIP LOCKED`): whichever server process gets a due row runs
 * it and moves `run_at` on. Works the same on PostgreSQL and PGlite.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text().primaryKey(),
  runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
  lastRunAt: timestamp({ withTimezone: true }),
  runs: integer().notNull().default(0),
});

/**
 * One row per reminder sent: the unique key (what, to whom, for which deadline and which reminder day) makes the
 * sending exactly-once however many processes sweep at the same time.
 */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** e.g. "signoff:<roundId>:<organisationId>", "vorlagenfrist:<consultationId>", "question:<questionId>" */
    subject: text().notNull(),
    dueDate: text().notNull(),
    /** "before" (N working days ahead) or "due" (on the day). */
    stage: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reminder_deliveries_once").on(t.subject, t.userId, t.dueDate, t.stage),
    index("reminder_deliveries_concept_idx").on(t.conceptId),
  ],
);
