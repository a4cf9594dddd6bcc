import "server-only";
import type { Node as PmNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { Tx } from "@/db/connect";
import { hasSuggestions } from "@/lib/content/suggestions";
import { validateLiveContent } from "@/lib/content/validate-content";
import { AppError } from "@/lib/errors";
import { liveDocumentJson, replaceLiveContent, SERVER_ORIGIN } from "./live-content";
import { readStoredLiveState, writeStoredLiveState } from "./live-document-store";
import { collabServer } from "./live-registry";

/**
 * A revision written outside the live text (a restored revision, an accepted change proposal, an import) becomes
 * an ordinary change of the live text: everyone connected sees it at once. Nobody has it open here: the stored
 * live state follows, so the next person to open the section starts from the new revision. Refused while the live
 * text holds open suggestions: replacing the text would silently drop them (they are decided first).
 */
export async function followRevisionInLiveText(tx: Tx, sectionId: string, content: unknown, version: number) {
  const live = await readLiveText(tx, sectionId);
  if (live && hasSuggestions(live)) throw new AppError("CONFLICT", "appError.suggestion.openInText");
  await writeLiveText(tx, sectionId, content, version);
}

/** The section's live text now: the document open in this process, else the stored state; null without either. */
export async function readLiveText(tx: Tx, sectionId: string): Promise<PmNode | null> {
  const loaded = collabServer()?.loadedDocument(sectionId);
  if (loaded) return validateLiveContent(liveDocumentJson(loaded.document));
  const row = await readStoredLiveState(tx, sectionId);
  if (!row) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, row.state);
    return validateLiveContent(liveDocumentJson(doc));
  } finally {
    doc.destroy();
  }
}

/**
 * Makes the live text equal to `content` as a minimal change. With `version`, the text is that revision (the live
 * state records it as its base); without, only suggestions changed and the base stays.
 */
export async function writeLiveText(tx: Tx, sectionId: string, content: unknown, version: number | null) {
  const server = collabServer();
  const loaded = server?.loadedDocument(sectionId);
  if (loaded) {
    replaceLiveContent(loaded.document, content, SERVER_ORIGIN);
    if (version !== null) {
      loaded.state.baseVersion = version;
      loaded.state.dirty = false;
      server!.announceVersion(sectionId, version);
    }
    return;
  }
  const row = await readStoredLiveState(tx, sectionId);
  if (!row) return;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, row.state);
  replaceLiveContent(doc, content, SERVER_ORIGIN);
  await writeStoredLiveState(tx, sectionId, Y.encodeStateAsUpdate(doc), {
    baseVersion: version ?? row.baseVersion,
    dirty: version === null ? row.dirty : false,
    contributorIds: row.contributorIds,
  });
  doc.destroy();
}
