import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { notFound } from "@/lib/errors";
import { loadFassungSnapshot } from "@/lib/fassungen/fassung-snapshot";
import { can } from "@/lib/permissions/permissions";
import { loadSynopseEntries } from "@/lib/synopse/list-synopse";
import { findVorlage, listBeratungsfolge, listCommitteeQuestions } from "./get-vorlage";

/**
 * The committee reading room: the submitted Fassung (read through its frozen revisions), the Synopse without
 * internal threads, the Vorlage with its Beratungsfolge and the Rückfragen. Nothing from the drafts.
 */
export async function getReadingRoom(db: Db, actor: Actor, conceptId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "readingRoom.read");
  const vorlage = await findVorlage(db, conceptId);
  if (!vorlage) throw notFound();
  const [snapshot, synopse, folge, questions] = await Promise.all([
    loadFassungSnapshot(db, conceptId, vorlage.fassungId),
    loadSynopseEntries(db, conceptId, false),
    listBeratungsfolge(db, conceptId),
    listCommitteeQuestions(db, conceptId),
  ]);
  return {
    concept: access.concept,
    role: access.role,
    vorlage,
    sections: snapshot.entries,
    synopse,
    folge,
    questions,
    mayAsk: can("question.create", access.subject),
    mayAnswer: can("question.answer", access.subject),
  };
}
