import { sql, type SQL } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { concepts, mandateItems } from "./concepts";
import { sectionStatus } from "./enums";
import { organisations, users } from "./organisations";
import { tsvector, withoutSearchVector } from "./search-vector";

export type TiptapDoc = { type: "doc"; content?: unknown[] };

export const sections = pgTable(
  "sections",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    position: integer().notNull(),
    title: text().notNull(),
    ownerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    status: sectionStatus().notNull().default("entwurf"),
    /** Current content (tiptap JSON); always equal to the content of the latest revision. */
    content: jsonb().$type<TiptapDoc>().notNull(),
    contentText: text().notNull().default(""),
    /** Full-text search (lib/search): computed by PostgreSQL from contentText on every write. */
    searchVector: tsvector().generatedAlwaysAs((): SQL => sql`to_tsvector('german', ${sections.contentText})`),
    /** Optimistic-locking counter: the number of the latest revision (0 = none yet). */
    version: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [
    index("sections_concept_idx").on(t.conceptId, t.position),
    index("sections_search_vector_idx").using("gin", t.searchVector),
  ],
);

/** Whole section rows as services read them. */
export const sectionColumns = withoutSearchVector(sections);

/** Immutable: every save writes one row; nothing ever updates or deletes it. */
export const sectionRevisions = pgTable(
  "section_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    sectionId: uuid()
      .notNull()
      .references(() => sections.id),
    number: integer().notNull(),
    authorId: uuid().references(() => users.id),
    organisationId: uuid().references(() => organisations.id),
    /** Set when the revision applies someone else's change proposal. */
    creditedUserId: uuid().references(() => users.id),
    note: text(),
    restoredFromNumber: integer(),
    content: jsonb().$type<TiptapDoc>().notNull(),
    contentText: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("section_revisions_section_number_unique").on(t.sectionId, t.number)],
);

export const sectionMandateItems = pgTable(
  "section_mandate_items",
  {
    sectionId: uuid()
      .notNull()
      .references(() => sections.id),
    mandateItemId: uuid()
      .notNull()
      .references(() => mandateItems.id),
  },
  (t) => [
    primaryKey({ columns: [t.sectionId, t.mandateItemId] }),
    index("section_mandate_items_item_idx").on(t.mandateItemId),
  ],
);

/** A named, frozen version of the whole concept: the revision ids it consists of. */
export const fassungen = pgTable(
  "fassungen",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    name: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("fassungen_concept_name_unique").on(t.conceptId, t.name)],
);

export const fassungSections = pgTable(
  "fassung_sections",
  {
    fassungId: uuid()
      .notNull()
      .references(() => fassungen.id),
    sectionId: uuid()
      .notNull()
      .references(() => sections.id),
    revisionId: uuid().references(() => sectionRevisions.id),
    position: integer().notNull(),
    title: text().notNull(),
    ownerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.fassungId, t.sectionId] })],
);

const yjsState = customType<{ data: Uint8Array; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * The live text of a section as one Yjs document (see docs/architecture.md, "Live-Bearbeitung"): written a
 * moment after the last change and when the last person leaves. Revisions are cut from it.
 */
export const sectionLiveDocuments = pgTable("section_live_documents", {
  sectionId: uuid()
    .primaryKey()
    .references(() => sections.id),
  state: yjsState().notNull(),
  /** The revision number the live text was last cut as (or started from). */
  baseVersion: integer().notNull(),
  /** Whether there are changes since that revision. */
  dirty: boolean().notNull().default(false),
  /** Everyone who changed the live text since the last revision (user ids). */
  contributorIds: jsonb().$type<string[]>().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * What changed in a live text since its state above was last written whole: each store appends only what the
 * process holds beyond its previous store (a Yjs update), so a store costs the typing since the last one, not
 * the whole section. The state and these updates together are the live text (`readStoredLiveState`); writing
 * the state whole folds them in and deletes them.
 */
export const sectionLiveUpdates = pgTable(
  "section_live_updates",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    sectionId: uuid()
      .notNull()
      .references(() => sections.id),
    update: yjsState().notNull(),
  },
  (t) => [index("section_live_updates_section_idx").on(t.sectionId, t.id)],
);

/** Everyone whose typing went into a revision cut from the live text. */
export const sectionRevisionContributors = pgTable(
  "section_revision_contributors",
  {
    revisionId: uuid()
      .notNull()
      .references(() => sectionRevisions.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.userId] })],
);
