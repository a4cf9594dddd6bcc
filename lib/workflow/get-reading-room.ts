import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { jsonColumn } from "@/db/query-rows";
import { type ReadingRoomSnapshotData, vorlagen } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";
import { loadFassungSnapshot } from "@/lib/fassungen/fassung-snapshot";
import { clampPage } from "@/lib/paging";
import { can } from "@/lib/permissions/permissions";
import { SYNOPSE_PAGE_SIZE } from "@/lib/synopse/list-synopse";
import { findVorlage, listBeratungsfolge, listCommitteeQuestions } from "./get-vorlage";

/** Who may read the reading room, and the submitted Vorlage it shows (404 while there is none). */
async function requireReadingRoomVorlage(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "readingRoom.read");
  const vorlage = await findVorlage(db, conceptId);
  if (!vorlage) throw notFound();
  return { access, vorlage };
}

/**
 * The committee reading room: the submitted Fassung (read through its frozen revisions), the Synopse and the
 * section owners from the snapshot taken at submission, the Vorlage with its Beratungsfolge (whose outcomes
 * are the deliberation itself) and the Rückfragen. Nothing from the drafts, nothing decided after submission.
 */
export async function getReadingRoom(db: Db, actor: Actor, conceptId: string) {
  const { access, vorlage } = await requireReadingRoomVorlage(db, actor, conceptId);
  const [fassung, snapshot, folge, questions] = await Promise.all([
    loadFassungSnapshot(db, conceptId, vorlage.fassungId),
    loadSnapshotSummary(db, vorlage.id),
    listBeratungsfolge(db, conceptId),
    listCommitteeQuestions(db, conceptId),
  ]);
  const owners = new Map(snapshot?.sections.map((s) => [s.sectionId, s.ownerName]));
  return {
    concept: access.concept,
    role: access.role,
    vorlage,
    sections: fassung.entries.map((e) => ({ ...e, ownerName: owners.get(e.sectionId) ?? e.ownerName })),
    /**
     * How many entries the snapshot's Synopse has (read on its own page, `lesesaal/synopse`). Null only for a
     * Vorlage submitted before snapshots were taken: then no Synopse is shown rather than a live one.
     */
    synopseCount: snapshot?.synopseCount ?? null,
    snapshotTakenAt: snapshot ? new Date(snapshot.takenAt) : null,
    folge,
    questions,
    mayAsk: can("question.create", access.subject),
    mayAnswer: can("question.answer", access.subject),
  };
}

/** The Synopse of the submitted Vorlage for the reading room's downloads: the snapshot, never the live table. */
export async function getReadingRoomSynopse(db: Db, actor: Actor, conceptId: string) {
  const { access, vorlage } = await requireReadingRoomVorlage(db, actor, conceptId);
  const snapshot = await loadVorlageSnapshot(db, vorlage.id);
  if (!snapshot) throw notFound();
  return {
    concept: access.concept,
    reference: vorlage.reference,
    takenAt: snapshot.takenAt,
    entries: snapshot.synopse,
  };
}

/**
 * One page of the snapshot's Synopse for the reading room, `SYNOPSE_PAGE_SIZE` entries in the stored order; the
 * page is clamped to the list. The snapshot is one stored JSON document: PostgreSQL counts its entries and cuts
 * the page (a jsonpath slice), so the server never reads the thousands of entries it does not show.
 */
export async function getReadingRoomSynopsePage(db: Db, actor: Actor, conceptId: string, page: number | string = 1) {
  const { access, vorlage } = await requireReadingRoomVorlage(db, actor, conceptId);
  const summary = await loadSnapshotSummary(db, vorlage.id);
  if (!summary) throw notFound();
  const window = clampPage(page, summary.synopseCount, SYNOPSE_PAGE_SIZE);
  const snapshot = vorlagen.readingRoomSnapshot;
  const slice = `$[${window.offset} to ${window.offset + window.perPage - 1}]`;
  const [row] = await db
    .select({
      entries: sql<
        ReadingRoomSnapshotData["synopse"]
      >`jsonb_path_query_array(${snapshot}->'synopse', ${slice}::jsonpath)`.mapWith(
        jsonColumn<ReadingRoomSnapshotData["synopse"]>,
      ),
    })
    .from(vorlagen)
    .where(eq(vorlagen.id, vorlage.id));
  return {
    concept: access.concept,
    reference: vorlage.reference,
    takenAt: summary.takenAt,
    entries: row?.entries ?? [],
    ...window,
  };
}

/** What the reading room itself shows of the snapshot: the owners and the size of the Synopse, not its entries. */
async function loadSnapshotSummary(db: Db, vorlageId: string) {
  const snapshot = vorlagen.readingRoomSnapshot;
  const [row] = await db
    .select({
      takenAt: sql<string>`${snapshot}->>'takenAt'`,
      sections: sql<ReadingRoomSnapshotData["sections"]>`${snapshot}->'sections'`.mapWith(
        jsonColumn<ReadingRoomSnapshotData["sections"]>,
      ),
      synopseCount: sql<number>`jsonb_array_length(${snapshot}->'synopse')`.mapWith(Number),
    })
    .from(vorlagen)
    .where(and(eq(vorlagen.id, vorlageId), isNotNull(snapshot)));
  return row ?? null;
}

async function loadVorlageSnapshot(db: Db, vorlageId: string) {
  const [row] = await db
    .select({ snapshot: vorlagen.readingRoomSnapshot })
    .from(vorlagen)
    .where(eq(vorlagen.id, vorlageId));
  return row?.snapshot ?? null;
}
