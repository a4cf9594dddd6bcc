import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { vorlagen } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";
import { loadFassungSnapshot } from "@/lib/fassungen/fassung-snapshot";
import { can } from "@/lib/permissions/permissions";
import { findVorlage, listBeratungsfolge, listCommitteeQuestions } from "./get-vorlage";

/**
 * The committee reading room: the submitted Fassung (read through its frozen revisions), the Synopse and the
 * section owners from the snapshot taken at submission, the Vorlage with its Beratungsfolge (whose outcomes
 * are the deliberation itself) and the Rückfragen. Nothing from the drafts, nothing decided after submission.
 */
export async function getReadingRoom(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "readingRoom.read");
  const vorlage = await findVorlage(db, conceptId);
  if (!vorlage) throw notFound();
  const [fassung, snapshot, folge, questions] = await Promise.all([
    loadFassungSnapshot(db, conceptId, vorlage.fassungId),
    loadVorlageSnapshot(db, vorlage.id),
    listBeratungsfolge(db, conceptId),
    listCommitteeQuestions(db, conceptId),
  ]);
  const owners = new Map(snapshot?.sections.map((s) => [s.sectionId, s.ownerName]));
  return {
    concept: access.concept,
    role: access.role,
    vorlage,
    sections: fassung.entries.map((e) => ({ ...e, ownerName: owners.get(e.sectionId) ?? e.ownerName })),
    /** Null only for a Vorlage submitted before snapshots were taken: then no Synopse is shown rather than a live one. */
    synopse: snapshot?.synopse ?? null,
    snapshotTakenAt: snapshot ? new Date(snapshot.takenAt) : null,
    folge,
    questions,
    mayAsk: can("question.create", access.subject),
    mayAnswer: can("question.answer", access.subject),
  };
}

/** The Synopse of the submitted Vorlage for the reading room's downloads: the snapshot, never the live table. */
export async function getReadingRoomSynopse(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "readingRoom.read");
  const vorlage = await findVorlage(db, conceptId);
  if (!vorlage) throw notFound();
  const snapshot = await loadVorlageSnapshot(db, vorlage.id);
  if (!snapshot) throw notFound();
  return { concept: access.concept, reference: vorlage.reference, takenAt: snapshot.takenAt, entries: snapshot.synopse };
}

async function loadVorlageSnapshot(db: Db, vorlageId: string) {
  const [row] = await db.select({ snapshot: vorlagen.readingRoomSnapshot }).from(vorlagen).where(eq(vorlagen.id, vorlageId));
  return row?.snapshot ?? null;
}
