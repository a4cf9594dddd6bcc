import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { fassungSections, organisations, type ReadingRoomSnapshotData } from "@/db/schema";
import { loadSynopseEntries } from "@/lib/synopse/load-synopse-entries";

export type ReadingRoomSnapshot = ReadingRoomSnapshotData;

/**
 * What the committees read besides the frozen Fassung, as it stands at submission: the Synopse as they may
 * see it (internal threads left out in the query) and the owners of the Fassung's sections. Stored with the
 * Vorlage; later decisions, reopenings or renamed organisations never reach the reading room.
 */
export async function takeReadingRoomSnapshot(
  tx: Tx,
  conceptId: string,
  fassungId: string,
): Promise<ReadingRoomSnapshot> {
  const db = tx as unknown as Db;
  const [entries, owners] = await Promise.all([
    loadSynopseEntries(db, conceptId, false),
    tx
      .select({ sectionId: fassungSections.sectionId, ownerName: organisations.name })
      .from(fassungSections)
      .innerJoin(organisations, eq(organisations.id, fassungSections.ownerOrganisationId))
      .where(eq(fassungSections.fassungId, fassungId)),
  ]);
  return {
    version: 1,
    takenAt: new Date().toISOString(),
    synopse: entries
      .filter((e) => !e.internal)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        sectionNumber: e.sectionNumber,
        sectionTitle: e.sectionTitle,
        organisation: e.organisation,
        author: e.author,
        text: e.text,
        quote: e.quote,
        decision: e.decision,
        reason: e.reason,
        resultRevision: e.resultRevision,
        createdAt: e.createdAt.toISOString(),
      })),
    sections: owners,
  };
}
