import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { conceptStatus, consultationOutcome, consultationRole, participantRole } from "./enums";
import { organisations, users } from "./organisations";

export const concepts = pgTable("concepts", {
  id: uuid().primaryKey().defaultRandom(),
  title: text().notNull(),
  mandateText: text().notNull(),
  mandateReference: text().notNull(),
  decisionDate: date({ mode: "string" }).notNull(),
  deadline: date({ mode: "string" }).notNull(),
  status: conceptStatus().notNull().default("entwurf"),
  leadOrganisationId: uuid()
    .notNull()
    .references(() => organisations.id),
  /** Planning: Vorlagenfrist days before a meeting, sign-off and revision periods (see lib/planning). */
  submissionLeadDays: integer().notNull().default(14),
  signoffDays: integer().notNull().default(10),
  revisionDays: integer().notNull().default(14),
  /** Reminders go out this many NRW working days before each deadline (and on the day itself). */
  reminderDays: integer().notNull().default(3),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A person or a whole organisation taking part in a concept with a role. */
export const conceptParticipants = pgTable(
  "concept_participants",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    userId: uuid().references(() => users.id),
    organisationId: uuid().references(() => organisations.id),
    role: participantRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("participant_user_xor_org", sql`(${t.userId} is null) <> (${t.organisationId} is null)`),
    uniqueIndex("participants_concept_user_unique")
      .on(t.conceptId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex("participants_concept_org_unique")
      .on(t.conceptId, t.organisationId)
      .where(sql`${t.organisationId} is not null`),
    index("participants_user_idx").on(t.userId),
    index("participants_org_idx").on(t.organisationId),
  ],
);

/** Prüfaufträge / mandate items of the council motion. */
export const mandateItems = pgTable(
  "mandate_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    position: integer().notNull(),
    text: text().notNull(),
  },
  (t) => [index("mandate_items_concept_idx").on(t.conceptId, t.position)],
);

/** The Beratungsfolge: committees in order. */
export const consultations = pgTable(
  "consultations",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    position: integer().notNull(),
    committeeId: uuid()
      .notNull()
      .references(() => organisations.id),
    role: consultationRole().notNull(),
    meetingDate: date({ mode: "string" }).notNull(),
    /** When the meeting begins (Berlin time, HH:MM:SS); the Beratungsfolge editor asks for it. Null for older rows. */
    meetingTime: time({ precision: 0 }),
    /** Vorlagenfrist; when null it is planned from the meeting date. */
    submissionDeadline: date({ mode: "string" }),
    outcome: consultationOutcome(),
    outcomeDate: date({ mode: "string" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consultations_concept_idx").on(t.conceptId, t.position),
    index("consultations_committee_idx").on(t.committeeId),
  ],
);

/**
 * Break-glass access: an administrator without a role in the concept opens its backup and Protokoll for a short
 * time, with a stated reason. Opening it is audited and the lead is told at once (docs/decisions/0011).
 */
export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("break_glass_grants_concept_user_idx").on(t.conceptId, t.userId, t.expiresAt)],
);
