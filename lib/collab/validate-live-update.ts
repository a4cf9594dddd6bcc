import "server-only";
import * as Y from "yjs";
import { AppError } from "@/lib/errors";
import { MAX_CONTENT_BYTES, validateContent } from "@/lib/content/validate-content";
import { LIVE_FIELD, liveDocumentJson } from "./live-content";

/** An update larger than the largest allowed text cannot be a valid change. */
const MAX_UPDATE_BYTES = 2 * MAX_CONTENT_BYTES;

/**
 * Checks one incoming Yjs update before it touches the shared document: applied to a copy, the text afterwards
 * must pass the same check as every saved revision (schema, links, 512 KB). Synchronous and database-free, so
 * it costs one copy of the (small) document per message and never waits.
 */
export function checkLiveUpdate(doc: Y.Doc, update: Uint8Array): AppError | null {
  if (update.byteLength > MAX_UPDATE_BYTES) return new AppError("VALIDATION", "appError.content.tooLarge");
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(copy, update);
    // An update that builds on something the server never accepted cannot be applied now; kept pending it would
    // be stored and sent to everyone unchecked.
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null)
      return new AppError("VALIDATION", "appError.content.damaged");
    // Only the editor's own field: anything else would be stored and sent to everyone, unchecked.
    for (const name of copy.share.keys()) {
      if (name !== LIVE_FIELD) return new AppError("VALIDATION", "appError.content.schemaMismatch");
    }
    validateContent(liveDocumentJson(copy));
    return null;
  } catch (error) {
    return error instanceof AppError ? error : new AppError("VALIDATION", "appError.content.damaged");
  } finally {
    copy.destroy();
  }
}
