import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { concepts } from "./concepts";
import type { StoredAnchor } from "./consultation";
import { organisations, users } from "./organisations";
import { fassungen, sections } from "./sections";

export const signoffRoundStatus = pgEnum("signoff_round_status", ["open", "voided", "completed"]);
export const signoffDecision = pgEnum("signoff_decision", ["zugestimmt", "zugestimmt_mit_anmerkungen", "abgelehnt"]);
export const paperType = pgEnum("paper_type", ["informationsvorlage", "beschlussvorlage"]);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Organisations whose sign-off (Mitzeichnung) the concept needs. */
export const requiredSignoffs = pgTable(
  "required_signoffs",
  {
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.conceptId, t.organisationId] })],
);

/** One Mitzeichnung round on one frozen Fassung; voided by a rejection or a reopening, kept for the record. */
export const signoffRounds = pgTable(
  "signoff_rounds",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    fassungId: uuid()
      .notNull()
      .references(() => fassungen.id),
    number: integer().notNull(),
    status: signoffRoundStatus().notNull().default("open"),
    contentHash: text().notNull(),
    startedBy: uuid().references(() => users.id),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    voidReason: text(),
  },
  (t) => [
    uniqueIndex("signoff_rounds_concept_number_unique").on(t.conceptId, t.number),
    uniqueIndex("signoff_rounds_one_open")
      .on(t.conceptId)
      .where(sql`${t.status} = 'open'`),
  ],
);

export const signoffs = pgTable(
  "signoffs",
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => signoffRounds.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** Signed by a named deputy (Vertretung), not by one of the organisation's own signers. */
    asDeputy: boolean().notNull().default(false),
    decision: signoffDecision().notNull(),
    remarks: text(),
    /** SHA-256 of the Fassung's content the organisation signed. */
    contentHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("signoffs_round_org_unique").on(t.roundId, t.organisationId)],
);

/** The JSON stored in vorlagen.reading_room_snapshot; dates as ISO strings. */
export type ReadingRoomSnapshotData = {
  version: 1;
  takenAt: string;
  synopse: {
    id: string;
    kind: "kommentar" | "vorschlag" | "textvorschlag";
    sectionNumber: number | null;
    sectionTitle: string;
    organisation: string;
    author: string;
    text: string;
    quote: string | null;
    decision: string | null;
    reason: string | null;
    resultRevision: number | null;
    createdAt: string;
  }[];
  sections: { sectionId: string; ownerName: string }[];
};

/** Immutable stored files (the PDF of a submitted Fassung). */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid().references(() => concepts.id),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    sha512: text().notNull(),
    content: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stored_files_concept_idx").on(t.conceptId)],
);

/** The Vorlage: the paper submitted to the committees of the Beratungsfolge. One per concept. */
export const vorlagen = pgTable(
  "vorlagen",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    fassungId: uuid()
      .notNull()
      .references(() => fassungen.id),
    paperType: paperType().notNull(),
    reference: text().notNull(),
    paperDate: date({ mode: "string" }).notNull(),
    /**
     * The parts of a council paper besides the concept itself, as the lead wrote them at submission: what the
     * committees are asked to decide (Beschlussvorlage only), the financial impact and the reasoning. Null only
     * for Vorlagen submitted before these parts existed.
     */
    decisionProposal: text(),
    financialImpact: text(),
    reasoning: text(),
    fileId: uuid().references(() => storedFiles.id),
    submittedBy: uuid().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * What the committees read besides the frozen Fassung, taken once at submission (Synopse without internal
     * threads, section owners): the reading room and its exports read only this. A trigger refuses any change.
     * Null only for Vorlagen submitted before snapshots existed.
     */
    readingRoomSnapshot: jsonb().$type<ReadingRoomSnapshotData>(),
    /** Set when the Vorlage is withdrawn or referred back after submission; OParl then shows the paper as deleted. */
    withdrawnAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // One active Vorlage per concept; a referred-back one stays (withdrawn) and a new one may follow.
  (t) => [
    uniqueIndex("vorlagen_concept_active_unique")
      .on(t.conceptId)
      .where(sql`${t.withdrawnAt} is null`),
    uniqueIndex("vorlagen_reference_unique").on(t.reference),
  ],
);

/** Rückfragen of committee members, answered by the Verwaltung. */
export const committeeQuestions = pgTable(
  "committee_questions",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    organisationId: uuid().references(() => organisations.id),
    body: text().notNull(),
    /**
     * The passage of the submitted text the question points at (optional): its section, and a quote anchor
     * (W3C TextQuote + TextPosition, as comments use) on that section's text in the submitted Fassung.
     */
    sectionId: uuid().references(() => sections.id),
    anchor: jsonb().$type<StoredAnchor>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answer: text(),
    answeredBy: uuid().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("committee_questions_concept_idx").on(t.conceptId, t.createdAt)],
);
