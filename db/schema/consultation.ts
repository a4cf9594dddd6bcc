import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  integer,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { concepts } from "./concepts";
import { organisations, users } from "./organisations";
import { tsvector, withoutSearchVector } from "./search-vector";
import { sectionRevisions, sections, type TiptapDoc } from "./sections";

export const threadVisibility = pgEnum("thread_visibility", ["alle", "verwaltung"]);
export const threadStatus = pgEnum("thread_status", ["open", "resolved"]);
/** Abwägung: the decision recorded for every comment thread and change proposal. */
export const abwaegung = pgEnum("abwaegung", [
  "uebernommen",
  "teilweise_uebernommen",
  "nicht_uebernommen",
  "zur_kenntnis_genommen",
]);
export const proposalStatus = pgEnum("proposal_status", ["open", "accepted", "rejected", "withdrawn"]);

export type StoredAnchor = {
  quote: { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
  position: { type: "TextPositionSelector"; start: number; end: number };
};

/** A comment thread on a section, optionally anchored to a text selection of one revision. */
export const commentThreads = pgTable(
  "comment_threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    sectionId: uuid()
      .notNull()
      .references(() => sections.id),
    /** The revision the anchor was made on. */
    revisionId: uuid().references(() => sectionRevisions.id),
    anchor: jsonb().$type<StoredAnchor>(),
    visibility: threadVisibility().notNull().default("alle"),
    blocking: boolean().notNull().default(false),
    status: threadStatus().notNull().default("open"),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdByOrganisationId: uuid().references(() => organisations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id),
    decision: abwaegung(),
    decisionReason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionRevisionId: uuid().references(() => sectionRevisions.id),
    /** The suggestion in the live text this thread discusses (Vorschlagsmodus), if any. */
    suggestionId: text().references((): AnyPgColumn => sectionSuggestions.id),
  },
  (t) => [
    index("comment_threads_section_idx").on(t.sectionId, t.createdAt),
    index("comment_threads_concept_idx").on(t.conceptId, t.status),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => commentThreads.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    organisationId: uuid().references(() => organisations.id),
    body: text().notNull(),
    /** Full-text search (lib/search): computed by PostgreSQL from body on every write. */
    searchVector: tsvector().generatedAlwaysAs((): SQL => sql`to_tsvector('german', ${comments.body})`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
    /** Soft delete: a placeholder keeps the thread readable. */
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("comments_thread_idx").on(t.threadId, t.createdAt),
    index("comments_search_vector_idx").using("gin", t.searchVector),
  ],
);

/** Whole comment rows as services read them. */
export const commentColumns = withoutSearchVector(comments);

/** Earlier wordings of an edited comment. */
export const commentVersions = pgTable(
  "comment_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    commentId: uuid()
      .notNull()
      .references(() => comments.id),
    body: text().notNull(),
    replacedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comment_versions_comment_idx").on(t.commentId)],
);

export const commentMentions = pgTable(
  "comment_mentions",
  {
    id: uuid().primaryKey().defaultRandom(),
    commentId: uuid()
      .notNull()
      .references(() => comments.id),
    userId: uuid().references(() => users.id),
    organisationId: uuid().references(() => organisations.id),
  },
  (t) => [
    check("mention_user_xor_org", sql`(${t.userId} is null) <> (${t.organisationId} is null)`),
    index("comment_mentions_comment_idx").on(t.commentId),
  ],
);

/** Änderungsvorschlag: replacement text for a section, based on one of its revisions. */
export const changeProposals = pgTable(
  "change_proposals",
  {
    id: uuid().primaryKey().defaultRandom(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    sectionId: uuid()
      .notNull()
      .references(() => sections.id),
    baseRevisionId: uuid()
      .notNull()
      .references(() => sectionRevisions.id),
    baseVersion: integer().notNull(),
    content: jsonb().$type<TiptapDoc>().notNull(),
    contentText: text().notNull(),
    reason: text().notNull(),
    /** Full-text search (lib/search): computed by PostgreSQL from reason and contentText on every write. */
    searchVector: tsvector().generatedAlwaysAs(
      (): SQL => sql`to_tsvector('german', ${changeProposals.reason} || ' ' || ${changeProposals.contentText})`,
    ),
    proposerId: uuid()
      .notNull()
      .references(() => users.id),
    proposerOrganisationId: uuid().references(() => organisations.id),
    status: proposalStatus().notNull().default("open"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: uuid().references(() => users.id),
    rejectionReason: text(),
    resultRevisionId: uuid().references(() => sectionRevisions.id),
    decision: abwaegung(),
    decisionReason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("change_proposals_section_idx").on(t.sectionId, t.status),
    index("change_proposals_concept_idx").on(t.conceptId),
    index("change_proposals_search_vector_idx").using("gin", t.searchVector),
  ],
);

/** Whole proposal rows as services read them. */
export const proposalColumns = withoutSearchVector(changeProposals);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    conceptId: uuid().references(() => concepts.id),
    title: text().notNull(),
    body: text().notNull().default(""),
    link: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

/** Per user and kind: e-mail off (absent row = on). In-app notifications are always kept. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    email: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const suggestionStatus = pgEnum("suggestion_status", ["open", "accepted", "rejected", "withdrawn"]);
export const suggestionKind = pgEnum("suggestion_kind", ["insertion", "deletion", "replacement", "formatting"]);

/**
 * A suggestion in a section's live text (Vorschlagsmodus), one row per contiguous change of one person: kept in
 * step with the live text by the live-editing server, decided in the Abwägung like a comment or a proposal.
 * The id is the suggestion's id in the text (`<author id>:<random>`).
 */
export const sectionSuggestions = pgTable(
  "section_suggestions",
  {
    id: text().primaryKey(),
    conceptId: uuid()
      .notNull()
      .references(() => concepts.id),
    sectionId: uuid()
      .notNull()
      .references(() => sections.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    authorOrganisationId: uuid().references(() => organisations.id),
    kind: suggestionKind().notNull(),
    deletedText: text().notNull().default(""),
    insertedText: text().notNull().default(""),
    /** The passage it is in, as it reads without it. */
    context: text().notNull().default(""),
    status: suggestionStatus().notNull().default("open"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    decision: abwaegung(),
    decisionReason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    resultRevisionId: uuid().references(() => sectionRevisions.id),
  },
  (t) => [
    index("section_suggestions_section_idx").on(t.sectionId, t.status),
    index("section_suggestions_concept_idx").on(t.conceptId, t.status),
  ],
);
