import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { mailStatus } from "./enums";
import { users } from "./organisations";

/** What an audit event records — the fields its hash covers (lib/audit/hash-audit-event.ts). */
const auditEventFields = () => ({
  occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  actorId: uuid(),
  actorOrganisationId: uuid(),
  action: text().notNull(),
  objectType: text().notNull(),
  objectId: text(),
  conceptId: uuid(),
  summary: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  ip: text(),
});

/** Append-only, hash-chained audit trail. */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigserial({ mode: "number" }).primaryKey(),
    ...auditEventFields(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [index("audit_events_concept_idx").on(t.conceptId, t.seq), index("audit_events_actor_idx").on(t.actorId)],
);

/**
 * Audit events on their way into the chain. A transaction inserts its events here; a deferred trigger
 * (migration 0009) moves them into audit_events at commit, under the chain's lock, computing each hash in
 * PostgreSQL — so the lock every writer shares is held for the commit alone, never while the application
 * works. Only the inserting transaction ever sees its rows: the table is empty at rest (its dead rows wait
 * for VACUUM; the trigger reads through the index on `tx`, so they do not slow it down).
 */
export const auditPending = pgTable(
  "audit_pending",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** The inserting transaction: the trigger finds its rows through the index, whatever dead rows the table holds. */
    tx: bigint({ mode: "number" })
      .notNull()
      .default(sql`txid_current()`),
    ...auditEventFields(),
    /** The row's fields as canonical JSON (lib/audit/hash-audit-event.ts): what its hash covers besides the previous hash. */
    body: text().notNull(),
  },
  (t) => [index("audit_pending_tx_idx").on(t.tx, t.id)],
);

/**
 * Signed-in sessions. The session cookie (a signed JWT) carries the row's id; every request checks the row, so
 * signing out — here or everywhere — ends the session on the server and a copied cookie stops working at once.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/** Failed sign-in counters per account and per IP (key = "email:…" or "ip:…"). */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  lastFailureAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

/**
 * Per-person token bucket for contributions others are notified about — comment threads, replies, change proposals
 * (lib/comments/contribution-rate-limit.ts). Updated in the writing transaction, so it holds across processes.
 */
export const commentRateLimits = pgTable("comment_rate_limits", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Contributions left right now (refilled with time, up to the burst). */
  tokens: doublePrecision().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    status: mailStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("mail_outbox_pending_idx").on(t.status, t.nextAttemptAt)],
);

/** One-time sign-in links (invitation, password reset); only the SHA-256 of the token is stored. */
export const oneTimeTokens = pgTable("one_time_tokens", {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid()
    .notNull()
    .references(() => users.id),
  tokenHash: text().notNull().unique(),
  purpose: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
