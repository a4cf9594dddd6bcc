import "server-only";
import { eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Tx } from "@/db/connect";
import { sectionLiveDocuments } from "@/db/schema";
import { replaceLiveContent, SERVER_ORIGIN } from "./live-content";
import { collabServer } from "./live-registry";

/**
 * A revision written outside the live text (a restored revision, an accepted change proposal, an import) becomes
 * an ordinary change of the live text: everyone connected sees it at once. Nobody has it open here: the stored
 * live state follows, so the next person to open the section starts from the new revision.
 */
export async function followRevisionInLiveText(tx: Tx, sectionId: string, content: unknown, version: number) {
  const server = collabServer();
  const loaded = server?.loadedDocument(sectionId);
  if (loaded) {
    replaceLiveContent(loaded.document, content, SERVER_ORIGIN);
    loaded.state.baseVersion = version;
    loaded.state.dirty = false;
    server!.announceVersion(sectionId, version);
    return;
  }
  const [row] = await tx.select().from(sectionLiveDocuments).where(eq(sectionLiveDocuments.sectionId, sectionId));
  if (!row) return;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, row.state);
  replaceLiveContent(doc, content, SERVER_ORIGIN);
  await tx
    .update(sectionLiveDocuments)
    .set({ state: Y.encodeStateAsUpdate(doc), baseVersion: version, dirty: false, updatedAt: sql`now()` })
    .where(eq(sectionLiveDocuments.sectionId, sectionId));
  doc.destroy();
}
