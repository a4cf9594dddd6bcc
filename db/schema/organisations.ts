import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { gremiumClassification, organisationKind } from "./enums";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    shortName: text().notNull(),
    kind: organisationKind().notNull(),
    /** Only for kind = gremium: Ausschuss (deciding) or Beirat (advisory, e.g. Integrationsrat). */
    classification: gremiumClassification(),
    /** Demo data naming a real organisation is marked as illustrative in the UI. */
    illustrative: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisations_name_unique").on(sql`lower(${t.name})`)],
);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    email: text().notNull(),
    passwordHash: text(),
    active: boolean().notNull().default(true),
    isAdmin: boolean().notNull().default(false),
    /** Verwaltung users granted the right to create concepts from a mandate. */
    canCreateConcepts: boolean().notNull().default(false),
    locale: text().notNull().default("de"),
    /** Bumped on password change or deactivation; sessions carrying an older value end. */
    sessionVersion: text()
      .notNull()
      .default(sql`gen_random_uuid()::text`),
    /** Secret of the personal iCal feed URL (only its SHA-256 is stored); null until the user creates one. */
    calendarTokenHash: text().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_unique").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** May sign off (Mitzeichnung) on behalf of the organisation. */
    maySignOff: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index("memberships_org_idx").on(t.organisationId)],
);
